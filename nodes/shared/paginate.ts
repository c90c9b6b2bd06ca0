/**
 * Paging over list endpoints (offset/limit, page number, Link header) as async generators, plus the one
 * Return All / Limit helper. Platform-agnostic: a fetcher turns a page request into records.
 *
 * The offset walker assumes what every paged list needs anyway: a stable order (records may come and go,
 * but two records never swap places) and a stable identity per record (`keyOf`).
 */

export interface OffsetPage<T> {
	records: T[];
	/** Only when the server says so; a hint, never trusted over the records themselves. */
	total?: number;
}

export type OffsetPageFetcher<T> = (request: { offset: number; limit: number }) => Promise<OffsetPage<T>>;

export interface OffsetPaginationOptions<T> {
	/** What we ask for per request (at least 2: every page after the first repeats one known record). */
	pageSize: number;
	/** Stable identity of a record. */
	keyOf: (record: T) => string;
	/** Limit mode: stop after this many records, asking only for what is still needed (+ the overlap). */
	maxRecords?: number;
	/** Re-reads from the start allowed when the list keeps shifting under us; default 3. */
	maxRewalks?: number;
	/** Safety cap on page requests; default 100,000. */
	maxRequests?: number;
}

export class PaginationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PaginationError';
	}
}

export const DEFAULT_MAX_REWALKS = 3;

/** A page is anchored when it starts the list or holds a record already emitted: nothing can have slipped past. */
export function isAnchored<T>(offset: number, records: T[], emitted: ReadonlySet<string>, keyOf: (record: T) => string): boolean {
	return offset === 0 || records.some((record) => emitted.has(keyOf(record)));
}

/**
 * Finding a known record again after the list shifted (records deleted before the cursor): look back half a page,
 * then doubling; give up after `maxRewalks` re-reads from the start. Shared by the sequential and parallel walks.
 */
export class ShiftRecovery {
	private stepBack = 0;
	private rewalks = 0;

	constructor(private readonly maxRewalks: number) {}

	/** The offset to read next after a page at `offset` (asked with `limit`) held no known record. */
	lookBack(offset: number, limit: number): number {
		this.stepBack = this.stepBack === 0 ? Math.max(1, Math.floor(limit / 2)) : this.stepBack * 2;
		const next = Math.max(0, offset - this.stepBack);
		if (next === 0 && ++this.rewalks > this.maxRewalks) {
			throw new PaginationError(
				`The list kept changing while it was being read: gave up after ${this.maxRewalks} re-reads from the start. ` +
					'Try again when fewer records are being added or removed, or narrow the filters.',
			);
		}
		return next;
	}

	/** A known record was found: the next shift starts again with half a page. */
	found(): void {
		this.stepBack = 0;
	}
}
export const DEFAULT_MAX_REQUESTS = 100_000;

/**
 * Walks an offset/limit list without dropping or repeating a record while others are inserted or deleted.
 *
 * Why it is correct: everything already read forms a prefix of the (stable) order, and every record present
 * during the whole walk that lies in that prefix has been emitted. A page is a contiguous slice at the moment
 * it was served, so if it contains at least one emitted record it starts inside the prefix: no gap, and its
 * new records extend the prefix. Each request therefore starts at the last record of the previous page
 * (overlap of one: offset `kept - 1`) and we accept the page if it holds *any* emitted key, not only
 * at position 0: inserts before the cursor merely push the anchor further into the page. A page with no
 * emitted key (deletes before the cursor, or the anchor itself deleted) is not trusted: we probe back half a
 * page, then twice as far each time; reaching offset 0 is a re-walk from the start (emitted keys skipped),
 * allowed `maxRewalks` times.
 *
 * End of list: a short page proves the end only once the server has shown it serves that many records
 * (`proven`); the first short page may be a silent cap (asked 500, got 100), so we ask once more from its
 * last record. A `total` may end a short page early; a full page is followed whatever `total` says.
 * Memory: only the emitted keys.
 */
