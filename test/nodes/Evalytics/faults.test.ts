import type { Fault } from '../../simulators/common/faults';
import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

/**
 * The fault matrix: reads complete (after retries) or fail clearly; writes are never sent twice.
 * Retry-After values are kept at 0–1 s so the suite stays quick.
 */
describe('Evalytics › faults', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
	});

	const retriedFaults: Array<[string, Fault]> = [
		['429 with Retry-After in seconds', { kind: 'status', status: 429, retryAfter: '1' }],
		['429 with Retry-After as an HTTP date', { kind: 'status', status: 429, retryAfter: new Date(Date.now() + 500).toUTCString() }],
		['502', { kind: 'status', status: 502 }],
		['503', { kind: 'status', status: 503, retryAfter: '0' }],
		['504', { kind: 'status', status: 504 }],
		['a connection reset', { kind: 'reset' }],
		['a truncated body', { kind: 'truncated' }],
	];

	it.each(retriedFaults)('a read completes after %s', async (_label, fault) => {
		sim.faults.add({ match: { method: 'GET', path: '/user' }, fault });
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: false, limit: 3 });
		expect(result.status).toBe('success');
		expect(result.json(NODE_NAME)).toHaveLength(3);
		expect(requestsTo(sim, 'GET', '/user')).toHaveLength(2);
	});

	it('a read completes when the answer is slow but within the timeout', async () => {
		sim.faults.add({ match: { method: 'GET', path: '/user' }, fault: { kind: 'slow', delayMs: 300 } });
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.json(NODE_NAME)).toHaveLength(2);
	});

	it('a read is not retried on 500 and fails with the status', async () => {
		sim.faults.add({ match: { method: 'GET', path: '/user' }, fault: { kind: 'status', status: 500 } });
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/500/);
		expect(requestsTo(sim, 'GET', '/user')).toHaveLength(1);
	});

	it('a read that keeps failing stops after the capped attempts with a clear message', async () => {
		sim.faults.add({ match: { method: 'GET', path: '/user' }, times: Infinity, fault: { kind: 'status', status: 503, retryAfter: '0' } });
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/503/);
		const attempts = requestsTo(sim, 'GET', '/user').length;
		expect(attempts).toBeGreaterThan(1);
		expect(attempts).toBeLessThanOrEqual(5);
	});

	it('malformed JSON in a success answer fails clearly', async () => {
		sim.faults.add({ match: { method: 'GET', path: '/user' }, times: Infinity, fault: { kind: 'malformed' } });
		const result = await runEvalytics(sim, { operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/malformed|JSON/i);
	});

	const writeFaults: Array<[string, Fault]> = [
		['429', { kind: 'status', status: 429, retryAfter: '0' }],
		['503', { kind: 'status', status: 503, retryAfter: '0' }],
		['a reset before the server acted', { kind: 'reset' }],
		['a reset after the server acted', { kind: 'afterHandler', then: { kind: 'reset' } }],
		['a truncated answer after the server acted', { kind: 'afterHandler', then: { kind: 'truncated' } }],
	];

	it.each(writeFaults)('a create is sent exactly once on %s, and fails clearly', async (_label, fault) => {
		sim.faults.add({ match: { method: 'POST', path: '/user' }, fault });
		const email = `write.${Date.now()}.${Math.round(Math.random() * 1e6)}@hogeschool-demo.nl`;
		const result = await runEvalytics(sim, {
			operation: 'create',
			email,
			firstName: 'Een',
			lastName: 'Keer',
			roles: { role: [{ organisation: 101, role: 5 }] },
		});
		expect(result.status).toBe('error');
		expect(sim.count('POST', '/user')).toBe(1);
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/Not retried: this call changes data.*check whether it took effect/);
	});

	it('a block is sent exactly once on 503', async () => {
		const user = [...sim.state.users.values()].find((candidate) => !candidate.deleted)!;
		sim.faults.add({ match: { method: 'POST', path: `/user/${user.id}/block` }, fault: { kind: 'status', status: 503 } });
		const result = await runEvalytics(sim, { operation: 'block', userId: String(user.id) });
		expect(result.status).toBe('error');
		expect(sim.count('POST', `/user/${user.id}/block`)).toBe(1);
	});

	it('a delete is idempotent and is retried on 503', async () => {
		const user = [...sim.state.users.values()].find((candidate) => !candidate.deleted)!;
		sim.faults.add({ match: { method: 'DELETE', path: `/user/${user.id}` }, fault: { kind: 'status', status: 503, retryAfter: '0' } });
		const result = await runEvalytics(sim, { operation: 'delete', userId: String(user.id) });
		expect(result.status).toBe('success');
		expect(sim.count('DELETE', `/user/${user.id}`)).toBe(2);
		await runEvalytics(sim, { operation: 'restore', userId: String(user.id) });
	});
});
