import { collect, PaginationError, type OffsetPage } from '../../../nodes/shared/paginate';
import { paginateOffsetParallel } from '../../../nodes/shared/paginateParallel';

interface Row {
	id: string;
}

/** Small deterministic PRNG (mulberry32) so a failing seed can be replayed. */
function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * An offset/limit list served concurrently: each request is sliced when it arrives and answered after a random
 * number of ticks, so answers overtake each other. `mutate` changes the list as requests arrive.
 */
class ConcurrentList {
	rows: Row[];
	readonly requests: Array<{ offset: number; limit: number }> = [];
	readonly everPresent = new Set<string>();
	readonly everDeleted = new Set<string>();
	inFlight = 0;
	maxInFlight = 0;
	private nextId: number;

	constructor(
		count: number,
		private readonly options: { cap?: number; totals?: 'none' | 'live' | 'zero'; next?: () => number; mutate?: (list: ConcurrentList, index: number) => void } = {},
	) {
		this.rows = Array.from({ length: count }, (_, index) => ({ id: `r${String(index).padStart(5, '0')}` }));
		this.nextId = count;
		for (const row of this.rows) this.everPresent.add(row.id);
	}

	readonly fetch = async ({ offset, limit }: { offset: number; limit: number }): Promise<OffsetPage<Row>> => {
		this.options.mutate?.(this, this.requests.length);
		this.requests.push({ offset, limit });
		const records = this.rows.slice(offset, offset + Math.min(limit, this.options.cap ?? Infinity)).map((row) => ({ ...row }));
		const totals = this.options.totals ?? 'none';
		const total = totals === 'live' ? this.rows.length : totals === 'zero' ? 0 : undefined;
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		const ticks = Math.floor((this.options.next?.() ?? 0) * 5);
		for (let tick = 0; tick < ticks; tick++) await Promise.resolve();
		this.inFlight--;
		return total === undefined ? { records } : { records, total };
	};

	insertAt(position: number): void {
		const row = { id: `n${this.nextId++}` };
		this.rows.splice(Math.max(0, Math.min(position, this.rows.length)), 0, row);
		this.everPresent.add(row.id);
	}

	deleteAt(position: number): void {
		const [row] = this.rows.splice(position, 1);
		if (row) this.everDeleted.add(row.id);
	}
}

const walk = async (list: ConcurrentList, options: { pageSize: number; concurrency: number; maxRecords?: number }) =>
	await collect(paginateOffsetParallel(list.fetch, { keyOf: (row) => row.id, ...options }), { returnAll: true });

