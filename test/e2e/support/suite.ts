/**
 * One real n8n per e2e test file, whatever the platform: the cached n8n of the line N8N_EDU_N8N_LINE names (scripts/n8n.ts), a temporary user folder, this
 * package installed like n8n's community-package installer does, the platform's simulator, and its credentials
 * and workflows (test/e2e/workflows/<prefix>*.json) imported once. Platforms plug in a `PlatformFixture`
 * (support/evalytics.ts, support/smartschool.ts). The package is built and packed once per jest run
 * (globalSetup.ts); a file run on its own builds it itself.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	ensureN8n,
	extractExecutionJson,
	pointFilesAt,
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
import type { DemoCredential } from '../../../scripts/simulators';

/** Set by globalSetup.ts: the tarball of this run's build, shared by every e2e file. */
export const TARBALL_ENV = 'N8N_EDU_E2E_TARBALL';
/** Set by globalSetup.ts when it packed the tarball itself (so its teardown removes it). */
export const PACKED_HERE_ENV = 'N8N_EDU_E2E_PACKED_HERE';

export interface PlatformFixture<Sim extends { close(): Promise<void> }> {
	/** The simulator this file's workflows talk to. */
	start(): Promise<Sim>;
	/** Credentials as `n8n import:credentials` takes them; the workflows reference them by id. */
	credentials(sim: Sim): DemoCredential[];
	/** The file-name prefix of this platform's workflows in test/e2e/workflows (e.g. 'evalytics-'). */
	workflowPrefix: string;
}

export interface E2eSuite<Sim extends { close(): Promise<void> } = { close(): Promise<void> }> {
	install: N8nInstall;
	folder: N8nFolder;
	pkg: InstalledPackage;
	sim: Sim;
	workDir: string;
	/**
	 * The only folder n8n may read and write files in (N8N_RESTRICT_FILE_ACCESS_TO). Workflows name it
	 * `/home/node/.n8n-files/`, rewritten on import as `npm start` does for the examples.
	 */
	filesDir: string;
}

export async function setUpSuite<Sim extends { close(): Promise<void> }>(fixture: PlatformFixture<Sim>): Promise<E2eSuite<Sim>> {
	const suite = await setUpPlatforms({ platform: fixture }, fixture.workflowPrefix);
	return { ...suite, sim: suite.sims.platform };
}

type Sims<F> = { [K in keyof F]: F[K] extends PlatformFixture<infer Sim> ? Sim : never };

export interface MultiPlatformSuite<F> extends Omit<E2eSuite, 'sim'> {
	sims: Sims<F>;
	/** Closes every simulator (tearDownSuite does it too). */
	sim: { close(): Promise<void> };
}

/**
 * One n8n with several platforms' simulators and credentials at once, and the workflows `workflowPrefix`*.json:
 * for tests that need all four nodes in one n8n (the triggers' schedule test pays its minute once).
 */
export async function setUpPlatforms<F extends Record<string, PlatformFixture<{ close(): Promise<void> }>>>(
	fixtures: F,
	workflowPrefix: string,
): Promise<MultiPlatformSuite<F>> {
	const install = await ensureN8n();
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-'));
	const filesDir = join(workDir, 'files');
	mkdirSync(filesDir);
	const folder = prepareUserFolder(join(workDir, 'user'), {
		encryptionKey: 'n8n-nodes-edu-e2e-key',
		logLevel: 'info',
		env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir },
	});
	const started: Array<{ close(): Promise<void> }> = [];
	const closeAll = { close: async () => void (await Promise.all(started.map(async (sim) => await sim.close()))) };
	try {
		const pkg = await installLikeN8n(await packedTarball(workDir), folder.nodesDir);
		const sims = {} as Record<string, { close(): Promise<void> }>;
		for (const [key, fixture] of Object.entries(fixtures)) {
			sims[key] = await fixture.start();
			started.push(sims[key]);
		}
		const suite: MultiPlatformSuite<F> = { install, folder, pkg, sims: sims as Sims<F>, sim: closeAll, workDir, filesDir };
		const credentials = Object.entries(fixtures).flatMap(([key, fixture]) => fixture.credentials(sims[key]));
		await importFixtures(suite, credentials, workflowPrefix);
		return suite;
	} catch (error) {
		await closeAll.close();
		rmSync(workDir, { recursive: true, force: true });
		throw error;
	}
}

/** The tarball this run packed (TARBALL_ENV), or a fresh build packed into `workDir` when a file runs on its own. */
export async function packedTarball(workDir: string): Promise<string> {
	const shared = process.env[TARBALL_ENV];
	if (shared) return shared;
	await buildPackage();
	return await packPackage(workDir);
}

async function importFixtures(suite: Omit<E2eSuite, 'sim'>, credentials: DemoCredential[], workflowPrefix: string): Promise<void> {
	const { install, folder, workDir } = suite;
	const credentialsFile = join(workDir, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	await runN8nOrThrow(install, ['import:credentials', `--input=${credentialsFile}`], folder.env);

	const workflowsDir = join(workDir, 'workflows');
	mkdirSync(workflowsDir);
	const source = join(REPO_ROOT, 'test', 'e2e', 'workflows');
	const files = readdirSync(source).filter((name) => name.startsWith(workflowPrefix) && name.endsWith('.json'));
	if (files.length === 0) throw new Error(`No workflows ${workflowPrefix}*.json in ${source}`);
	for (const file of files) {
		writeFileSync(join(workflowsDir, file), pointFilesAt(readFileSync(join(source, file), 'utf8'), suite.filesDir));
	}
	await runN8nOrThrow(install, ['import:workflow', '--separate', `--input=${workflowsDir}`], folder.env);
}

export async function tearDownSuite(suite: E2eSuite | undefined): Promise<void> {
	if (!suite) return;
	await suite.sim.close();
	if (process.env.N8N_EDU_E2E_KEEP) process.stderr.write(`e2e user folder kept: ${suite.workDir}\n`);
	else rmSync(suite.workDir, { recursive: true, force: true });
}

/** Writes a file into the suite's allowed files folder, where workflows find it as /home/node/.n8n-files/<name>. */
export function addFile(suite: E2eSuite, name: string, content: Buffer | string): string {
	const path = join(suite.filesDir, name);
	writeFileSync(path, content);
	return path;
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
