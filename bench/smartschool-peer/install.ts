/**
 * The peer community node `n8n-nodes-smartschool@1.1.0` for the Smartschool bench: installed from this folder's
 * package-lock.json with scripts off (it pulls playwright, whose install script would download browsers) into a
 * cache OUTSIDE the clone, keyed by the lockfile's hash, like scripts/n8n.ts does for n8n. `npm run bench` on a
 * fresh machine installs it once (a few seconds; npm registry only).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

import { repoRoot } from '../support/paths';

export const PEER_PACKAGE = 'n8n-nodes-smartschool';

/** The folder holding this package.json, lockfile and .npmrc (sources, not the compiled build/ copy). */
function sourceDir(): string {
	return join(repoRoot(), 'bench', 'smartschool-peer');
}

/** `N8N_EDU_PEER_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-edu/smartschool-peer-<16 hex of sha256(lockfile)>`. */
export function peerInstallDir(): string {
	if (process.env.N8N_EDU_PEER_DIR) return resolve(process.env.N8N_EDU_PEER_DIR);
	const key = createHash('sha256').update(readFileSync(join(sourceDir(), 'package-lock.json'))).digest('hex').slice(0, 16);
	const base = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-edu');
	return join(base, `smartschool-peer-${key}`);
}

/** The installed package's root; installs it first when missing (staged, then renamed: never a half install). */
export function ensurePeer(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string {
	const dir = peerInstallDir();
	const packageRoot = join(dir, 'node_modules', PEER_PACKAGE);
	if (existsSync(join(packageRoot, 'package.json'))) return packageRoot;
	const staging = `${dir}.partial-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(sourceDir(), file), join(staging, file));
	log(`Installing ${PEER_PACKAGE} (bench/smartschool-peer/package-lock.json, scripts off) into ${dir} — once per lockfile.`);
	const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
		cwd: staging,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (npm.status !== 0) {
		rmSync(staging, { recursive: true, force: true });
		throw new Error(`npm ci for ${PEER_PACKAGE} failed (exit ${npm.status ?? npm.signal})`);
	}
	mkdirSync(dirname(dir), { recursive: true });
	rmSync(dir, { recursive: true, force: true });
	renameSync(staging, dir);
	return packageRoot;
}

type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

/**
 * The peer declares n8n-workflow as a peer dependency, installed without it (legacy-peer-deps): resolve its
 * `require('n8n-workflow')` to the copy the engine uses, as n8n runs a community node against its own
 * n8n-workflow. Only requests from files inside the peer's install are redirected.
 */
export function useHostN8nWorkflow(peerRoot: string): void {
	const internals = Module as unknown as { _resolveFilename: Resolve & { peerHooked?: boolean } };
	if (internals._resolveFilename.peerHooked) return;
	const original = internals._resolveFilename;
	const hostRequire = Module.createRequire(join(repoRoot(), 'package.json'));
	const prefix = dirname(dirname(peerRoot)) + sep;
	const hooked: Resolve & { peerHooked?: boolean } = function (this: unknown, request, parent, ...rest) {
		if ((request === 'n8n-workflow' || request.startsWith('n8n-workflow/')) && parent?.filename?.startsWith(prefix)) {
			return hostRequire.resolve(request);
		}
		return original.call(this, request, parent, ...rest);
	};
	hooked.peerHooked = true;
	internals._resolveFilename = hooked;
}
