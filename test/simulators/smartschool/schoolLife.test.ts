import type { Client } from 'soap';

import { callV3, createV3Client } from './client';
import { DEFAULT_ACCESS_CODE, schoolOf, SKORE_INTERVAL_MS, startSmartschoolSimulator, type SmartschoolSimulator } from './index';

describe('Smartschool simulator: absences, courses, helpdesk, Skore', () => {
	let sim: SmartschoolSimulator;
	let client: Client;
	const v3 = async (method: string, parts: Record<string, unknown> | null = {}) =>
		await callV3(client, method, parts === null ? { accesscode: DEFAULT_ACCESS_CODE } : { accesscode: DEFAULT_ACCESS_CODE, ...parts });
	const code = async (method: string, parts: Record<string, unknown> = {}) => {
		const answer = await v3(method, parts);
		expect(answer.type).toBe('xsd:int');
		return Number(answer.value);
	};
	const life = () => schoolOf(sim.state);
	const student = () => [...sim.state.accounts.values()].find((account) => account.baseRole === 'leerling')!;

	beforeAll(async () => {
		sim = await startSmartschoolSimulator({ accounts: 60, seed: 3 });
		client = await createV3Client(sim.endpoint);
	});
	afterAll(async () => await sim.close());

	it('seeds absences on recent school days, courses per grade and two mini-databases', () => {
		expect(life().absences.size).toBeGreaterThan(0);
		expect(life().courses).toHaveLength(15);
		expect(life().miniDbs.map((db) => db.name)).toEqual(['Lokalen', 'Toestellen']);
	});

	it('absence reads: JSON per half-day, and their codes (12, 56, 49, 19)', async () => {
		const account = student();
		life().setAbsence(account.id, '2024-10-07', { am: 'Z', pm: 'Z' });
		life().setAbsence(account.id, '2025-10-07', { am: 'D', pm: '|' });
		expect(JSON.parse((await v3('getAbsents', { userIdentifier: account.username, schoolYear: '2024' })).value)).toEqual({ '2024-10-07': { am: 'Z', pm: 'Z' } });
		expect(JSON.parse((await v3('getAbsentsWithAlias', { userIdentifier: account.username, schoolYear: '2025' })).value)).toEqual({
			'2025-10-07': { am: { code: 'D', alias: 'dokter' }, pm: { code: '|', alias: 'aanwezig' } },
		});
		expect(JSON.parse((await v3('getAbsentsWithUsernameByDate', { date: '2025-10-07' })).value)).toEqual({ [account.username]: { am: 'D', pm: '|' } });
		expect(JSON.parse((await v3('getAbsentsByDate', { date: '2025-10-06' })).value)).toEqual([]);
		expect(await code('getAbsents', { userIdentifier: 'niemand', schoolYear: '2025' })).toBe(12);
		expect(await code('getAbsents', { userIdentifier: account.username, schoolYear: '25' })).toBe(56);
		expect(await code('getAbsentsByDate', { date: '2025-02-30' })).toBe(49);
		expect(await code('getAbsentsByDateAndGroup', { date: '2025-10-07', code: 'geen' })).toBe(19);
	});

	it('courses: addCourse answers "0" as a string; the codes 14, 20, 21, 22, 5, 53 and 12', async () => {
		const added = await v3('addCourse', { coursename: 'Muziek', coursedesc: 'Muziek 1', visibility: 0 });
		expect(added).toEqual({ value: '0', type: 'xsd:string' });
		expect(Number((await v3('addCourse', { coursename: 'Muziek', coursedesc: 'Muziek 1' })).value)).toBe(21);
		expect(Number((await v3('addCourse', { coursename: '', coursedesc: 'x' })).value)).toBe(14);
		expect(Number((await v3('addCourse', { coursename: 'Drama', coursedesc: 'x', visibility: 2 })).value)).toBe(20);
		expect(await code('addCourseStudents', { coursename: 'Onbekend', coursedesc: '', groupIds: '1A' })).toBe(22);
		expect(await code('addCourseStudents', { coursename: 'Muziek', coursedesc: 'Muziek 1', groupIds: '' })).toBe(5);
		expect(await code('addCourseStudents', { coursename: 'Muziek', coursedesc: 'Muziek 1', groupIds: '1A,geen' })).toBe(53);
		expect(await code('addCourseTeacher', { coursename: 'Muziek', coursedesc: 'Muziek 1', internnummer: 'niemand', userlist: '' })).toBe(12);
		const xml = Buffer.from((await v3('getCourses', null)).value, 'base64').toString('utf8');
		expect(xml).toMatch(/<course><name>Muziek<\/name><description>Muziek 1<\/description><active>0<\/active><teachers><\/teachers><groups><\/groups><\/course>/);
	});

	it('helpdesk: the mini-db tree (ref §3 shape) and tickets with their codes (14, 12)', async () => {
		const [db] = JSON.parse((await v3('getHelpdeskMiniDbItems', null)).value) as Array<Record<string, unknown>>;
		expect(db).toMatchObject({ type: 'group', kind: 'miniDb', children: expect.arrayContaining([expect.objectContaining({ type: 'item', kind: 'item' })]) });
		const itemId = life().miniDbs[0].items[0].itemId;
		const ticket = { title: 'Lek', description: '', priority: '', miniDbItem: itemId, userIdentifier: student().username };
		expect(await code('addHelpdeskTicket', ticket)).toBe(0);
		expect(life().tickets.at(-1)).toMatchObject({ title: 'Lek', priority: 3 });
		expect(await code('addHelpdeskTicket', { ...ticket, priority: '6' })).toBe(14);
		expect(await code('addHelpdeskTicket', { ...ticket, miniDbItem: 'x' })).toBe(14);
		expect(await code('addHelpdeskTicket', { ...ticket, userIdentifier: 'niemand' })).toBe(12);
	});

	it('Skore: a job UUID, busy then done, once per 15 minutes, and 50 when the module is off', async () => {
		let now = Date.parse('2025-11-24T08:00:00Z');
		life().now = () => now;
		const { serviceId } = JSON.parse((await v3('startSkoreSync', null)).value) as { serviceId: string };
		expect((await v3('checkStatus', { serviceId })).value).toBe('busy');
		expect((await v3('checkStatus', { serviceId })).value).toBe('done');
		expect((await v3('checkStatus', { serviceId: 'onbekend' })).value).toBe('no_status');
		now += SKORE_INTERVAL_MS - 1;
		expect(await code('startSkoreSync', {})).toBe(10);
		now += 1;
		expect(JSON.parse((await v3('startSkoreSync', null)).value)).toHaveProperty('serviceId');
		life().setReadings({ skoreEnabled: false });
		expect(await code('getSkoreClassTeacherCourseRelation', {})).toBe(50);
		expect(await code('checkStatus', { serviceId })).toBe(50);
		life().setReadings({ skoreEnabled: true, skoreRelationEncoding: 'plain' });
		expect((await v3('getSkoreClassTeacherCourseRelation', null)).value).toMatch(/^<\?xml[\s\S]*<relations>\n<relation><class>/);
	});
});
