import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../../harness';
import { schoolOf, type SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, credentialsFor, startSimulator, TRIGGER_TYPE } from './setup';

describe('Smartschool Trigger › Absences', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 71 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const poll = async (mode: 'manual' | 'trigger', staticData?: IDataObject, parameters: INodeParameters = {}) =>
		await runPoll({
			type: TRIGGER_TYPE,
			parameters: { watch: 'absences', absenceEvents: ['added', 'changed', 'removed'], ...parameters },
			credentials: credentialsFor(sim),
			mode,
			staticData,
		});
	const students = () => [...sim.state.accounts.values()].filter((account) => account.baseRole === 'leerling');
	const event = (item: { json: IDataObject }) => `${String(item.json.event)}:${String(item.json.id)}`;

	it('records a baseline, then emits new, changed and removed registrations of the window', async () => {
		const parameters = { range: 'lastDays', days: 3 };
		const first = await poll('trigger', undefined, parameters);
		expect(first.items).toBeNull();
		const dates = sim.calls('getAbsentsByDate').map((call) => call.parts.date!);
		expect(dates).toHaveLength(3);
		expect([...dates].sort()).toEqual(dates);
		const today = dates[2];

		const life = schoolOf(sim.state);
		const [newlyAbsent, changing, leaving] = students().slice(0, 3);
		for (const date of dates) for (const account of [newlyAbsent, changing, leaving]) life.absences.get(account.id)?.delete(date);
		life.setAbsence(changing.id, today, { am: 'Z', pm: 'Z' });
		life.setAbsence(leaving.id, dates[1], { am: 'R', pm: '|' });
		const baseline = (await poll('trigger', first.staticData, parameters)).staticData;

		life.setAbsence(newlyAbsent.id, today, { am: '-', pm: null });
		life.setAbsence(changing.id, today, { pm: 'D' });
		life.setAbsence(leaving.id, dates[1], { am: '|' });
		const next = await poll('trigger', baseline, parameters);
		expect((next.items ?? []).map(event).sort()).toEqual(
			[`added:${today}|${newlyAbsent.id}`, `changed:${today}|${changing.id}`, `removed:${dates[1]}|${leaving.id}`].sort(),
		);
		const changed = (next.items ?? []).find((item) => item.json.event === 'changed')!;
		expect(changed.json.absence).toMatchObject({ date: today, student: String(changing.id), am: 'Z', pm: 'D', pmMeaning: 'doctor', absent: true });
		expect((await poll('trigger', next.staticData, parameters)).items).toBeNull();
	});

	it('watches one class with getAbsentsByDateAndGroup, and ignores dates that left the window', async () => {
		const group = [...sim.state.groups.values()].find((candidate) => candidate.type === 'K' && candidate.members.size > 0)!;
		const parameters = { range: 'yesterday', absenceGroup: byId(group.code), absenceEvents: ['added', 'removed'] };
		const first = await poll('trigger', undefined, parameters);
		const [call] = sim.calls('getAbsentsByDateAndGroup');
		expect(call.parts).toMatchObject({ code: group.code, date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
		const member = sim.state.accounts.get([...group.members][0])!;
		schoolOf(sim.state).setAbsence(member.id, call.parts.date!, { am: 'Z', pm: 'Z' });
		const next = await poll('trigger', first.staticData, parameters);
		expect((next.items ?? []).map(event)).toContain(`added:${call.parts.date}|${member.id}`);

		// The same snapshot with today as the window: yesterday's registrations are forgotten, not "removed".
		const moved = await poll('trigger', next.staticData, { ...parameters, range: 'today' });
		expect((moved.items ?? []).filter((item) => item.json.event === 'removed')).toEqual([]);
	});

	it('Fetch Test Event shows a few current registrations without recording a baseline', async () => {
		const student = students()[5];
		const probe = await poll('manual', undefined, { range: 'today' });
		const today = sim.calls('getAbsentsByDate')[0].parts.date!;
		schoolOf(sim.state).setAbsence(student.id, today, { am: 'B', pm: 'B' });
		const result = await poll('manual', undefined, { range: 'today' });
		expect((result.items ?? []).length).toBeGreaterThan(0);
		expect((result.items ?? []).length).toBeLessThanOrEqual(5);
		expect(JSON.stringify(result.staticData)).not.toMatch(/absenceSnapshot/);
		expect(probe.staticData).toEqual(result.staticData);
	});
});
