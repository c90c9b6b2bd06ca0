import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { extrasOf } from '../../simulators/smartschool/extras';
import { ACCESS_CODE, byId, NODE_NAME as NODE, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › User › several memberships and profile fields', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 5 });
		sim.state.addGroup({ name: 'Schaakclub', code: 'schaak' });
		sim.state.addGroup({ name: 'Toneel', code: 'toneel' });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const accounts = () => [...sim.state.accounts.values()];
	const students = () => accounts().filter((account) => account.baseRole === 'leerling' && sim.state.officialClassOf(account));
	const officialClasses = () => [...sim.state.groups.values()].filter((group) => group.isOfficial);
	const parts = (method: string) => soapCalls(sim, method).map((call) => call.parts);
	const codesOf = (id: number) => sim.state.groupsOf(sim.state.accounts.get(id)!).map((group) => group.code).sort();

	it('adds a user to several groups in one saveUserToClasses call; an official class replaces the current one', async () => {
		const student = students()[0];
		const next = officialClasses().find((group) => group !== sim.state.officialClassOf(student))!;
		const result = await runSmartschool(sim, { operation: 'addToGroups', user: byId(student.username), groupCodes: ` schaak, ${next.code}` });
		expect(result.json(NODE)).toEqual([{ success: true, userIdentifier: student.username, groups: ['schaak', next.code] }]);
		expect(parts('saveUserToClasses')).toEqual([{ accesscode: ACCESS_CODE, userIdentifier: student.username, csvList: `schaak,${next.code}` }]);
		expect(codesOf(student.id)).toEqual(['schaak', next.code].sort());
		const twoOfficial = await runSmartschool(sim, {
			operation: 'addToGroups',
			user: byId(student.username),
			groupCodes: officialClasses().slice(0, 2).map((group) => group.code).join(','),
		});
		expect(twoOfficial.nodeError(NODE)?.message).toMatch(/code 31/);
		const empty = await runSmartschool(sim, { operation: 'addToGroups', user: byId(student.username), groupCodes: 'schaak,,toneel' });
		expect(empty.nodeError(NODE)?.message).toMatch(/Group or Class Codes/);
		expect(soapCalls(sim, 'saveUserToClasses')).toHaveLength(2);
	});

	it('sets memberships with keepOld 0: old groups dropped, the official class kept unless the list brings one', async () => {
		const student = students()[1];
		const klas = sim.state.officialClassOf(student)!;
		sim.state.addMember(sim.state.byCode('toneel')!, sim.state.accounts.get(student.id)!);
		const result = await runSmartschool(sim, { operation: 'setGroups', user: byId(student.username), groupCodes: 'schaak', keepOld: false });
		expect(result.json(NODE)).toEqual([{ success: true, userIdentifier: student.username, groups: ['schaak'], keepOld: false }]);
		expect(parts('saveUserToClassesAndGroups')).toEqual([
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, csvList: 'schaak', keepOld: '0' },
		]);
		expect(codesOf(student.id)).toEqual([klas.code, 'schaak'].sort());
		await runSmartschool(sim, { operation: 'setGroups', user: byId(student.username), groupCodes: 'toneel', keepOld: true });
		expect(parts('saveUserToClassesAndGroups')[1].keepOld).toBe('1');
		expect(codesOf(student.id)).toEqual([klas.code, 'schaak', 'toneel'].sort());
	});

	it.each(['perGroup', 'codes'] as const)('reports refused memberships from the CSV error list (%s layout)', async (layout) => {
		extrasOf(sim.state).readings.membershipErrors = layout;
		const teacher = accounts().find((account) => account.baseRole === 'leerkracht')!;
		const result = await runSmartschool(
			sim,
			{ operation: 'setGroups', user: byId(teacher.username), groupCodes: `schaak,bestaat-niet,${officialClasses()[0].code}` },
			{ continueOnFail: true },
		);
		const error = String(result.json(NODE)[0].error);
		expect(error).toMatch(/refused 2 of the memberships/);
		if (layout === 'perGroup') {
			expect(error).toContain('bestaat-niet: error copying or moving users');
			expect(error).toContain(`${officialClasses()[0].code}: only students`);
		} else {
			expect(error).toMatch(/\(code 13\).*\(code 30\)/);
		}
		// The memberships that could be saved were saved.
		expect(codesOf(teacher.id)).toContain('schaak');
	});

	it('sets a built-in, a co-account and a custom profile field with saveUserParameter', async () => {
		const student = students()[2];
		const run = async (parameters: Record<string, unknown>) =>
			await runSmartschool(sim, { operation: 'setProfileField', user: byId(student.username), ...parameters });
		expect((await run({ paramName: 'Godsdienstkeuze', paramValue: 'isl' })).json(NODE)).toEqual([
			{ success: true, userIdentifier: student.username, paramName: 'Godsdienstkeuze', paramValue: 'ISL' },
		]);
		await run({ paramName: 'co:email_', coAccount: 3, paramValue: 'voogd@example.be' });
		await run({ paramName: 'co:status_', coAccount: 3, paramValue: 'actief tot en met 2026/08/31' });
		await run({ paramName: '__custom', customName: 'Naam ouder/voogd', paramValue: 'An Peeters' });
		await run({ paramName: 'birthday', paramValue: '05-04-2012' });
		expect(parts('saveUserParameter')).toEqual([
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, paramName: 'Godsdienstkeuze', paramValue: 'ISL' },
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, paramName: 'email_coaccount3', paramValue: 'voogd@example.be' },
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, paramName: 'status_coaccount3', paramValue: 'actief tot en met 2026/08/31' },
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, paramName: 'Naam ouder/voogd', paramValue: 'An Peeters' },
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, paramName: 'birthday', paramValue: '2012-04-05' },
		]);
		const account = sim.state.accounts.get(student.id)!;
		expect(account.customFields).toMatchObject({ Godsdienstkeuze: 'ISL', 'Naam ouder/voogd': 'An Peeters' });
		expect(account.coAccounts[2]).toMatchObject({ email: 'voogd@example.be', status: 'actief tot en met 2026/08/31' });
		expect(account.birthday).toBe('2012-04-05');
		const details = (await runSmartschool(sim, { operation: 'get', user: byId(student.username) })).json(NODE)[0];
		expect(details).toMatchObject({ 'Naam ouder/voogd': 'An Peeters', email_coaccount3: 'voogd@example.be' });
	});

	it('checks values before sending and names the field; an unknown custom field is Smartschool code 17', async () => {
		const student = students()[3];
		const run = async (parameters: Record<string, unknown>) =>
			await runSmartschool(sim, { operation: 'setProfileField', user: byId(student.username), ...parameters });
		expect((await run({ paramName: 'Godsdienstkeuze', paramValue: 'XYZ' })).nodeError(NODE)?.message).toMatch(/Religion Choice/);
		expect((await run({ paramName: 'co:status_', coAccount: 1, paramValue: 'soms' })).nodeError(NODE)?.description).toMatch(/niet actief/);
		expect((await run({ paramName: 'gorollen', paramValue: 'leerkracht' })).nodeError(NODE)?.message).toMatch(/GO! Roles/);
		expect((await run({ paramName: 'co:email_', coAccount: 7, paramValue: 'a@b.be' })).nodeError(NODE)?.message).toMatch(/Co-Account/);
		expect(soapCalls(sim, 'saveUserParameter')).toHaveLength(0);
		const unknown = await run({ paramName: '__custom', customName: 'Bestaat niet', paramValue: 'x' });
		expect(unknown.nodeError(NODE)?.message).toMatch(/profile field\(s\) \(code 17\)/);
	});
});