export async function* paginateOffset<T>(
	fetch: OffsetPageFetcher<T>,
	options: OffsetPaginationOptions<T>,
): AsyncGenerator<T> {
	const pageSize = checkCount(options.pageSize, 'pageSize', 2);
	const maxRecords = options.maxRecords === undefined ? Infinity : checkCount(options.maxRecords, 'maxRecords', 0);
	const maxRewalks = options.maxRewalks ?? DEFAULT_MAX_REWALKS;
	const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
	const { keyOf } = options;
	if (maxRecords === 0) return;

	const emitted = new Set<string>();
	let proven = 0; // the server has answered with this many records in one page, so it serves at least that many
	let offset = 0;
	let requests = 0;
	const shift = new ShiftRecovery(maxRewalks);

	for (;;) {
		const remaining = maxRecords - emitted.size;
		// Once something is emitted, every page (also a re-walk from 0) must reach past one known record.
		const limit = Math.min(pageSize, emitted.size === 0 ? remaining : remaining + 1);
		requests = countRequest(requests, maxRequests);
		const page = await fetch({ offset, limit });
		const records = recordsOf(page);

		if (!isAnchored(offset, records, emitted, keyOf)) {
			// Records before the cursor were deleted: look back for a known record.
			offset = shift.lookBack(offset, limit);
			continue;
		}
		shift.found();

		for (const record of records) {
			const key = keyOf(record);
			if (emitted.has(key)) continue;
			emitted.add(key);
			yield record;
			if (emitted.size >= maxRecords) return;
		}

		const count = records.length;
		const provenBefore = proven;
		proven = Math.max(proven, count);
		// One record for a request of two or more: the end (a server serving one record per page cannot be walked).
		if (count <= 1) return;
		if (count < limit) {
			if (count < Math.min(limit, provenBefore)) return;
			if (page.total !== undefined && offset + count >= page.total) return;
		}
		offset += count - 1;
	}
}

/** Page-number paging (`page`, `pageSize`). Without overlap it cannot survive inserts/deletes mid-walk. */
export async function* paginatePageNumber<T>(
	fetch: (request: { page: number; pageSize: number }) => Promise<{ records: T[]; totalPages?: number; total?: number }>,
	options: { pageSize: number; firstPage?: 0 | 1; maxRecords?: number; keyOf?: (record: T) => string; maxRequests?: number },
): AsyncGenerator<T> {
	const maxRecords = options.maxRecords === undefined ? Infinity : checkCount(options.maxRecords, 'maxRecords', 0);
	// Limit mode asks for no more than needed; the size then stays fixed, as page numbers depend on it.
	let pageSize = Math.min(checkCount(options.pageSize, 'pageSize', 1), Math.max(1, maxRecords));
	const firstPage = options.firstPage ?? 1;
	const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
	const seen = options.keyOf ? new Set<string>() : undefined;
	if (maxRecords === 0) return;

	let emitted = 0;
	let served = 0;
	let proven = 0;
	for (let index = 0; ; index++) {
		countRequest(index, maxRequests);
		const page = firstPage + index;
		const result = await fetch({ page, pageSize });
		const records = recordsOf(result);
		if (records.length === 0) return;
		for (const record of records) {
			if (seen && options.keyOf) {
				const key = options.keyOf(record);
				if (seen.has(key)) continue;
				seen.add(key);
			}
			yield record;
			if (++emitted >= maxRecords) return;
		}

		const count = records.length;
		served += count;
		const provenBefore = proven;
		proven = Math.max(proven, count);
		if (result.totalPages !== undefined && index + 1 >= result.totalPages) return;
		if (count < pageSize) {
			if (count < Math.min(pageSize, provenBefore)) return;
			if (result.total !== undefined && served >= result.total) return;
			// The first short page may be a silent cap: continue with that size so page N+1 starts right after it.
			if (index === 0) pageSize = count;
		}
	}
}

/** Parses an RFC 8288 `Link` header into rel → target (first link wins per rel; rels are lower-cased). */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
	const links = new Map<string, string>();
	const text = header ?? '';
	let at = 0;
	const skipSpace = () => {
		while (at < text.length && /\s/.test(text[at])) at++;
	};
	while (at < text.length) {
		skipSpace();
		if (text[at] === ',') {
			at++;
			continue;
		}
		if (text[at] !== '<') {
			at = skipToNextLink(text, at);
			continue;
		}
		const close = text.indexOf('>', at);
		if (close < 0) break;
		const target = text.slice(at + 1, close).trim();
		at = close + 1;
		const params = new Map<string, string>();
		for (;;) {
			skipSpace();
			if (text[at] !== ';') break;
			at++;
			skipSpace();
			const name = /^[^=;,\s]*/.exec(text.slice(at))?.[0] ?? '';
			at += name.length;
			skipSpace();
			let value = '';
			if (text[at] === '=') {
				at++;
				skipSpace();
				if (text[at] === '"') {
					[value, at] = readQuoted(text, at);
				} else {
					const token = /^[^;,]*/.exec(text.slice(at))?.[0] ?? '';
					value = token.trim();
					at += token.length;
				}
			}
			const key = name.toLowerCase();
			// RFC 8288 §3: occurrences of a parameter after the first are ignored.
			if (key && !params.has(key)) params.set(key, value);
		}
		for (const rel of (params.get('rel') ?? '').toLowerCase().split(/\s+/)) {
			if (rel && !links.has(rel)) links.set(rel, target);
		}
		at = skipToNextLink(text, at);
	}
	// fromEntries defines own properties, so a rel named "__proto__" stays a plain key.
	return Object.fromEntries(links);
}

