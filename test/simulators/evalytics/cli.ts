/**
 * `node cli.js --port 5801 --users 20000 [--seed 42] [--latency 0] [--api-key KEY]`: runs the Evalytics
 * simulator until SIGINT/SIGTERM and prints its URL (used by `npm start`).
 */
import { DEFAULT_API_KEY, startEvalyticsSimulator } from './index';

const FLAGS = ['port', 'users', 'seed', 'latency', 'api-key'];
const USAGE = 'Usage: cli.js [--port 5801] [--users 20000] [--seed 42] [--latency 0] [--api-key test-api-key]';

function readArgs(argv: string[]): Map<string, string> {
	const args = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match || !FLAGS.includes(match[1])) throw new Error(`Unexpected argument "${argv[i]}"\n${USAGE}`);
		const value = match[2] ?? argv[++i];
		if (value === undefined) throw new Error(`--${match[1]} needs a value\n${USAGE}`);
		args.set(match[1], value);
	}
	return args;
}

function integer(args: Map<string, string>, name: string, fallback: number): number {
	const raw = args.get(name);
	if (raw === undefined) return fallback;
	if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
	return Number(raw);
}

async function main(): Promise<void> {
	if (process.argv.includes('--help')) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const args = readArgs(process.argv.slice(2));
	const apiKey = args.get('api-key') || DEFAULT_API_KEY;
	const simulator = await startEvalyticsSimulator({
		port: integer(args, 'port', 5801),
		users: integer(args, 'users', 20_000),
		seed: integer(args, 'seed', 42),
		latencyMs: integer(args, 'latency', 0),
		apiKeys: { [apiKey]: { organisations: 'all' } },
	});
	process.stdout.write(`Evalytics simulator listening on ${simulator.url}\n`);
	const stop = () => {
		simulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
