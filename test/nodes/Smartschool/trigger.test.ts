import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { leaksSecret, runPoll } from '../../harness';
import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId, credentialsFor, startSimulator, TRIGGER_TYPE } from './setup';

describe('Smartschool Trigger', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 5 });
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
	const refOf = (id: number) => `${sim.state.settings.platformId}_${id}_0`;

	it('Fetch Test Event shows real accounts and records no baseline', async () => {
		const result = await poll('manual');
		const items = result.items ?? [];
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(5);
		const first = items[0].json as { event: string; id: string; account: IDataObject };
		expect(first.event).toBe('added');
		const account = [...sim.state.accounts.values()].find((candidate) => refOf(candidate.id) === first.id)!;
		expect(first.account.gebruikersnaam).toBe(account.username);
		expect(JSON.stringify(result.staticData)).not.toMatch(/snapshot/);
	});

	it('records a baseline of hashes, then emits exactly the accounts added, changed and removed', async () => {
		const first = await poll('trigger');
		expect(first.items).toBeNull();
		const baseline = first.staticData;
		// Hashes, not records: no name of any account is stored.
		const someone = [...sim.state.accounts.values()][0];
		expect(JSON.stringify(baseline)).not.toContain(someone.lastName);
		expect(sim.requests.at(-1)).toMatchObject({ soapMethod: 'getAllAccountsExtended', parts: expect.objectContaining({ recursive: '1' }) });

		const [changed, removed, loggedIn] = [...sim.state.accounts.values()].slice(3, 6);
		sim.state.updateAccount(changed, { email: 'nieuw.adres@school.be' });
		sim.state.updateAccount(loggedIn, { lastLogins: '2025-01-01 08:00:00;2025-02-03 09:15:00' });
		for (const group of sim.state.groupsOf(removed)) sim.state.removeMember(group, removed);
		sim.state.accounts.delete(removed.id);
		sim.state.touch();
		const added = sim.state.addAccount({ username: 'nieuwe.leerling', firstName: 'Nieuwe', lastName: 'Leerling', baseRole: 'leerling' });

		const second = await poll('trigger', baseline);
		const events = (second.items ?? []).map((item) => `${String(item.json.event)}:${String(item.json.id)}`);
		expect(events.sort()).toEqual([`added:${refOf(added.id)}`, `changed:${refOf(changed.id)}`, `removed:${refOf(removed.id)}`].sort());
		const changedItem = (second.items ?? []).find((item) => item.json.event === 'changed')!;
		expect((changedItem.json.account as IDataObject).emailadres).toBe('nieuw.adres@school.be');
		expect(leaksSecret([second.items, second.staticData], ACCESS_CODE)).toBe(false);

		expect((await poll('trigger', second.staticData)).items).toBeNull();
	});

	it('watches one group only, and emits only the chosen events', async () => {
		const group = [...sim.state.groups.values()].find((candidate) => candidate.type === 'K' && candidate.members.size > 1)!;
		const parameters = { group: byId(group.code), recursive: false, events: ['removed'] };
		const baseline = (await poll('trigger', undefined, parameters)).staticData;
		expect(sim.requests.at(-1)?.parts).toMatchObject({ code: group.code, recursive: '0' });
		const [leaving, staying] = [...group.members].map((id) => sim.state.accounts.get(id)!);
		sim.state.removeMember(group, leaving);
		sim.state.updateAccount(staying, { firstName: 'Anders' });
		const next = await poll('trigger', baseline, parameters);
		expect((next.items ?? []).map((item) => item.json)).toEqual([{ event: 'removed', id: refOf(leaving.id) }]);
	});

	it('can emit every account on the first poll', async () => {
		const result = await poll('trigger', undefined, { options: { firstPoll: 'all' } });
		expect(result.items).toHaveLength(sim.state.accounts.size);
	});
});
