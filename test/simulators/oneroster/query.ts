/**
 * The simulator's own reading of OneRoster's filter grammar, sort and fields — written apart from the node's
 * filter builder on purpose, so the two cannot share a mistake.
 */
import type { Json } from './types';

export class QueryError extends Error {
	constructor(
		readonly codeMinor: 'invalid_filter_field' | 'invalid_selection_field' | 'invaliddata',
		message: string,
	) {
		super(message);
	}
}

interface Predicate {
	path: string[];
	op: string;
	value: string;
}

const PREDICATE = /^([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)(!=|>=|<=|=|>|<|~)'((?:[^']|'')*)'/;

export function parseFilterExpression(text: string, known: ReadonlySet<string>, maxPredicates: number): { predicates: Predicate[]; logic: 'AND' | 'OR' } {
	const predicates: Predicate[] = [];
	let logic: 'AND' | 'OR' | undefined;
	let rest = text.trim();
	for (;;) {
		const match = PREDICATE.exec(rest);
		if (!match) throw new QueryError('invalid_filter_field', `cannot read the filter at "${rest.slice(0, 30)}"`);
		const path = match[1].split('.');
		if (!known.has(path[0])) throw new QueryError('invalid_filter_field', `unknown field in filter: ${match[1]}`);
		predicates.push({ path, op: match[2], value: match[3].replace(/''/g, "'") });
		rest = rest.slice(match[0].length);
		if (rest.trim() === '') break;
		const joint = /^ (AND|OR) /.exec(rest);
		if (!joint) throw new QueryError('invalid_filter_field', 'predicates must be joined by " AND " or " OR "');
		if (logic && logic !== joint[1]) throw new QueryError('invalid_filter_field', 'AND and OR cannot be mixed');
		logic = joint[1] as 'AND' | 'OR';
		rest = rest.slice(joint[0].length);
	}
	if (predicates.length > maxPredicates) throw new QueryError('invalid_filter_field', `at most ${maxPredicates} predicates are supported`);
	return { predicates, logic: logic ?? 'AND' };
}

/** Values a (possibly dotted) field has on a record; arrays fan out, so roles.role matches any role. */
function valuesAt(record: unknown, path: string[]): string[] {
	if (path.length === 0) {
		if (record === undefined || record === null) return [];
		if (Array.isArray(record)) return record.flatMap((entry) => valuesAt(entry, []));
		return [typeof record === 'object' ? JSON.stringify(record) : String(record)];
	}
	if (Array.isArray(record)) return record.flatMap((entry) => valuesAt(entry, path));
	if (record === null || typeof record !== 'object') return [];
	const [head, ...tail] = path;
	const next = (record as Json)[head];
	// A reference compared without a sub-field compares its sourcedId.
	if (tail.length === 0 && next && typeof next === 'object' && !Array.isArray(next) && 'sourcedId' in next) return [String((next as Json).sourcedId)];
	return valuesAt(next, tail);
}

function test(actual: string, op: string, wanted: string): boolean {
	switch (op) {
		case '=':
			return actual === wanted;
		case '!=':
			return actual !== wanted;
		case '>':
			return actual > wanted;
		case '>=':
			return actual >= wanted;
		case '<':
			return actual < wanted;
		case '<=':
			return actual <= wanted;
		default:
			return actual.toLowerCase().includes(wanted.toLowerCase());
	}
}

export function matcher(filter: ReturnType<typeof parseFilterExpression>): (record: Json) => boolean {
	const checks = filter.predicates.map((predicate) => (record: Json) => {
		const values = valuesAt(record, predicate.path);
		// != holds when no value equals; the others when some value matches.
		return predicate.op === '!=' ? values.every((value) => value !== predicate.value) : values.some((value) => test(value, predicate.op, predicate.value));
	});
	return filter.logic === 'OR' ? (record) => checks.some((check) => check(record)) : (record) => checks.every((check) => check(record));
}

export function sortRecords(records: Json[], field: string, descending: boolean): Json[] {
	const key = (record: Json) => {
		const value = record[field];
		return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	};
	const sorted = [...records].sort((a, b) => key(a).localeCompare(key(b)) || String(a.sourcedId).localeCompare(String(b.sourcedId)));
	return descending ? sorted.reverse() : sorted;
}

/** `fields=a,b` (comma form) or repeated `fields=a&fields=b`; unknown names per the reading. */
export function selectFields(raw: string[] | undefined, known: ReadonlySet<string>, unknown: 'error' | 'ignore'): string[] | undefined {
	const names = (raw ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
	if (names.length === 0) return undefined;
	const bad = names.filter((name) => !known.has(name));
	if (bad.length > 0) {
		if (unknown === 'error') throw new QueryError('invalid_selection_field', `unknown field: ${bad.join(', ')}`);
		return undefined;
	}
	return names;
}

export function project(record: Json, fields: string[] | undefined): Json {
	if (!fields) return record;
	const result: Json = {};
	for (const name of fields) if (name in record) result[name] = record[name];
	return result;
}
