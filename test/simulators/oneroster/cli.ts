/**
 * `node cli.js --port 5803 --users 50000 [--seed 42] [--latency 0] [--page-cap 0] [--client-id ID] [--client-secret S]`:
 * runs the OneRoster simulator until SIGINT/SIGTERM and prints its URLs (used by `npm start`).
 */
import { runSimulatorCli } from '../common/cli';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startOneRosterSimulator } from './index';

runSimulatorCli(
	['port', 'users', 'seed', 'latency', 'page-cap', 'client-id', 'client-secret'],
	'Usage: cli.js [--port 5803] [--users 50000] [--seed 42] [--latency 0] [--page-cap 0 (none)] [--client-id demo-client] [--client-secret demo-client-secret]',
	async (flags) => {
		const cap = flags.integer('page-cap', 0);
		const simulator = await startOneRosterSimulator({
			port: flags.integer('port', 5803),
			users: flags.integer('users', 50_000),
			seed: flags.integer('seed', 42),
			latencyMs: flags.integer('latency', 0),
			readings: cap > 0 ? { pageCap: cap } : {},
			clients: { [flags.get('client-id') || DEFAULT_CLIENT_ID]: { secret: flags.get('client-secret') || DEFAULT_CLIENT_SECRET } },
		});
		return {
			banner: `OneRoster simulator listening on ${simulator.url} (rostering ${simulator.rosteringUrl}, token ${simulator.tokenUrl})`,
			close: () => simulator.close(),
		};
	},
);
