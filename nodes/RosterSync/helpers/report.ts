/**
 * The dry-run report: one item an admin can read in n8n, with a CSV per list and a short HTML summary an e-mail
 * node can send as is. Only key and mapped fields go in, never a password-like field.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FieldPair, SyncPlan } from './compare';
import type { Baseline, GuardVerdict } from './guards';

export interface ReportInput {
	plan: SyncPlan;
	source: IDataObject[];
	platform: IDataObject[];
	fields: FieldPair[];
	sourceKeyName: string;
	platformKeyName: string;
	ignoredFields: string[];
	verdicts: GuardVerdict[];
	baseline: Baseline | undefined;
	dryRun: boolean;
}

export interface ReportFile {
	property: string;
	fileName: string;
	mimeType: string;
	content: string;
}

function csvCell(value: unknown): string {
	const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	// A leading =, +, - or @ makes spreadsheets run the cell as a formula: quote it as text.
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(header: string[], rows: unknown[][]): string {
	const lines = [header.map(csvCell).join(',')];
	for (const row of rows) lines.push(row.map(csvCell).join(','));
	return lines.join('\r\n') + '\r\n';
}

function html(text: unknown): string {
	return String(text ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function reportCounts(input: Pick<ReportInput, 'plan' | 'source' | 'platform'>): IDataObject {
	const { plan } = input;
	return {
		source: input.source.length,
		platform: input.platform.length,
		managedPlatform: plan.scopedPlatform,
		create: plan.create.length,
		update: plan.update.length,
		reactivate: plan.update.filter((entry) => entry.reactivate).length,
		remove: plan.remove.length,
		unchanged: plan.unchangedSource.length,
		skipped: plan.skipped.length,
		inactiveNotInSource: plan.inactiveNotInSource,
	};
}

export interface ReportOptions {
	/** The full lists and a CSV per list (dry run); without: counts, guards and the HTML summary only. */
	withLists: boolean;
}

export function buildReport(input: ReportInput, options: ReportOptions): { json: IDataObject; files: ReportFile[] } {
	const { plan, fields } = input;
	const keyOf = (index: number) => plan.sourceKeys[index];
	const counts = reportCounts(input);
	const stops = input.verdicts.filter((entry) => entry.verdict === 'stop');
	const summary = `${input.dryRun ? 'Dry run: would ' : ''}create ${counts.create}, update ${counts.update} (reactivate ${counts.reactivate}), remove ${counts.remove}, leave ${counts.unchanged} unchanged${stops.length ? ` — ${input.dryRun ? 'a real run would stop' : 'stopped'}: ${stops.map((entry) => entry.guard).join(', ')}` : ''}`;

	const json: IDataObject = {
		dryRun: input.dryRun,
		summary,
		counts,
		guards: input.verdicts.map((entry) => ({ ...entry })),
		baseline: input.baseline ? { ...input.baseline } : 'no baseline',
		mapping: {
			sourceKey: input.sourceKeyName,
			platformKey: input.platformKeyName,
			fields: fields.map((field) => ({ source: field.sourceField, platform: field.platformField })),
			neverCompared: input.ignoredFields,
		},
	};
	if (options.withLists) Object.assign(json, listsOf(input));
	// Key problems are listed on every run: they are few, and they are what an admin must fix in the export.
	else json.problems = problemsOf(input.plan);

	const list = (title: string, keys: Array<string | undefined>) =>
		keys.length
			? `<h3>${html(title)} (${keys.length})</h3><p>${keys.slice(0, 20).map(html).join(', ')}${keys.length > 20 ? ` … and ${keys.length - 20} more${options.withLists ? ' (see the CSV)' : ''}` : ''}</p>`
			: '';
	const summaryHtml = [
		'<!doctype html><html><body style="font-family:sans-serif">',
		`<h2>Roster Sync${input.dryRun ? ' (dry run)' : ''}</h2>`,
		`<p>${html(summary)}</p>`,
		'<table border="1" cellpadding="4" cellspacing="0">',
		...Object.entries(counts).map(([name, value]) => `<tr><td>${html(name)}</td><td>${html(value)}</td></tr>`),
		'</table><h3>Guards</h3><ul>',
		...input.verdicts.map((entry) => `<li><b>${html(entry.guard)}: ${html(entry.verdict)}</b> — ${html(entry.message)}</li>`),
		'</ul>',
		list('Create', plan.create.map(keyOf)),
		list('Update', plan.update.map((entry) => entry.key)),
		list('Remove', plan.remove.map((entry) => entry.key)),
		'</body></html>',
	].join('\n');

	const files: ReportFile[] = options.withLists ? listFiles(input) : [];
	files.push({ property: 'summary', fileName: 'summary.html', mimeType: 'text/html', content: summaryHtml });
	return { json, files };
}

