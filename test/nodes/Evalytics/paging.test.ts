import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

/**
 * Return All over several pages (500 users each) while users appear and disappear between page requests:
 * nobody who was there the whole time is dropped, and nobody is listed twice.
 */
describe('Evalytics › User › Get Many paging while the data moves', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ users: 1600 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const listedIds = () =>
		[...sim.state.users.values()].filter((user) => !user.deleted).map((user) => user.id).sort((a, b) => a - b);

	it('walks every page once when nothing changes', async () => {
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: true, simplify: false });
		expect(result.json(NODE_NAME).map((user) => user.id)).toEqual(listedIds());
		const skips = requestsTo(sim, 'GET', '/user').map((request) => Number(request.query.skip[0]));
		expect(skips[0]).toBe(0);
		expect(skips.length).toBeLessThanOrEqual(5);
	});

	it.each([
		['a user deleted before the cursor', 'delete-before'],
		['a user deleted after the cursor', 'delete-after'],
		['a user inserted (sorting last)', 'insert'],
	])('never drops or repeats a record when %s between two page requests', async (_label, change) => {
		const before = listedIds();
		let pageRequests = 0;
		const removed: number[] = [];
		const stop = sim.onRequest((request) => {
			if (request.method !== 'GET' || request.path !== '/user') return;
			pageRequests += 1;
			if (pageRequests !== 2) return;
			const live = listedIds();
			if (change === 'delete-before') {
				sim.state.deleteUser(live[100]);
				removed.push(live[100]);
			} else if (change === 'delete-after') {
				sim.state.deleteUser(live[1200]);
				removed.push(live[1200]);
			} else {
				sim.state.addUser({ email: `mid.walk.${Date.now()}@hogeschool-demo.nl`, firstName: 'Mid', lastName: 'Walk', roles: [{ organisation: 100, role: 5 }] });
			}
		});
		try {
			const result = await runEvalytics(sim, { operation: 'getAll', returnAll: true, simplify: false });
			const ids = result.json(NODE_NAME).map((user) => user.id as number);
			expect(new Set(ids).size).toBe(ids.length);
			// Everyone present for the whole walk is there.
			for (const id of before.filter((candidate) => !removed.includes(candidate))) expect(ids).toContain(id);
		} finally {
			stop();
			for (const id of removed) sim.state.deleteUser(id, true);
		}
	});
});
