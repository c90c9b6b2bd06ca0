import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, methodsCalled, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › User › Get and Get Many', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const accounts = () => [...sim.state.accounts.values()];
	const withNumber = () => accounts().find((account) => account.internalNumber !== '')!;

	it('gets a user by the platform unique field with getUserDetails, one item per input item, paired', async () => {
		const account = withNumber();
		const result = await runSmartschool(
			sim,
			{ operation: 'get', user: byId('={{ $json.username }}') },
			{ inputItems: [{ username: account.username }, { username: account.username }] },
		);
		const out = result.output(NODE_NAME);
		expect(out).toHaveLength(2);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json).toMatchObject({
			gebruikersnaam: account.username,
			voornaam: account.firstName,
			naam: account.lastName,
			internnummer: account.internalNumber,
		});
		expect(methodsCalled(sim)).toEqual(['getUserDetails', 'getUserDetails']);
		expect(soapCalls(sim)[0].parts).toMatchObject({ userIdentifier: account.username });
	});

	it('gets by username or internal number when Identify By says so — no guessing from the value', async () => {
		const account = withNumber();
		const byNumber = await runSmartschool(sim, {
			operation: 'get',
			user: byId(account.internalNumber),
			identifyBy: 'number',
		});
		expect(byNumber.json(NODE_NAME)[0]).toMatchObject({ gebruikersnaam: account.username });
		const byUsername = await runSmartschool(sim, { operation: 'get', user: byId(account.username), identifyBy: 'username' });
		expect(byUsername.json(NODE_NAME)[0]).toMatchObject({ internnummer: account.internalNumber });
		expect(soapCalls(sim).map((call) => [call.soapMethod, call.parts])).toEqual([
			['getUserDetailsByNumber', expect.objectContaining({ number: account.internalNumber })],
			['getUserDetailsByUsername', expect.objectContaining({ username: account.username })],
		]);
	});

	it('a user picked from the list is sent as the platform identifier whatever Identify By says', async () => {
		const account = withNumber();
		await runSmartschool(sim, {
			operation: 'get',
			user: { __rl: true, mode: 'list', value: account.username },
			identifyBy: 'number',
		});
		expect(methodsCalled(sim)).toEqual(['getUserDetails']);
	});

	it('an unknown user is a NodeApiError saying so; Continue On Fail turns it into an error item', async () => {
		const failed = await runSmartschool(sim, { operation: 'get', user: byId('nobody.here') });
		expect(failed.status).toBe('error');
		const error = failed.nodeError(NODE_NAME)!;
		expect(error.name).toBe('NodeApiError');
		expect(`${error.message} ${error.description}`).toMatch(/No Smartschool account "nobody.here".*does not exist/);

		const continued = await runSmartschool(
			sim,
			{ operation: 'get', user: byId('={{ $json.u }}') },
			{ continueOnFail: true, inputItems: [{ u: 'nobody.here' }, { u: withNumber().username }] },
		);
		const out = continued.output(NODE_NAME);
		expect(out).toHaveLength(2);
		expect(out[0]).toMatchObject({ json: { error: expect.any(String) }, pairedItem: { item: 0 } });
		expect(out[1].json).toMatchObject({ gebruikersnaam: withNumber().username });
	});

	it('refuses an empty User before sending anything', async () => {
		const result = await runSmartschool(sim, { operation: 'get', user: byId('  ') });
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/User/);
		expect(sim.requests).toHaveLength(0);
	});

	it('Get Many without a group lists the whole platform (code "", recursive 1), each account once', async () => {
		const result = await runSmartschool(sim, { operation: 'getAll', returnAll: true });
		const out = result.json(NODE_NAME);
		expect(out.length).toBe(accounts().length);
		expect(new Set(out.map((user) => user.gebruikersnaam)).size).toBe(out.length);
		expect(soapCalls(sim).map((call) => [call.soapMethod, call.parts])).toEqual([
			['getAllAccountsExtended', expect.objectContaining({ code: '', recursive: '1' })],
		]);
	});

	it('Get Many of a class, not recursive, with a Limit', async () => {
		const group = [...sim.state.groups.values()].find((candidate) => candidate.type === 'K' && candidate.members.size > 2)!;
		const result = await runSmartschool(sim, {
			operation: 'getAll',
			group: byId(group.code),
			recursive: false,
			returnAll: false,
			limit: 2,
		});
		const out = result.json(NODE_NAME);
		expect(out).toHaveLength(2);
		const usernames = new Set([...group.members].map((id) => sim.state.accounts.get(id)!.username));
		for (const user of out) expect(usernames.has(String(user.gebruikersnaam))).toBe(true);
		expect(soapCalls(sim)[0].parts).toMatchObject({ code: group.code, recursive: '0' });
	});
});
