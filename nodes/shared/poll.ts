/**
 * Trigger state kept in n8n's workflow static data: a high-water mark for "modified since" APIs and a
 * compact id → content-hash snapshot for APIs without one. Static data is saved in the workflow row, so the
 * snapshot is packed into one string (about 16 bytes per record with short ids) instead of a JSON object.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type FirstPollBehaviour = 'nothing' | 'all';

export interface Snapshot {
	entries: Map<string, string>;
}

export interface SnapshotDiff<T> {
	added: T[];
	changed: T[];
	removedIds: string[];
	next: Map<string, string>;
}

const SNAPSHOT_KEY = 'snapshot';
const HIGH_WATER_MARK_KEY = 'highWaterMark';
const SNAPSHOT_FORMAT = 1;
/** 48 bits: a changed record goes unnoticed with odds of 1 in 2.8e14, and 20,000 hashes stay at 160 KB. */
const HASH_LENGTH = 8;

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
export function stableStringify(value: unknown): string {
	return write(value, new Set<object>()) ?? 'null';
}

function write(value: unknown, ancestors: Set<object>): string | undefined {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return JSON.stringify(value);
		case 'number':
			return Number.isFinite(value) ? JSON.stringify(value) : 'null';
		case 'bigint':
			return JSON.stringify(value.toString());
		case 'undefined':
		case 'function':
		case 'symbol':
			return undefined;
	}
	const object = value as object & { toJSON?: () => unknown };
	if (typeof object.toJSON === 'function') return write(object.toJSON(), ancestors);
	if (ancestors.has(object)) throw new TypeError('stableStringify: the value contains a circular reference');
	ancestors.add(object);
	let text: string;
	if (Array.isArray(object)) {
		text = `[${object.map((element) => write(element, ancestors) ?? 'null').join(',')}]`;
	} else {
		const record = object as Record<string, unknown>;
		const fields: string[] = [];
		for (const key of Object.keys(record).sort()) {
			const field = write(record[key], ancestors);
			if (field !== undefined) fields.push(`${JSON.stringify(key)}:${field}`);
		}
		text = `{${fields.join(',')}}`;
	}
	ancestors.delete(object);
	return text;
}

/**
 * Short base64url SHA-256 of the stable JSON of `value`. `ignore` drops top-level keys that change on every
 * read without the record changing (e.g. a "generated at" timestamp).
 */
export function contentHash(value: unknown, options?: { ignore?: string[] }): string {
	let hashed = value;
	if (options?.ignore?.length && value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const ignored = new Set(options.ignore);
		hashed = Object.fromEntries(Object.entries(value).filter(([key]) => !ignored.has(key)));
	}
	return createHash('sha256').update(stableStringify(hashed)).digest('base64url').slice(0, HASH_LENGTH);
}

/** The snapshot saved by the previous poll; `undefined` when there was none (or it is unreadable). */
export function loadSnapshot(staticData: IDataObject, key = SNAPSHOT_KEY): Map<string, string> | undefined {
	const stored = staticData[key];
	if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return undefined;
	const { format, entries } = stored as IDataObject;
	if (format !== SNAPSHOT_FORMAT || typeof entries !== 'string') return undefined;
	const snapshot = new Map<string, string>();
	if (entries === '') return snapshot;
	for (const entry of entries.split(ENTRY_SEPARATOR)) {
		const fields = entry.split(FIELD_SEPARATOR);
		if (fields.length !== 2) return undefined;
		snapshot.set(decodeId(fields[0]), unescapeField(fields[1]));
	}
	return snapshot;
}

/**
 * Stores the snapshot as one string "id hash,id hash,…". The separators and the escape character `~` are
 * characters JSON writes as one byte (a tab or backslash would take two). UUID ids (OneRoster, Edu-V) are
 * written as `~u` + 22 base64url characters instead of 36, a form escaping never produces.
 */
export function saveSnapshot(staticData: IDataObject, entries: Map<string, string>, key = SNAPSHOT_KEY): void {
	const packed: string[] = [];
	for (const [id, hash] of entries) packed.push(`${encodeId(id)}${FIELD_SEPARATOR}${escapeField(hash)}`);
	staticData[key] = { format: SNAPSHOT_FORMAT, entries: packed.join(ENTRY_SEPARATOR) };
}

