import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

describe('Evalytics › User › Delete, Restore, Block, Unblock', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const liveUser = () => [...sim.state.users.values()].find((user) => !user.deleted)!;

	it('deletes and restores a user with DELETE and ?undo=true', async () => {
		const user = liveUser();
		const deleted = await runEvalytics(sim, { operation: 'delete', userId: String(user.id) });
		expect(deleted.json(NODE_NAME)).toEqual([{ id: user.id, deleted: true }]);
		expect(requestsTo(sim, 'DELETE', `/user/${user.id}`)[0].query).toEqual({ organisation: ['100'] });
		expect(sim.state.findUser(String(user.id))?.deleted).toBe(true);

		const restored = await runEvalytics(sim, { operation: 'restore', userId: String(user.id) });
		expect(restored.json(NODE_NAME)).toEqual([{ id: user.id, deleted: false }]);
		expect(requestsTo(sim, 'DELETE', `/user/${user.id}`)[1].query).toEqual({ undo: ['true'], organisation: ['100'] });
		expect(sim.state.findUser(String(user.id))?.deleted).toBe(false);
	});

	it('blocks and unblocks a user with POST /user/{id}/block and ?undo=true', async () => {
		const user = liveUser();
		const blocked = await runEvalytics(sim, { operation: 'block', userId: String(user.id) });
		expect(blocked.json(NODE_NAME)).toEqual([{ id: user.id, blocked: true }]);
		const unblocked = await runEvalytics(sim, { operation: 'unblock', userId: String(user.id) });
		expect(unblocked.json(NODE_NAME)).toEqual([{ id: user.id, blocked: false }]);
		const requests = requestsTo(sim, 'POST', `/user/${user.id}/block`);
		expect(requests.map((request) => request.query.undo)).toEqual([undefined, ['true']]);
	});

	it('keeps an externalId as given in the output', async () => {
		const user = [...sim.state.users.values()].find((candidate) => !candidate.deleted && candidate.externalId)!;
		const result = await runEvalytics(sim, { operation: 'block', userId: String(user.externalId) });
		expect(result.json(NODE_NAME)).toEqual([{ id: user.externalId, blocked: true }]);
		await runEvalytics(sim, { operation: 'unblock', userId: String(user.externalId) });
	});

	it('reports an unknown user clearly', async () => {
		const result = await runEvalytics(sim, { operation: 'delete', userId: '987654' });
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/does not know this ID/);
	});
});
