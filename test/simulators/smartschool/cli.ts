/**
 * `node cli.js --port 5802 --accounts 5000 [--seed 42] [--latency 0] [--access-code CODE] [--unique-field username]`:
 * runs the Smartschool simulator until SIGINT/SIGTERM and prints its URL.
 */
import { runSimulatorCli } from '../common/cli';
import { DEFAULT_ACCESS_CODE, startSmartschoolSimulator } from './index';

const USAGE =
	'Usage: cli.js [--port 5802] [--accounts 5000] [--seed 42] [--latency 0] [--access-code test-access-code] [--unique-field username|number]';

runSimulatorCli(['port', 'accounts', 'seed', 'latency', 'access-code', 'unique-field'], USAGE, async (flags) => {
	const uniqueField = flags.get('unique-field') ?? 'username';
	if (uniqueField !== 'username' && uniqueField !== 'number') throw new Error(`--unique-field must be username or number\n${USAGE}`);
	const accessCode = flags.get('access-code') || DEFAULT_ACCESS_CODE;
	const simulator = await startSmartschoolSimulator({
		port: flags.integer('port', 5802),
		accounts: flags.integer('accounts', 5000),
		seed: flags.integer('seed', 42),
		latencyMs: flags.integer('latency', 0),
		accessCode,
		uniqueField,
	});
	return {
		banner: `Smartschool simulator listening on ${simulator.url} (endpoint ${simulator.endpoint}, access code ${accessCode})`,
		close: () => simulator.close(),
	};
});
