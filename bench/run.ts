/**
 * `npm run bench [-- <scenario id> ...]`: runs every scenario in bench/scenarios/ (or the named ones),
 * prints one table each and writes bench/results/latest.json. Targets are informational: the exit code is
 * 1 only when a scenario fails to run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { formatScenario, readSettings, runScenario, writeResults, type Scenario, type ScenarioResult } from './harness';

function isScenario(value: unknown): value is Scenario {
	const candidate = value as Partial<Scenario> | undefined;
	return typeof candidate?.id === 'string' && typeof candidate.title === 'string' && typeof candidate.prepare === 'function';
}

/** A scenario is one file in scenarios/ exporting `scenario`: adding a platform's bench adds one file. */
async function discoverScenarios(): Promise<Scenario[]> {
	const directory = join(__dirname, 'scenarios');
	const files = readdirSync(directory)
		.filter((file) => file.endsWith('.js'))
		.sort();
	const scenarios: Scenario[] = [];
	for (const file of files) {
		const exported = ((await import(join(directory, file))) as { scenario?: unknown }).scenario;
		if (!isScenario(exported)) throw new Error(`bench/scenarios/${file} does not export a \`scenario\``);
		scenarios.push(exported);
	}
	return scenarios;
}

async function main(): Promise<number> {
	const available = await discoverScenarios();
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((id) => !available.some((scenario) => scenario.id === id));
	if (unknown.length) {
		console.error(`Unknown scenario ${unknown.join(', ')}; available: ${available.map((s) => s.id).join(', ')}`);
		return 2;
	}
	const selected = wanted.length ? available.filter((scenario) => wanted.includes(scenario.id)) : available;
	const settings = readSettings();
	if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
		console.warn('global.gc is not exposed (run with node --expose-gc): memory peaks include old garbage.\n');
	}
	const results: ScenarioResult[] = [];
	for (const scenario of selected) {
		const result = await runScenario(scenario, settings);
		results.push(result);
		console.log(formatScenario(result));
	}
	console.log(`Results written to ${writeResults(results, settings)}`);
	return results.some((result) => result.error) ? 1 : 0;
}

// Exit explicitly: a keep-alive socket or timer left by a scenario must not keep the bench hanging.
main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
