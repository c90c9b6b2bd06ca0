import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../../harness';
import type { OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, credentialsFor, requestsTo, startSimulator, TRIGGER_TYPE } from './setup';

describe('OneRoster Trigger', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ readings: { pageCap: 25 } });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const poll = async (mode: 'manual' | 'trigger', staticData?: IDataObject, parameters: INodeParameters = {}) =>
		await runPoll({
			type: TRIGGER_TYPE,
			parameters: { resource: 'user', events: ['new', 'changed', 'deleted'], ...parameters },
			credentials: credentialsFor(sim),
			mode,
			staticData,
		});
	const events = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => `${String(item.json.event)} ${String(item.json.sourcedId)}`);

	it('Fetch Test Event shows a few real records and keeps no state', async () => {
		const result = await poll('manual');
		expect(result.items!.length).toBeGreaterThan(0);
		expect(result.items!.length).toBeLessThanOrEqual(5);
		expect((result.items![0].json.user as IDataObject).sourcedId).toBe(result.items![0].json.sourcedId);
		expect(result.staticDataSaved).toBe(false);
	});

	it('baseline first; then new, changed and deleted users from a dateLastModified filter with overlap, each once', async () => {
		const first = await poll('trigger');
		expect(first.items).toBeNull();
		expect(requestsTo(sim, 'GET', `${BASE}/users`)[0].query.filter).toBeUndefined();

		const users = sim.state.all('users');
		const changed = String(users[3].sourcedId);
		const deleted = String(users[4].sourcedId);
		sim.state.touch('users', changed, { givenName: 'Gewijzigd' });
		sim.state.touch('users', deleted, { status: 'tobedeleted' });
		sim.state.insert('users', { ...users[0], sourcedId: 'zz-new-user', dateLastModified: new Date().toISOString() });
		sim.clearRequests();

		const second = await poll('trigger', first.staticData);
		expect(events(second.items).sort()).toEqual([`changed ${changed}`, `deleted ${deleted}`, 'new zz-new-user'].sort());
		const [request] = requestsTo(sim, 'GET', `${BASE}/users`);
		expect(request.query.filter[0]).toMatch(/^dateLastModified>'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z'$/);

		// The overlap reads the same records again: nothing is emitted twice.
		const third = await poll('trigger', second.staticData);
		expect(third.items).toBeNull();

		sim.state.touch('users', changed, { familyName: 'Nogmaals' });
		const fourth = await poll('trigger', third.staticData, { events: ['changed'] });
		expect(events(fourth.items)).toEqual([`changed ${changed}`]);
	});

	it('emits every record as new on the first poll when asked, for enrollments too', async () => {
		const result = await poll('trigger', undefined, { resource: 'enrollment', options: { firstPoll: 'all' } });
		expect(result.items!.length).toBe(sim.state.all('enrollments').length);
		expect(new Set(events(result.items).map((event) => event.split(' ')[0]))).toEqual(new Set(['new']));
	});

	it('refuses an invalid additional filter before any request', async () => {
		const result = await poll('trigger', undefined, { filter: "role='student' OR" });
		expect(result.error?.message).toMatch(/Filter/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('OneRoster Trigger › gradebook', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());

	const GB = '/ims/oneroster/gradebook/v1p2';
	const poll = async (resource: string, staticData?: IDataObject) =>
		await runPoll({ type: TRIGGER_TYPE, parameters: { resource, events: ['new', 'changed', 'deleted'] }, credentials: credentialsFor(sim), mode: 'trigger', staticData });
	const events = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => `${String(item.json.event)} ${String(item.json.sourcedId)}`);

	it('results: a new grade and a changed grade since the last poll, from the gradebook service', async () => {
		const first = await poll('result');
		expect(first.items).toBeNull();
		const [graded, other] = sim.state.all('results');
		sim.state.touch('results', String(graded.sourcedId), { score: 10 });
		sim.state.insert('results', { ...other, sourcedId: 'zz-new-result', dateLastModified: new Date().toISOString() });
		sim.clearRequests();
		const second = await poll('result', first.staticData);
		expect(events(second.items).sort()).toEqual([`changed ${String(graded.sourcedId)}`, 'new zz-new-result']);
		expect((second.items![0].json.result as IDataObject).sourcedId).toBeDefined();
		expect(requestsTo(sim, 'GET', `${GB}/results`)[0].query.filter[0]).toMatch(/^dateLastModified>'/);
	});

	it('line items: a new assignment', async () => {
		const first = await poll('lineItem');
		const [item] = sim.state.all('lineItems');
		sim.state.insert('lineItems', { ...item, sourcedId: 'zz-new-lineitem', title: 'Presentation', dateLastModified: new Date().toISOString() });
		const second = await poll('lineItem', first.staticData);
		expect(events(second.items)).toEqual(['new zz-new-lineitem']);
	});
});
