/**
 * One real n8n for the whole e2e run: the cached n8n 2.8.4, a temporary user folder, this package built,
 * packed and installed like n8n's community-package installer does, the Evalytics simulator, and the
 * credentials and workflows of test/e2e/workflows imported once.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	ensureN8n,
	extractExecutionJson,
	prepareUserFolder,
	REPO_ROOT,
	runN8n,
	runN8nOrThrow,
	sleep,
	type N8nFolder,
	type N8nInstall,
} from '../../../scripts/n8n';
import type { RunData } from '../../../scripts/n8n-rest';
import { buildPackage, installLikeN8n, packPackage, type InstalledPackage } from '../../../scripts/package-install';
import { startEvalyticsSimulator, TOP_ORGANISATION_ID, type EvalyticsSimulator } from '../../simulators/evalytics';

/** Distinctive, so a test can prove it never shows up in n8n's output. */
export const API_KEY = 'e2e-secret-api-key-5d1c9a';
/** The scheduled workflow's own key: tells its requests apart from the trigger's in the simulator log. */
export const SCHEDULE_API_KEY = 'e2e-schedule-api-key-77b2';
export const SIMULATED_USERS = 30;

export interface E2eSuite {
	install: N8nInstall;
	folder: N8nFolder;
	pkg: InstalledPackage;
	sim: EvalyticsSimulator;
	workDir: string;
}

export async function setUpSuite(): Promise<E2eSuite> {
	const install = await ensureN8n();
	await buildPackage();
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-'));
	const folder = prepareUserFolder(join(workDir, 'user'), { encryptionKey: 'n8n-nodes-edu-e2e-key', logLevel: 'info' });
	const pkg = await installLikeN8n(await packPackage(workDir), folder.nodesDir);
	const sim = await startEvalyticsSimulator({
		users: SIMULATED_USERS,
		apiKeys: { [API_KEY]: { organisations: 'all' }, [SCHEDULE_API_KEY]: { organisations: 'all' } },
	});
	const suite: E2eSuite = { install, folder, pkg, sim, workDir };
	try {
		await importFixtures(suite);
	} catch (error) {
		await tearDownSuite(suite);
		throw error;
	}
	return suite;
}

async function importFixtures({ install, folder, sim, workDir }: E2eSuite): Promise<void> {
	const organisation = String(TOP_ORGANISATION_ID);
	const credentials = [
		{ id: 'e2eEvalytics', name: 'Evalytics (e2e simulator)', type: 'evalyticsApi', data: { apiKey: API_KEY, baseUrl: sim.url, organisation } },
		{
			id: 'e2eEvalyticsSchedule',
			name: 'Evalytics (e2e simulator, schedule key)',
			type: 'evalyticsApi',
			data: { apiKey: SCHEDULE_API_KEY, baseUrl: sim.url, organisation },
		},
	];
	const credentialsFile = join(workDir, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	await runN8nOrThrow(install, ['import:credentials', `--input=${credentialsFile}`], folder.env);

	const workflowsDir = join(workDir, 'workflows');
	mkdirSync(workflowsDir);
	const source = join(REPO_ROOT, 'test', 'e2e', 'workflows');
	for (const file of readdirSync(source).filter((name) => name.endsWith('.json'))) {
		copyFileSync(join(source, file), join(workflowsDir, file));
	}
	await runN8nOrThrow(install, ['import:workflow', '--separate', `--input=${workflowsDir}`], folder.env);
}

export async function tearDownSuite(suite: E2eSuite | undefined): Promise<void> {
	if (!suite) return;
	await suite.sim.close();
	if (process.env.N8N_EDU_E2E_KEEP) process.stderr.write(`e2e user folder kept: ${suite.workDir}\n`);
	else rmSync(suite.workDir, { recursive: true, force: true });
}

export interface CliExecution {
	code: number;
	run: RunData;
	/** stdout and stderr together, for "never prints a secret" checks. */
	output: string;
}

/** `n8n execute --id=… --rawOutput`: the exit code and the run data it printed (also when it failed). */
export async function executeWorkflow(suite: E2eSuite, workflowId: string): Promise<CliExecution> {
	const result = await runN8n(suite.install, ['execute', `--id=${workflowId}`, '--rawOutput'], suite.folder.env);
	const output = `${result.stdout}\n${result.stderr}`;
	const execution = extractExecutionJson(result.stdout) as { data: RunData };
	return { code: result.code, run: execution.data, output };
}

/** Polls `check` until it returns a value (not undefined); a deadline for something to happen, not a speed test. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${timeoutMs} ms`);
		await sleep(250);
	}
}
