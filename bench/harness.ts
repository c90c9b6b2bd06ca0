/**
 * Side-by-side benchmark runner. A scenario is a set of named variants (one may be the reference); every
 * round runs each variant once, in an order rotated per round, so machine drift (thermal, GC, other
 * processes) hits all variants alike. Reports medians, not means: one slow outlier must not move the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';

import { repoRoot } from './support/paths';

/** A limit to compare a variant's median against: ours/reference of the medians, or absolute milliseconds. */
export type Target = { kind: 'ratio'; max: number } | { kind: 'ms'; max: number };

/** What one run of a variant may report besides the wall time the harness measures itself. */
export interface VariantRun {
	/** Overrides the measured wall time, e.g. a duration measured inside a child process. */
	ms?: number;
	/** Overrides the sampled memory, e.g. as measured inside a child process (bytes over its baseline). */
	memory?: { heapBytes: number; rssBytes: number };
	/** Yes/no facts shown in the table (e.g. "undici not loaded"); a false one makes the row MISS. */
	checks?: Record<string, boolean>;
}

export interface Variant {
	name: string;
	reference?: boolean;
	/** The variant (by name) this one's ratio is taken against, where a scenario has several references. */
	relativeTo?: string;
	target?: Target;
	run(): Promise<VariantRun | void>;
}

export interface PreparedScenario {
	variants: Variant[];
	/** Lines printed under the table, given the results (sizes, ratios to data, what was compared). */
	notes?(results: VariantResult[]): string[];
	teardown?(): Promise<void>;
}

export interface Scenario {
	/** Name used on the command line: `npm run bench -- <id>`. */
	id: string;
	title: string;
	prepare(settings: BenchSettings): Promise<PreparedScenario>;
}

export interface BenchSettings {
	rounds: number;
	warmupRounds: number;
}

export interface VariantResult {
	name: string;
	reference: boolean;
	samplesMs: number[];
	medianMs: number;
	minMs: number;
	maxMs: number;
	/**
	 * Median CPU time of this process per run (includes the in-process simulator and GC threads; child processes not).
	 * On a loaded machine it moves far less than wall time: compare both.
	 */
	cpuMedianMs: number;
	/** Median of this variant / median of the reference (or of `relativeTo`); undefined without one. */
	ratio?: number;
	relativeTo?: string;
	/** Highest heapUsed / rss over the baseline taken just before a run, over all measured runs. */
	peakHeapBytes: number;
	peakRssBytes: number;
	target?: Target;
	checks: Record<string, boolean>;
	/** PASS/MISS against the target and checks; undefined when the variant has neither. */
	pass?: boolean;
}

export interface ScenarioResult {
	id: string;
	title: string;
	rounds: number;
	warmupRounds: number;
	variants: VariantResult[];
	notes: string[];
	error?: string;
}

const SAMPLE_INTERVAL_MS = 2;

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
	return {
		rounds: positiveInt(env.BENCH_ROUNDS, 7),
		warmupRounds: positiveInt(env.BENCH_WARMUP, 2, true),
	};
}

function positiveInt(raw: string | undefined, fallback: number, allowZero = false): number {
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
		throw new Error(`Expected a whole number${allowZero ? '' : ' ≥ 1'}, got "${raw}"`);
	}
	return value;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The order of round r: the variants rotated by ⌊r/2⌋, in their listed order on even rounds and reversed on odd
 * ones. Each variant takes every position equally, and follows each of its two neighbours equally often: with a
 * rotation alone a variant always ran right after the same one and carried whatever that one left behind (an
 * exiting n8n process, a heap to compact).
 */
export function rotation<T>(items: T[], round: number): T[] {
	const ordered = round % 2 === 1 ? [...items].reverse() : items;
	const start = Math.floor(round / 2) % items.length;
	return [...ordered.slice(start), ...ordered.slice(0, start)];
}

function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}

interface Measurement {
	ms: number;
	/** CPU time of the whole process (all threads: the GC's helpers too) during the run. */
	cpuMs: number;
	heapBytes: number;
	rssBytes: number;
	run: VariantRun;
}

