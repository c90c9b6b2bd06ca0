import {
	collect,
	paginateLink,
	paginateOffset,
	paginatePageNumber,
	parseLinkHeader,
	PaginationError,
	type OffsetPage,
} from '../../../nodes/shared/paginate';

interface Row {
	id: string;
}

type TotalMode = 'none' | 'live' | ((length: number) => number);

/**
 * In-memory offset/limit server. `beforeRequest` mutates the list between page requests; the server records
 * which records were ever present and which were ever deleted, so a run can be checked against the contract:
 * every record present for the whole walk comes out exactly once, nothing comes out twice, nothing invented.
 */
class FakeOffsetServer {
	rows: Row[];
	readonly requests: Array<{ offset: number; limit: number }> = [];
	readonly everPresent = new Set<string>();
	readonly everDeleted = new Set<string>();
	private nextId: number;

	constructor(
		count: number,
		private readonly options: {
			cap?: number;
			totals?: TotalMode;
			beforeRequest?: (server: FakeOffsetServer, requestIndex: number) => void;
		} = {},
	) {
		this.rows = Array.from({ length: count }, (_, index) => ({ id: `r${index}` }));
		this.nextId = count;
		for (const row of this.rows) this.everPresent.add(row.id);
	}

	readonly fetch = async ({ offset, limit }: { offset: number; limit: number }): Promise<OffsetPage<Row>> => {
		this.options.beforeRequest?.(this, this.requests.length);
		this.requests.push({ offset, limit });
		const served = Math.min(limit, this.options.cap ?? Infinity);
		const records = this.rows.slice(offset, offset + served).map((row) => ({ ...row }));
		const totals = this.options.totals ?? 'none';
		if (totals === 'none') return { records };
		return { records, total: totals === 'live' ? this.rows.length : totals(this.rows.length) };
	};

	insertAt(position: number): void {
		const row = { id: `r${this.nextId++}` };
		this.rows.splice(Math.max(0, Math.min(position, this.rows.length)), 0, row);
		this.everPresent.add(row.id);
	}

	deleteAt(position: number): void {
		const [row] = this.rows.splice(position, 1);
		if (row) this.everDeleted.add(row.id);
	}

	/** Records present before the first request and never deleted: the ones a walk must return. */
	mustReturn(initial: string[]): string[] {
		return initial.filter((id) => !this.everDeleted.has(id));
	}
}

async function walk(server: FakeOffsetServer, options: { pageSize: number; maxRecords?: number; maxRewalks?: number }) {
	return await collect(paginateOffset(server.fetch, { keyOf: (row) => row.id, ...options }), { returnAll: true });
}

function expectContract(server: FakeOffsetServer, initial: string[], output: Row[], maxRecords?: number): void {
	const ids = output.map((row) => row.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids) expect(server.everPresent.has(id)).toBe(true);
	const required = server.mustReturn(initial);
	if (maxRecords === undefined) {
		const returned = new Set(ids);
		expect(required.filter((id) => !returned.has(id))).toEqual([]);
	} else {
		expect(ids.length).toBeLessThanOrEqual(maxRecords);
		expect(ids.length).toBeGreaterThanOrEqual(Math.min(maxRecords, required.length));
	}
}

