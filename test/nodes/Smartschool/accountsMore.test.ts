import type { IDataObject } from 'n8n-workflow';

import { leaksSecret } from '../../harness';
import type { SmartschoolAccount, SmartschoolSimulator } from '../../simulators/smartschool';
import { extrasOf, scannableCodeOf } from '../../simulators/smartschool/extras';
import { ACCESS_CODE, byId, methodsCalled, NODE_NAME as NODE, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › User › accounts beyond the seed', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 11 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const accounts = () => [...sim.state.accounts.values()];
	const students = () => accounts().filter((account) => account.baseRole === 'leerling' && sim.state.officialClassOf(account));
	const parts = (method: string) => soapCalls(sim, method).map((call) => call.parts);

	it('gets an account by its scannable code; an unknown code is a clear error', async () => {
		const account = accounts()[3];
		const result = await runSmartschool(
			sim,
			{ operation: 'getByScannableCode', scannableCode: '={{ $json.code }}' },
			{ inputItems: [{ code: scannableCodeOf(account) }, { code: 'SMSC-onbekend' }], continueOnFail: true },
		);
		const out = result.output(NODE);
		expect(out[0].json).toMatchObject({ gebruikersnaam: account.username, voornaam: account.firstName });
		expect(out[1]).toMatchObject({ json: { error: expect.stringMatching(/does not exist \(code 12\)/) }, pairedItem: { item: 1 } });
		expect(parts('getUserDetailsByScannableCode')[0]).toEqual({ accesscode: ACCESS_CODE, scannableCode: scannableCodeOf(account) });
		expect(leaksSecret([result.logs, result.run], ACCESS_CODE)).toBe(false);
	});

	it('lists the short account list of a class from base64 XML, with Limit; an empty group gives no items', async () => {
		const klas = sim.state.officialClassOf(students()[0])!;
		const result = await runSmartschool(sim, { operation: 'getAllBasic', group: byId(klas.code), recursive: false, returnAll: true });
		const members = [...klas.members].map((id) => sim.state.accounts.get(id)!);
		expect(result.json(NODE)).toEqual(
			members.map((account) => ({
				voornaam: account.firstName,
				naam: account.lastName,
				gebruikersnaam: account.username,
				internnummer: account.internalNumber,
				status: account.status,
				klasnummer: account.classNumber,
			})),
		);
		expect(parts('getAllAccounts')).toEqual([{ accesscode: ACCESS_CODE, code: klas.code, recursive: '0' }]);
		const limited = await runSmartschool(sim, { operation: 'getAllBasic', returnAll: false, limit: 5 });
		expect(limited.json(NODE)).toHaveLength(5);
		expect(parts('getAllAccounts')[1]).toMatchObject({ code: '', recursive: '1' });
		sim.state.addGroup({ name: 'Leeg', code: 'leeg' });
		const empty = await runSmartschool(sim, { operation: 'getAllBasic', group: byId('leeg'), returnAll: true }, { alwaysOutputData: true });
		expect(empty.json(NODE)).toEqual([{}]);
	});

	it('changes an internal number by username and replaces one by the old number; taken numbers are refused', async () => {
		const [a, b] = accounts().filter((account) => account.internalNumber !== '');
		const changed = await runSmartschool(sim, { operation: 'changeInternalNumber', username: a.username, newInternalNumber: 'X-1001' });
		expect(changed.json(NODE)).toEqual([{ success: true, username: a.username, internnummer: 'X-1001' }]);
		expect(parts('changeInternNumber')).toEqual([{ accesscode: ACCESS_CODE, username: a.username, newInternNumber: 'X-1001' }]);
		const replaced = await runSmartschool(sim, { operation: 'replaceInternalNumber', oldInternalNumber: 'X-1001', newInternalNumber: 'X-1002' });
		expect(replaced.json(NODE)).toEqual([{ success: true, oldInternalNumber: 'X-1001', internnummer: 'X-1002' }]);
		expect(parts('replaceInum')).toEqual([{ accesscode: ACCESS_CODE, oldInum: 'X-1001', newInum: 'X-1002' }]);
		expect(sim.state.accounts.get(a.id)?.internalNumber).toBe('X-1002');
		const taken = await runSmartschool(sim, { operation: 'replaceInternalNumber', oldInternalNumber: 'X-1002', newInternalNumber: b.internalNumber });
		expect(taken.nodeError(NODE)?.message).toMatch(/code 24/);
		const takenToo = await runSmartschool(sim, { operation: 'changeInternalNumber', username: a.username, newInternalNumber: b.internalNumber });
		expect(takenToo.nodeError(NODE)?.message).toMatch(/code 48/);
		const empty = await runSmartschool(sim, { operation: 'changeInternalNumber', username: a.username, newInternalNumber: ' ' });
		expect(empty.nodeError(NODE)?.message).toMatch(/New Internal Number/);
		expect(soapCalls(sim, 'changeInternNumber')).toHaveLength(2);
	});

	it('records an official class move with its date: class history and the official class on a date', async () => {
		const student = students()[0];
		const from = sim.state.officialClassOf(student)!;
		const to = [...sim.state.groups.values()].find((group) => group.isOfficial && group !== from)!;
		await runSmartschool(sim, { operation: 'addToGroup', user: byId(student.username), group: byId(to.code), options: { officialDate: '2026-02-02' } });
		expect(parts('saveUserToClass')[0]).toMatchObject({ userIdentifier: student.username, class: to.code, officialDate: '2026-02-02' });

		const history = await runSmartschool(sim, { operation: 'getClassHistory', user: byId(student.username) });
		expect(history.json(NODE)).toEqual([
			expect.objectContaining({ userIdentifier: student.username, inClass: true, outSchool: false, date: '2025-09-01', groupCode: from.code }),
			expect.objectContaining({ userIdentifier: student.username, inClass: true, date: '2026-02-02', groupCode: to.code, groupName: to.name }),
		]);
		expect(parts('getStudentCareer')).toEqual([{ accesscode: ACCESS_CODE, userIdentifier: student.username }]);

		const before = await runSmartschool(sim, { operation: 'getOfficialClass', user: byId(student.username), date: '2025-12-01' });
		expect(before.json(NODE)[0]).toMatchObject({ userIdentifier: student.username, date: '2025-12-01', officialClass: { code: from.code, isKlas: true } });
		const today = await runSmartschool(sim, { operation: 'getOfficialClass', user: byId(student.username) });
		expect(today.json(NODE)[0].officialClass).toMatchObject({ code: to.code });
		expect(parts('getUserOfficialClass')).toEqual([
			{ accesscode: ACCESS_CODE, userIdentifier: student.username, date: '2025-12-01' },
			{ accesscode: ACCESS_CODE, userIdentifier: student.username },
		]);
		const bad = await runSmartschool(sim, { operation: 'getOfficialClass', user: byId(student.username), date: '2026-02-30' });
		expect(bad.nodeError(NODE)?.message).toMatch(/Date/);
		expect(soapCalls(sim, 'getUserOfficialClass')).toHaveLength(2);
	});

	it('unregisters a student with an official date (kept, out of class, in the history); a teacher is refused with 51', async () => {
		const student = students()[1];
		const klas = sim.state.officialClassOf(student)!;
		const result = await runSmartschool(sim, { operation: 'unregister', user: byId(student.username), options: { officialDate: '30-06-2026' } });
		expect(result.json(NODE)).toEqual([{ success: true, unregistered: true, userIdentifier: student.username, officialDate: '2026-06-30' }]);
		expect(parts('unregisterStudent')[0]).toEqual({ accesscode: ACCESS_CODE, userIdentifier: student.username, officialDate: '2026-06-30' });
		expect(sim.state.accounts.has(student.id)).toBe(true);
		expect(klas.members.has(student.id)).toBe(false);
		const career = (await runSmartschool(sim, { operation: 'getClassHistory', user: byId(student.username) })).json(NODE);
		expect(career.at(-1)).toMatchObject({ outSchool: true, date: '2026-06-30', groupCode: klas.code });
		const teacher = accounts().find((account) => account.baseRole === 'leerkracht')!;
		const refused = await runSmartschool(sim, { operation: 'unregister', user: byId(teacher.username) });
		expect(refused.nodeError(NODE)?.message).toMatch(/code 51/);
	});

	it('deletes an account (the date part only when given); an unknown user is code 9', async () => {
		const [victim, other] = accounts().slice(-2);
		const result = await runSmartschool(
			sim,
			{ operation: 'delete', user: byId('={{ $json.u }}'), options: { officialDate: '={{ $json.d }}' } },
			{ inputItems: [{ u: victim.username, d: '' }, { u: other.username, d: '2026-01-31' }, { u: 'niemand.hier', d: '' }], continueOnFail: true },
		);
		const out = result.json(NODE);
		expect(out[0]).toEqual({ success: true, deleted: true, userIdentifier: victim.username });
		expect(out[1]).toEqual({ success: true, deleted: true, userIdentifier: other.username, officialDate: '2026-01-31' });
		expect(out[2].error).toMatch(/code 9/);
		expect(parts('delUser').slice(0, 2)).toEqual([
			{ accesscode: ACCESS_CODE, userIdentifier: victim.username },
			{ accesscode: ACCESS_CODE, userIdentifier: other.username, officialDate: '2026-01-31' },
		]);
		expect(sim.state.byUsername(victim.username)).toBeUndefined();
		const bad = await runSmartschool(sim, { operation: 'delete', user: byId('x'), options: { officialDate: 'gisteren' } });
		expect(bad.nodeError(NODE)?.message).toMatch(/Official Date/);
		expect(soapCalls(sim, 'delUser')).toHaveLength(3);
	});

	it('removes a co-account (1–6 only) and keeps the main account', async () => {
		const student = students().find((account) => account.coAccounts[0] !== null)!;
		const result = await runSmartschool(sim, { operation: 'removeCoAccount', user: byId(student.username), accountType: 1 });
		expect(result.json(NODE)).toEqual([{ success: true, userIdentifier: student.username, accountType: 1 }]);
		expect(parts('removeCoAccount')).toEqual([{ accesscode: ACCESS_CODE, userIdentifier: student.username, accountType: '1' }]);
		expect(sim.state.accounts.get(student.id)?.coAccounts[0]).toBeNull();
		const main = await runSmartschool(sim, { operation: 'removeCoAccount', user: byId(student.username), accountType: 0 });
		expect(main.nodeError(NODE)?.message).toMatch(/Co-Account/);
		expect(soapCalls(sim, 'removeCoAccount')).toHaveLength(1);
	});

	it.each(['boolean', 'code'] as const)('saves a signature when saveSignature answers %s', async (answer) => {
		extrasOf(sim.state).readings.signatureAnswer = answer;
		const teacher: SmartschoolAccount = accounts().find((account) => account.baseRole === 'leerkracht')!;
		const signature = `<p>Met vriendelijke groet,<br>${teacher.firstName}</p>`;
		const result = await runSmartschool(sim, { operation: 'setSignature', user: byId(teacher.username), accountType: 0, signature });
		expect(result.json(NODE)).toEqual([{ success: true, userIdentifier: teacher.username, accountType: 0, signature }]);
		expect(parts('saveSignature')).toEqual([{ accesscode: ACCESS_CODE, userIdentifier: teacher.username, accountType: '0', signature }]);
		expect(extrasOf(sim.state).signatures.get(`${teacher.id}:0`)).toBe(signature);
		const unknown = await runSmartschool(sim, { operation: 'setSignature', user: byId('niemand'), signature: 'x' });
		expect((unknown.nodeError(NODE) as unknown as IDataObject)?.message).toMatch(/code 9/);
	});

	it('asks for the user identifier by username once when Identify By differs from the unique field', async () => {
		const student = students()[2];
		await runSmartschool(sim, { operation: 'getClassHistory', user: byId(student.internalNumber), identifyBy: 'number' });
		expect(methodsCalled(sim)).toEqual(['getReferenceField', 'getUserDetailsByNumber', 'getStudentCareer']);
		expect(parts('getStudentCareer')[0].userIdentifier).toBe(student.username);
	});
});