/** One run: GC first, baseline, then sample memory while the variant runs. */
async function measure(variant: Variant): Promise<Measurement> {
	collectGarbage();
	const baseline = process.memoryUsage();
	let peakHeap = baseline.heapUsed;
	let peakRss = baseline.rss;
	const sample = () => {
		const now = process.memoryUsage();
		if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
		if (now.rss > peakRss) peakRss = now.rss;
	};
	const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	let run: VariantRun;
	try {
		run = (await variant.run()) ?? {};
	} finally {
		clearInterval(timer);
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	sample();
	return {
		ms: run.ms ?? ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
		heapBytes: run.memory?.heapBytes ?? peakHeap - baseline.heapUsed,
		rssBytes: run.memory?.rssBytes ?? peakRss - baseline.rss,
		run,
	};
}

export async function runScenario(scenario: Scenario, settings: BenchSettings): Promise<ScenarioResult> {
	const result: ScenarioResult = {
		id: scenario.id,
		title: scenario.title,
		rounds: settings.rounds,
		warmupRounds: settings.warmupRounds,
		variants: [],
		notes: [],
	};
	let prepared: PreparedScenario | undefined;
	try {
		prepared = await scenario.prepare(settings);
		const { variants } = prepared;
		const measured = new Map<Variant, Measurement[]>(variants.map((variant) => [variant, []]));
		const totalRounds = settings.warmupRounds + settings.rounds;
		for (let round = 0; round < totalRounds; round++) {
			for (const variant of rotation(variants, round)) {
				const measurement = await measure(variant);
				if (round >= settings.warmupRounds) measured.get(variant)!.push(measurement);
			}
		}
		result.variants = summarise(variants, measured);
		result.notes = prepared.notes?.(result.variants) ?? [];
	} catch (error) {
		result.error = describeError(error);
	}
	try {
		await prepared?.teardown?.();
	} catch (error) {
		result.error ??= `teardown failed: ${describeError(error)}`;
	}
	return result;
}

function describeError(error: unknown): string {
	return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function summarise(variants: Variant[], measured: Map<Variant, Measurement[]>): VariantResult[] {
	const results = variants.map((variant): VariantResult => {
		const runs = measured.get(variant)!;
		const samplesMs = runs.map((run) => run.ms);
		const checks: Record<string, boolean> = {};
		// A check must hold in every run to count as held.
		for (const run of runs) {
			for (const [name, held] of Object.entries(run.run.checks ?? {})) checks[name] = (checks[name] ?? true) && held;
		}
		return {
			name: variant.name,
			reference: variant.reference === true,
			samplesMs,
			medianMs: median(samplesMs),
			minMs: Math.min(...samplesMs),
			maxMs: Math.max(...samplesMs),
			cpuMedianMs: median(runs.map((run) => run.cpuMs)),
			peakHeapBytes: Math.max(...runs.map((run) => run.heapBytes)),
			peakRssBytes: Math.max(...runs.map((run) => run.rssBytes)),
			target: variant.target,
			checks,
			relativeTo: variant.relativeTo,
		};
	});
	const reference = results.find((result) => result.reference);
	for (const result of results) {
		const base = result.relativeTo === undefined ? reference : results.find((other) => other.name === result.relativeTo);
		if (base) result.ratio = result.medianMs / base.medianMs;
		const verdicts = Object.values(result.checks);
		if (result.target) verdicts.push(meetsTarget(result, result.target));
		if (verdicts.length) result.pass = verdicts.every(Boolean);
	}
	return results;
}

function meetsTarget(result: VariantResult, target: Target): boolean {
	if (target.kind === 'ms') return result.medianMs <= target.max;
	return result.ratio !== undefined && result.ratio <= target.max;
}

export function formatBytes(bytes: number): string {
	const sign = bytes < 0 ? '−' : '+';
	const abs = Math.abs(bytes);
	if (abs >= 1024 * 1024) return `${sign}${(abs / 1024 / 1024).toFixed(1)} MB`;
	return `${sign}${(abs / 1024).toFixed(0)} KB`;
}

export function formatMs(ms: number): string {
	return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

function formatTarget(target: Target | undefined): string {
	if (!target) return '';
	return target.kind === 'ratio' ? `≤ ${target.max.toFixed(2)}×` : `≤ ${target.max} ms`;
}

/** The printed table of one scenario. */
export function formatScenario(result: ScenarioResult): string {
	const heading = `${result.title}  (${result.rounds} rounds after ${result.warmupRounds} warm-up, interleaved)`;
	if (result.error) return `${heading}\n  ERROR: ${result.error}\n`;
	const header = ['variant', 'median', 'min', 'max', 'cpu', 'ratio', 'peak heap', 'peak rss', 'target', 'result', 'checks'];
	const rows = result.variants.map((variant) => [
		variant.reference ? `${variant.name} (reference)` : variant.name,
		formatMs(variant.medianMs),
		formatMs(variant.minMs),
		formatMs(variant.maxMs),
		formatMs(variant.cpuMedianMs),
		variant.ratio === undefined ? '' : `${variant.ratio.toFixed(2)}×`,
		formatBytes(variant.peakHeapBytes),
		formatBytes(variant.peakRssBytes),
		formatTarget(variant.target),
		variant.pass === undefined ? '' : variant.pass ? 'PASS' : 'MISS',
		Object.entries(variant.checks)
			.map(([name, held]) => `${name}: ${held ? 'yes' : 'NO'}`)
			.join(', '),
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const rightAligned = new Set([1, 2, 3, 4, 5, 6, 7]);
	const line = (cells: string[]) =>
		'  ' +
		cells
			.map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
			.join('  ')
			.trimEnd();
	const rule = '  ' + widths.map((width) => '─'.repeat(width)).join('  ');
	return [heading, line(header), rule, ...rows.map(line), ...result.notes.map((note) => `  ${note}`), ''].join('\n');
}

/** Writes the results beside the sources (bench/results/ is gitignored), for comparing runs over time. */
export function writeResults(results: ScenarioResult[], settings: BenchSettings): string {
	const file = join(repoRoot(), 'bench', 'results', 'latest.json');
	mkdirSync(dirname(file), { recursive: true });
	const document = {
		finishedAt: new Date().toISOString(),
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		cpus: cpus().length,
		gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
		settings,
		scenarios: results,
	};
	writeFileSync(file, `${JSON.stringify(document, null, '\t')}\n`);
	return file;
}
