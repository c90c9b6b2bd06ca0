import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { runWorkflow, singleNodeWorkflow } from '../../harness';
import { credentialsFor, NODE_NAME, NODE_TYPE, requestsTo, runEvalytics, startSimulator } from './setup';

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

describe('Evalytics › errors on the error output', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());

	it('with "Continue (using error output)" sends failed items to the error output and found ones to success', async () => {
		const user = [...sim.state.users.values()].find((candidate) => !candidate.deleted)!;
		const result = await runWorkflow({
			workflow: singleNodeWorkflow({
				type: NODE_TYPE,
				nodeName: NODE_NAME,
				parameters: { resource: 'user', operation: 'get', userId: '={{ $json.id }}' },
				credentials: { evalyticsApi: { id: '1', name: 'Evalytics test' } },
				inputItems: [{ id: String(user.id) }, { id: 'EMP-DOES-NOT-EXIST' }],
				onError: 'continueErrorOutput',
			}),
			credentials: credentialsFor(sim),
		});
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME, 0).map((item) => item.json.id)).toEqual([user.id]);
		const failed = result.output(NODE_NAME, 1);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/404|not found/i);
		// n8n keeps `{ error }` as the item's JSON and the full error (with our description) beside it, paired to its
		// input, so a "create if missing" branch reads the input with $('…').item.
		expect(failed[0].error?.description).toMatch(/internal ID or the externalId/);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
	});
});
