import type { INodeParameters } from 'n8n-workflow';

import type { OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, NODE_NAME, requestsTo, runOneRoster, startSimulator } from './setup';

const USERS = 230;

/** Return All over every provider behaviour: caps, totals, headers, and records changing between pages. */
describe('OneRoster › paging', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ users: USERS });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.setReadings({ pageCap: undefined, totalCountHeader: true, linkHeader: true });
	});

	const allUsers = async (options: INodeParameters = {}) => {
		const result = await runOneRoster(sim, { resource: 'user', operation: 'getAll', returnAll: true, options });
		expect(result.status).toBe('success');
		return result.json(NODE_NAME).map((user) => String(user.sourcedId));
	};
	const expected = () => sim.state.all('users').map((user) => String(user.sourcedId));

	const combinations: Array<[string, { pageCap?: number; totalCountHeader: boolean; linkHeader: boolean }, number]> = [];
	for (const pageCap of [undefined, 25, 100]) {
		for (const totalCountHeader of [true, false]) {
			for (const linkHeader of [true, false]) {
				for (const pageSize of [40, 500]) {
					combinations.push([`cap ${pageCap ?? 'none'}, X-Total-Count ${totalCountHeader ? 'on' : 'off'}, Link ${linkHeader ? 'on' : 'off'}, page size ${pageSize}`, { pageCap, totalCountHeader, linkHeader }, pageSize]);
				}
			}
		}
	}

	it.each(combinations)('%s: every user exactly once, in order', async (_label, readings, pageSize) => {
		sim.setReadings(readings);
		expect(await allUsers({ pageSize })).toEqual(expected());
		const requests = requestsTo(sim, 'GET', `${BASE}/users`);
		// Never advancing by `limit` past a silent cap: each offset after the first starts at a record already read.
		const served = Math.min(pageSize, readings.pageCap ?? Infinity);
		// Without totals up to Parallel Requests − 1 pages asked ahead find the end (default 8 in flight).
		expect(requests.length).toBeLessThanOrEqual(Math.ceil(USERS / (served - 1)) + 8);
	});

	it('a last page of exactly the page size ends with one more request returning only the overlap', async () => {
		sim.setReadings({ totalCountHeader: false, linkHeader: false });
		const count = sim.state.all('users').length;
		const pageSize = count; // one full page, then one request that returns the overlap
		expect(await allUsers({ pageSize, concurrency: 1 })).toEqual(expected());
		// Only this walk's requests (limit = count): a page the previous test asked ahead and cancelled may reach the simulator late.
		const ours = requestsTo(sim, 'GET', `${BASE}/users`).filter((request) => request.query.limit[0] === String(count));
		expect(ours.map((request) => `${request.query.offset[0]}/${request.query.limit[0]}`)).toEqual(['0/' + String(count), `${count - 1}/${count}`]);
	});

	it('keeps every record when users are inserted between page requests', async () => {
		sim.setReadings({ pageCap: 20, totalCountHeader: false });
		const before = expected();
		let n = 0;
		const stop = sim.onRequest((request) => {
			if (request.path !== `${BASE}/users` || ++n % 3 !== 0) return;
			const id = `0000-inserted-${n}`;
			sim.state.insert('users', { ...sim.state.all('users')[0], sourcedId: id });
		});
		try {
			const got = await allUsers({ pageSize: 20 });
			expect(new Set(got).size).toBe(got.length);
			for (const id of before) expect(got).toContain(id);
		} finally {
			stop();
			for (const user of [...sim.state.all('users')]) if (String(user.sourcedId).startsWith('0000-inserted-')) sim.state.remove('users', String(user.sourcedId));
		}
	});

	it('keeps every remaining record when users are deleted between page requests (re-walk when the overlap breaks)', async () => {
		sim.setReadings({ pageCap: 20, totalCountHeader: false });
		const removed: Array<Record<string, unknown>> = [];
		let n = 0;
		const stop = sim.onRequest((request) => {
			if (request.path !== `${BASE}/users` || ++n % 4 !== 0) return;
			// Purge the earliest user still present: every record after it shifts one place left.
			const victim = sim.state.all('users')[0];
			removed.push(victim);
			sim.state.remove('users', String(victim.sourcedId));
		});
		try {
			const got = await allUsers({ pageSize: 20 });
			expect(new Set(got).size).toBe(got.length);
			for (const id of expected()) expect(got).toContain(id);
			expect(removed.length).toBeGreaterThan(0);
		} finally {
			stop();
			for (const user of removed) sim.state.insert('users', user);
		}
	});

	it('fetches a new token once when it expires in the middle of a Return All', async () => {
		sim.setReadings({ pageCap: 30 });
		const tokensBefore = sim.tokens.issued;
		let n = 0;
		const stop = sim.onRequest((request) => {
			if (request.path === `${BASE}/users` && ++n === 4) sim.tokens.expireAll();
		});
		try {
			expect(await allUsers({ pageSize: 30, concurrency: 1 })).toEqual(expected());
		} finally {
			stop();
		}
		expect(sim.tokens.issued - tokensBefore).toBeLessThanOrEqual(2);
		const refused = requestsTo(sim, 'GET', `${BASE}/users`).length;
		expect(refused).toBeGreaterThan(Math.ceil(USERS / 29));
	});

	it('Limit asks for no more than needed, with a filter kept identical on every page', async () => {
		sim.setReadings({ pageCap: 10 });
		const result = await runOneRoster(sim, {
			resource: 'user',
			operation: 'getAll',
			returnAll: false,
			limit: 25,
			filterConditions: { condition: [{ field: 'roles.role', operator: 'eq', value: 'student' }] },
		});
		expect(result.json(NODE_NAME)).toHaveLength(25);
		const requests = requestsTo(sim, 'GET', `${BASE}/users`);
		expect(new Set(requests.map((request) => request.query.filter[0]))).toEqual(new Set(["roles.role='student'"]));
		expect(requests.length).toBeLessThanOrEqual(5);
	});
});
