/**
 * Cross-check: the seed library `smartschool-client@1.0.0` (dev dependency, test only) and our node do the same
 * 20 jobs — the seed's 20 functions — each against its own simulator seeded alike, and must send the same SOAP
 * methods with equivalent parameters (crossCheck.support.ts says what "equivalent" allows). Where we deliberately
 * do it differently, the difference is listed in DIFFERENCES with its reason (mostly a seed bug from the
 * reference's "Don't copy" list, §7) and asserted exactly, so the list cannot drift from what the code does.
 */
import type { SmartschoolAccount, SmartschoolGroup, SmartschoolSimulator } from '../../simulators/smartschool';
import {
	binaryItem,
	byId,
	callsOf,
	JPEG,
	methodsOf,
	partsOf,
	runOurs,
	testOurCredential,
	type Call,
	type SeedLibrary,
} from './crossCheck.support';
import { ACCESS_CODE, NODE_NAME, startSimulator } from './setup';

// The seed is CommonJS with a module-level singleton client; one init serves the whole file.
const seed = require('smartschool-client') as SeedLibrary;

/** Every place where our node deliberately sends something else than the seed library, and why. */
const DIFFERENCES = {
	init: 'init() downloads the WSDL (GET ?wsdl) and loads the code table with returnJsonErrorCodes, which takes no access code and so proves nothing about it. We bundle the WSDL (no download per execution) and the code table (transport/errorCodes.ts), and the Test button calls getReferenceField: it checks the access code and gives the Uniek veld the node needs anyway.',
	getUserIsNaN: "Don't copy (1): getUser picks getUserDetailsByUsername or ByNumber with isNaN, so an alphanumeric internal number (P0001) is looked up as a username and not found. Our Identify By says which it is.",
	existenceCheck: "Don't copy (1, 2): createUser checks existence by username (isNaN again) while saveUser keys on the platform's Uniek veld. We check with getUserDetails on the unique field (after getReferenceField), the key saveUser uses.",
	silentDefaults: "Don't copy (3): createUser silently sends sex 'm' and basisrol 'andere' when not given. We send no sex unless chosen, and Base Role is required (checked before any request).",
	partialSaveUser: "Don't copy (4): updateUser sends a partial saveUser (no internnumber, surname, address…), which Smartschool reads as the whole record. We read the account and send every part back, changing only the chosen fields.",
	changePasswordAtNextLogin: "Don't copy (6): updateUserPassword never sends changePasswordAtNextLogin (Smartschool then defaults to 1). We send it as the workflow chooses (default on).",
	emptyAttachments: "Don't copy (7): `params.attachments === []` is never true, so the seed sends attachments \"[]\" on every message. We leave the part out when there is nothing to attach.",
	treePerCall: "Don't copy (9): getGroup/createGroup/updateGroup fetch the whole tree once per call. We fetch it once per node run and share it across the items.",
	groupNameForced: "Don't copy (9) with (4): updateGroup forces name = code and leaves parent and untis out. We send the group's current name, parent and untis back with the changed field (read-modify-write); Smartschool ignores a changed parent anyway.",
	classesFromTree: 'Not a seed bug, a design choice: getClasses uses getClassListJson (flat, classes and groups mixed). Get Many Groups/Classes with Type = Classes Only reads the tree (getAllGroupsAndClasses) like every other Group operation: one download gives types, parents and titulars (ref §6.10). Same classes out.',
} as const;
type Difference = keyof typeof DIFFERENCES;