/** Small deterministic PRNG (mulberry32) so a failing seed can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('paginateOffset without changes', () => {
	it('reads an empty list with one request', async () => {
		const server = new FakeOffsetServer(0);
		expect(await walk(server, { pageSize: 5 })).toEqual([]);
		expect(server.requests).toEqual([{ offset: 0, limit: 5 }]);
	});

	it('overlaps each page by one record and stops on a short page once the size is proven', async () => {
		const server = new FakeOffsetServer(10);
		const rows = await walk(server, { pageSize: 5 });
		expect(rows.map((row) => row.id)).toEqual(server.rows.map((row) => row.id));
		expect(server.requests).toEqual([
			{ offset: 0, limit: 5 },
			{ offset: 4, limit: 5 },
			{ offset: 8, limit: 5 },
		]);
	});

	it('needs one extra request, returning only the overlap, after an exactly full last page', async () => {
		const server = new FakeOffsetServer(9);
		expect(await walk(server, { pageSize: 5 })).toHaveLength(9);
		expect(server.requests.map((request) => request.offset)).toEqual([0, 4, 8]);
	});

	it('asks once more after a first short page, then ends when only the overlap comes back', async () => {
		const server = new FakeOffsetServer(130);
		expect(await walk(server, { pageSize: 500 })).toHaveLength(130);
		expect(server.requests).toEqual([
			{ offset: 0, limit: 500 },
			{ offset: 129, limit: 500 },
		]);
	});

	it('walks a server that silently caps the page size (asks 500, gets 100)', async () => {
		const server = new FakeOffsetServer(250, { cap: 100 });
		const rows = await walk(server, { pageSize: 500 });
		expect(rows.map((row) => row.id)).toEqual(server.rows.map((row) => row.id));
		expect(server.requests.map((request) => request.offset)).toEqual([0, 99, 198]);
	});

	it('does not take a capped page that happens to hold everything for more than it is', async () => {
		const server = new FakeOffsetServer(100, { cap: 100 });
		expect(await walk(server, { pageSize: 500 })).toHaveLength(100);
		expect(server.requests.map((request) => request.offset)).toEqual([0, 99]);
	});

	it('lets a total end a short page without the extra request', async () => {
		const server = new FakeOffsetServer(130, { totals: 'live' });
		expect(await walk(server, { pageSize: 500 })).toHaveLength(130);
		expect(server.requests).toHaveLength(1);
	});

	it.each([
		['too small', () => 3],
		['too large', () => 1000],
		['changing on every page', (length: number) => length + Math.floor(Math.random() * 40) - 20],
		['zero', () => 0],
	])('does not trust a total that is %s over the records', async (_name, total) => {
		const server = new FakeOffsetServer(23, { totals: total });
		const rows = await walk(server, { pageSize: 5 });
		expect(rows.map((row) => row.id)).toEqual(server.rows.map((row) => row.id));
	});

	it('asks for only Limit records when the Limit is smaller than a page', async () => {
		const server = new FakeOffsetServer(100);
		expect(await walk(server, { pageSize: 50, maxRecords: 3 })).toHaveLength(3);
		expect(server.requests).toEqual([{ offset: 0, limit: 3 }]);
	});

	it('asks for what is still needed plus the overlap in Limit mode', async () => {
		const server = new FakeOffsetServer(100);
		const rows = await walk(server, { pageSize: 5, maxRecords: 12 });
		expect(rows.map((row) => row.id)).toEqual(server.rows.slice(0, 12).map((row) => row.id));
		expect(server.requests).toEqual([
			{ offset: 0, limit: 5 },
			{ offset: 4, limit: 5 },
			{ offset: 8, limit: 4 },
		]);
	});

	it('ignores a record repeated by the server and a server that returns more than asked', async () => {
		const fetch = async ({ offset }: { offset: number; limit: number }) => {
			const all = ['a', 'b', 'b', 'c', 'd'].map((id) => ({ id }));
			return { records: offset === 0 ? all : all.slice(offset, offset + 1) };
		};
		const rows = await collect(paginateOffset(fetch, { pageSize: 2, keyOf: (row) => row.id }), { returnAll: true });
		expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('rejects a page size that cannot overlap and a page without a record list', async () => {
		const server = new FakeOffsetServer(3);
		await expect(walk(server, { pageSize: 1 })).rejects.toThrow(RangeError);
		const broken = async () => ({}) as OffsetPage<Row>;
		await expect(
			collect(paginateOffset(broken, { pageSize: 5, keyOf: (row) => row.id }), { returnAll: true }),
		).rejects.toThrow(PaginationError);
	});
});

describe('paginateOffset while the list changes', () => {
	const initialIds = (count: number) => Array.from({ length: count }, (_, index) => `r${index}`);

	it('keeps going without a re-walk when records are inserted before the cursor', async () => {
		const server = new FakeOffsetServer(20, {
			beforeRequest: (list, index) => {
				if (index === 1) list.insertAt(0);
				if (index === 2) list.insertAt(2);
			},
		});
		const rows = await walk(server, { pageSize: 5 });
		expectContract(server, initialIds(20), rows);
		expect(server.requests.filter((request) => request.offset === 0)).toHaveLength(1);
	});

	it('returns a record inserted right before the cursor, and one inserted ahead of it', async () => {
		const server = new FakeOffsetServer(12, {
			beforeRequest: (list, index) => {
				if (index === 1) list.insertAt(4);
				if (index === 1) list.insertAt(11);
			},
		});
		const rows = await walk(server, { pageSize: 5 });
		expectContract(server, initialIds(12), rows);
		expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(['r12', 'r13']));
	});

	it.each([
		['one record before the cursor', (list: FakeOffsetServer) => list.deleteAt(1)],
		['the overlap record itself', (list: FakeOffsetServer) => list.deleteAt(4)],
		['several records before the cursor', (list: FakeOffsetServer) => [0, 0, 0].forEach((at) => list.deleteAt(at))],
		['a record after the cursor', (list: FakeOffsetServer) => list.deleteAt(7)],
	])('neither drops nor repeats when deleting %s', async (_name, mutate) => {
		const server = new FakeOffsetServer(20, { beforeRequest: (list, index) => index === 1 && mutate(list) });
		const rows = await walk(server, { pageSize: 5 });
		expectContract(server, initialIds(20), rows);
	});

	it('survives a record deleted before the cursor on every request', async () => {
		const server = new FakeOffsetServer(60, { beforeRequest: (list, index) => index > 0 && list.deleteAt(0) });
		const rows = await walk(server, { pageSize: 10, maxRewalks: 0 });
		expectContract(server, initialIds(60), rows);
	});

	it('throws a clear PaginationError when the list keeps changing', async () => {
		const server = new FakeOffsetServer(30, {
			beforeRequest: (list) => {
				for (let i = 0; i < 30; i++) list.deleteAt(0);
				for (let i = 0; i < 30; i++) list.insertAt(0);
			},
		});
		const error = await walk(server, { pageSize: 5 }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(PaginationError);
		expect((error as Error).message).toMatch(/kept changing.*3 re-reads/);
	});

	it('stops at maxRequests', async () => {
		const server = new FakeOffsetServer(100);
		const pages = paginateOffset(server.fetch, { pageSize: 5, keyOf: (row) => row.id, maxRequests: 3 });
		await expect(collect(pages, { returnAll: true })).rejects.toThrow(/after 3 page requests/);
	});

	it('keeps the contract over random inserts, deletes, caps and totals (500 seeds)', async () => {
		for (let seed = 1; seed <= 500; seed++) {
			const next = random(seed);
			const count = Math.floor(next() * 80);
			const pageSize = 2 + Math.floor(next() * 12);
			const capped = next() < 0.4;
			const cap = capped ? 1 + Math.floor(next() * pageSize) : undefined;
			const totalKind = next();
			// A wrong total is only safe with a server that honours the size: then data always wins.
			const totals: TotalMode =
				totalKind < 0.4 ? 'none' : totalKind < 0.7 || capped ? 'live' : () => Math.floor(next() * 100);
			const churn = next() * 1.5;
			const maxRecords = next() < 0.3 ? 1 + Math.floor(next() * 40) : undefined;
			const server = new FakeOffsetServer(count, {
				cap: cap === undefined || cap >= 2 ? cap : 2,
				totals,
				beforeRequest: (list, index) => {
					if (index === 0) return;
					for (let change = 0; change < churn * next(); change++) {
						const at = Math.floor(next() * (list.rows.length + 1));
						if (next() < 0.5) list.insertAt(at);
						else list.deleteAt(at);
					}
				},
			});
			const rows = await walk(server, { pageSize, maxRecords }).catch((error: unknown) => {
				throw new Error(`seed ${seed}: ${(error as Error).message}`);
			});
			try {
				expectContract(server, initialIds(count), rows, maxRecords);
			} catch (error) {
				throw new Error(`seed ${seed}: ${(error as Error).message}`);
			}
		}
	});
});

describe('paginatePageNumber', () => {
	function pagedServer(count: number, options: { cap?: number; totalPages?: boolean; total?: boolean } = {}) {
		const rows = Array.from({ length: count }, (_, index) => ({ id: `p${index}` }));
		const requests: Array<{ page: number; pageSize: number }> = [];
		const fetch = async ({ page, pageSize }: { page: number; pageSize: number }) => {
			requests.push({ page, pageSize });
			const size = Math.min(pageSize, options.cap ?? Infinity);
			const records = rows.slice((page - 1) * size, page * size);
			return {
				records,
				totalPages: options.totalPages ? Math.ceil(count / size) : undefined,
				total: options.total ? count : undefined,
			};
		};
		return { rows, requests, fetch };
	}

	it('stops on an empty page, on totalPages and on a proven short page', async () => {
		const plain = pagedServer(20);
		expect(await collect(paginatePageNumber(plain.fetch, { pageSize: 5 }), { returnAll: true })).toHaveLength(20);
		expect(plain.requests.map((request) => request.page)).toEqual([1, 2, 3, 4, 5]);

		const counted = pagedServer(20, { totalPages: true });
		await collect(paginatePageNumber(counted.fetch, { pageSize: 5 }), { returnAll: true });
		expect(counted.requests).toHaveLength(4);

		const short = pagedServer(12);
		await collect(paginatePageNumber(short.fetch, { pageSize: 5 }), { returnAll: true });
		expect(short.requests).toHaveLength(3);
	});

	it('continues with the learned size after a silent cap', async () => {
		const server = pagedServer(250, { cap: 100 });
		const rows = await collect(paginatePageNumber(server.fetch, { pageSize: 500 }), { returnAll: true });
		expect(rows.map((row) => row.id)).toEqual(server.rows.map((row) => row.id));
		expect(server.requests).toEqual([
			{ page: 1, pageSize: 500 },
			{ page: 2, pageSize: 100 },
			{ page: 3, pageSize: 100 },
		]);
	});

	it('uses a total to end a first short page, supports page 0 and asks no more than Limit', async () => {
		const server = pagedServer(30, { total: true });
		await collect(paginatePageNumber(server.fetch, { pageSize: 50 }), { returnAll: true });
		expect(server.requests).toHaveLength(1);

		const zeroBased: number[] = [];
		const fetch = async ({ page }: { page: number; pageSize: number }) => {
			zeroBased.push(page);
			return { records: page < 2 ? [{ id: `z${page}a` }, { id: `z${page}b` }] : [] };
		};
		expect(await collect(paginatePageNumber(fetch, { pageSize: 2, firstPage: 0 }), { returnAll: true })).toHaveLength(4);
		expect(zeroBased).toEqual([0, 1, 2]);

		const limited = pagedServer(100);
		expect(await collect(paginatePageNumber(limited.fetch, { pageSize: 50, maxRecords: 7 }), { returnAll: true })).toHaveLength(7);
		expect(limited.requests).toEqual([{ page: 1, pageSize: 7 }]);
	});

	it('drops duplicates by keyOf', async () => {
		const fetch = async ({ page }: { page: number; pageSize: number }) => ({
			records: page === 1 ? [{ id: 'a' }, { id: 'b' }] : page === 2 ? [{ id: 'b' }, { id: 'c' }] : [],
		});
		const rows = await collect(paginatePageNumber(fetch, { pageSize: 2, keyOf: (row) => row.id }), { returnAll: true });
		expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c']);
	});
});

describe('parseLinkHeader', () => {
	it('reads several links, several rels per link and quoted parameters', () => {
		const header =
			'<https://api.example.org/users?page=2&sort=a,b>; rel="next"; title="Next, please", ' +
			'<https://api.example.org/users?page=9>; rel="last LAST-ALIAS"; type="application/json",' +
			'</users?page=1>;rel=first';
		expect(parseLinkHeader(header)).toEqual({
			next: 'https://api.example.org/users?page=2&sort=a,b',
			last: 'https://api.example.org/users?page=9',
			'last-alias': 'https://api.example.org/users?page=9',
			first: '/users?page=1',
		});
	});

	it('keeps the first link per rel and the first rel parameter, and handles escapes', () => {
		const header = '<a>; rel="next"; rel="prev", <b>; rel=next, <c>; title="say \\"hi\\"; ok"; rel="prev"';
		expect(parseLinkHeader(header)).toEqual({ next: 'a', prev: 'c' });
	});

	it('tolerates empty, missing and malformed input', () => {
		expect(parseLinkHeader(undefined)).toEqual({});
		expect(parseLinkHeader('')).toEqual({});
		expect(parseLinkHeader('garbage, <x>; rel="next"')).toEqual({ next: 'x' });
		expect(parseLinkHeader('<x>; title="no rel"')).toEqual({});
		const proto = parseLinkHeader('<x>; rel="__proto__"');
		expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
		expect(Object.hasOwn(proto, '__proto__')).toBe(true);
	});
});

describe('paginateLink', () => {
	it('follows rel="next" until there is none', async () => {
		const pages: Record<string, { records: Row[]; linkHeader?: string }> = {
			first: { records: [{ id: 'a' }], linkHeader: '</p2>; rel="next"' },
			'/p2': { records: [{ id: 'b' }, { id: 'a' }], linkHeader: '</p3>; rel="next", </p1>; rel="prev"' },
			'/p3': { records: [{ id: 'c' }] },
		};
		const urls: Array<string | undefined> = [];
		const fetch = async (url: string | undefined) => {
			urls.push(url);
			return pages[url ?? 'first'];
		};
		const rows = await collect(paginateLink(fetch, { keyOf: (row) => row.id }), { returnAll: true });
		expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c']);
		expect(urls).toEqual([undefined, '/p2', '/p3']);
	});

	it('stops with an error when a next link repeats, without putting the URL in the message', async () => {
		const fetch = async (url: string | undefined) => ({
			records: [{ id: url ?? 'start' }],
			linkHeader: url === '/p2?token=s3cret' ? '</p1?token=s3cret>; rel="next"' : '</p2?token=s3cret>; rel="next"',
		});
		const error = await collect(paginateLink(fetch, {}), { returnAll: true }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(PaginationError);
		expect((error as Error).message).not.toContain('s3cret');
	});

	it('honours maxRecords and maxRequests', async () => {
		let calls = 0;
		const fetch = async () => {
			calls++;
			return { records: [{ id: `x${calls}` }, { id: `y${calls}` }], linkHeader: `<n${calls}>; rel="next"` };
		};
		expect(await collect(paginateLink(fetch, { maxRecords: 3 }), { returnAll: true })).toHaveLength(3);
		expect(calls).toBe(2);
		await expect(collect(paginateLink(fetch, { maxRequests: 2 }), { returnAll: true })).rejects.toThrow(PaginationError);
	});
});

describe('collect', () => {
	it('returns everything with Return All, Limit records otherwise, and closes the source early', async () => {
		let requested = 0;
		let closed = false;
		async function* source() {
			try {
				for (let i = 0; i < 10; i++) {
					requested++;
					yield i;
				}
			} finally {
				closed = true;
			}
		}
		expect(await collect(source(), { returnAll: true })).toHaveLength(10);
		requested = 0;
		closed = false;
		expect(await collect(source(), { returnAll: false, limit: 3 })).toEqual([0, 1, 2]);
		expect(requested).toBe(3);
		expect(closed).toBe(true);
		expect(await collect(source(), { returnAll: false, limit: 0 })).toEqual([]);
		await expect(collect(source(), { returnAll: false })).rejects.toThrow(RangeError);
	});

	it('stops paging requests once the Limit is reached', async () => {
		const server = new FakeOffsetServer(100);
		const rows = await collect(paginateOffset(server.fetch, { pageSize: 5, keyOf: (row) => row.id }), {
			returnAll: false,
			limit: 6,
		});
		expect(rows).toHaveLength(6);
		expect(server.requests).toHaveLength(2);
	});
});
