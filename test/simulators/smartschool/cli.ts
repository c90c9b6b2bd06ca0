/**
 * `node cli.js --port 5802 --accounts 5000 [--seed 42] [--latency 0] [--access-code CODE] [--unique-field username]`:
 * runs the Smartschool simulator until SIGINT/SIGTERM and prints its URL.
 */
import { DEFAULT_ACCESS_CODE, startSmartschoolSimulator } from './index';

const FLAGS = ['port', 'accounts', 'seed', 'latency', 'access-code', 'unique-field'];
const USAGE =
	'Usage: cli.js [--port 5802] [--accounts 5000] [--seed 42] [--latency 0] [--access-code test-access-code] [--unique-field username|number]';

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
	const uniqueField = args.get('unique-field') ?? 'username';
	if (uniqueField !== 'username' && uniqueField !== 'number') throw new Error(`--unique-field must be username or number\n${USAGE}`);
	const accessCode = args.get('access-code') || DEFAULT_ACCESS_CODE;
	const simulator = await startSmartschoolSimulator({
		port: integer(args, 'port', 5802),
		accounts: integer(args, 'accounts', 5000),
		seed: integer(args, 'seed', 42),
		latencyMs: integer(args, 'latency', 0),
		accessCode,
		uniqueField,
	});
	process.stdout.write(`Smartschool simulator listening on ${simulator.url} (endpoint ${simulator.endpoint}, access code ${accessCode})\n`);
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
