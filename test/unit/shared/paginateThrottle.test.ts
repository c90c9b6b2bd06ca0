import { collect, collectPages, type OffsetPage } from '../../../nodes/shared/paginate';
import { paginateOffsetParallel, paginateOffsetParallelPages, type ParallelPageRequest } from '../../../nodes/shared/paginateParallel';

interface Row {
	id: string;
}

const ticks = async (count: number) => {
	for (let tick = 0; tick < count; tick++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * A list behind a server that takes at most `capacity` requests at once (or pushes back on the first `pushBackFirst`
 * requests): a refused request reports the push-back (`report`) and is retried, as the shared transport does on 429.
 */
class BusyServer {
	readonly rows: Row[];
	readonly accepted: number[] = [];
	readonly launchedAt: Array<{ offset: number; at: number }> = [];
	pushBacks = 0;
	private inFlight = 0;

	constructor(
		count: number,
		private readonly options: { capacity?: number; pushBackFirst?: number; retryAfterMs?: number; report: boolean },
	) {
		this.rows = Array.from({ length: count }, (_, index) => ({ id: `r${String(index).padStart(5, '0')}` }));
	}

	readonly fetch = async ({ offset, limit, throttled }: ParallelPageRequest): Promise<OffsetPage<Row>> => {
		this.launchedAt.push({ offset, at: Date.now() });
		for (;;) {
			const refused = this.inFlight >= (this.options.capacity ?? Infinity) || this.pushBacks < (this.options.pushBackFirst ?? 0);
			if (!refused) break;
			this.pushBacks++;
			if (this.options.report) throttled(this.options.retryAfterMs);
			await ticks(3);
		}
		this.inFlight++;
		this.accepted.push(this.inFlight);
		await ticks(2);
		this.inFlight--;
		return { records: this.rows.slice(offset, offset + limit) };
	};
}

const walk = async (server: BusyServer, concurrency: number) =>
	(await collect(paginateOffsetParallel(server.fetch, { keyOf: (row) => row.id, pageSize: 10, concurrency }), { returnAll: true })).map((row) => row.id);

describe('paginateOffsetParallel › adaptive window', () => {
	it('a server that takes 2 at a time: the window shrinks, far fewer push-backs, every record once in order', async () => {
		const adaptive = new BusyServer(1000, { capacity: 2, report: true });
		expect(await walk(adaptive, 8)).toEqual(adaptive.rows.map((row) => row.id));
		const blind = new BusyServer(1000, { capacity: 2, report: false });
		expect(await walk(blind, 8)).toEqual(blind.rows.map((row) => row.id));
		expect(adaptive.pushBacks).toBeGreaterThan(0);
		expect(adaptive.pushBacks * 3).toBeLessThan(blind.pushBacks);
	});

	it('halves once per burst, and grows back to the full window once the push-back stops', async () => {
		const server = new BusyServer(3000, { pushBackFirst: 4, report: true });
		expect(await walk(server, 8)).toEqual(server.rows.map((row) => row.id));
		// Early answers come from a narrowed window; by the end all 8 are in flight again.
		expect(Math.max(...server.accepted.slice(-40))).toBe(8);
	});

	it('holds new pages until the Retry-After the server asked for has passed', async () => {
		const server = new BusyServer(400, { pushBackFirst: 1, retryAfterMs: 60, report: true });
		const started = Date.now();
		expect(await walk(server, 4)).toEqual(server.rows.map((row) => row.id));
		const [first, ...later] = server.launchedAt;
		expect(first.offset).toBe(0);
		// The first page was refused with Retry-After 60 ms: every page asked after it waited that long first.
		expect(later.length).toBeGreaterThan(0);
		for (const launch of later) expect(launch.at - started).toBeGreaterThanOrEqual(58);
	});

	it('a window of 1 stays sequential and still loses nothing under constant push-back', async () => {
		const server = new BusyServer(200, { capacity: 1, report: true });
		expect(await walk(server, 1)).toEqual(server.rows.map((row) => row.id));
		expect(Math.max(...server.accepted)).toBe(1);
	});
});

describe('paginateOffsetParallelPages', () => {
	it('yields each page\'s new records as one array (overlap left out, never empty); collectPages stops at the limit', async () => {
		const server = new BusyServer(95, { report: true });
		const options = { keyOf: (row: Row) => row.id, pageSize: 10, concurrency: 4 };
		const pages: Row[][] = [];
		for await (const page of paginateOffsetParallelPages(server.fetch, options)) pages.push(page);
		expect(pages.flat().map((row) => row.id)).toEqual(server.rows.map((row) => row.id));
		expect(pages[0]).toHaveLength(10);
		expect(pages[1]).toHaveLength(9);
		expect(pages.every((page) => page.length > 0)).toBe(true);
		const limited = await collectPages(paginateOffsetParallelPages(server.fetch, { ...options, maxRecords: 25 }), { returnAll: false, limit: 25 });
		expect(limited.map((row) => row.id)).toEqual(server.rows.slice(0, 25).map((row) => row.id));
		expect(await collectPages(paginateOffsetParallelPages(server.fetch, options), { returnAll: false, limit: 0 })).toEqual([]);
	});
});
