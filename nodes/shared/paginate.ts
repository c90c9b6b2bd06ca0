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

const DEFAULT_MAX_REWALKS = 3;
const DEFAULT_MAX_REQUESTS = 100_000;

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
	let rewalks = 0;
	let stepBack = 0;

	for (;;) {
		const remaining = maxRecords - emitted.size;
		// Once something is emitted, every page (also a re-walk from 0) must reach past one known record.
		const limit = Math.min(pageSize, emitted.size === 0 ? remaining : remaining + 1);
		requests = countRequest(requests, maxRequests);
		const page = await fetch({ offset, limit });
		const records = recordsOf(page);

		const anchored = offset === 0 || records.some((record) => emitted.has(keyOf(record)));
		if (!anchored) {
			// Records before the cursor were deleted: look back (half a page, then doubling) for a known record.
			stepBack = stepBack === 0 ? Math.max(1, Math.floor(limit / 2)) : stepBack * 2;
			offset = Math.max(0, offset - stepBack);
			if (offset === 0 && ++rewalks > maxRewalks) {
				throw new PaginationError(
					`The list kept changing while it was being read: gave up after ${maxRewalks} re-reads from the start. ` +
						'Try again when fewer records are being added or removed, or narrow the filters.',
				);
			}
			continue;
		}
		stepBack = 0;

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

function recordsOf<T>(page: { records: T[] }): T[] {
	if (!page || !Array.isArray(page.records)) {
		throw new PaginationError('A page of results had no list of records; the server answered in an unexpected shape');
	}
	return page.records;
}

function countRequest(made: number, maxRequests: number): number {
	if (made >= maxRequests) {
		throw new PaginationError(`Stopped after ${maxRequests} page requests without reaching the end of the list`);
	}
	return made + 1;
}

function checkCount(value: number | undefined, name: string, min: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new RangeError(`${name} must be a whole number of at least ${min}, got ${String(value)}`);
	}
	return value;
}

export interface ParallelOffsetOptions<T> extends OffsetPaginationOptions<T> {
	/** Page requests in flight at once; default 4. 1 behaves like `paginateOffset`. */
	concurrency?: number;
}

/** The fetcher of the parallel walk also gets a signal: aborted when an asked-ahead page is no longer wanted. */
export type ParallelPageFetcher<T> = (request: { offset: number; limit: number; signal: AbortSignal }) => Promise<OffsetPage<T>>;

/**
 * `paginateOffset` with bounded concurrency, same guarantees (order kept, nothing dropped or repeated, memory =
 * emitted keys + the pages in flight). Every page still overlaps the previous one by a record, so the pages can
 * be asked for ahead: once the served page size P is known (the first full page, or a short first page that the
 * next one shows to be a silent server cap), page k starts at offset k·(P−1). With a `total` the window never
 * reaches past it; without one it grows 1, 2, 4 … up to `concurrency`, so the end costs few wasted requests.
 * Pages are consumed strictly in order; a page without an emitted record (records deleted before it) discards
 * the window and falls back to the sequential step-back and re-walk of `paginateOffset`, then speeds up again.
 */
export async function* paginateOffsetParallel<T>(
	fetch: ParallelPageFetcher<T>,
	options: ParallelOffsetOptions<T>,
): AsyncGenerator<T> {
	const pageSize = checkCount(options.pageSize, 'pageSize', 2);
	const concurrency = checkCount(options.concurrency ?? 4, 'concurrency', 1);
	const maxRecords = options.maxRecords === undefined ? Infinity : checkCount(options.maxRecords, 'maxRecords', 0);
	const maxRewalks = options.maxRewalks ?? DEFAULT_MAX_REWALKS;
	const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
	const { keyOf } = options;
	if (maxRecords === 0) return;

	const emitted = new Set<string>();
	let served = 0; // the largest page the server has answered: its (possibly silent) page size
	let total: number | undefined;
	let requests = 0;
	let rewalks = 0;
	let stepBack = 0;
	let offset = 0;
	let window = 1;
	type Pending = { offset: number; limit: number; page: Promise<OffsetPage<T>>; controller: AbortController };
	const queue: Pending[] = [];
	/** Pages asked ahead that are no longer wanted are cancelled, so they stop costing the server. */
	const discard = () => {
		for (const pending of queue.splice(0)) pending.controller.abort();
	};

	const launch = (at: number, limit: number) => {
		requests = countRequest(requests, maxRequests);
		const controller = new AbortController();
		const page = fetch({ offset: at, limit, signal: controller.signal });
		// Settled later in order; a failure of a page we end up discarding must not go unhandled.
		page.catch(() => undefined);
		queue.push({ offset: at, limit, page, controller });
	};
	const limitFor = (alreadyEmitted: number) => {
		const remaining = maxRecords - alreadyEmitted;
		const size = served >= 2 ? Math.min(pageSize, served) : pageSize;
		return Math.min(size, alreadyEmitted === 0 ? remaining : remaining + 1);
	};
	/** Asks ahead while the page size is known and the window, the total and the limit allow. */
	const fill = () => {
		if (queue.length === 0) launch(offset, limitFor(emitted.size));
		if (served < 2) return;
		const step = served - 1;
		while (queue.length < window) {
			const last = queue[queue.length - 1];
			const next = last.offset + step;
			// Records this request would add beyond what the queued ones already cover.
			const covered = emitted.size + (next - offset);
			if (total !== undefined && next >= total) break;
			if (covered >= maxRecords) break;
			launch(next, limitFor(covered));
		}
	};

	try {
		for (;;) {
			fill();
			const head = queue.shift()!;
			const page = await head.page;
			const records = recordsOf(page);
			if (page.total !== undefined && Number.isFinite(page.total)) total = page.total;

			const anchored = head.offset === 0 || records.some((record) => emitted.has(keyOf(record)));
			if (!anchored) {
				// The list shifted under the window: drop what was asked ahead and find a known record again.
				discard();
				window = 1;
				stepBack = stepBack === 0 ? Math.max(1, Math.floor(head.limit / 2)) : stepBack * 2;
				offset = Math.max(0, head.offset - stepBack);
				if (offset === 0 && ++rewalks > maxRewalks) {
					throw new PaginationError(
						`The list kept changing while it was being read: gave up after ${maxRewalks} re-reads from the start. ` +
							'Try again when fewer records are being added or removed, or narrow the filters.',
					);
				}
				continue;
			}
			stepBack = 0;
			for (const record of records) {
				const key = keyOf(record);
				if (emitted.has(key)) continue;
				emitted.add(key);
				yield record;
				if (emitted.size >= maxRecords) return;
			}

			const count = records.length;
			const servedBefore = served;
			served = Math.max(served, count);
			if (count <= 1) return;
			if (count < head.limit) {
				if (count < Math.min(head.limit, servedBefore)) return;
				if (total !== undefined && head.offset + count >= total) return;
			}
			const next = head.offset + count - 1;
			// A page of another size than foreseen (a first short page, an insert): what was asked ahead no longer fits.
			if (queue.length > 0 && queue[0].offset !== next) discard();
			offset = next;
			window = Math.min(concurrency, total !== undefined ? concurrency : window * 2);
		}
	} finally {
		discard();
	}
}
