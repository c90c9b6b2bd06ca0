import { leaksSecret } from '../../harness';
import { ERROR_TEXTS, type SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId, NODE_NAME as NODE, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › Password and Security, Platform', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 3 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const accounts = () => [...sim.state.accounts.values()];

	it.each([
		['forcePasswordReset', 'forcePasswordReset'],
		['requirePasswordChange', 'changePasswordAtNextLogin'],
	])('%s sends %s for the main account or a co-account and sets the must-change flag', async (operation, method) => {
		const student = accounts().find((account) => account.baseRole === 'leerling' && account.coAccounts[1] !== null)!;
		student.mustChangePassword = false;
		student.coAccounts[1]!.mustChangePassword = false;
		const result = await runSmartschool(
			sim,
			{ resource: 'security', operation, user: byId(student.username), accountType: '={{ $json.slot }}' },
			{ inputItems: [{ slot: 0 }, { slot: 2 }, { slot: 6 }, { slot: 9 }], continueOnFail: true },
		);
		const out = result.json(NODE);
		expect(out.slice(0, 2)).toEqual([
			{ success: true, userIdentifier: student.username, accountType: 0, mustChangePassword: true },
			{ success: true, userIdentifier: student.username, accountType: 2, mustChangePassword: true },
		]);
		// An empty co-account slot is refused by Smartschool (14); 9 is not an account number (checked first).
		expect(out[2].error).toMatch(/code 14/);
		expect(out[3].error).toMatch(/Account/);
		expect(soapCalls(sim, method).map((call) => call.parts)).toEqual([0, 2, 6].map((slot) => ({
			accesscode: ACCESS_CODE,
			userIdentifier: student.username,
			accountType: String(slot),
		})));
		expect(sim.state.accounts.get(student.id)).toMatchObject({ mustChangePassword: true });
		expect(sim.state.accounts.get(student.id)!.coAccounts[1]!.mustChangePassword).toBe(true);
	});

	it('deactivates two-factor authentication (the deprecated WSDL method)', async () => {
		const teacher = accounts().find((account) => account.baseRole === 'leerkracht')!;
		sim.state.updateAccount(teacher, { isAuthenticatorAppEnabled: true });
		const result = await runSmartschool(sim, { resource: 'security', operation: 'deactivateTwoFactor', user: byId(teacher.username), accountType: 0 });
		expect(result.json(NODE)).toEqual([{ success: true, userIdentifier: teacher.username, accountType: 0, twoFactorDeactivated: true }]);
		expect(soapCalls(sim, 'deactivateTwoFactorAuthentication')[0].parts).toEqual({ accesscode: ACCESS_CODE, userIdentifier: teacher.username, accountType: '0' });
		expect(sim.state.accounts.get(teacher.id)?.isAuthenticatorAppEnabled).toBe(false);
		const unknown = await runSmartschool(sim, { resource: 'security', operation: 'deactivateTwoFactor', user: byId('niemand') });
		expect(unknown.nodeError(NODE)?.message).toMatch(/code 9/);
		expect(leaksSecret([result.logs, result.run, unknown.logs], ACCESS_CODE)).toBe(false);
	});

	it('reads the unique field (getReferenceField)', async () => {
		const result = await runSmartschool(sim, { resource: 'platform', operation: 'getUniqueField' });
		expect(result.json(NODE)).toEqual([{ uniqueField: 'username', identifiesUsersBy: 'username' }]);
		expect(soapCalls(sim, 'getReferenceField')[0].parts).toEqual({ accesscode: ACCESS_CODE });
	});

	it.each([
		['getErrorCodes', 'returnJsonErrorCodes'],
		['getErrorCodesCsv', 'returnCsvErrorCodes'],
	])('%s lists the code table from %s, without the access code', async (operation, method) => {
		const result = await runSmartschool(sim, { resource: 'platform', operation });
		const out = result.json(NODE);
		expect(out).toHaveLength(Object.keys(ERROR_TEXTS).length);
		expect(out.find((row) => row.code === 8)).toEqual({ code: 8, text: ERROR_TEXTS[8], meaning: 'wrong web-services access code (wachtwoord webservices)' });
		expect(out.find((row) => row.code === 4)?.text).toBe(ERROR_TEXTS[4]);
		expect(soapCalls(sim, method)[0].parts).toEqual({});
	});
});
