import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

describe('Evalytics › User › Get Many', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	it('returns up to Limit users with one request, simplified and paired', async () => {
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: false, limit: 5 });
		expect(result.status).toBe('success');
		const users = result.json(NODE_NAME);
		expect(users).toHaveLength(5);
		expect(Object.keys(users[0]).sort()).toEqual(
			['activated', 'email', 'externalId', 'firstName', 'id', 'lastName', 'name', 'organisations', 'prefix', 'roles', 'title'].sort(),
		);
		expect(result.output(NODE_NAME).every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);

		const [request] = requestsTo(sim, 'GET', '/user');
		expect(requestsTo(sim, 'GET', '/user')).toHaveLength(1);
		expect(request.query).toEqual({ limit: ['5'], skip: ['0'], organisation: ['100'] });
		expect(request.headers['api-key']).toBe('test-api-key');
	});

	it('returns every user with Return All, in the platform order, without duplicates', async () => {
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: true, simplify: false });
		const users = result.json(NODE_NAME);
		const listed = [...sim.state.users.values()].filter((user) => !user.deleted).map((user) => user.id);
		expect(users.map((user) => user.id)).toEqual(listed.sort((a, b) => a - b));
		expect(new Set(users.map((user) => user.id)).size).toBe(users.length);
		// Raw records keep the organisations and roles Evalytics sends.
		expect(users[0]).toHaveProperty('organisations');
		expect(users[0]).toHaveProperty('topOrganisation');
		for (const request of requestsTo(sim, 'GET', '/user')) expect(Number(request.query.limit[0])).toBeGreaterThan(0);
	});

	it('sends the search, role and child-organisation filters as Evalytics documents them', async () => {
		await runEvalytics(sim, {
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { q: 'jan', roles: '3, 5', includeChildOrganisations: true },
		});
		const [request] = requestsTo(sim, 'GET', '/user');
		expect(request.query.q).toEqual(['jan']);
		expect(request.query.role).toEqual(['3', '5']);
		expect(request.query.includeChildOrganisations).toEqual(['true']);
	});

	it('can send several roles comma-separated, and the simulator reading only that form filters by both', async () => {
		sim.setReadings({ roleQuery: 'comma' });
		try {
			const result = await runEvalytics(sim, {
				operation: 'getAll',
				returnAll: true,
				filters: { roles: '3,5', includeChildOrganisations: true },
				options: { roleFormat: 'comma' },
			});
			const [request] = requestsTo(sim, 'GET', '/user');
			expect(request.query.role).toEqual(['3,5']);
			const roles = new Set(result.json(NODE_NAME).flatMap((user) => (user.roles as Array<{ role: number }>).map((r) => r.role)));
			expect([...roles].some((role) => role === 3 || role === 5)).toBe(true);
		} finally {
			sim.setReadings({ roleQuery: 'both' });
		}
	});

	it('works whatever resultSet.count means (page count or total)', async () => {
		for (const countMeaning of ['page', 'total'] as const) {
			sim.setReadings({ countMeaning });
			const result = await runEvalytics(sim, { operation: 'getAll', returnAll: true });
			expect(result.json(NODE_NAME)).toHaveLength([...sim.state.users.values()].filter((user) => !user.deleted).length);
		}
		sim.setReadings({ countMeaning: 'page' });
	});

	it('refuses a role filter that is not a list of numbers, before sending anything', async () => {
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: true, filters: { roles: '3, teacher' } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/Role IDs/);
		expect(requestsTo(sim, 'GET', '/user')).toHaveLength(0);
	});
});
