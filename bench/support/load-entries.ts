/**
 * Child process of the load scenario. Requires n8n-workflow first (n8n has it loaded long before it
 * reaches community packages), then loads every credential and node file of the package's `n8n` block
 * the way n8n's loader does (`new (require(file)[ClassName])()`), and prints one JSON line.
 */
import { basename, join, sep } from 'node:path';
import { createRequire } from 'node:module';

import { n8nEntryFiles, repoRoot } from './paths';

export interface LoadReport {
	totalMs: number;
	files: Array<{ file: string; ms: number }>;
	heapBytes: number;
	rssBytes: number;
	/** Runtime dependencies that must load lazily (first execute), never at n8n start. */
	loaded: { undici: boolean; soap: boolean };
}

function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

function main(): void {
	const root = repoRoot();
	// A required path, not an import: n8n's loader requires by path, and lint rightly forbids bare require().
	const load = createRequire(join(root, 'package.json'));
	load('n8n-workflow');
	const entries = n8nEntryFiles();
	collectGarbage();
	const before = process.memoryUsage();
	const files: LoadReport['files'] = [];
	const started = process.hrtime.bigint();
	for (const file of entries) {
		const fileStarted = process.hrtime.bigint();
		const className = basename(file).split('.')[0];
		const exported = load(file) as Record<string, unknown>;
		const Class = exported[className];
		if (typeof Class !== 'function') throw new Error(`${file} does not export class ${className}`);
		new (Class as new () => unknown)();
		files.push({ file: file.slice(root.length + 1), ms: Number(process.hrtime.bigint() - fileStarted) / 1e6 });
	}
	const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
	collectGarbage();
	const after = process.memoryUsage();
	const cached = Object.keys(load.cache);
	const isLoaded = (name: string) => cached.some((path) => path.includes(`${sep}node_modules${sep}${name}${sep}`));
	const report: LoadReport = {
		totalMs,
		files,
		heapBytes: after.heapUsed - before.heapUsed,
		rssBytes: after.rss - before.rss,
		loaded: { undici: isLoaded('undici'), soap: isLoaded('soap') },
	};
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
