import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '../../harness';
import type { Employee, EduixSimulator } from '../../simulators/eduix';
import { employeeKey } from '../../../nodes/EduixEmployees/helpers/employees';
import { apiRequests, credentialsFor, PO_SCHOOL, startSimulator, TRIGGER_TYPE } from './setup';

/**
 * The trigger reads "today" in the workflow's time zone (role end dates are school calendar dates): the workflows
 * here are Dutch, and the test's dates are computed in the same zone, so the test holds at any hour of the day.
 */
const TIMEZONE = 'Europe/Amsterdam';
const isoDate = (days: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

describe('Edu-iX Employees Trigger', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const poll = async (mode: 'manual' | 'trigger', staticData?: IDataObject, parameters: INodeParameters = {}) =>
		await runPoll({
			type: TRIGGER_TYPE,
			parameters: { events: ['added', 'changed', 'removed'], orgMasterId: PO_SCHOOL, ...parameters },
			credentials: credentialsFor(sim),
			mode,
			staticData,
			timezone: TIMEZONE,
		});
	/** Employees that count as working at the school now. */
	const present = () =>
		sim.state.employeesOf(PO_SCHOOL).filter(({ employee }) => employee.status === 'active' && !(employee.organisationRoles ?? []).every((role) => role.endDate && role.endDate <= isoDate(0)));

	it('Fetch Test Event shows a few current employees as joined and records nothing', async () => {
		const result = await poll('manual');
		const items = result.items!;
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(5);
		const first = items[0].json as { event: string; id: string; employee: Employee };
		expect(first.event).toBe('joined');
		expect(first.id).toBe(employeeKey(first.employee));
		expect(JSON.stringify(result.staticData)).not.toMatch(/snapshot/);
		expect(apiRequests(sim)[0].query).toEqual({ orgMasterId: [PO_SCHOOL] });
	});

	it('records a baseline, then emits joined, changed and left (gone, tobedeleted, roles ended) once each', async () => {
		const first = await poll('trigger');
		expect(first.items).toBeNull();
		const [changed, gone, flagged, ended] = present();
		sim.state.updateEmployee(employeeKey(changed.employee), { familyName: 'Gewijzigd' });
		sim.state.removeEmployee(employeeKey(gone.employee));
		sim.state.updateEmployee(employeeKey(flagged.employee), { status: 'tobedeleted' });
		// endDate is exclusive: a role ending today is over.
		sim.state.updateEmployee(employeeKey(ended.employee), {
			organisationRoles: (ended.employee.organisationRoles ?? []).map((role) => ({ ...role, endDate: isoDate(0) })),
		});
		const joined = sim.state.addEmployee(PO_SCHOOL, {
			userIds: [{ userId: 'new-teacher-1', userIdType: 'ASI' }],
			givenName: 'Nieuwe',
			familyName: 'Leraar',
			organisationRoles: [{ organisationRole: 'leraar', organisation: { organisationMasterIdentifier: PO_SCHOOL }, beginDate: isoDate(0) }],
			status: 'active',
			dateCreated: '2025-08-01T07:00:00Z',
			dateLastModified: '2025-08-01T07:00:00Z',
		});

		const second = await poll('trigger', first.staticData);
		const events = (second.items ?? []).map((item) => item.json as { event: string; id: string; reason?: string });
		expect(events.map(({ event, id, reason }) => [event, id, reason ?? ''].join('|')).sort()).toEqual(
			[
				`joined|${employeeKey(joined.employee)}|`,
				`changed|${employeeKey(changed.employee)}|`,
				`left|${employeeKey(gone.employee)}|gone`,
				`left|${employeeKey(flagged.employee)}|tobedeleted`,
				`left|${employeeKey(ended.employee)}|rolesEnded`,
			].sort(),
		);
		const leftFlagged = second.items!.find((item) => item.json.id === employeeKey(flagged.employee))!;
		expect((leftFlagged.json.employee as Employee).status).toBe('tobedeleted');

		const third = await poll('trigger', second.staticData);
		expect(third.items).toBeNull();
	});

	it('keeps an employee whose role ends tomorrow, or who has one open role beside ended ones (every role must have ended)', async () => {
		const baseline = await poll('trigger');
		const [endsTomorrow, oneOpen] = present();
		const role = (endsTomorrow.employee.organisationRoles ?? [])[0];
		sim.state.updateEmployee(employeeKey(endsTomorrow.employee), { organisationRoles: [{ ...role, endDate: isoDate(1) }] });
		sim.state.updateEmployee(employeeKey(oneOpen.employee), {
			organisationRoles: [
				{ ...role, endDate: isoDate(-30) },
				{ ...role, organisationRole: 'mentor', endDate: undefined },
			],
		});
		const next = await poll('trigger', baseline.staticData);
		expect((next.items ?? []).map((item) => `${String(item.json.event)}|${String(item.json.id)}`).sort()).toEqual(
			[`changed|${employeeKey(endsTomorrow.employee)}`, `changed|${employeeKey(oneOpen.employee)}`].sort(),
		);
	});

	it('fails on an answer that is not a list instead of reporting everyone as left, and keeps the snapshot', async () => {
		const baseline = await poll('trigger');
		sim.faults.add({ match: { path: /^\/v1\/employees\/school/ }, times: 1, fault: { kind: 'status', status: 200, body: {} } });
		const broken = await poll('trigger', baseline.staticData);
		expect(broken.error?.message).toBe('Edu-iX answered the employee list with an object with no keys instead of a list');
		const after = await poll('trigger', baseline.staticData);
		expect(after.items).toBeNull();
	});

	it('emits only the chosen events and keeps the snapshot compact', async () => {
		const baseline = await poll('trigger', undefined, { events: ['removed'] });
		const [a, b] = present();
		sim.state.updateEmployee(employeeKey(a.employee), { givenName: 'Anders' });
		sim.state.removeEmployee(employeeKey(b.employee));
		const next = await poll('trigger', baseline.staticData, { events: ['removed'] });
		expect((next.items ?? []).map((item) => item.json.event)).toEqual(['left']);
		expect(JSON.stringify(next.nodeStaticData).length).toBeLessThan(40 * present().length + 100);
	});

	it('emits every current employee on the first poll when asked, and checks parameters before polling', async () => {
		const first = await poll('trigger', undefined, { options: { firstPoll: 'all' } });
		expect(first.items).toHaveLength(present().length);
		const bad = await poll('trigger', undefined, { options: { filterByOrgId: 'true' } });
		expect(bad.error?.message).toMatch(/Filter by Organisation ID cannot be/);
		const none = await poll('trigger', undefined, { events: [] });
		expect(none.error?.message).toBe('Events: choose at least one event');
	});

	it('polls by secondary ID with its options', async () => {
		await poll('trigger', undefined, { schoolIdentifiedBy: 'orgId', orgIdType: 'V_ID', orgId: '12AB00', options: { filterByOrgId: 'true', schoolPeriodId: '2025-2026' } });
		expect(apiRequests(sim)[0].query).toEqual({ orgId: ['12AB00'], orgIdType: ['V_ID'], filterByOrgId: ['true'], schoolPeriodId: ['2025-2026'] });
	});
});
