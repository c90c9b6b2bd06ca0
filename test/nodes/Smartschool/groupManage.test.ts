import type { IDataObject } from 'n8n-workflow';

import { INSTITUTE_NUMBER, soapMethod, type SmartschoolSimulator } from '../../simulators/smartschool';
import { extrasOf } from '../../simulators/smartschool/extras';
import { ACCESS_CODE, byId as code, NODE_NAME as NODE, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › Group/Class › management', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 9 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const run = async (parameters: Record<string, unknown>, options: { continueOnFail?: boolean } = {}) =>
		await runSmartschool(sim, { resource: 'group', ...parameters }, options);
	const groups = () => [...sim.state.groups.values()].filter((group) => group.parentId !== null);
	const classes = () => groups().filter((group) => group.type === 'K');
	const parts = (method: string) => soapCalls(sim, method).map((call) => call.parts);

	it('lists classes from the PHP-serialized getClassList and from getClassListJson', async () => {
		const php = (await run({ operation: 'getClassList' })).json(NODE);
		expect(php).toHaveLength(groups().length);
		const klas = classes()[0];
		expect(php.find((row) => row.code === klas.code)).toEqual({ name: klas.name, desc: klas.desc, visibility: 1, code: klas.code, isOfficial: true });
		const json = (await run({ operation: 'getClassListJson' })).json(NODE);
		expect(json.find((row) => row.code === klas.code)).toMatchObject({ id: String(klas.id), isClass: true, isOfficial: true, isVisible: true });
		expect(parts('getClassList')).toEqual([{ accesscode: ACCESS_CODE }]);
		expect(parts('getClassListJson')).toEqual([{ accesscode: ACCESS_CODE }]);
	});

	it.each(['list', 'byClass'] as const)('lists the titulars (%s answer), first only or all', async (shape) => {
		extrasOf(sim.state).readings.classTeachersShape = shape;
		const withTwo = classes()[5];
		const teachers = [...sim.state.accounts.values()].filter((account) => account.baseRole === 'leerkracht');
		withTwo.titulars = [teachers[0].id, teachers[1].id];
		const first = sim.state.accounts.get(withTwo.titulars[0])!;
		const second = sim.state.accounts.get(withTwo.titulars[1])!;
		const one = (await run({ operation: 'getClassTeachers' })).json(NODE);
		const all = (await run({ operation: 'getClassTeachers', getAllOwners: true })).json(NODE);
		expect(parts('getClassTeachers')).toEqual([
			{ accesscode: ACCESS_CODE, getAllOwners: 'false' },
			{ accesscode: ACCESS_CODE, getAllOwners: 'true' },
		]);
		if (shape === 'list') {
			expect(one.filter((row) => row.klascode === withTwo.code).map((row) => row.gebruikersnaam)).toEqual([first.username]);
			expect(all.filter((row) => row.klascode === withTwo.code).map((row) => row.gebruikersnaam)).toEqual([first.username, second.username]);
		} else {
			const teachersOf = (rows: IDataObject[]) => (rows.find((row) => row.classKey === withTwo.code)!.teachers as IDataObject[]).map((t) => t.gebruikersnaam);
			expect(one).toHaveLength(classes().length);
			expect(teachersOf(one)).toEqual([first.username]);
			expect(teachersOf(all)).toEqual([first.username, second.username]);
		}
	});

	it('sets the titulars of a class with changeGroupOwners; an unknown user is code 9', async () => {
		const klas = classes()[1];
		const teachers = [...sim.state.accounts.values()].filter((account) => account.baseRole === 'leerkracht').slice(0, 2);
		const result = await run({ operation: 'setTitulars', group: code(klas.code), titulars: teachers.map((t) => t.username).join(', ') });
		expect(result.json(NODE)).toEqual([{ success: true, code: klas.code, titulars: teachers.map((t) => t.username) }]);
		expect(parts('changeGroupOwners')).toEqual([{ accesscode: ACCESS_CODE, code: klas.code, userlist: teachers.map((t) => t.username).join(',') }]);
		expect(sim.state.byCode(klas.code)?.titulars).toEqual(teachers.map((t) => t.id));
		expect((await run({ operation: 'setTitulars', group: code(klas.code), titulars: 'niemand' })).nodeError(NODE)?.message).toMatch(/code 9/);
	});

	it('reads and sets the school-year data (read-modify-write, unset fields kept); codes 27 and 35', async () => {
		const klas = classes()[2];
		const before = (await run({ operation: 'getSchoolYearData', class: code(klas.code) })).json(NODE)[0];
		expect(before).toMatchObject({ classCode: klas.code, instituteNumber: INSTITUTE_NUMBER, administrativeGroupNumber: klas.adminNumber, schoolyear: '2025' });
		sim.clearRequests();
		const result = await run({
			operation: 'setSchoolYearData',
			class: code(klas.code),
			date: '2026-09-01',
			fields: { residence: 'Campus Noord', principal: 'Peeters Jan' },
		});
		expect(result.json(NODE)[0]).toMatchObject({ success: true, classCode: klas.code, date: '2026-09-01', residence: 'Campus Noord' });
		expect(soapCalls(sim).map((call) => call.soapMethod)).toEqual(['getSchoolyearDataOfClass', 'saveSchoolyearDataOfClass']);
		expect(parts('saveSchoolyearDataOfClass')).toEqual([
			{
				accesscode: ACCESS_CODE,
				classCode: klas.code,
				date: '2026-09-01',
				instituteNumber: INSTITUTE_NUMBER,
				administrativeGroupNumber: klas.adminNumber,
				residence: 'Campus Noord',
				domain: '',
				principal: 'Peeters Jan',
			},
		]);
		const after = (await run({ operation: 'getSchoolYearData', class: code(klas.code) })).json(NODE)[0];
		expect(after).toMatchObject({ schoolyear: '2026', residence: 'Campus Noord', principal: 'Peeters Jan' });
		const wrongInstitute = await run({ operation: 'setSchoolYearData', class: code(klas.code), date: '2026-09-01', fields: { instituteNumber: '999999' } });
		expect(wrongInstitute.nodeError(NODE)?.message).toMatch(/code 27/);
		const unofficial = sim.state.addGroup({ name: 'Projectklas', code: 'project', type: 'K' });
		const noInstitute = await run({ operation: 'setSchoolYearData', class: code(unofficial.code), date: '2026-09-01' });
		expect(noInstitute.json(NODE)[0]).toMatchObject({ success: true, instituteNumber: '' });
		sim.state.updateGroup(klas, { instituteNumber: '' });
		extrasOf(sim.state).schoolYear.delete(klas.id);
		const officialWithout = await run({ operation: 'setSchoolYearData', class: code(klas.code), date: '2026-09-01' });
		expect(officialWithout.nodeError(NODE)?.message).toMatch(/code 35/);
		const badDate = await run({ operation: 'setSchoolYearData', class: code(klas.code), date: '2026-13-01' });
		expect(badDate.nodeError(NODE)?.message).toMatch(/School Year Date/);
	});

	it.each([
		['saveClassList', 'serializedList'],
		['saveClassListJson', 'jsonList'],
	])('%s creates and updates classes by code, sent as %s', async (operation, part) => {
		const existing = classes().find((group) => !group.isOfficial) ?? sim.state.addGroup({ name: 'Keuze', code: `keuze-${operation}`, type: 'K' });
		const result = await run({
			operation,
			classes: { class: [{ code: `${operation}-7Z`, name: '7Z', desc: 'Zevende jaar' }, { code: existing.code, name: existing.name, desc: 'Nieuw', id: String(existing.id) }] },
		});
		expect(result.json(NODE)[0]).toMatchObject({ success: true });
		const sent = parts(operation)[0][part] as string;
		const list = [
			{ name: '7Z', desc: 'Zevende jaar', code: `${operation}-7Z` },
			{ id: existing.id, name: existing.name, desc: 'Nieuw', code: existing.code },
		];
		if (part === 'jsonList') expect(JSON.parse(sent)).toEqual(list);
		else expect(sent).toBe(`a:2:{i:0;a:3:{s:4:"name";s:2:"7Z";s:4:"desc";s:12:"Zevende jaar";s:4:"code";s:${operation.length + 3}:"${operation}-7Z";}i:1;a:4:{s:2:"id";i:${existing.id};s:4:"name";s:${Buffer.byteLength(existing.name)}:"${existing.name}";s:4:"desc";s:5:"Nieuw";s:4:"code";s:${Buffer.byteLength(existing.code)}:"${existing.code}";}}`);
		expect(sim.state.byCode(`${operation}-7Z`)).toMatchObject({ type: 'K', desc: 'Zevende jaar' });
		expect(sim.state.byCode(existing.code)?.desc).toBe('Nieuw');
		const group = groups().find((candidate) => candidate.type === 'G')!;
		const groupCode = await run({ operation, classes: { class: [{ code: group.code, name: group.name }] } });
		expect(groupCode.nodeError(NODE)?.message).toMatch(/code 47/);
		const official = classes().find((candidate) => candidate.isOfficial)!;
		const rename = await run({ operation, classes: { class: [{ code: official.code, name: `${official.name}-nieuw` }] } });
		expect(rename.nodeError(NODE)?.message).toMatch(/code 40/);
		const noCode = await run({ operation, classes: { class: [{ name: 'X' }] } });
		expect(noCode.nodeError(NODE)?.message).toMatch(/Classes › 1 › Code/);
	});

	it('clears a group (accounts stay) and deletes one; unknown codes are code 19', async () => {
		const group = sim.state.addGroup({ name: 'Leesclub', code: 'lees' });
		const members = [...sim.state.accounts.values()].slice(0, 3);
		for (const account of members) sim.state.addMember(group, account);
		const cleared = await run({ operation: 'clear', group: code('lees'), options: { officialDate: '2026-06-30' } });
		expect(cleared.json(NODE)).toEqual([{ success: true, code: 'lees', officialDate: '2026-06-30' }]);
		expect(parts('clearGroup')).toEqual([{ accesscode: ACCESS_CODE, group: 'lees', officialDate: '2026-06-30' }]);
		expect(group.members.size).toBe(0);
		const deleted = await run({ operation: 'delete', group: code('lees') });
		expect(deleted.json(NODE)).toEqual([{ success: true, deleted: true, code: 'lees' }]);
		expect(parts('delClass')).toEqual([{ accesscode: ACCESS_CODE, code: 'lees' }]);
		expect(sim.state.byCode('lees')).toBeUndefined();
		expect(members.every((account) => sim.state.accounts.has(account.id))).toBe(true);
		expect((await run({ operation: 'delete', group: code('lees') })).nodeError(NODE)?.message).toMatch(/code 19/);
		const parent = groups().find((candidate) => sim.state.childrenOf(candidate).length > 0)!;
		expect((await run({ operation: 'delete', group: code(parent.code) })).nodeError(NODE)?.message).toMatch(/code 10/);
		expect(sim.state.byCode(parent.code)).toBeDefined();
	});

	it('delClass failing with a PHP fault on HTTP 500 after deleting: no retry, and the error says to check first', async () => {
		sim.state.addGroup({ name: 'Tijdelijk', code: 'tijdelijk', type: 'K' });
		sim.soapFaults.add({ method: 'delClass', statusCode: 500, faultstring: 'PHP Fatal error: Uncaught Error', afterHandler: true });
		const result = await run({ operation: 'delete', group: code('tijdelijk') });
		const error = result.nodeError(NODE)!;
		expect(error.message).toMatch(/SOAP Fault \(HTTP 500\)/);
		expect(error.description).toMatch(/AFTER deleting the class.*"tijdelijk"/);
		expect(soapCalls(sim, 'delClass')).toHaveLength(1);
		expect(sim.state.byCode('tijdelijk')).toBeUndefined();
	});

	it('retries a read on 503 with Retry-After, never a write', async () => {
		sim.faults.add({ match: soapMethod('getClassList'), fault: { kind: 'status', status: 503, retryAfter: '0' } });
		const read = await run({ operation: 'getClassList' });
		expect(read.json(NODE)).toHaveLength(groups().length);
		expect(soapCalls(sim, 'getClassList')).toHaveLength(2);
		sim.faults.add({ match: soapMethod('clearGroup'), fault: { kind: 'status', status: 503, retryAfter: '0' } });
		const write = await run({ operation: 'clear', group: code(classes()[0].code) });
		expect(write.nodeError(NODE)?.message).toMatch(/503/);
		expect(soapCalls(sim, 'clearGroup')).toHaveLength(1);
		expect(classes()[0].members.size).toBeGreaterThan(0);
	});
});
