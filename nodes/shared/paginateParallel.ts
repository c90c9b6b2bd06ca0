/**
 * The offset walk of paginate.ts with bounded concurrency (kept apart so paginate.ts stays readable). Same
 * contract as `paginateOffset`: order kept, nothing dropped or repeated, memory = emitted keys + pages in flight.
 */
import {
	checkCount,
	countRequest,
	DEFAULT_MAX_REQUESTS,
	DEFAULT_MAX_REWALKS,
	isAnchored,
	recordsOf,
	ShiftRecovery,
	type OffsetPage,
	type OffsetPaginationOptions,
} from './paginate';
import { DEFAULT_RETRY_POLICY, sleep } from './retry';

export interface ParallelOffsetOptions<T> extends OffsetPaginationOptions<T> {
	/** Most page requests in flight at once; default 4. 1 behaves like `paginateOffset`. */
	concurrency?: number;
}

export interface ParallelPageRequest {
	offset: number;
	limit: number;
	/** Aborted when an asked-ahead page is no longer wanted. */
	signal: AbortSignal;
	/**
	 * The fetcher calls this when the server pushed back (429, or 503 with Retry-After) before its transport
	 * retries: the walk then narrows its window and holds new requests until `retryAfterMs` has passed.
	 */
	throttled(retryAfterMs?: number): void;
}

export type ParallelPageFetcher<T> = (request: ParallelPageRequest) => Promise<OffsetPage<T>>;

/**
 * Adaptive window (AIMD, as TCP does): a push-back halves the ceiling of pages in flight (min 1), once per
 * burst (answers to requests sent before the last cut do not cut again); after twice the ceiling's worth of
 * pages in a row without push-back it grows by one, back up to `concurrency`.
 */
class Throttle {
	ceiling: number;
	private generation = 0;
	private calm = 0;
	private resumeAt = 0;

	constructor(private readonly max: number) {
		this.ceiling = max;
	}

	/** A token for a request being sent: which burst it belongs to. */
	get epoch(): number {
		return this.generation;
	}

	pushBack(epoch: number, retryAfterMs: number | undefined): void {
		// Capped at the retry contract's total wait: a longer ask fails that request anyway, and the walk with it.
		const hold = Math.min(retryAfterMs ?? 0, DEFAULT_RETRY_POLICY.maxTotalWaitMs);
		if (hold > 0) this.resumeAt = Math.max(this.resumeAt, Date.now() + hold);
		if (epoch !== this.generation) return;
		this.generation++;
		this.ceiling = Math.max(1, Math.floor(this.ceiling / 2));
		this.calm = 0;
	}

	pageDone(): void {
		if (this.ceiling >= this.max || ++this.calm < this.ceiling * 2) return;
		this.ceiling++;
		this.calm = 0;
	}

	/** How long a new request should wait for the server's Retry-After; 0 most of the time. */
	waitMs(): number {
		return this.resumeAt === 0 ? 0 : this.resumeAt - Date.now();
	}
}

/**
 * `paginateOffset` with bounded concurrency, same guarantees (order kept, nothing dropped or repeated, memory =
 * emitted keys + the pages in flight). Every page still overlaps the previous one by a record, so the pages can
 * be asked for ahead: once the served page size P is known (the first full page, or a short first page that the
 * next one shows to be a silent server cap), page k starts at offset k·(P−1). With a `total` the window never
 * reaches past it; without one it grows 1, 2, 4 … up to `concurrency`, so the end costs few wasted requests.
 * Pages are consumed strictly in order; a page without an emitted record (records deleted before it) discards
 * the window and falls back to the sequential step-back and re-walk of `paginateOffset`, then speeds up again.
 * Rate limits: see `Throttle`; a throttled page is retried by the transport, so nothing is lost or repeated.
 */
export async function* paginateOffsetParallel<T>(
	fetch: ParallelPageFetcher<T>,
	options: ParallelOffsetOptions<T>,
): AsyncGenerator<T> {
	for await (const records of paginateOffsetParallelPages(fetch, options)) yield* records;
}

/**
 * The same walk, yielding each page's new records as one array: one await per page instead of one per record,
 * which for 50,000 records saves as many promises (and the garbage they leave). Never yields an empty array.
 */
export async function* paginateOffsetParallelPages<T>(
	fetch: ParallelPageFetcher<T>,
	options: ParallelOffsetOptions<T>,
): AsyncGenerator<T[]> {
	const pageSize = checkCount(options.pageSize, 'pageSize', 2);
	const concurrency = checkCount(options.concurrency ?? 4, 'concurrency', 1);
	const throttle = new Throttle(concurrency);
	const maxRecords = options.maxRecords === undefined ? Infinity : checkCount(options.maxRecords, 'maxRecords', 0);
	const maxRewalks = options.maxRewalks ?? DEFAULT_MAX_REWALKS;
	const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
	const { keyOf } = options;
	if (maxRecords === 0) return;

	const emitted = new Set<string>();
	let served = 0; // the largest page the server has answered: its (possibly silent) page size
	let total: number | undefined;
	let requests = 0;
	const shift = new ShiftRecovery(maxRewalks);
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
		const { signal } = controller;
		const epoch = throttle.epoch;
		const request: ParallelPageRequest = { offset: at, limit, signal, throttled: (ms) => throttle.pushBack(epoch, ms) };
		const wait = throttle.waitMs();
		// While the server's Retry-After runs, new pages wait too instead of collecting 429s of their own.
		const page = wait > 0 ? sleep(wait, signal).then(async () => await fetch(request)) : fetch(request);
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
		while (queue.length < Math.min(window, throttle.ceiling)) {
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

			if (!isAnchored(head.offset, records, emitted, keyOf)) {
				// The list shifted under the window: drop what was asked ahead and find a known record again.
				discard();
				window = 1;
				offset = shift.lookBack(head.offset, head.limit);
				continue;
			}
			shift.found();
			throttle.pageDone();
			const fresh: T[] = [];
			for (const record of records) {
				// One hash lookup per record: the set grows only for a key it did not hold.
				const known = emitted.size;
				emitted.add(keyOf(record));
				if (emitted.size === known) continue;
				fresh.push(record);
				if (emitted.size >= maxRecords) break;
			}
			if (fresh.length > 0) yield fresh;
			if (emitted.size >= maxRecords) return;

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
