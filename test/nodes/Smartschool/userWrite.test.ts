import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, methodsCalled, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

const NEW_PASSWORD = 'Nieuw-Wachtw00rd!';

describe('Smartschool › User › Create and Update', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const createParameters = (username: string) => ({
		operation: 'create',
		username,
		password: NEW_PASSWORD,
		firstName: 'Lotte',
		lastName: 'Peeters',
		role: 'leerling',
		internalNumber: `N-${username}`,
		additionalFields: { birthDate: '17-03-2011', gender: 'v', email: `${username}@school.example`, registrationNumber: '123456' },
	});

	it('creates after checking the account does not exist, with every part named and no silent defaults', async () => {
		const result = await runSmartschool(sim, createParameters('lotte.peeters'));
		expect(result.json(NODE_NAME)[0]).toMatchObject({ success: true, username: 'lotte.peeters', birthday: '2011-03-17', sex: 'v' });
		expect(JSON.stringify(result.json(NODE_NAME))).not.toContain(NEW_PASSWORD);
		expect(methodsCalled(sim)).toEqual(['getReferenceField', 'getUserDetails', 'saveUser']);
		const save = soapCalls(sim, 'saveUser')[0].parts;
		expect(save).toMatchObject({
			username: 'lotte.peeters',
			passwd1: NEW_PASSWORD,
			name: 'Lotte',
			surname: 'Peeters',
			basisrol: 'leerling',
			sex: 'v',
			birthday: '2011-03-17',
			stamboeknummer: '123456',
			internnumber: 'N-lotte.peeters',
		});
		const account = [...sim.state.accounts.values()].find((candidate) => candidate.username === 'lotte.peeters');
		expect(account).toMatchObject({ firstName: 'Lotte', baseRole: 'leerling', birthday: '2011-03-17' });
	});

	it('refuses to create an account that exists (no saveUser sent)', async () => {
		const existing = [...sim.state.accounts.values()][0];
		const result = await runSmartschool(sim, createParameters(existing.username));
		const error = result.nodeError(NODE_NAME)!;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(/already exists/);
		expect(methodsCalled(sim)).not.toContain('saveUser');
	});

	it('needs a base role and a valid birth date before any request', async () => {
		// An empty required option is n8n's own refusal; an expression can still give nothing or a wrong value.
		for (const role of ['', 'admin']) {
			const result = await runSmartschool(sim, { ...createParameters('zonder.rol'), role: '={{ $json.role }}' }, { inputItems: [{ role }] });
			expect(result.nodeError(NODE_NAME)?.message).toMatch(/Base Role \(Basisrol\)/);
			expect(result.nodeError(NODE_NAME)?.description).toMatch(/leerling, leerkracht, directie, andere/);
		}
		const badDate = await runSmartschool(sim, {
			...createParameters('slechte.datum'),
			additionalFields: { birthDate: '31-02-2011' },
		});
		expect(badDate.nodeError(NODE_NAME)?.message).toMatch(/Birth Date/);
		expect(sim.requests).toHaveLength(0);
	});

	it('Update reads the account and sends every value back, changing only the chosen fields', async () => {
		const account = [...sim.state.accounts.values()].find((candidate) => candidate.email && candidate.street)!;
		const before = { ...account };
		const result = await runSmartschool(sim, {
			operation: 'update',
			user: byId(account.username),
			updateFields: { city: 'Leuven', mobilePhone: '0470 12 34 56' },
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ success: true, location: 'Leuven' });
		expect(methodsCalled(sim)).toEqual(['getUserDetails', 'saveUser']);
		const save = soapCalls(sim, 'saveUser')[0].parts;
		expect(save).toMatchObject({
			username: before.username,
			name: before.firstName,
			surname: before.lastName,
			email: before.email,
			location: 'Leuven',
			mobilephone: '0470 12 34 56',
			passwd1: '',
		});
		expect(sim.state.accounts.get(account.id)).toMatchObject({
			email: before.email,
			street: before.street,
			houseNumber: before.houseNumber,
			location: 'Leuven',
			baseRole: before.baseRole,
		});
	});

	it('Update leaves every field it was not asked to change as it was, for every kind of account', async () => {
		for (const account of [...sim.state.accounts.values()].slice(0, 25)) {
			const before = structuredClone({ ...account, coAccounts: account.coAccounts, photo: null });
			const result = await runSmartschool(sim, { operation: 'update', user: byId(account.username), updateFields: { fax: '016 00 00 00' } });
			expect(result.status).toBe('success');
			const after = { ...sim.state.accounts.get(account.id)!, photo: null };
			expect(after).toEqual({ ...before, fax: '016 00 00 00' });
		}
	});

	it('Update of an unknown user is an error, and without fields nothing is sent', async () => {
		const unknown = await runSmartschool(sim, { operation: 'update', user: byId('niemand'), updateFields: { city: 'Gent' } });
		expect(unknown.nodeError(NODE_NAME)?.name).toBe('NodeApiError');
		expect(methodsCalled(sim)).toEqual(['getUserDetails']);
		sim.clearRequests();
		const empty = await runSmartschool(sim, { operation: 'update', user: byId('niemand'), updateFields: {} });
		expect(empty.nodeError(NODE_NAME)?.message).toMatch(/Update Fields/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Smartschool › User › account actions', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const student = () => [...sim.state.accounts.values()].find((account) => account.baseRole === 'leerling' && account.internalNumber)!;

	it('Change Username goes by internal number', async () => {
		const account = student();
		const newUsername = `${account.username}.nieuw`;
		const result = await runSmartschool(sim, {
			operation: 'changeUsername',
			internalNumber: account.internalNumber,
			newUsername,
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ success: true, username: newUsername });
		expect(soapCalls(sim).map((call) => [call.soapMethod, call.parts])).toEqual([
			['changeUsername', expect.objectContaining({ internNumber: account.internalNumber, newUsername })],
		]);
		expect(sim.state.accounts.get(account.id)?.username).toBe(newUsername);

		const unknown = await runSmartschool(sim, { operation: 'changeUsername', internalNumber: 'X-0', newUsername: 'iemand' });
		expect(unknown.nodeError(NODE_NAME)?.name).toBe('NodeApiError');
	});

	it('Set Password of a co-account, sending changePasswordAtNextLogin as chosen', async () => {
		const account = student();
		const result = await runSmartschool(sim, {
			operation: 'setPassword',
			user: byId(account.username),
			accountType: 2,
			password: NEW_PASSWORD,
			changePasswordAtNextLogin: false,
		});
		expect(result.json(NODE_NAME)[0]).toEqual({
			success: true,
			userIdentifier: account.username,
			accountType: 2,
			changePasswordAtNextLogin: false,
		});
		expect(soapCalls(sim, 'savePassword')[0].parts).toMatchObject({
			userIdentifier: account.username,
			password: NEW_PASSWORD,
			accountType: '2',
			changePasswordAtNextLogin: '0',
		});
		expect(sim.state.accounts.get(account.id)?.coAccounts[1]).toMatchObject({ password: NEW_PASSWORD, mustChangePassword: false });
	});

	it.each([
		['inactive', 'uitgeschakeld'],
		['administrative', 'administratief'],
		['active', 'actief'],
	])('Set Status %s', async (status, stored) => {
		const account = student();
		await runSmartschool(sim, { operation: 'setStatus', user: byId(account.username), status });
		expect(soapCalls(sim, 'setAccountStatus')[0].parts).toMatchObject({ userIdentifier: account.username, accountStatus: status });
		expect(sim.state.accounts.get(account.id)?.status).toBe(stored);
	});

	it('Identify By internal number on a username platform looks the username up first', async () => {
		const account = student();
		await runSmartschool(sim, { operation: 'setStatus', user: byId(account.internalNumber), identifyBy: 'number', status: 'active' });
		expect(methodsCalled(sim)).toEqual(['getReferenceField', 'getUserDetailsByNumber', 'setAccountStatus']);
		expect(soapCalls(sim, 'setAccountStatus')[0].parts).toMatchObject({ userIdentifier: account.username });
	});

	it('Add to Group and Remove from Group, with an optional official date', async () => {
		const account = student();
		const group = [...sim.state.groups.values()].find((candidate) => candidate.type === 'G' && candidate.code && !candidate.members.has(account.id))!;
		const added = await runSmartschool(sim, {
			operation: 'addToGroup',
			user: byId(account.username),
			group: byId(group.code),
		});
		expect(added.json(NODE_NAME)[0]).toMatchObject({ success: true, group: group.code });
		expect(group.members.has(account.id)).toBe(true);
		const removed = await runSmartschool(sim, {
			operation: 'removeFromGroup',
			user: byId(account.username),
			group: byId(group.code),
			options: { officialDate: '2025-09-01' },
		});
		expect(removed.json(NODE_NAME)[0]).toMatchObject({ officialDate: '2025-09-01' });
		expect(group.members.has(account.id)).toBe(false);
		expect(soapCalls(sim).map((call) => [call.soapMethod, call.parts])).toEqual([
			['saveUserToClass', expect.objectContaining({ userIdentifier: account.username, class: group.code })],
			['removeUserFromGroup', expect.objectContaining({ userIdentifier: account.username, class: group.code, officialDate: '2025-09-01' })],
		]);
		expect(soapCalls(sim, 'saveUserToClass')[0].parts).not.toHaveProperty('officialDate');
	});
});
