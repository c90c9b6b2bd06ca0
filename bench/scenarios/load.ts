import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { formatMs, median, type Scenario } from '../harness';
import type { LoadReport } from '../support/load-entries';
import { n8nEntryFiles, repoRoot } from '../support/paths';

const run = promisify(execFile);

/** The whole package must load in well under a blink: n8n loads every community package at start. */
const TARGET_MS = 50;

/**
 * Load time: a fresh child per run (a warm require.cache would measure nothing), with n8n-workflow
 * already required as inside n8n. The time is measured inside the child, around the requires only.
 */
export const scenario: Scenario = {
	id: 'load',
	title: 'Load time: every node and credential in package.json n8n block',
	async prepare() {
		const missing = n8nEntryFiles().filter((file) => !existsSync(file));
		if (missing.length) throw new Error(`Not built (run npm run build): ${missing.join(', ')}`);
		const child = join(__dirname, '..', 'support', 'load-entries.js');
		const reports: LoadReport[] = [];
		return {
			variants: [
				{
					name: `require + instantiate ${n8nEntryFiles().length} files`,
					target: { kind: 'ms', max: TARGET_MS },
					async run() {
						const { stdout } = await run(process.execPath, ['--expose-gc', child], { cwd: repoRoot() });
						const report = JSON.parse(stdout.trim().split('\n').pop()!) as LoadReport;
						reports.push(report);
						return {
							ms: report.totalMs,
							memory: { heapBytes: report.heapBytes, rssBytes: report.rssBytes },
							checks: { 'undici lazy': !report.loaded.undici, 'soap lazy': !report.loaded.soap },
						};
					},
				},
			],
			notes() {
				// Per-file medians over all child runs (warm-up included: each run is a cold process anyway).
				const perFile = new Map<string, number[]>();
				for (const report of reports) {
					for (const { file, ms } of report.files) perFile.set(file, [...(perFile.get(file) ?? []), ms]);
				}
				return [
					'Time and memory measured inside a fresh child process (n8n-workflow preloaded). Per file, median, in load order',
					'(a file pays for the shared modules it is the first to require):',
					...[...perFile].map(([file, times]) => `  ${formatMs(median(times)).padStart(8)}  ${file}`),
				];
			},
		};
	},
};