describe('paginateOffsetParallel', () => {
	it('returns everything in order with overlapping pages asked ahead, in flight at most `concurrency`', async () => {
		const list = new ConcurrentList(1000, { next: prng(1) });
		const rows = await walk(list, { pageSize: 50, concurrency: 4 });
		expect(rows.map((row) => row.id)).toEqual(list.rows.map((row) => row.id));
		expect(list.maxInFlight).toBeGreaterThan(1);
		expect(list.maxInFlight).toBeLessThanOrEqual(4);
		// Page k at k·49: each page after the first repeats the last record of the one before.
		expect(list.requests.slice(0, 4).map((request) => request.offset).sort((a, b) => a - b)).toEqual([0, 49, 98, 147]);
	});

	it('learns a silent server cap (asks 500, gets 100) and walks it in parallel without losing a record', async () => {
		const list = new ConcurrentList(1234, { cap: 100, next: prng(2) });
		const rows = await walk(list, { pageSize: 500, concurrency: 4 });
		expect(rows).toHaveLength(1234);
		expect(new Set(rows.map((row) => row.id)).size).toBe(1234);
		expect(list.requests[0]).toEqual({ offset: 0, limit: 500 });
		expect(list.requests[1]).toEqual({ offset: 99, limit: 100 });
		// About 1234 / 99 pages plus a few speculative ones past the end.
		expect(list.requests.length).toBeLessThanOrEqual(Math.ceil(1234 / 99) + 4);
	});

	it('with a total asks for no page past it', async () => {
		const list = new ConcurrentList(300, { totals: 'live', next: prng(3) });
		await walk(list, { pageSize: 100, concurrency: 8 });
		expect(list.requests.every((request) => request.offset < 300)).toBe(true);
		expect(list.maxInFlight).toBeGreaterThan(1);
	});

	it('a wrong total (0 beside full pages) costs speed, never records', async () => {
		const list = new ConcurrentList(250, { totals: 'zero', next: prng(4) });
		expect(await walk(list, { pageSize: 20, concurrency: 4 })).toHaveLength(250);
	});

	it('in Limit mode asks for no more than needed', async () => {
		const list = new ConcurrentList(1000, { next: prng(5) });
		const rows = await collect(paginateOffsetParallel(list.fetch, { keyOf: (row) => row.id, pageSize: 50, concurrency: 4, maxRecords: 120 }), {
			returnAll: false,
			limit: 120,
		});
		expect(rows.map((row) => row.id)).toEqual(list.rows.slice(0, 120).map((row) => row.id));
		expect(list.requests.length).toBeLessThanOrEqual(4);
	});

	it('re-walks after records vanish before the cursor and gives up clearly when the list keeps shifting', async () => {
		const stable = new ConcurrentList(500, { next: prng(6), mutate: (list, index) => index === 3 && [0, 1, 2, 3, 4, 5, 6, 7].forEach(() => list.deleteAt(0)) });
		const rows = await walk(stable, { pageSize: 20, concurrency: 4 });
		const ids = new Set(rows.map((row) => row.id));
		expect(ids.size).toBe(rows.length);
		for (const row of stable.rows) expect(ids.has(row.id)).toBe(true);

		const churning = new ConcurrentList(500, { next: prng(7), mutate: (list, index) => {
			if (index > 0) for (let i = 0; i < 30; i++) list.deleteAt(0);
		} });
		await expect(walk(churning, { pageSize: 20, concurrency: 4 })).rejects.toThrow(PaginationError);
	});

	it('keeps the contract over random inserts, deletes, caps, totals and answer orders (400 seeds)', async () => {
		for (let seed = 1; seed <= 400; seed++) {
			const next = prng(seed);
			const count = Math.floor(next() * 120);
			const pageSize = 2 + Math.floor(next() * 15);
			const cap = next() < 0.4 ? Math.max(2, 1 + Math.floor(next() * pageSize)) : undefined;
			const totals = next() < 0.5 ? 'none' : 'live';
			const churn = next() * 1.2;
			const concurrency = 1 + Math.floor(next() * 6);
			const list = new ConcurrentList(count, {
				cap,
				totals,
				next,
				mutate: (target, index) => {
					if (index === 0) return;
					for (let change = 0; change < churn * next(); change++) {
						const at = Math.floor(next() * (target.rows.length + 1));
						if (next() < 0.5) target.insertAt(at);
						else target.deleteAt(at);
					}
				},
			});
			const initial = list.rows.map((row) => row.id);
			let rows: Row[];
			try {
				rows = await walk(list, { pageSize, concurrency });
			} catch (error) {
				if (error instanceof PaginationError && /kept changing/.test(error.message)) continue;
				throw new Error(`seed ${seed}: ${(error as Error).message}`);
			}
			const ids = rows.map((row) => row.id);
			const returned = new Set(ids);
			expect({ seed, duplicates: ids.length - returned.size }).toEqual({ seed, duplicates: 0 });
			expect({ seed, invented: ids.filter((id) => !list.everPresent.has(id)) }).toEqual({ seed, invented: [] });
			const missing = initial.filter((id) => !list.everDeleted.has(id) && !returned.has(id));
			expect({ seed, missing }).toEqual({ seed, missing: [] });
		}
	});
});