describe('Smartschool cross-check: smartschool-client@1.0.0 and our node send the same SOAP calls', () => {
	let simSeed: SmartschoolSimulator;
	let simOurs: SmartschoolSimulator;
	const exercised = new Set<Difference>();
	const used = new Set<number>();

	beforeAll(async () => {
		[simSeed, simOurs] = await Promise.all([startSimulator({ accounts: 40, seed: 5 }), startSimulator({ accounts: 40, seed: 5 })]);
		const usernames = (sim: SmartschoolSimulator) => [...sim.state.accounts.values()].map((account) => account.username);
		expect(usernames(simOurs)).toEqual(usernames(simSeed));
	});
	afterAll(async () => await Promise.all([simSeed?.close(), simOurs?.close()]));

	/** Runs one job on both sides; each side's calls, oldest first. */
	async function both(onSeed: () => Promise<unknown>, onOurs: () => Promise<unknown>): Promise<{ seed: Call[]; ours: Call[] }> {
		simSeed.clearRequests();
		simOurs.clearRequests();
		await onSeed();
		await onOurs();
		return { seed: callsOf(simSeed), ours: callsOf(simOurs) };
	}

	/** A fresh account (its twin exists in the other simulator) so jobs do not depend on each other's writes. */
	function pick(where: (account: SmartschoolAccount) => boolean = () => true): SmartschoolAccount {
		const account = [...simSeed.state.accounts.values()].find((candidate) => !used.has(candidate.id) && where(candidate));
		if (!account) throw new Error('No unused account fits');
		used.add(account.id);
		return account;
	}
	const student = () => pick((account) => account.baseRole === 'leerling' && account.internalNumber !== '');
	const twin = (account: SmartschoolAccount) => simOurs.state.accounts.get(account.id)!;
	const plainGroup = (): SmartschoolGroup =>
		[...simSeed.state.groups.values()].find((group) => group.type === 'G' && group.code !== '' && !group.isOfficial)!;
	const ours = async (parameters: Parameters<typeof runOurs>[1], items?: Parameters<typeof runOurs>[2]) => {
		const result = await runOurs(simOurs, parameters, items);
		if (result.status !== 'success') throw new Error(`Our node failed: ${result.error?.message ?? result.status}`);
		return result;
	};

	it('1 init ↔ credential Test button', async () => {
		let verdict: { status: string } | undefined;
		const calls = await both(
			async () => await seed.init({ apiWSDL: `${simSeed.endpoint}?wsdl`, accessCode: ACCESS_CODE }),
			async () => (verdict = await testOurCredential(simOurs)),
		);
		expect(verdict?.status).toBe('OK');
		exercised.add('init');
		expect(methodsOf(calls.seed)).toEqual(['GET /Webservices/V3?wsdl', 'returnJsonErrorCodes']);
		expect(calls.ours).toEqual([{ method: 'getReferenceField', parts: {} }]);
	});

	it('2 getUser ↔ User › Get (Identify By: Username)', async () => {
		const account = pick();
		let fromSeed: unknown;
		const calls = await both(
			async () => (fromSeed = await seed.getUser({ userId: account.username })),
			async () => await ours({ resource: 'user', operation: 'get', user: byId(account.username), identifyBy: 'username' }),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([{ method: 'getUserDetailsByUsername', parts: { username: account.username } }]);
		expect(fromSeed).toMatchObject({ gebruikersnaam: account.username, internnummer: account.internalNumber });
	});

	it('2b getUser of an internal number: the seed guesses with isNaN, we are told', async () => {
		const account = pick((candidate) => /\D/.test(candidate.internalNumber));
		expect(Number.isNaN(Number(account.internalNumber))).toBe(true);
		let fromSeed: unknown = 'not called';
		const calls = await both(
			async () => (fromSeed = await seed.getUser({ userId: account.internalNumber })),
			async () => await ours({ resource: 'user', operation: 'get', user: byId(account.internalNumber), identifyBy: 'number' }),
		);
		exercised.add('getUserIsNaN');
		expect(calls.seed).toEqual([{ method: 'getUserDetailsByUsername', parts: { username: account.internalNumber } }]);
		expect(fromSeed).toBeNull();
		expect(calls.ours).toEqual([{ method: 'getUserDetailsByNumber', parts: { number: account.internalNumber } }]);
	});

	it('3 createUser ↔ User › Create: the same saveUser, a different existence check', async () => {
		const fields = {
			userName: 'fien.wouters',
			password: 'Sterk-Wachtw00rd!',
			firstName: 'Fien',
			lastName: 'Wouters',
			registrationNumber: '7654321',
			internalNumber: 'L9001',
			gender: 'v',
			role: 'leerling',
			birthDate: '2012-05-04',
			email: 'fien.wouters@school.example',
			roosterCode: 'FWOU',
			mobilePhone: '0470 11 22 33',
		};
		const calls = await both(
			async () => await seed.createUser(fields),
			async () =>
				await ours({
					resource: 'user',
					operation: 'create',
					username: fields.userName,
					password: fields.password,
					firstName: fields.firstName,
					lastName: fields.lastName,
					role: fields.role,
					internalNumber: fields.internalNumber,
					additionalFields: {
						registrationNumber: fields.registrationNumber,
						gender: fields.gender,
						birthDate: fields.birthDate,
						email: fields.email,
						timetableCode: fields.roosterCode,
						mobilePhone: fields.mobilePhone,
					},
				}),
		);
		expect(partsOf(calls.ours, 'saveUser')).toEqual(partsOf(calls.seed, 'saveUser'));
		exercised.add('existenceCheck');
		expect(methodsOf(calls.seed)).toEqual(['getUserDetailsByUsername', 'saveUser']);
		expect(calls.seed[0].parts).toEqual({ username: fields.userName });
		expect(methodsOf(calls.ours)).toEqual(['getReferenceField', 'getUserDetails', 'saveUser']);
		expect(calls.ours[1].parts).toEqual({ userIdentifier: fields.userName });
	});

	it('3b createUser without gender and role: the seed fills them in silently, we do not', async () => {
		const base = { userName: 'noor.claes', password: 'Sterk-Wachtw00rd!', firstName: 'Noor', lastName: 'Claes' };
		let ourError = '';
		const calls = await both(
			async () => await seed.createUser(base),
			async () => {
				const parameters = { resource: 'user', operation: 'create', username: base.userName, password: base.password };
				const names = { ...parameters, firstName: base.firstName, lastName: base.lastName };
				// An expression that resolves to nothing: a literal empty value would not even pass n8n's own check.
				ourError = (await runOurs(simOurs, { ...names, role: '={{ "" }}' })).nodeError(NODE_NAME)?.message ?? '';
				await ours({ ...names, role: 'andere' });
			},
		);
		exercised.add('silentDefaults');
		expect(partsOf(calls.seed, 'saveUser')).toMatchObject({ sex: 'm', basisrol: 'andere' });
		expect(ourError).toMatch(/Base Role/);
		const saved = partsOf(calls.ours, 'saveUser');
		expect(saved).not.toHaveProperty('sex');
		expect(saved.basisrol).toBe('andere');
	});

	it('4 updateUser ↔ User › Update: our saveUser holds the seed\'s parts plus every current value', async () => {
		// A copy: the seed side's simulator rewrites its own account object in place.
		const account = { ...student() };
		const change = { firstName: 'Gert', email: 'gert@school.example' };
		// The seed's users must repeat last name and role, or Smartschool refuses the partial record (codes 1, 28).
		const seedChange = { ...change, lastName: account.lastName, role: account.baseRole };
		const calls = await both(
			async () => await seed.updateUser({ userName: account.username, ...seedChange }),
			async () =>
				await ours({ resource: 'user', operation: 'update', user: byId(account.username), identifyBy: 'username', updateFields: change }),
		);
		expect(methodsOf(calls.ours)).toEqual(methodsOf(calls.seed));
		expect(calls.ours[0]).toEqual(calls.seed[0]);
		exercised.add('partialSaveUser');
		const seedParts = partsOf(calls.seed, 'saveUser');
		expect(seedParts).toEqual({ username: account.username, name: 'Gert', surname: account.lastName, basisrol: account.baseRole, email: change.email });
		const ourParts = partsOf(calls.ours, 'saveUser');
		expect(ourParts).toMatchObject(seedParts);
		expect(ourParts.internnumber).toBe(account.internalNumber);
		// What the partial record costs on a platform that reads saveUser as the whole record.
		expect(simSeed.state.accounts.get(account.id)).toMatchObject({ firstName: 'Gert', internalNumber: '' });
		expect(twin(account)).toMatchObject({ firstName: 'Gert', internalNumber: account.internalNumber, street: account.street });
	});

	it('5 updateUserName ↔ User › Change Username', async () => {
		const account = student();
		const newUsername = `${account.username}.nieuw`;
		const calls = await both(
			async () => await seed.updateUserName({ internalNumber: account.internalNumber, newUserName: newUsername }),
			async () => await ours({ resource: 'user', operation: 'changeUsername', internalNumber: account.internalNumber, newUsername }),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([{ method: 'changeUsername', parts: { internNumber: account.internalNumber, newUsername } }]);
	});

	it('6 updateUserPassword ↔ User › Set Password (co-account 1)', async () => {
		const account = student();
		const password = 'Nieuw-Wachtw00rd!';
		const calls = await both(
			async () => await seed.updateUserPassword({ userName: account.username, password, accountType: 1 }),
			async () => await ours({ resource: 'user', operation: 'setPassword', user: byId(account.username), accountType: 1, password }),
		);
		exercised.add('changePasswordAtNextLogin');
		const seedParts = { userIdentifier: account.username, password, accountType: '1' };
		expect(calls.seed).toEqual([{ method: 'savePassword', parts: seedParts }]);
		expect(calls.ours).toEqual([{ method: 'savePassword', parts: { ...seedParts, changePasswordAtNextLogin: '1' } }]);
	});

	it.each([
		['7 setUserStateActive', 'setUserStateActive', 'active'],
		['8 setUserStateInactive', 'setUserStateInactive', 'inactive'],
		['9 setUserStateAdministrative', 'setUserStateAdministrative', 'administrative'],
	] as const)('%s ↔ User › Set Status', async (_label, fn, status) => {
		const account = student();
		const calls = await both(
			async () => await seed[fn]({ userName: account.username }),
			async () => await ours({ resource: 'user', operation: 'setStatus', user: byId(account.username), status }),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([{ method: 'setAccountStatus', parts: { userIdentifier: account.username, accountStatus: status } }]);
	});

	it.each([
		['10 addUserToGroup', 'addUserToGroup', 'addToGroup', 'saveUserToClass'],
		['11 removeUserFromGroup', 'removeUserFromGroup', 'removeFromGroup', 'removeUserFromGroup'],
	] as const)('%s ↔ User › the same operation', async (_label, fn, operation, method) => {
		const account = student();
		const group = plainGroup();
		if (operation === 'removeFromGroup') {
			simSeed.state.addMember(simSeed.state.groups.get(group.id)!, account);
			simOurs.state.addMember(simOurs.state.groups.get(group.id)!, twin(account));
		}
		const calls = await both(
			async () => await seed[fn]({ userName: account.username, groupOrClassId: group.code }),
			async () => await ours({ resource: 'user', operation, user: byId(account.username), group: byId(group.code) }),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([{ method, parts: { userIdentifier: account.username, class: group.code } }]);
	});

	it('12 getUsers ↔ User › Get Many, whole platform and one class without subgroups: same calls, same accounts', async () => {
		const klas = [...simSeed.state.groups.values()].find((group) => group.type === 'K' && group.members.size > 1)!;
		const out: Record<string, string[][]> = { seed: [], ours: [] };
		const names = (users: Array<Record<string, unknown>>) => users.map((user) => String(user.gebruikersnaam)).sort();
		const calls = await both(
			async () => {
				out.seed.push(names(await seed.getUsers()), names(await seed.getUsers({ groupId: klas.code, recursive: false })));
			},
			async () => {
				const all = await ours({ resource: 'user', operation: 'getAll', returnAll: true });
				const one = await ours({ resource: 'user', operation: 'getAll', group: byId(klas.code), recursive: false, returnAll: true });
				out.ours.push(names(all.json(NODE_NAME)), names(one.json(NODE_NAME)));
			},
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([
			{ method: 'getAllAccountsExtended', parts: { recursive: '1' } },
			{ method: 'getAllAccountsExtended', parts: { code: klas.code, recursive: '0' } },
		]);
		expect(out.ours).toEqual(out.seed);
	});

	it('13 getClasses ↔ Group › Get Many (Classes Only): another method, the same classes', async () => {
		let seedCodes: string[] = [];
		let ourCodes: string[] = [];
		const calls = await both(
			async () => (seedCodes = (await seed.getClasses()).filter((entry) => entry.isClass).map((entry) => String(entry.code)).sort()),
			async () => {
				const result = await ours({ resource: 'group', operation: 'getAll', type: 'class', returnAll: true });
				ourCodes = result.json(NODE_NAME).map((group) => String(group.code)).sort();
			},
		);
		exercised.add('classesFromTree');
		expect(calls.seed).toEqual([{ method: 'getClassListJson', parts: {} }]);
		expect(calls.ours).toEqual([{ method: 'getAllGroupsAndClasses', parts: {} }]);
		expect(ourCodes.length).toBeGreaterThan(0);
		expect(ourCodes).toEqual(seedCodes);
	});

	it('14 getGroup ↔ Group › Get: one tree download per group in the seed, one per run in ours', async () => {
		const codes = [...simSeed.state.groups.values()].filter((group) => group.code !== '').slice(0, 3).map((group) => group.code);
		const found: Record<string, unknown[]> = { seed: [], ours: [] };
		const calls = await both(
			async () => {
				for (const code of codes) found.seed.push((await seed.getGroup({ groupOrClassId: code }))?.code);
			},
			async () => {
				const items = codes.map((code) => ({ json: { code } }));
				const result = await ours({ resource: 'group', operation: 'get', group: byId('={{ $json.code }}') }, items);
				found.ours = result.json(NODE_NAME).map((group) => group.code);
			},
		);
		expect(found.ours).toEqual(codes);
		expect(found.seed).toEqual(codes);
		exercised.add('treePerCall');
		expect(calls.seed).toEqual(codes.map(() => ({ method: 'getAllGroupsAndClasses', parts: {} })));
		expect(calls.ours).toEqual([{ method: 'getAllGroupsAndClasses', parts: {} }]);
	});

	it('15 getGroups ↔ Group › Get Many, flat and as a tree from one group: same call, same groups', async () => {
		const parent = [...simSeed.state.groups.values()].find((group) => group.code && simSeed.state.childrenOf(group).length > 0)!;
		const out: Record<string, unknown[]> = { seed: [], ours: [] };
		const calls = await both(
			async () => {
				const flat = (await seed.getGroups()) as Array<Record<string, unknown>>;
				// The seed's flat list keeps the root "Iedereen" (code '' cleaned to null); ours leaves the platform itself out.
				out.seed.push(flat.filter((group) => group.code !== null).map((group) => group.code).sort());
				const tree = (await seed.getGroups({ flat: false, groupId: parent.code })) as { code: string; children: Array<{ code: string }> };
				out.seed.push(tree.code, tree.children.map((child) => child.code).sort());
			},
			async () => {
				const flat = await ours({ resource: 'group', operation: 'getAll', returnAll: true });
				out.ours.push(flat.json(NODE_NAME).map((group) => group.code).sort());
				const tree = (await ours({ resource: 'group', operation: 'getAll', output: 'tree', startFrom: byId(parent.code) })).json(NODE_NAME)[0];
				out.ours.push(tree.code, (tree.children as Array<{ code: string }>).map((child) => child.code).sort());
			},
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([1, 2].map(() => ({ method: 'getAllGroupsAndClasses', parts: {} })));
		expect(out.ours).toEqual(out.seed);
	});

	it('16 createGroup ↔ Group › Create', async () => {
		const parent = plainGroup();
		const group = { groupId: 'schaakclub', description: 'Schaken op woensdag', parent: parent.code, untis: 'SCHAAK' };
		const calls = await both(
			async () => await seed.createGroup(group),
			async () =>
				await ours({
					resource: 'group',
					operation: 'create',
					code: group.groupId,
					parent: byId(parent.code),
					additionalFields: { description: group.description, untis: group.untis },
				}),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed[1]).toEqual({
			method: 'saveGroup',
			parts: { name: 'schaakclub', desc: group.description, code: 'schaakclub', parent: parent.code, untis: 'SCHAAK' },
		});
	});

	it('17 updateGroup ↔ Group › Update: the seed renames the group to its code and drops parent and untis', async () => {
		// Best a group with a real parent and an untis code, so dropping them shows; else any renamed-by-the-seed group.
		const renamed = [...simSeed.state.groups.values()].filter((c) => c.type === 'G' && c.code !== '' && c.name !== c.code);
		const group = renamed.find((c) => c.untis !== '' && c.parentId !== simSeed.state.root.id) ?? renamed[0];
		const parentCode = simSeed.state.groups.get(group.parentId!)!.code;
		const current = { parent: parentCode, untis: group.untis };
		const calls = await both(
			async () => await seed.updateGroup({ groupId: group.code, description: 'Nieuw' }),
			async () => await ours({ resource: 'group', operation: 'update', group: byId(group.code), updateFields: { description: 'Nieuw' } }),
		);
		expect(methodsOf(calls.ours)).toEqual(methodsOf(calls.seed));
		expect(methodsOf(calls.seed)).toEqual(['getAllGroupsAndClasses', 'saveGroup']);
		exercised.add('groupNameForced');
		expect(partsOf(calls.seed, 'saveGroup')).toEqual({ name: group.code, desc: 'Nieuw', code: group.code });
		// The root's code and an empty untis are no value on the wire (see callsOf).
		const kept = Object.fromEntries(Object.entries(current).filter(([, value]) => value !== ''));
		expect(partsOf(calls.ours, 'saveGroup')).toEqual({ name: group.name, desc: 'Nieuw', code: group.code, ...kept });
	});

	it('18 getUserPhoto ↔ User › Get Photo (binary): same call, same bytes', async () => {
		const account = student();
		for (const sim of [simSeed, simOurs]) {
			sim.state.accounts.get(account.id)!.photo = JPEG;
			sim.state.touch(account.id);
		}
		let fromSeed = '';
		let fromOurs: Buffer | undefined;
		const calls = await both(
			async () => (fromSeed = await seed.getUserPhoto({ userName: account.username })),
			async () => (fromOurs = await (await ours({ resource: 'user', operation: 'getPhoto', user: byId(account.username) })).binary(NODE_NAME, 0)),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([{ method: 'getAccountPhoto', parts: { userIdentifier: account.username } }]);
		expect(Buffer.from(fromSeed, 'base64')).toEqual(JPEG);
		expect(fromOurs).toEqual(JPEG);
	});

	it('19 setUserPhoto ↔ User › Set Photo (from a binary property)', async () => {
		const account = student();
		const calls = await both(
			async () => await seed.setUserPhoto({ userName: account.username, photo: JPEG.toString('base64') }),
			async () =>
				await ours({ resource: 'user', operation: 'setPhoto', user: byId(account.username), binaryPropertyName: 'data' }, [
					binaryItem({ data: { data: JPEG, mimeType: 'image/jpeg', fileName: 'foto.jpg' } }),
				]),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(calls.seed).toEqual([{ method: 'setAccountPhoto', parts: { userIdentifier: account.username, photo: JPEG.toString('base64') } }]);
	});

	it('20 sendMessage ↔ Message › Send, with a sender, to co-account 1, attachments from binary properties', async () => {
		const recipient = pick((account) => account.coAccounts[0] !== null);
		const sender = pick();
		const pdf = Buffer.from('%PDF-1.4\n rapport \u00e9\n', 'utf8');
		const message = { title: 'Rapport', body: '<p>Zie <b>bijlage</b></p>' };
		const calls = await both(
			async () =>
				await seed.sendMessage({
					userName: recipient.username,
					...message,
					fromUser: sender.username,
					accountType: 1,
					attachments: [{ filename: 'rapport.pdf', filedata: pdf.toString('base64') }],
				}),
			async () =>
				await ours(
					{
						resource: 'message',
						operation: 'send',
						user: byId(recipient.username),
						coaccount: 1,
						...message,
						sender: 'user',
						senderUser: byId(sender.username),
						options: { attachments: 'rapport' },
					},
					[binaryItem({ rapport: { data: pdf, mimeType: 'application/pdf', fileName: 'rapport.pdf' } })],
				),
		);
		expect(calls.ours).toEqual(calls.seed);
		expect(partsOf(calls.seed, 'sendMsg')).toMatchObject({ senderIdentifier: sender.username, coaccount: '1' });
		expect(JSON.parse(partsOf(calls.seed, 'sendMsg').attachments)).toEqual([{ filename: 'rapport.pdf', filedata: pdf.toString('base64') }]);
	});

	it('20b sendMessage without attachments: the seed sends "[]"', async () => {
		const recipient = pick();
		const calls = await both(
			async () => await seed.sendMessage({ userName: recipient.username, title: 'Welkom', body: 'Dag!' }),
			async () => await ours({ resource: 'message', operation: 'send', user: byId(recipient.username), title: 'Welkom', body: 'Dag!' }),
		);
		exercised.add('emptyAttachments');
		const common = { userIdentifier: recipient.username, title: 'Welkom', body: 'Dag!', coaccount: '0' };
		expect(calls.seed).toEqual([{ method: 'sendMsg', parts: { ...common, attachments: '[]' } }]);
		expect(calls.ours).toEqual([{ method: 'sendMsg', parts: common }]);
	});

	it('every listed difference was shown by a job above', () => {
		expect([...exercised].sort()).toEqual(Object.keys(DIFFERENCES).sort());
	});
});
