/**
 * The real n8n that the end-to-end suite and `npm start` run: n8n@2.8.4 as pinned by
 * test/e2e/package-lock.json, installed once into a cache OUTSIDE the clone and keyed by that lockfile's
 * hash, so every clone and CI run on a machine shares one install and a lockfile change gets a fresh one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const REPO_ROOT = findRepoRoot(__dirname);
const E2E_DIR = join(REPO_ROOT, 'test', 'e2e');

export interface N8nInstall {
	/** Folder holding the lockfile copy and node_modules/. */
	dir: string;
	/** n8n's own launcher (`node_modules/n8n/bin/n8n`), run with this Node. */
	bin: string;
	version: string;
}

export type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

/** `N8N_EDU_N8N_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-edu/n8n-<16 hex of sha256(lockfile)>`. */
export function n8nInstallDir(): string {
	if (process.env.N8N_EDU_N8N_DIR) return resolve(process.env.N8N_EDU_N8N_DIR);
	const lock = readFileSync(join(E2E_DIR, 'package-lock.json'));
	const key = createHash('sha256').update(lock).digest('hex').slice(0, 16);
	return join(cacheBase(), `n8n-${key}`);
}

function cacheBase(): string {
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-edu');
}

function describeInstall(dir: string): N8nInstall | undefined {
	const manifest = join(dir, 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest)) return undefined;
	const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
	return { dir, bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), version };
}

/**
 * Returns the cached n8n, installing it first when missing (`npm ci`, several minutes, output shown).
 * The install goes into a temporary sibling folder that is renamed into place only after `npm ci`
 * succeeded, so a broken or interrupted install is never picked up as the cache.
 */
