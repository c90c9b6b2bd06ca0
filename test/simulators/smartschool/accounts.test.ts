import type { Client } from 'soap';

import { callV3, createV3Client } from './client';
import { DEFAULT_ACCESS_CODE, DEMO_GROUPS, startSmartschoolSimulator, type SmartschoolSimulator } from './index';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

/** saveUser parts in WSDL order, all empty. */
const SAVE_USER_PARTS = ['internnumber', 'username', 'passwd1', 'passwd2', 'passwd3', 'name', 'surname', 'extranames', 'initials', 'sex', 'birthday', 'birthplace', 'birthcountry', 'address', 'postalcode', 'location', 'country', 'email', 'mobilephone', 'homephone', 'fax', 'prn', 'stamboeknummer', 'basisrol', 'untis'];

describe('Smartschool simulator: account methods', () => {
	let sim: SmartschoolSimulator;
	let client: Client;
	const v3 = async (method: string, parts: Record<string, unknown> = {}) => await callV3(client, method, { accesscode: DEFAULT_ACCESS_CODE, ...parts });
	const code = async (method: string, parts: Record<string, unknown>) => {
		const answer = await v3(method, parts);
		expect(answer.type).toBe('xsd:int');
		return Number(answer.value);
	};
	const saveUser = (fields: Record<string, string>) =>
		code('saveUser', Object.fromEntries(SAVE_USER_PARTS.map((part) => [part, fields[part] ?? ''])));
	const newUser = { internnumber: 'N900', username: 'jonas.peeters', passwd1: 'Zomer2025!x', name: 'Jonas', surname: 'Peeters', sex: 'm', birthday: '14-03-2011', address: 'Kerkstraat 22 bus 1', postalcode: '3200', location: 'Aarschot', basisrol: 'leerling', email: 'jonas@example.be' };
	const student = () => [...sim.state.accounts.values()].find((account) => account.baseRole === 'leerling' && account.coAccounts[1])!;

	beforeAll(async () => {
		sim = await startSmartschoolSimulator({ accounts: 60 });
		client = await createV3Client(sim.endpoint);
	});
	afterAll(async () => await sim.close());
	afterEach(() => sim.setReadings({ emptyCodeMeansPlatform: true, emptyGroupAnswer: 'code19' }));

	it('getUserDetails* answer user JSON (§5.1) or 12', async () => {
		const target = student();
		const details = JSON.parse((await v3('getUserDetails', { userIdentifier: target.username })).value) as Record<string, unknown>;
		expect(details).toMatchObject({ gebruikersnaam: target.username, internnummer: target.internalNumber, basisrol: '1', status: 'actief', type_coaccount2: 'Vader', type_coaccount6: 0 });
		expect(details.groups).toEqual([expect.objectContaining({ isKlas: true, isOfficial: true })]);
		expect(JSON.parse((await v3('getUserDetailsByNumber', { number: target.internalNumber })).value)).toEqual(details);
		expect(JSON.parse((await v3('getUserDetailsByUsername', { username: target.username.toUpperCase() })).value)).toEqual(details);
		expect(await code('getUserDetails', { userIdentifier: 'nobody' })).toBe(12);
		expect(await code('getUserDetailsByNumber', { number: 'x' })).toBe(12);
		expect(await code('getUserDetailsByUsername', { username: 'x' })).toBe(12);
		// userIdentifier follows Uniek veld: an internal number is no username here.
		expect(await code('getUserDetails', { userIdentifier: target.internalNumber })).toBe(12);
	});

	it('getAllAccountsExtended: whole platform, a group, recursive, 19 for empty or unknown groups, readings', async () => {
		const all = JSON.parse((await v3('getAllAccountsExtended', { code: '', recursive: '1' })).value) as unknown[];
		expect(all).toHaveLength(sim.state.accounts.size);
		const klas = JSON.parse((await v3('getAllAccountsExtended', { code: '1A', recursive: '0' })).value) as Array<{ groups: Array<{ code: string }> }>;
		expect(klas.length).toBeGreaterThan(0);
		expect(klas.every((user) => user.groups.some((group) => group.code === '1A'))).toBe(true);
		const students = JSON.parse((await v3('getAllAccountsExtended', { code: DEMO_GROUPS.students, recursive: '1' })).value) as unknown[];
		expect(students).toHaveLength([...sim.state.accounts.values()].filter((account) => account.baseRole === 'leerling').length);
		expect(await code('getAllAccountsExtended', { code: DEMO_GROUPS.students, recursive: '0' })).toBe(19);
		expect(await code('getAllAccountsExtended', { code: 'nope', recursive: '1' })).toBe(19);
		sim.setReadings({ emptyGroupAnswer: 'emptyList', emptyCodeMeansPlatform: false });
		expect((await v3('getAllAccountsExtended', { code: DEMO_GROUPS.students, recursive: '0' })).value).toBe('[]');
		expect(await code('getAllAccountsExtended', { code: '', recursive: '1' })).toBe(19);
	});

	it('saveUser creates (into the Doelgroep group) and overwrites every field on update; its codes', async () => {
		expect(await saveUser({ ...newUser, passwd1: '' })).toBe(4);
		expect(await saveUser({ ...newUser, surname: 'P' })).toBe(1);
		expect(await saveUser({ ...newUser, name: 'J' })).toBe(2);
		expect(await saveUser({ ...newUser, username: 'j' })).toBe(3);
		expect(await saveUser({ ...newUser, basisrol: '' })).toBe(28);
		expect(await saveUser({ ...newUser, passwd1: 'kort' })).toBe(4);
		expect(await saveUser({ ...newUser, passwd1: 'Jonas.Peeters2025' })).toBe(52);
		expect(await saveUser({ ...newUser, birthday: '31-02-2011' })).toBe(49);
		expect(await saveUser({ ...newUser, internnumber: student().internalNumber })).toBe(16);
		expect(await saveUser(newUser)).toBe(0);
		const created = sim.state.byUsername('jonas.peeters')!;
		expect(created).toMatchObject({ birthday: '2011-03-14', street: 'Kerkstraat', houseNumber: '22', busNumber: '1', mustChangePassword: true, password: 'Zomer2025!x' });
		expect(sim.state.groupsOf(created).map((group) => group.code)).toEqual([DEMO_GROUPS.target]);
		expect(await saveUser({ ...newUser, basisrol: 'leerkracht', passwd1: '' })).toBe(29);
		expect(await saveUser({ username: 'jonas.peeters', name: 'Jonas', surname: 'Peeters', basisrol: 'Leerling' })).toBe(0);
		expect(sim.state.byUsername('jonas.peeters')).toMatchObject({ internalNumber: '', email: '', birthday: '', password: 'Zomer2025!x' });
	});

	it('saveUser keyed on the internal number when Uniek veld says so: 14, 6 and 15', async () => {
		const numbered = await startSmartschoolSimulator({ accounts: 20, uniqueField: 'number' });
		try {
			const numberedClient = await createV3Client(numbered.endpoint);
			const save = async (fields: Record<string, string>) =>
				Number((await callV3(numberedClient, 'saveUser', { accesscode: DEFAULT_ACCESS_CODE, ...Object.fromEntries(SAVE_USER_PARTS.map((part) => [part, fields[part] ?? ''])) })).value);
			const taken = [...numbered.state.accounts.values()][3].username;
			expect(await save({ ...newUser, internnumber: '' })).toBe(14);
			expect(await save({ ...newUser, username: taken })).toBe(6);
			expect(await save(newUser)).toBe(0);
			expect(await save({ ...newUser, username: taken, passwd1: '' })).toBe(15);
			expect(await save({ ...newUser, username: 'jonas.peeters2', passwd1: '' })).toBe(0);
			expect(numbered.state.byNumber('N900')?.username).toBe('jonas.peeters2');
		} finally {
			await numbered.close();
		}
	});

	it('changeUsername by internal number; savePassword with account type and the must-change flag', async () => {
		const target = student();
		expect(await code('changeUsername', { internNumber: 'none', newUsername: 'x.y' })).toBe(9);
		expect(await code('changeUsername', { internNumber: target.internalNumber, newUsername: 'x' })).toBe(3);
		const other = [...sim.state.accounts.values()].find((account) => account !== target)!;
		expect(await code('changeUsername', { internNumber: target.internalNumber, newUsername: other.username })).toBe(6);
		expect(await code('changeUsername', { internNumber: target.internalNumber, newUsername: 'nieuwe.naam' })).toBe(0);
		expect(target.username).toBe('nieuwe.naam');

		expect(await code('savePassword', { userIdentifier: 'nieuwe.naam', password: 'Lente2025!a', accountType: '7' })).toBe(14);
		expect(await code('savePassword', { userIdentifier: 'nobody', password: 'Lente2025!a', accountType: '0' })).toBe(9);
		expect(await code('savePassword', { userIdentifier: 'nieuwe.naam', password: 'wachtwoord', accountType: '0' })).toBe(4);
		expect(await code('savePassword', { userIdentifier: 'nieuwe.naam', password: 'Lente2025!a', accountType: '0', changePasswordAtNextLogin: '0' })).toBe(0);
		expect(target).toMatchObject({ password: 'Lente2025!a', mustChangePassword: false });
		expect(await code('savePassword', { userIdentifier: 'nieuwe.naam', password: 'Herfst2025!b', accountType: '2' })).toBe(0);
		expect(target.coAccounts[1]).toMatchObject({ type: 'Vader', password: 'Herfst2025!b', mustChangePassword: true });
		expect(sim.calls('savePassword').at(-1)?.parts).toEqual({ accesscode: DEFAULT_ACCESS_CODE, userIdentifier: 'nieuwe.naam', password: 'Herfst2025!b', accountType: '2' });
	});

	it('setAccountStatus accepts Dutch and English values; 14, 9, 34', async () => {
		const target = student();
		for (const [value, status] of [['inactive', 'uitgeschakeld'], ['administratief', 'administratief'], ['enabled', 'actief']]) {
			expect(await code('setAccountStatus', { userIdentifier: target.username, accountStatus: value })).toBe(0);
			expect(target.status).toBe(status);
		}
		expect(await code('setAccountStatus', { userIdentifier: target.username, accountStatus: 'weg' })).toBe(14);
		expect(await code('setAccountStatus', { userIdentifier: 'nobody', accountStatus: 'active' })).toBe(9);
		const klas = sim.state.officialClassOf(target)!;
		sim.state.removeMember(klas, target);
		expect(await code('setAccountStatus', { userIdentifier: target.username, accountStatus: 'actief' })).toBe(34);
		sim.state.addMember(klas, target);
	});

	it('photos: base64 JPEG both ways, empty clears, junk is 14', async () => {
		const target = student();
		expect((await v3('getAccountPhoto', { userIdentifier: target.username })).value).toBe('');
		expect(await code('setAccountPhoto', { userIdentifier: target.username, photo: JPEG.toString('base64') })).toBe(0);
		const photo = await v3('getAccountPhoto', { userIdentifier: target.username });
		expect(photo.type).toBe('xsd:string');
		expect(Buffer.from(photo.value, 'base64').equals(JPEG)).toBe(true);
		expect(await code('setAccountPhoto', { userIdentifier: target.username, photo: Buffer.from('not an image').toString('base64') })).toBe(14);
		expect(await code('setAccountPhoto', { userIdentifier: target.username, photo: '***' })).toBe(14);
		expect(await code('getAccountPhoto', { userIdentifier: 'nobody' })).toBe(9);
		expect(await code('setAccountPhoto', { userIdentifier: target.username, photo: '' })).toBe(0);
		expect(target.photo).toBeNull();
	});
});
