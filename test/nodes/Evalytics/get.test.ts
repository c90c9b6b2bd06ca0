import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

describe('Evalytics › User › Get', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const someUser = () => [...sim.state.users.values()].find((user) => !user.deleted && user.externalId)!;

	it('gets a user by internal ID, one item per input item, paired', async () => {
		const user = someUser();
		const result = await runEvalytics(
			sim,
			{ operation: 'get', userId: '={{ $json.id }}', simplify: false },
			{ inputItems: [{ id: user.id }, { id: user.id }] },
		);
		const out = result.output(NODE_NAME);
		expect(out).toHaveLength(2);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json).toMatchObject({ id: user.id, email: user.email });
		expect(out[0].json).toHaveProperty('linkedOrganisations');
		const requests = requestsTo(sim, 'GET', `/user/${user.id}`);
		expect(requests).toHaveLength(2);
		expect(requests[0].query).toEqual({ organisation: ['100'] });
	});

	it('gets a user by externalId and can hide propagated roles', async () => {
		const user = someUser();
		const result = await runEvalytics(sim, {
			operation: 'get',
			userId: user.externalId,
			options: { showPropagatedRoles: false },
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ id: user.id, externalId: user.externalId });
		const [request] = requestsTo(sim, 'GET', `/user/${encodeURIComponent(String(user.externalId))}`);
		expect(request.query.showPropagatedRoles).toEqual(['false']);
	});

	it('encodes the ID so it can never change the path', async () => {
		const result = await runEvalytics(sim, { operation: 'get', userId: '../organisation/100' }, { continueOnFail: true });
		expect(result.json(NODE_NAME)[0].error).toBeDefined();
		expect(sim.requests.at(-1)?.path).toBe('/user/..%2Forganisation%2F100');
	});

	it('reports an unknown user as a NodeApiError with the platform message and a hint', async () => {
		const result = await runEvalytics(sim, { operation: 'get', userId: '999999' });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/404|not found|unknown/i);
		expect(error.description).toMatch(/internal ID or the externalId/);
	});

	it('refuses an empty User ID before sending anything', async () => {
		const result = await runEvalytics(sim, { operation: 'get', userId: '  ' });
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/User ID/);
		expect(sim.requests).toHaveLength(0);
	});

	it('uses the organisation chosen in the node instead of the credential default', async () => {
		const user = someUser();
		await runEvalytics(sim, {
			operation: 'get',
			userId: String(user.id),
			organisation: { __rl: true, mode: 'id', value: String(user.organisation) },
		});
		expect(sim.requests.at(-1)?.query.organisation).toEqual([String(user.organisation)]);
	});
});
