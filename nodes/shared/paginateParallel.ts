/**
 * The offset walk of paginate.ts with bounded concurrency (kept apart so paginate.ts stays readable). Same
 * contract as `paginateOffset`: order kept, nothing dropped or repeated, memory = emitted keys + pages in flight.
 */
import {
	checkCount,
	countRequest,
	DEFAULT_MAX_REQUESTS,
	DEFAULT_MAX_REWALKS,
	PaginationError,
	recordsOf,
	type OffsetPage,
	type OffsetPaginationOptions,
} from './paginate';
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
