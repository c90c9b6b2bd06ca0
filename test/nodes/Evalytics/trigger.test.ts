import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../../harness';
import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { credentialsFor, startSimulator, TRIGGER_TYPE } from './setup';

describe('Evalytics Trigger', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());

	const poll = async (mode: 'manual' | 'trigger', staticData?: IDataObject, parameters: INodeParameters = {}) =>
		await runPoll({
			type: TRIGGER_TYPE,
			parameters: { events: ['added', 'changed', 'removed'], ...parameters },
			credentials: credentialsFor(sim),
			mode,
			staticData,
		});

	it('Fetch Test Event shows real users from the platform and does not record a baseline', async () => {
		const result = await poll('manual');
		expect(result.items).not.toBeNull();
		const items = result.items!;
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(5);
		const first = items[0].json as { event: string; id: number; user: { email: string } };
		expect(first.event).toBe('added');
		expect(sim.state.findUser(String(first.id))?.email).toBe(first.user.email);
		expect(JSON.stringify(result.staticData)).not.toMatch(/snapshot/);
	});

	it('records a baseline first, then emits exactly the users added, changed and removed between polls', async () => {
		const first = await poll('trigger');
		expect(first.items).toBeNull();
		const baseline = first.staticData;
		expect(Object.keys(baseline).length).toBeGreaterThan(0);

		const live = [...sim.state.users.values()].filter((user) => !user.deleted);
		const changed = live[3];
		const removed = live[7];
		sim.state.updateUser(changed.id, { firstName: 'Gewijzigd' });
		sim.state.deleteUser(removed.id);
		const added = sim.state.addUser({
			email: 'nieuw.tussen.polls@hogeschool-demo.nl',
			firstName: 'Nieuw',
			lastName: 'Tussen',
			roles: [{ organisation: 100, role: 5 }],
		});

		const second = await poll('trigger', baseline);
		const events = (second.items ?? []).map((item) => item.json as { event: string; id: number });
		expect(events.map(({ event, id }) => `${event}:${id}`).sort()).toEqual(
			[`added:${added.id}`, `changed:${changed.id}`, `removed:${removed.id}`].sort(),
		);
		const changedItem = (second.items ?? []).find((item) => item.json.event === 'changed')!;
		expect((changedItem.json.user as IDataObject).firstName).toBe('Gewijzigd');

		const third = await poll('trigger', second.staticData);
		expect(third.items).toBeNull();
	});

	it('emits only the chosen events', async () => {
		const baseline = (await poll('trigger', undefined, { events: ['removed'] })).staticData;
		const live = [...sim.state.users.values()].filter((user) => !user.deleted);
		sim.state.updateUser(live[1].id, { lastName: 'Anders' });
		sim.state.deleteUser(live[2].id);
		const next = await poll('trigger', baseline, { events: ['removed'] });
		expect((next.items ?? []).map((item) => item.json)).toEqual([{ event: 'removed', id: live[2].id }]);
	});

	it('can emit every user on the first poll', async () => {
		const result = await poll('trigger', undefined, { options: { firstPoll: 'all' } });
		const listed = [...sim.state.users.values()].filter((user) => !user.deleted).length;
		expect(result.items).toHaveLength(listed);
	});

	it('watches only the filtered users', async () => {
		const baseline = (await poll('trigger', undefined, { filters: { q: 'nieuw.tussen' } })).staticData;
		sim.state.updateUser(sim.state.findUser('nieuw.tussen.polls@hogeschool-demo.nl')?.id ?? -1, { lastName: 'Later' });
		const next = await poll('trigger', baseline, { filters: { q: 'nieuw.tussen' } });
		expect((next.items ?? []).map((item) => item.json.event)).toEqual(['changed']);
		expect(sim.requests.at(-1)?.query.q).toEqual(['nieuw.tussen']);
	});
});
