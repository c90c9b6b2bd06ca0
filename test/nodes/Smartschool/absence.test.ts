import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { leaksSecret } from '../../harness';
import { schoolOf, type SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

const DATE = '2025-11-17';

describe('Smartschool › Absence', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 21 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		schoolOf(sim.state).setReadings({ absenceKey: 'userId' });
	});

	const run = async (parameters: INodeParameters, continueOnFail = false) =>
		await runSmartschool(sim, { resource: 'absence', ...parameters }, { continueOnFail });
	const classWithStudents = () => [...sim.state.groups.values()].find((group) => group.type === 'K' && group.members.size >= 3)!;
	const studentsOf = (code: string) => [...sim.state.byCode(code)!.members].map((id) => sim.state.accounts.get(id)!);

	/** Three students of a class: sick all day, late in the morning, unexplained in the afternoon. */
	const register = () => {
		const group = classWithStudents();
		const [sick, late, away] = studentsOf(group.code);
		const life = schoolOf(sim.state);
		life.setAbsence(sick.id, DATE, { am: 'Z', pm: 'Z' });
		life.setAbsence(late.id, DATE, { am: 'L', pm: '|' });
		life.setAbsence(away.id, DATE, { am: '|', pm: '-' });
		return { group, sick, late, away };
	};

	it('Get by Date and Class or Group: one item per student with am/pm codes and their meaning', async () => {
		const { group, sick, late, away } = register();
		const result = await run({ operation: 'getByDateAndGroup', group: byId(group.code), date: DATE });
		expect(soapCalls(sim, 'getAbsentsByDateAndGroup').map((call) => call.parts)).toEqual([
			{ accesscode: ACCESS_CODE, date: DATE, code: group.code },
		]);
		const items = result.json(NODE_NAME);
		expect(items).toEqual(
			expect.arrayContaining([
				{ date: DATE, student: String(sick.id), studentKey: 'userId', am: 'Z', amMeaning: 'sick', pm: 'Z', pmMeaning: 'sick', absent: true },
				{ date: DATE, student: String(late.id), studentKey: 'userId', am: 'L', amMeaning: 'late', pm: '|', pmMeaning: 'present', absent: false },
				expect.objectContaining({ student: String(away.id), pm: '-', pmMeaning: 'unexplained absence', absent: true }),
			]),
		);
		expect(leaksSecret([result.logs, result.run], ACCESS_CODE)).toBe(false);
	});

	it('Only Absent and Add Account Details give the students to message, by the platform\'s unique field', async () => {
		const { group, sick, away } = register();
		const result = await run({
			operation: 'getByDateAndGroup',
			group: byId(group.code),
			date: DATE,
			options: { absentOnly: true, accountDetails: true },
		});
		const items = result.json(NODE_NAME);
		expect(items.map((item) => item.userIdentifier).sort()).toEqual([sick.username, away.username].sort());
		expect(items.find((item) => item.userIdentifier === sick.username)).toMatchObject({
			username: sick.username,
			internalNumber: sick.internalNumber,
			firstName: sick.firstName,
			lastName: sick.lastName,
		});
		expect(soapCalls(sim, 'getAllAccountsExtended')[0].parts).toMatchObject({ code: group.code, recursive: '1' });
	});

	it.each([
		['userId' as const, (account: { id: number }) => String(account.id)],
		['uniqueField' as const, (account: { username: string }) => account.username],
	])('Get by Date keys students as the platform does (reading %s) and still finds their details', async (absenceKey, keyOf) => {
		schoolOf(sim.state).setReadings({ absenceKey });
		const { sick } = register();
		const result = await run({ operation: 'getByDate', date: DATE, options: { accountDetails: true } });
		expect(soapCalls(sim, 'getAbsentsByDate')[0].parts).toEqual({ accesscode: ACCESS_CODE, date: DATE });
		const item = result.json(NODE_NAME).find((entry) => entry.student === keyOf(sick))!;
		expect(item).toMatchObject({ am: 'Z', userIdentifier: sick.username, internalNumber: sick.internalNumber });
	});

	it('Get by Date with Alias adds the school\'s alias per half-day', async () => {
		const { sick } = register();
		const result = await run({ operation: 'getByDateWithAlias', date: DATE });
		expect(soapCalls(sim, 'getAbsentsWithAliasByDate')).toHaveLength(1);
		expect(result.json(NODE_NAME).find((entry) => entry.student === String(sick.id))).toMatchObject({
			am: 'Z',
			amAlias: 'ziek',
			amMeaning: 'sick',
			pmAlias: 'ziek',
		});
	});

	it.each([
		['getByDateWithInternalNumber', 'getAbsentsWithInternalNumberByDate', 'internalNumber'],
		['getByDateWithUsername', 'getAbsentsWithUsernameByDate', 'username'],
	] as const)('%s calls %s and keys students by %s', async (operation, method, key) => {
		const { away } = register();
		const result = await run({ operation, date: DATE });
		expect(soapCalls(sim, method)[0].parts).toEqual({ accesscode: ACCESS_CODE, date: DATE });
		expect(result.json(NODE_NAME).find((entry) => entry.student === away[key])).toMatchObject({ studentKey: key, pm: '-' });
	});

	it('Get for Student reads one school year by its start year, oldest date first; Raw Answer keeps the shape', async () => {
		const student = studentsOf(classWithStudents().code)[0];
		const life = schoolOf(sim.state);
		life.setAbsence(student.id, '2026-02-03', { am: 'D', pm: null });
		life.setAbsence(student.id, '2025-09-15', { am: 'B', pm: 'B' });
		life.setAbsence(student.id, '2025-08-29', { am: 'Z', pm: 'Z' });
		const result = await run({ operation: 'getByStudent', user: byId(student.username), schoolYear: '2025-2026' });
		expect(soapCalls(sim, 'getAbsents')[0].parts).toEqual({ accesscode: ACCESS_CODE, userIdentifier: student.username, schoolYear: '2025' });
		const items = result.json(NODE_NAME).filter((entry) => ['2025-09-15', '2026-02-03', '2025-08-29'].includes(String(entry.date)));
		expect(items.map((entry) => [entry.date, entry.am, entry.pm, entry.studentKey])).toEqual([
			['2025-09-15', 'B', 'B', 'userIdentifier'],
			['2026-02-03', 'D', null, 'userIdentifier'],
		]);

		const raw = await run({ operation: 'getByStudent', user: byId(student.username), schoolYear: '2025', options: { output: 'raw' } });
		expect((raw.json(NODE_NAME)[0] as IDataObject)['2026-02-03']).toEqual({ am: 'D', pm: null });
	});

	it('Get for Student with Alias calls getAbsentsWithAlias', async () => {
		const student = studentsOf(classWithStudents().code)[1];
		schoolOf(sim.state).setAbsence(student.id, '2025-10-06', { am: 'P', pm: 'P' });
		const result = await run({ operation: 'getByStudentWithAlias', user: byId(student.username), schoolYear: 2025 });
		expect(soapCalls(sim, 'getAbsentsWithAlias')[0].parts).toMatchObject({ userIdentifier: student.username, schoolYear: '2025' });
		expect(result.json(NODE_NAME).find((entry) => entry.date === '2025-10-06')).toMatchObject({ am: 'P', amAlias: 'persoonlijk', amMeaning: 'personal reasons' });
	});

	it('refuses a bad date or school year before any request, and explains a Smartschool code after one', async () => {
		const result = await runSmartschool(
			sim,
			{ resource: 'absence', operation: 'getByStudent', user: byId('={{ $json.user }}'), schoolYear: '={{ $json.year }}' },
			{
				continueOnFail: true,
				inputItems: [
					{ user: 'x', year: '25-26' },
					{ user: 'niemand.hier', year: '2025' },
				],
			},
		);
		const [bad, unknown] = result.json(NODE_NAME);
		expect(bad.error).toMatch(/School Year: "25-26" is not a school year/);
		expect(unknown.error).toMatch(/code 12/);
		expect(soapCalls(sim, 'getAbsents')).toHaveLength(1);

		const dated = await run({ operation: 'getByDate', date: '2025-02-30' }, true);
		expect(dated.json(NODE_NAME)[0].error).toMatch(/Date/);
		expect(soapCalls(sim, 'getAbsentsByDate')).toHaveLength(0);

		const group = await run({ operation: 'getByDateAndGroup', group: byId('geen-klas'), date: DATE }, true);
		expect(group.json(NODE_NAME)[0].error).toMatch(/code 19/);
	});
});
