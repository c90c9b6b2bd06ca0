import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, methodsCalled, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

/** A platform whose "Uniek veld" is the internal number: userIdentifier means the intern nummer there. */
describe('Smartschool › User on a platform identified by internal number', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ uniqueField: 'number', accounts: 20 });
		// The seed library's isNaN guess sent a numeric username to getUserDetailsByNumber.
		sim.state.addAccount({ username: '20231', internalNumber: 'LL-77', firstName: 'Numa', lastName: 'Numeriek', baseRole: 'leerling' });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const numeric = () => [...sim.state.accounts.values()].find((account) => account.username === '20231')!;

	it('Get with Identify By username reads a numeric username as a username', async () => {
		const result = await runSmartschool(sim, { operation: 'get', user: byId('20231'), identifyBy: 'username' });
		expect(result.json(NODE_NAME)[0]).toMatchObject({ gebruikersnaam: '20231', internnummer: 'LL-77' });
		expect(soapCalls(sim).map((call) => [call.soapMethod, call.parts])).toEqual([
			['getUserDetailsByUsername', expect.objectContaining({ username: '20231' })],
		]);
	});

	it('a write by username first looks up the internal number, which the platform expects', async () => {
		await runSmartschool(sim, { operation: 'setStatus', user: byId('20231'), identifyBy: 'username', status: 'inactive' });
		expect(methodsCalled(sim)).toEqual(['getReferenceField', 'getUserDetailsByUsername', 'setAccountStatus']);
		expect(soapCalls(sim, 'setAccountStatus')[0].parts).toMatchObject({ userIdentifier: 'LL-77', accountStatus: 'inactive' });
		expect(numeric().status).toBe('uitgeschakeld');
	});

	it('the unique field is asked once per execution, however many items', async () => {
		const result = await runSmartschool(
			sim,
			{ operation: 'setStatus', user: byId('={{ $json.u }}'), identifyBy: 'username', status: 'administrative' },
			{ inputItems: [{ u: '20231' }, { u: '20231' }, { u: '20231' }] },
		);
		expect(sim.count('getReferenceField')).toBe(1);
		expect(sim.count('setAccountStatus')).toBe(3);
		expect(result.json(NODE_NAME)).toHaveLength(3);
	});

	it('Create needs the internal number here, and checks existence by it', async () => {
		const base = { operation: 'create', username: 'nieuw.lid', password: 'Sterk-Wachtw00rd!', firstName: 'Nora', lastName: 'Nieuw', role: 'leerkracht' };
		const missing = await runSmartschool(sim, base);
		expect(missing.nodeError(NODE_NAME)?.message).toMatch(/Internal Number \(Intern Nummer\): required on this platform/);
		expect(methodsCalled(sim)).toEqual(['getReferenceField']);

		sim.clearRequests();
		const taken = await runSmartschool(sim, { ...base, internalNumber: 'LL-77' });
		expect(taken.nodeError(NODE_NAME)?.message).toMatch(/internal number "LL-77" already exists/);
		expect(soapCalls(sim, 'getUserDetails')[0].parts).toMatchObject({ userIdentifier: 'LL-77' });

		sim.clearRequests();
		const created = await runSmartschool(sim, { ...base, internalNumber: 'LK-900' });
		expect(created.json(NODE_NAME)[0]).toMatchObject({ success: true, internnumber: 'LK-900', basisrol: 'leerkracht' });
		expect(methodsCalled(sim)).toEqual(['getReferenceField', 'getUserDetails', 'saveUser']);
	});

	it('Update keeps the internal number, the key here: changing it is refused before saveUser', async () => {
		const result = await runSmartschool(sim, {
			operation: 'update',
			user: byId('LL-77'),
			updateFields: { internalNumber: 'LL-78' },
		});
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/cannot be changed by Update on this platform/);
		expect(methodsCalled(sim)).not.toContain('saveUser');
		expect(numeric().internalNumber).toBe('LL-77');
	});

	it('Get Many of a group without members is an empty list, not code 19', async () => {
		sim.state.addGroup({ name: 'Lege groep', code: 'leeg', type: 'G' });
		const result = await runSmartschool(sim, { operation: 'getAll', group: byId('leeg'), returnAll: true }, { alwaysOutputData: true });
		expect(result.status).toBe('success');
		expect(result.json(NODE_NAME)).toEqual([{}]);
		expect(soapCalls(sim, 'getAllAccountsExtended')[0].parts).toMatchObject({ code: 'leeg', recursive: '1' });
	});
});