/** The full lists of a dry run: keys per output, the changes of each update, what was skipped and why, key problems. */
function listsOf(input: ReportInput): IDataObject {
	const { plan } = input;
	return {
		create: plan.create.map((index) => plan.sourceKeys[index] ?? null),
		update: plan.update.map((entry) => ({
			key: entry.key,
			reactivate: entry.reactivate,
			changes: entry.changes.map((change) => ({ field: change.platformField, before: change.before ?? null, after: change.after ?? null })),
		})),
		remove: plan.remove.map((entry) => ({ key: entry.key, reason: entry.reason })),
		skipped: plan.skipped.map((entry) => ({ key: entry.key, reason: entry.reason })),
		problems: problemsOf(plan),
	};
}

function problemsOf(plan: SyncPlan): IDataObject {
	return {
		sourceMissingKeys: plan.sourceProblems.missing,
		sourceDuplicateKeys: plan.sourceProblems.duplicates.map((entry) => ({ ...entry })),
		platformMissingKeys: plan.platformProblems.missing,
		platformDuplicateKeys: plan.platformProblems.duplicates.map((entry) => ({ ...entry })),
	};
}

function listFiles(input: ReportInput): ReportFile[] {
	const { plan, source, platform, fields } = input;
	const keyOf = (index: number) => plan.sourceKeys[index];
	const createRows = plan.create.map((index) => [keyOf(index), ...fields.map((field) => field.source(source[index]))]);
	const updateRows = plan.update.flatMap((entry) =>
		entry.changes.length
			? entry.changes.map((change) => [entry.key, entry.reactivate, change.platformField, change.before, change.after])
			: [[entry.key, entry.reactivate, '', '', '']],
	);
	const removeRows = plan.remove.map((entry) => [entry.key, entry.reason, ...fields.map((field) => field.platform(platform[entry.platform]))]);
	const problems = [
		...plan.sourceProblems.missing.map((item) => ['source', 'missing key', '', item]),
		...plan.sourceProblems.duplicates.map((entry) => ['source', 'duplicate key', entry.key, entry.items.join(' ')]),
		...plan.platformProblems.missing.map((item) => ['platform', 'missing key', '', item]),
		...plan.platformProblems.duplicates.map((entry) => ['platform', 'duplicate key', entry.key, entry.items.join(' ')]),
		...plan.skipped.map((entry) => [entry.platform !== undefined ? 'both' : 'source', entry.reason, entry.key, entry.source ?? '']),
	];
	const file = (property: string, header: string[], rows: unknown[][]): ReportFile => ({
		property,
		fileName: `${property}.csv`,
		mimeType: 'text/csv',
		content: csv(header, rows),
	});
	return [
		file('create', ['key', ...fields.map((field) => field.sourceField)], createRows),
		file('update', ['key', 'reactivate', 'field', 'before', 'after'], updateRows),
		file('remove', ['key', 'reason', ...fields.map((field) => field.platformField)], removeRows),
		file('unchanged', ['key'], plan.unchangedSource.map((index) => [keyOf(index)])),
		file('problems', ['side', 'problem', 'key', 'items'], problems),
	];
}
