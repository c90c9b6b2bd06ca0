/**
 * `node cli.js --port 5801 --users 20000 [--seed 42] [--latency 0] [--api-key KEY]`: runs the Evalytics
 * simulator until SIGINT/SIGTERM and prints its URL (used by `npm start`).
 */
import { runSimulatorCli } from '../common/cli';
import { DEFAULT_API_KEY, startEvalyticsSimulator } from './index';

runSimulatorCli(
	['port', 'users', 'seed', 'latency', 'api-key'],
	'Usage: cli.js [--port 5801] [--users 20000] [--seed 42] [--latency 0] [--api-key test-api-key]',
	async (flags) => {
		const apiKey = flags.get('api-key') || DEFAULT_API_KEY;
		const simulator = await startEvalyticsSimulator({
			port: flags.integer('port', 5801),
			users: flags.integer('users', 20_000),
			seed: flags.integer('seed', 42),
			latencyMs: flags.integer('latency', 0),
			apiKeys: { [apiKey]: { organisations: 'all' } },
		});
		return { banner: `Evalytics simulator listening on ${simulator.url}`, close: () => simulator.close() };
	},
);
