import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, methodsCalled, NODE_NAME as NODE, runSmartschool, soapCalls, startSimulator } from './setup';

/** Get by Username / Get by Internal Number: one method each, whatever the platform's Uniek veld. */
describe('Smartschool › User › Get by Username / Internal Number', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		// Uniek veld = internal number, so getUserDetails would read a username wrongly: these methods ignore it.
		sim = await startSimulator({ seed: 23, uniqueField: 'number' });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const account = () => [...sim.state.accounts.values()].find((entry) => entry.baseRole === 'leerling' && entry.internalNumber !== '')!;

	it('Get by Username sends getUserDetailsByUsername only and returns the decoded record', async () => {
		const student = account();
		const result = await runSmartschool(
			sim,
			{ operation: 'getByUsername', username: '={{ $json.name }}' },
			{ inputItems: [{ name: student.username }, { name: 'niemand.hier' }], continueOnFail: true },
		);
		expect(methodsCalled(sim)).toEqual(['getUserDetailsByUsername', 'getUserDetailsByUsername']);
		expect(soapCalls(sim, 'getUserDetailsByUsername').map((call) => call.parts)).toEqual([
			{ accesscode: ACCESS_CODE, username: student.username },
			{ accesscode: ACCESS_CODE, username: 'niemand.hier' },
		]);
		const out = result.output(NODE);
		expect(out[0].json).toMatchObject({ gebruikersnaam: student.username, internnummer: student.internalNumber, basisrol: 'leerling' });
		expect(out[1]).toMatchObject({ json: { error: expect.stringMatching(/getUserDetailsByUsername: .*\(code 12\)/) }, pairedItem: { item: 1 } });
	});

	it('Get by Internal Number sends getUserDetailsByNumber only; an empty value stops before any call', async () => {
		const student = account();
		const result = await runSmartschool(sim, { operation: 'getByInternalNumber', number: student.internalNumber });
		expect(soapCalls(sim, 'getUserDetailsByNumber').map((call) => call.parts)).toEqual([{ accesscode: ACCESS_CODE, number: student.internalNumber }]);
		expect(result.json(NODE)).toEqual([expect.objectContaining({ gebruikersnaam: student.username, voornaam: student.firstName })]);

		sim.clearRequests();
		const empty = await runSmartschool(sim, { operation: 'getByInternalNumber', number: ' ' }, { continueOnFail: true });
		expect(empty.json(NODE)[0].error).toMatch(/Internal Number/);
		expect(methodsCalled(sim)).toEqual([]);
	});
});
