/**
 * Installs this package into an n8n user folder the way n8n's community-package installer does (2.8.4 and 2.40.7 alike)
 * (`CommunityPackagesService.downloadPackage` in n8n/dist/modules/community-packages): unpack the npm
 * tarball into `<n8nFolder>/nodes/node_modules/<name>`, drop devDependencies, peerDependencies and
 * optionalDependencies from its package.json, `npm install` its runtime dependencies inside that folder
 * without scripts, and record it in `<n8nFolder>/nodes/package.json`. The only difference: the tarball
 * comes from `npm pack` of this clone instead of the registry.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

import { childNpmEnv, REPO_ROOT, type N8nInstall } from './n8n';

/** n8n's own npm flags for a community install (`NPM_COMMON_ARGS` + `NPM_INSTALL_ARGS`). */
const N8N_NPM_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

interface Manifest {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	n8n?: { nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

export interface InstalledPackage {
	name: string;
	version: string;
	/** `<nodesDir>/node_modules/<name>` */
	dir: string;
	/** Files listed in the `n8n` block (credentials, then nodes), relative to `dir`. */
	entryFiles: string[];
}

async function run(command: string, args: string[], cwd: string, echo = false, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		output += chunk.toString();
		if (echo) process.stderr.write(chunk);
	});
	child.stderr.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		if (echo) process.stderr.write(chunk);
	});
	const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
	if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${output}`);
	return stdout;
}

/** `npm run build` of this clone (clean, tsc, icons and assets). */
export async function buildPackage(echo = false): Promise<void> {
	await run('npm', ['run', 'build'], REPO_ROOT, echo);
}

/** `npm pack` of this clone into `destination`; returns the tarball's path. Only `files` goes in. */
export async function packPackage(destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	const stdout = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], REPO_ROOT);
	const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}

/** Installs `tarball` into `nodesDir` like n8n's installer; replaces an earlier install of the package. */
export async function installLikeN8n(tarball: string, nodesDir: string, echo = false): Promise<InstalledPackage> {
	const nodesManifest = join(nodesDir, 'package.json');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(nodesManifest)) {
		writeFileSync(nodesManifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const { name } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
	const dir = join(nodesDir, 'node_modules', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], nodesDir);

	const manifestFile = join(dir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[key];
	writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	// --prefer-offline only spares registry round trips for the pinned soap/undici already in npm's cache.
	await run('npm', ['install', ...N8N_NPM_INSTALL_ARGS, '--prefer-offline'], dir, echo, childNpmEnv(process.execPath));

	const installed = JSON.parse(readFileSync(nodesManifest, 'utf8')) as Manifest;
	installed.dependencies = { ...installed.dependencies, [manifest.name]: manifest.version };
	writeFileSync(nodesManifest, JSON.stringify(installed, null, 2));

	return {
		name: manifest.name,
		version: manifest.version,
		dir,
		entryFiles: [...(manifest.n8n?.credentials ?? []), ...(manifest.n8n?.nodes ?? [])],
	};
}

/** What a plain Node process with n8n's module paths found when loading every entry file. */
export interface LoadReport {
	/** Where `require('n8n-workflow')` from the package folder lands (real path). */
	workflowFromPackage: string;
	/** Every distinct n8n-workflow folder that ended up in require.cache. */
	workflowCopies: string[];
	/** Entry file → the `name` its class declares. */
	loaded: Array<{ file: string; name: string; icons: string[] }>;
	errors: string[];
}

/**
 * Loads the package's entry files in a child Node that sets NODE_PATH exactly as n8n's
 * LoadNodesAndCredentials.init() does (the module paths of n8n/dist), then reports which n8n-workflow
 * they got. Plain JS because it runs outside TypeScript and jest.
 */
const LOAD_CHECK = `
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { n8nDist, packageDir, files } = JSON.parse(process.argv[1]);
process.env.NODE_PATH = Module._nodeModulePaths(n8nDist).join(path.delimiter);
Module._initPaths();
const report = { workflowFromPackage: '', workflowCopies: [], loaded: [], errors: [] };
try {
	report.workflowFromPackage = fs.realpathSync(require.resolve('n8n-workflow', { paths: [packageDir] }));
} catch (error) {
	report.errors.push('n8n-workflow: ' + error.message);
}
for (const file of files) {
	try {
		const full = path.join(packageDir, file);
		const className = path.basename(file).split('.')[0];
		const Type = require(full)[className];
		if (typeof Type !== 'function') throw new Error('exports no class ' + className);
		const instance = new Type();
		const description = instance.description ?? instance;
		const icon = description.icon;
		const icons = (typeof icon === 'string' ? [icon] : icon ? Object.values(icon) : [])
			.filter((value) => typeof value === 'string' && value.startsWith('file:'))
			.map((value) => path.resolve(path.dirname(full), value.slice(5)));
		for (const iconFile of icons) if (!fs.existsSync(iconFile)) throw new Error('icon missing: ' + iconFile);
		report.loaded.push({ file, name: description.name, icons });
	} catch (error) {
		report.errors.push(file + ': ' + error.message);
	}
}
const pattern = /^(.*[\\\\/]node_modules[\\\\/]n8n-workflow)[\\\\/]/;
report.workflowCopies = [...new Set(Object.keys(require.cache).map((key) => (pattern.exec(key) || [])[1]).filter(Boolean))];
console.log(JSON.stringify(report));
`;

export async function loadInsideN8n(install: N8nInstall, pkg: InstalledPackage): Promise<LoadReport> {
	const input = JSON.stringify({ n8nDist: join(install.dir, 'node_modules', 'n8n', 'dist'), packageDir: pkg.dir, files: pkg.entryFiles });
	// An empty NODE_PATH from our side: the check sets n8n's own.
	const stdout = await run(install.node, ['-e', LOAD_CHECK, input], dirname(pkg.dir));
	return JSON.parse(stdout) as LoadReport;
}

/** n8n's copy of n8n-workflow (real path), the only one our nodes may load. */
export function n8nWorkflowDir(install: N8nInstall): string {
	return realpathSync(join(install.dir, 'node_modules', 'n8n-workflow'));
}

/**
 * Problems that would make n8n load the package wrongly: an entry file or icon missing from the tarball
 * (`files` in package.json), a class that fails to load, an own copy of n8n-workflow, or a second copy
 * reached by walking up from the install folder. Empty when all is well.
 */
export async function verifyInstalledPackage(install: N8nInstall, pkg: InstalledPackage): Promise<string[]> {
	const problems: string[] = [];
	if (pkg.entryFiles.length === 0) problems.push('package.json has no files in its n8n block');
	for (const file of pkg.entryFiles) {
		if (!existsSync(join(pkg.dir, file))) problems.push(`${file} (listed in the n8n block) is not in the installed package`);
		const codex = join(pkg.dir, `${file}on`);
		if (file.endsWith('.node.js') && !existsSync(codex)) problems.push(`codex ${relative(pkg.dir, codex)} is missing`);
	}
	if (existsSync(join(pkg.dir, 'node_modules', 'n8n-workflow'))) {
		problems.push('the package installed its own n8n-workflow (peerDependencies must not reach dependencies)');
	}
	const report = await loadInsideN8n(install, pkg);
	problems.push(...report.errors);
	const own = n8nWorkflowDir(install);
	if (report.workflowFromPackage && !report.workflowFromPackage.startsWith(own + sep)) {
		problems.push(`n8n-workflow resolves to ${report.workflowFromPackage}, not n8n's ${own}`);
	}
	const foreign = report.workflowCopies.map((copy) => realpathSync(copy)).filter((copy) => copy !== own);
	if (foreign.length) problems.push(`a second n8n-workflow was loaded: ${foreign.join(', ')}`);
	return problems;
}

/**
 * For a user folder inside a project that has its own node_modules (the repo's `.n8n-start/`): Node
 * would find the project's dev copy of n8n-workflow before n8n's NODE_PATH. A link at
 * `<nodesDir>/node_modules/n8n-workflow` to n8n's copy stops that walk (n8n's loader only picks up
 * `n8n-nodes-*` folders there). Returns whether a link was needed. A normal ~/.n8n never needs it.
 */
export function pinN8nWorkflow(install: N8nInstall, nodesDir: string, packageDir: string): boolean {
	const link = join(nodesDir, 'node_modules', 'n8n-workflow');
	rmSync(link, { recursive: true, force: true });
	let found: string | undefined;
	try {
		found = realpathSync(require.resolve('n8n-workflow', { paths: [packageDir] }));
	} catch {
		found = undefined;
	}
	if (found === undefined || found.startsWith(n8nWorkflowDir(install) + sep)) return false;
	symlinkSync(n8nWorkflowDir(install), link, 'dir');
	return true;
}
