import type { Client } from 'soap';

import { callV3, createV3Client } from './client';
import { DEFAULT_ACCESS_CODE, DEMO_GROUPS, phpSerialize, startSmartschoolSimulator, type SmartschoolSimulator } from './index';

describe('Smartschool simulator: groups, memberships, messages', () => {
	let sim: SmartschoolSimulator;
	let client: Client;
	const v3 = async (method: string, parts: Record<string, unknown> = {}) => await callV3(client, method, { accesscode: DEFAULT_ACCESS_CODE, ...parts });
	const code = async (method: string, parts: Record<string, unknown>) => Number((await v3(method, parts)).value);
	const accounts = () => [...sim.state.accounts.values()];
	const student = () => accounts().find((account) => account.baseRole === 'leerling' && account.coAccounts[0] && !account.coAccounts[3])!;
	const teacher = () => accounts().find((account) => account.baseRole === 'leerkracht')!;
	const group = (fields: Record<string, string>) => code('saveGroup', { name: '', desc: '', code: '', parent: '', untis: '', ...fields });

	beforeAll(async () => {
		sim = await startSmartschoolSimulator({ accounts: 60 });
		client = await createV3Client(sim.endpoint);
	});
	afterAll(async () => await sim.close());
	afterEach(() => sim.setReadings({ removeGroupBy: 'code', nullSender: 'accepted', emptyDescRejected: true, officialParentCode: 54 }));

	it('getClassListJson lists every group and class (§5.3)', async () => {
		const list = JSON.parse((await v3('getClassListJson')).value) as Array<Record<string, unknown>>;
		expect(list).toHaveLength(sim.state.groups.size - 1);
		expect(list.find((row) => row.code === '3B')).toMatchObject({ name: '3B', isOfficial: true, isClass: true, isGroup: false, isVisible: true, untis: '3B' });
		expect(list.find((row) => row.code === DEMO_GROUPS.ict)).toMatchObject({ isGroup: true, isVisible: false });
	});

	it('getAllGroupsAndClasses is base64 XML of the whole tree with titulars (§5.2)', async () => {
		const answer = await v3('getAllGroupsAndClasses');
		expect(answer.type).toBe('xsd:string');
		const xml = Buffer.from(answer.value, 'base64').toString('utf8');
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<groups>\n {2}<group>\n {4}<name>Iedereen<\/name>/);
		const klas = sim.state.byCode('1A')!;
		const titular = sim.state.accounts.get(klas.titulars[0])!;
		expect(xml).toContain(`<code>1A</code>\n`);
		expect(xml).toMatch(new RegExp(`<code>1A</code>[\\s\\S]*?<isOfficial>1</isOfficial>[\\s\\S]*?<instituteNumber>048413</instituteNumber>\\s*<titu>\\s*<user><username>${titular.username}</username></user>`));
		expect((xml.match(/<group>/g) ?? []).length).toBe(sim.state.groups.size);
	});

	it('saveGroup creates under a parent, updates desc and untis only, and answers 14, 47, 53, 54/55, 57', async () => {
		expect(await group({ name: 'Sportclub', desc: 'Sport na school', code: 'sport', parent: DEMO_GROUPS.students, untis: 'SPORT' })).toBe(0);
		const sport = sim.state.byCode('sport')!;
		expect(sim.state.groups.get(sport.parentId!)?.code).toBe(DEMO_GROUPS.students);
		expect(await group({ name: 'Andere naam', desc: 'Nieuw', code: 'sport', parent: DEMO_GROUPS.staff, untis: 'SPORT2' })).toBe(0);
		expect(sport).toMatchObject({ name: 'Sportclub', desc: 'Nieuw', untis: 'SPORT2' });
		expect(sim.state.groups.get(sport.parentId!)?.code).toBe(DEMO_GROUPS.students);
		expect(await group({ name: 'Top', desc: 'x', code: 'top', parent: '0' })).toBe(0);
		expect(sim.state.byCode('top')?.parentId).toBe(sim.state.root.id);
		expect(await group({ name: 'X', desc: 'x', code: '' })).toBe(14);
		expect(await group({ name: 'X', desc: '', code: 'x1' })).toBe(14);
		sim.setReadings({ emptyDescRejected: false });
		expect(await group({ name: 'X', desc: '', code: 'x1' })).toBe(0);
		expect(await group({ name: '1A', desc: 'x', code: '1A' })).toBe(47);
		expect(await group({ name: 'X', desc: 'x', code: 'x2', parent: 'nope' })).toBe(53);
		expect(await group({ name: 'X', desc: 'x', code: 'x3', parent: '1A' })).toBe(54);
		sim.setReadings({ officialParentCode: 55 });
		expect(await group({ name: 'X', desc: 'x', code: 'x3', parent: '1A' })).toBe(55);
		expect(await group({ name: 'X', desc: 'x', code: 'x4', untis: '2B' })).toBe(57);
	});

	it('saveUserToClass moves a student between official classes and adds to groups; 9, 13, 30, 49', async () => {
		const pupil = student();
		const before = sim.state.officialClassOf(pupil)!;
		const target = before.code === '6D' ? '6C' : '6D';
		expect(await code('saveUserToClass', { userIdentifier: pupil.username, class: target, officialDate: '2025-09-01' })).toBe(0);
		expect(sim.state.groupsOf(pupil).filter((candidate) => candidate.isOfficial).map((candidate) => candidate.code)).toEqual([target]);
		expect(await code('saveUserToClass', { userIdentifier: pupil.username, class: DEMO_GROUPS.ict })).toBe(0);
		expect(sim.state.groupsOf(pupil).map((candidate) => candidate.code)).toEqual(expect.arrayContaining([target, DEMO_GROUPS.ict]));
		expect(await code('saveUserToClass', { userIdentifier: teacher().username, class: '1A' })).toBe(30);
		expect(await code('saveUserToClass', { userIdentifier: 'nobody', class: '1A' })).toBe(9);
		expect(await code('saveUserToClass', { userIdentifier: pupil.username, class: 'nope' })).toBe(13);
		expect(await code('saveUserToClass', { userIdentifier: pupil.username, class: '1A', officialDate: '2025-13-01' })).toBe(49);
	});

	it('removeUserFromGroup by code (or name, per reading); 32 for an active student\'s official class', async () => {
		const member = teacher();
		expect(await code('saveUserToClass', { userIdentifier: member.username, class: DEMO_GROUPS.ict })).toBe(0);
		expect(await code('removeUserFromGroup', { userIdentifier: member.username, class: 'Werkgroep ICT' })).toBe(13);
		sim.setReadings({ removeGroupBy: 'name' });
		expect(await code('removeUserFromGroup', { userIdentifier: member.username, class: 'Werkgroep ICT' })).toBe(0);
		expect(sim.state.byCode(DEMO_GROUPS.ict)!.members.has(member.id)).toBe(false);
		sim.setReadings({ removeGroupBy: 'code' });
		const pupil = student();
		expect(await code('removeUserFromGroup', { userIdentifier: pupil.username, class: sim.state.officialClassOf(pupil)!.code })).toBe(32);
	});

	it('sendMsg stores the message with attachments, co-account and copyToLVS; the sender readings; 12, 14, 18', async () => {
		const pupil = student();
		const sender = teacher();
		const attachments = JSON.stringify([{ filename: 'rapport.pdf', filedata: Buffer.from('%PDF-1.4 demo').toString('base64') }]);
		const send = (fields: Record<string, string>) =>
			code('sendMsg', { userIdentifier: pupil.username, title: 'Rapport', body: '<p>Zie bijlage</p>', senderIdentifier: sender.username, ...fields });
		expect(await send({ attachments, coaccount: '1', copyToLVS: 'true' })).toBe(0);
		expect(sim.state.messages.at(-1)).toMatchObject({ to: pupil.id, from: sender.id, coaccount: 1, copyToLVS: true, title: 'Rapport', body: '<p>Zie bijlage</p>' });
		expect(sim.state.messages.at(-1)!.attachments[0].filename).toBe('rapport.pdf');
		expect(sim.state.messages.at(-1)!.attachments[0].data.toString()).toBe('%PDF-1.4 demo');
		expect(sim.calls('sendMsg').at(-1)?.parts).toMatchObject({ attachments, coaccount: '1', copyToLVS: 'true' });
		expect(await send({ senderIdentifier: 'Null' })).toBe(0);
		expect(sim.state.messages.at(-1)).toMatchObject({ from: null, coaccount: 0, attachments: [], copyToLVS: false });
		sim.setReadings({ nullSender: 'rejected' });
		expect(await send({ senderIdentifier: 'Null' })).toBe(12);
		expect(await send({ senderIdentifier: '' })).toBe(0);
		expect(await send({ senderIdentifier: 'nobody' })).toBe(12);
		expect(await send({ userIdentifier: 'nobody' })).toBe(12);
		expect(await send({ title: '' })).toBe(14);
		expect(await send({ coaccount: '9' })).toBe(14);
		expect(await send({ coaccount: '4' })).toBe(18);
		expect(await send({ attachments: 'not json' })).toBe(18);
		expect(await send({ attachments: '[{"filename":"a.txt"}]' })).toBe(18);
	});

	it('caches big answers until the next change', async () => {
		const first = (await v3('getAllAccountsExtended', { code: '', recursive: '1' })).value;
		expect((await v3('getAllAccountsExtended', { code: '', recursive: '1' })).value).toBe(first);
		const pupil = student();
		expect(await code('setAccountStatus', { userIdentifier: pupil.username, accountStatus: 'inactive' })).toBe(0);
		const after = JSON.parse((await v3('getAllAccountsExtended', { code: '', recursive: '1' })).value) as Array<{ gebruikersnaam: string; status: string }>;
		expect(after.find((user) => user.gebruikersnaam === pupil.username)?.status).toBe('uitgeschakeld');
	});

	it('phpSerialize writes PHP serialize() with byte lengths', () => {
		expect(phpSerialize([{ name: 'Één', code: '1A', official: true, n: 3, x: null }])).toBe(
			'a:1:{i:0;a:5:{s:4:"name";s:5:"Één";s:4:"code";s:2:"1A";s:8:"official";b:1;s:1:"n";i:3;s:1:"x";N;}}',
		);
	});
});
