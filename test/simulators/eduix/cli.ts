/**
 * `node cli.js --port 5804 [--employees 40] [--seed 42] [--latency 0]`: runs the Edu-V Employees simulator
 * until SIGINT/SIGTERM and prints its URLs and the demo client (used by `npm start`).
 */
import { runSimulatorCli } from '../common/cli';
import { DEFAULT_CLIENT_ID, DEFAULT_KEY_ID, startEduixSimulator } from './index';

runSimulatorCli(
	['port', 'employees', 'seed', 'latency'],
	'Usage: cli.js [--port 5804] [--employees 40] [--seed 42] [--latency 0]',
	async (flags) => {
		const simulator = await startEduixSimulator({
			port: flags.integer('port', 5804),
			employeesPerSchool: flags.integer('employees', 40),
			seed: flags.integer('seed', 42),
			latencyMs: flags.integer('latency', 0),
		});
		return {
			banner: `Edu-V Employees simulator: base URL ${simulator.baseUrl}, token URL ${simulator.tokenUrl}, client ${DEFAULT_CLIENT_ID} (kid ${DEFAULT_KEY_ID}, key in test/simulators/eduix/fixtures/client.key)`,
			close: () => simulator.close(),
		};
	},
);
