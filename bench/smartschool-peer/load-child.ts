/**
 * Child process of the Smartschool bench's load rows: `node load-child.js <node file> <class name> [peer root]`.
 * Requires n8n-workflow first (n8n has it loaded long before community packages), then times the require and
 * instantiation of one node file, the way n8n's loader does it, and prints one JSON line. With a peer root, the
 * peer's n8n-workflow is the host's (install.ts). `playwrightMs` times `require('playwright')` alone in the
 * peer's install (a fresh process each run, so it is the cold cost the peer pays at n8n start).
 */
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

import { repoRoot } from '../support/paths';
import { useHostN8nWorkflow } from './install';

export interface NodeLoadReport {
	ms: number;
	heapBytes: number;
	/** Packages found in require.cache after loading the file. */
	loaded: { soap: boolean; undici: boolean; playwright: boolean };
}

function main(): void {
	const [file, className, peerRoot, mode] = process.argv.slice(2);
	const load = createRequire(join(repoRoot(), 'package.json'));
	load('n8n-workflow');
	if (peerRoot) useHostN8nWorkflow(peerRoot);
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	const before = process.memoryUsage().heapUsed;
	const started = process.hrtime.bigint();
	if (mode === 'playwright-only') {
		createRequire(join(peerRoot, 'package.json'))('playwright');
	} else {
		const Class = (load(file) as Record<string, unknown>)[className];
		if (typeof Class !== 'function') throw new Error(`${file} does not export class ${className}`);
		new (Class as new () => unknown)();
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	gc?.();
	const cached = Object.keys(load.cache);
	const isLoaded = (name: string) => cached.some((path) => path.includes(`${sep}node_modules${sep}${name}${sep}`));
	const report: NodeLoadReport = {
		ms,
		heapBytes: process.memoryUsage().heapUsed - before,
		loaded: { soap: isLoaded('soap'), undici: isLoaded('undici'), playwright: isLoaded('playwright') },
	};
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