export async function ensureN8n(log: Log = stderrLog): Promise<N8nInstall> {
	const dir = n8nInstallDir();
	const cached = describeInstall(dir);
	if (cached) return cached;

	const staging = `${dir}.partial-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(E2E_DIR, file), join(staging, file));
	const logFile = join(dirname(dir), `install-${basename(dir).replace(/^n8n-/, '')}.log`);
	log(`Installing n8n (test/e2e/package-lock.json) into ${dir} — once per lockfile, takes a few minutes. Log: ${logFile}`);

	const started = Date.now();
	const output = createWriteStream(logFile);
	const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: staging, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', (chunk: Buffer) => (output.write(chunk), process.stderr.write(chunk)));
	child.stderr.on('data', (chunk: Buffer) => (output.write(chunk), process.stderr.write(chunk)));
	// npm shows no progress when piped: report time and the size of node_modules so far.
	const heartbeat = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		log(`  … still installing n8n (${seconds}s, ${countEntries(join(staging, 'node_modules'))} packages so far)`);
	}, 20_000);
	const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
	clearInterval(heartbeat);
	output.end();
	if (code !== 0) {
		rmSync(staging, { recursive: true, force: true });
		throw new Error(`npm ci for n8n failed (exit ${code}); see ${logFile}`);
	}
	try {
		renameSync(staging, dir);
	} catch (error) {
		// Another process finished the same install first: keep theirs.
		rmSync(staging, { recursive: true, force: true });
		if (!describeInstall(dir)) throw error;
	}
	log(`n8n installed in ${Math.round((Date.now() - started) / 1000)}s`);
	const installed = describeInstall(dir);
	if (!installed) throw new Error(`n8n is missing from ${dir} after npm ci`);
	return installed;
}

function countEntries(nodeModules: string): number {
	if (!existsSync(nodeModules)) return 0;
	return readdirSync(nodeModules).reduce(
		(sum, entry) => sum + (entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).length : entry.startsWith('.') ? 0 : 1),
		0,
	);
}

/**
 * Where example and e2e workflows read files from: the folder n8n's Docker image allows by default. Local runs
 * point these paths at their own allowed folder when they import the workflows (`pointFilesAt`).
 */
export const WORKFLOW_FILES_PATH = '/home/node/.n8n-files/';

/** A workflow's JSON text with every WORKFLOW_FILES_PATH path moved into `dir`. */
export function pointFilesAt(workflowJson: string, dir: string): string {
	return workflowJson.split(WORKFLOW_FILES_PATH).join(`${dir.replace(/\/+$/, '')}/`);
}

export interface N8nFolder {
	/** `N8N_USER_FOLDER`; n8n keeps its data in `<userFolder>/.n8n`. */
	userFolder: string;
	n8nFolder: string;
	/** Where n8n's community-package installer puts packages: `<n8nFolder>/nodes`. */
	nodesDir: string;
	env: NodeJS.ProcessEnv;
}

export interface FolderOptions {
	/** Fixed so a reused folder keeps decrypting its credentials; n8n refuses a changed key. */
	encryptionKey: string;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/** Extra or overriding variables (N8N_PORT, N8N_RESTRICT_FILE_ACCESS_TO, …). */
	env?: Record<string, string>;
}

/**
 * A user folder plus the environment every n8n command of it runs with: SQLite, no telemetry, no calls
 * home (templates, version notifications, banners), internal task runner. The parent's own N8N_*, DB_*
 * and NODE_ENV are dropped so neither a developer's shell nor the test runner leaks into the run.
 */
export function prepareUserFolder(userFolder: string, options: FolderOptions): N8nFolder {
	const n8nFolder = join(userFolder, '.n8n');
	mkdirSync(n8nFolder, { recursive: true });
	// NODE_ENV=test (jest sets it) makes n8n silent and refuse to load nodes ("Not available in tests").
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(N8N_|DB_|EXECUTIONS_|JEST_|GENERIC_TIMEZONE$|NODE_ENV$)/.test(name)),
	);
	const env: NodeJS.ProcessEnv = {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: options.encryptionKey,
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_LOG_FORMAT: 'text',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_RUNNERS_MODE: 'internal',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...options.env,
	};
	return { userFolder, n8nFolder, nodesDir: join(n8nFolder, 'nodes'), env };
}

/** A TCP port that was free a moment ago (n8n's server, its task broker, simulators). */
export async function freePort(): Promise<number> {
	return await new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
		});
	});
}

/**
 * Every n8n process starts a task broker on 5679 unless told otherwise; a free port per process lets the
 * suite run while `npm start` (or another n8n) is up.
 */
async function processEnv(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
	return { ...env, N8N_RUNNERS_BROKER_PORT: env.N8N_RUNNERS_BROKER_PORT ?? String(await freePort()) };
}

export interface N8nResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs one n8n CLI command (`import:workflow`, `execute`, `publish:workflow`, …) and captures its output.
 * `killAfterMs` is a safety net against a hung command (it is killed and reported), not a speed check.
 */
export async function runN8n(
	install: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
	{ killAfterMs = 5 * 60_000 }: { killAfterMs?: number } = {},
): Promise<N8nResult> {
	const child = spawn(process.execPath, [install.bin, ...args], {
		cwd: env.N8N_USER_FOLDER,
		env: await processEnv(env),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const timer = setTimeout(() => {
		stderr += `\n[n8n ${args[0]} killed after ${killAfterMs} ms]\n`;
		signalGroup(child, 'SIGKILL');
	}, killAfterMs);
	const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
	clearTimeout(timer);
	process.off('exit', killOnExit);
	// `execute` starts a task runner in n8n's process group; make sure it went with n8n.
	signalGroup(child, 'SIGKILL');
	return { code, stdout, stderr };
}

/** Like runN8n, but a non-zero exit is an error carrying the command's output. */
export async function runN8nOrThrow(install: N8nInstall, args: string[], env: NodeJS.ProcessEnv): Promise<N8nResult> {
	const result = await runN8n(install, args, env);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

/**
 * The run data `n8n execute` prints: one JSON document whose first line is `{` and last line `}` among
 * n8n's other log lines (the logger writes everything to stdout).
 */
export function extractExecutionJson(stdout: string): unknown {
	const lines = stdout.split(/\r?\n/);
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start === -1 || end < start) throw new Error(`No execution JSON in n8n output:\n${stdout.slice(0, 2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

const EDITOR_READY_LINE = 'Editor is now accessible via';

export interface N8nServer {
	url: string;
	port: number;
	child: ChildProcess;
	/** Everything n8n printed so far (stdout and stderr). */
	output(): string;
	/** Resolves once n8n says the editor is accessible and `/healthz/readiness` answers 200 (needs log level info). */
	ready(timeoutMs?: number): Promise<void>;
	/** SIGTERM (n8n's graceful shutdown), SIGKILL to the process group after `graceMs`; the exit code. */
	stop(graceMs?: number): Promise<number | null>;
}

/**
 * `n8n start` on the given port. It runs in its own process group so that stopping it also ends the task
 * runner it spawns, and a Ctrl-C in the terminal reaches only our launcher, which then stops n8n in order.
 */
export async function startN8n(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	options: { port: number; echo?: (chunk: string) => void },
): Promise<N8nServer> {
	const child = spawn(process.execPath, [install.bin, 'start'], {
		cwd: env.N8N_USER_FOLDER,
		env: await processEnv({ ...env, N8N_PORT: String(options.port), N8N_LISTEN_ADDRESS: '127.0.0.1' }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		options.echo?.(text);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	// Should our process end without stop() (an uncaught error), n8n must not outlive it.
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	void exited.then(() => process.off('exit', killOnExit));
	let hasExited = false;
	void exited.then(() => (hasExited = true));
	const url = `http://127.0.0.1:${options.port}`;

	return {
		url,
		port: options.port,
		child,
		output: () => output,
		async ready(timeoutMs = 120_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (hasExited) throw new Error(`n8n exited during start-up:\n${output.slice(-4000)}`);
				// Logged once the REST routes are mounted and the active workflows are activated (their
				// first polls done); /healthz answers earlier, while /rest still gives 404.
				if (output.includes(EDITOR_READY_LINE)) {
					const response = await fetch(`${url}/healthz/readiness`).catch(() => undefined);
					if (response?.ok) return;
				}
				await sleep(250);
			}
			throw new Error(`n8n did not become ready within ${timeoutMs} ms:\n${output.slice(-4000)}`);
		},
		async stop(graceMs = 30_000) {
			if (hasExited) return await exited;
			signalGroup(child, 'SIGTERM');
			const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
			const code = await exited;
			clearTimeout(timer);
			// The task runner may outlive n8n for a moment; the group shares n8n's id.
			signalGroup(child, 'SIGKILL');
			return code;
		},
	};
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// group already gone
	}
}

export async function sleep(ms: number): Promise<void> {
	await new Promise((done) => setTimeout(done, ms));
}

function findRepoRoot(from: string): string {
	for (let dir = from; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-edu') {
			return dir;
		}
		if (dirname(dir) === dir) throw new Error(`No n8n-nodes-edu package.json above ${from}`);
	}
}