/** Index after the next top-level comma (quoted strings and <targets> may contain commas). */
function skipToNextLink(text: string, from: number): number {
	let at = from;
	while (at < text.length && text[at] !== ',') {
		if (text[at] === '"') at = readQuoted(text, at)[1];
		else if (text[at] === '<') {
			const close = text.indexOf('>', at);
			at = close < 0 ? text.length : close + 1;
		} else at++;
	}
	return at + 1;
}

/** Reads an RFC 7230 quoted-string starting at the opening quote; returns the value and the index after it. */
function readQuoted(text: string, open: number): [string, number] {
	let value = '';
	let at = open + 1;
	while (at < text.length && text[at] !== '"') {
		if (text[at] === '\\' && at + 1 < text.length) at++;
		value += text[at];
		at++;
	}
	return [value, at + 1];
}

/**
 * Follows `rel="next"` links. The fetcher gets `undefined` for the first page and the link target as the
 * server wrote it afterwards: it resolves relative targets and must refuse a foreign origin (credentials).
 */
export async function* paginateLink<T>(
	fetch: (url: string | undefined) => Promise<{ records: T[]; linkHeader?: string }>,
	options: { maxRecords?: number; keyOf?: (record: T) => string; maxRequests?: number },
): AsyncGenerator<T> {
	const maxRecords = options.maxRecords === undefined ? Infinity : checkCount(options.maxRecords, 'maxRecords', 0);
	const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
	const seen = options.keyOf ? new Set<string>() : undefined;
	const followed = new Set<string>();
	if (maxRecords === 0) return;

	let url: string | undefined;
	let emitted = 0;
	let requests = 0;
	for (;;) {
		requests = countRequest(requests, maxRequests);
		const page = await fetch(url);
		for (const record of recordsOf(page)) {
			if (seen && options.keyOf) {
				const key = options.keyOf(record);
				if (seen.has(key)) continue;
				seen.add(key);
			}
			yield record;
			if (++emitted >= maxRecords) return;
		}
		const next = parseLinkHeader(page.linkHeader).next;
		if (!next) return;
		if (followed.has(next)) {
			// The URL itself stays out of the message: servers sometimes put tokens in it.
			throw new PaginationError(
				'The server sent a "next page" link to a page that was already read; stopped to avoid an endless loop',
			);
		}
		followed.add(next);
		url = next;
	}
}

/** The one Return All / Limit helper; leaving the loop early closes the generator (no further requests). */
export async function collect<T>(source: AsyncIterable<T>, options: { returnAll: boolean; limit?: number }): Promise<T[]> {
	const limit = options.returnAll ? Infinity : checkCount(options.limit, 'limit', 0);
	const results: T[] = [];
	if (limit === 0) return results;
	for await (const record of source) {
		results.push(record);
		if (results.length >= limit) break;
	}
	return results;
}

/** `collect` over a source yielding pages (arrays) of records: one await per page. */
export async function collectPages<T>(source: AsyncIterable<T[]>, options: { returnAll: boolean; limit?: number }): Promise<T[]> {
	const limit = options.returnAll ? Infinity : checkCount(options.limit, 'limit', 0);
	const results: T[] = [];
	if (limit === 0) return results;
	for await (const records of source) {
		for (const record of records) {
			results.push(record);
			if (results.length >= limit) return results;
		}
	}
	return results;
}

export function recordsOf<T>(page: { records: T[] }): T[] {
	if (!page || !Array.isArray(page.records)) {
		throw new PaginationError('A page of results had no list of records; the server answered in an unexpected shape');
	}
	return page.records;
}

export function countRequest(made: number, maxRequests: number): number {
	if (made >= maxRequests) {
		throw new PaginationError(`Stopped after ${maxRequests} page requests without reaching the end of the list`);
	}
	return made + 1;
}

export function checkCount(value: number | undefined, name: string, min: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new RangeError(`${name} must be a whole number of at least ${min}, got ${String(value)}`);
	}
	return value;
}