const ENTRY_SEPARATOR = ',';
const FIELD_SEPARATOR = ' ';
const ESCAPES: Record<string, string> = { '~': '~~', ',': '~c', ' ': '~s' };
const UNESCAPES: Record<string, string> = { '~': '~', c: ',', s: ' ' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeId(id: string): string {
	const casing = !UUID.test(id) ? undefined : id === id.toLowerCase() ? 'u' : id === id.toUpperCase() ? 'U' : undefined;
	if (!casing) return escapeField(id);
	return `~${casing}${Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url')}`;
}

function decodeId(field: string): string {
	const packed = /^~([uU])([A-Za-z0-9_-]{22})$/.exec(field);
	if (!packed) return unescapeField(field);
	const hex = Buffer.from(packed[2], 'base64url').toString('hex');
	const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	return packed[1] === 'U' ? id.toUpperCase() : id;
}

function escapeField(text: string): string {
	return /[~, ]/.test(text) ? text.replace(/[~, ]/g, (character) => ESCAPES[character]) : text;
}

function unescapeField(text: string): string {
	return text.includes('~') ? text.replace(/~(.)/g, (match, code: string) => UNESCAPES[code] ?? match) : text;
}

/**
 * Compares the current records with the previous snapshot. Without a previous snapshot every record counts
 * as added (the caller applies its FirstPollBehaviour). A repeated id counts once (first occurrence).
 */
export function diffSnapshot<T>(
	previous: Map<string, string> | undefined,
	current: Iterable<T>,
	options: { idOf: (record: T) => string; hashOf: (record: T) => string },
): SnapshotDiff<T> {
	const next = new Map<string, string>();
	const added: T[] = [];
	const changed: T[] = [];
	for (const record of current) {
		const id = options.idOf(record);
		if (next.has(id)) continue;
		const hash = options.hashOf(record);
		next.set(id, hash);
		const before = previous?.get(id);
		if (before === undefined) added.push(record);
		else if (before !== hash) changed.push(record);
	}
	const removedIds = previous ? [...previous.keys()].filter((id) => !next.has(id)) : [];
	return { added, changed, removedIds, next };
}

export function getHighWaterMark(staticData: IDataObject, key = HIGH_WATER_MARK_KEY): string | undefined {
	const value = staticData[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Moves the mark forward only: ISO date-times compare as instants, whole numbers as numbers, else as text. */
export function setHighWaterMark(staticData: IDataObject, value: string, key = HIGH_WATER_MARK_KEY): void {
	const current = getHighWaterMark(staticData, key);
	if (current === undefined || compareMarks(value, current) > 0) staticData[key] = value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const WHOLE_NUMBER = /^-?\d+$/;

function compareMarks(a: string, b: string): number {
	if (WHOLE_NUMBER.test(a) && WHOLE_NUMBER.test(b)) {
		const [x, y] = [BigInt(a), BigInt(b)];
		return x === y ? 0 : x > y ? 1 : -1;
	}
	if (ISO_DATE.test(a) && ISO_DATE.test(b)) {
		const difference = instant(a) - instant(b);
		// Same millisecond: the one with more precision written out (e.g. microseconds) decides as text.
		if (!Number.isNaN(difference)) return difference !== 0 ? Math.sign(difference) : sameInstant(a, b);
	}
	return a === b ? 0 : a > b ? 1 : -1;
}

/** Milliseconds since the epoch; a mark without a zone is read as UTC, so marks compare alike on any server. */
function instant(mark: string): number {
	let text = mark.replace(' ', 'T');
	if (!text.includes('T')) text += 'T00:00';
	if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) text += 'Z';
	return Date.parse(text);
}

function sameInstant(a: string, b: string): number {
	const fraction = (text: string) => /\.(\d+)/.exec(text)?.[1].padEnd(9, '0') ?? '000000000';
	const [x, y] = [fraction(a), fraction(b)];
	return x === y ? 0 : x > y ? 1 : -1;
}

export type SnapshotEvent = 'added' | 'changed' | 'removed';
export const SNAPSHOT_EVENTS: readonly SnapshotEvent[] = ['added', 'changed', 'removed'];

/** The events chosen in a trigger's Events parameter; choosing none is an error before anything is fetched. */
export function selectedEvents(node: INode, raw: unknown): SnapshotEvent[] {
	const events = (Array.isArray(raw) ? raw : []).filter((event): event is SnapshotEvent =>
		SNAPSHOT_EVENTS.includes(event as SnapshotEvent),
	);
	if (events.length === 0) {
		throw new NodeOperationError(node, 'Events: choose at least one event', {
			description: `Allowed: ${SNAPSHOT_EVENTS.join(', ')}`,
		});
	}
	return events;
}

/**
 * One output item per change, in added / changed / removed order: `{ event, id, [recordKey]: record }`; a removed
 * record is known by its id only (the snapshot keeps hashes, not records).
 */
export function changeItems<T>(
	changes: Omit<SnapshotDiff<T>, 'next'>,
	events: readonly SnapshotEvent[],
	options: { recordKey: string; idOf: (record: T) => string | number; removedId?: (id: string) => string | number },
): IDataObject[] {
	const item = (event: SnapshotEvent) => (record: T) => ({ event, id: options.idOf(record), [options.recordKey]: record as IDataObject });
	return [
		...(events.includes('added') ? changes.added.map(item('added')) : []),
		...(events.includes('changed') ? changes.changed.map(item('changed')) : []),
		...(events.includes('removed')
			? changes.removedIds.map((id) => ({ event: 'removed', id: options.removedId ? options.removedId(id) : id }))
			: []),
	];
}

export interface SnapshotPollOptions<T> {
	staticData: IDataObject;
	records: Iterable<T>;
	idOf: (record: T) => string;
	hashOf: (record: T) => string;
	/** "Fetch Test Event": shows current records without touching the baseline. */
	manual: boolean;
	firstPoll: FirstPollBehaviour;
	/** How many current records a test fetch without a baseline shows as added (default 5). */
	sampleSize?: number;
	key?: string;
}

/**
 * One poll of a hash-diff trigger with n8n's trigger rules: the first production poll records the baseline
 * (or reports every record as added), a test fetch without a baseline shows a few real records as added, and
 * only production polls move the baseline (n8n does not keep static data of manual runs anyway).
 */
export function pollSnapshot<T>(options: SnapshotPollOptions<T>): Omit<SnapshotDiff<T>, 'next'> {
	const previous = loadSnapshot(options.staticData, options.key);
	const diff = diffSnapshot(previous, options.records, options);
	if (!options.manual) saveSnapshot(options.staticData, diff.next, options.key);
	if (previous !== undefined) return { added: diff.added, changed: diff.changed, removedIds: diff.removedIds };
	const added = options.manual
		? diff.added.slice(0, options.sampleSize ?? 5)
		: options.firstPoll === 'all'
			? diff.added
			: [];
	return { added, changed: [], removedIds: [] };
}
