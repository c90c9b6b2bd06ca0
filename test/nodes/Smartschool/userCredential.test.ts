import { testCredential } from '../../harness';
import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, CREDENTIAL_TYPE, NODE_TYPE, startSimulator } from './setup';

describe('Smartschool › credential Test button', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.faults.clear();
		sim.clearRequests();
	});

	const test = async (data: Record<string, unknown>) =>
		await testCredential({
			nodeType: NODE_TYPE,
			credentialType: CREDENTIAL_TYPE,
			data: { platformUrl: sim.url, accessCode: ACCESS_CODE, ...data },
		});

	it('says OK for a working access code, after one getReferenceField call', async () => {
		const result = await test({});
		expect(result.status).toBe('OK');
		expect(sim.requests.map((request) => request.soapMethod)).toEqual(['getReferenceField']);
	});

	it('tells a wrong access code (8), an unknown platform and an unreachable host apart, never showing the code', async () => {
		const wrong = await test({ accessCode: 'not-the-code-1234' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/access code/i);
		expect(wrong.message).toMatch(/code 8/);
		expect(wrong.message).not.toContain('not-the-code-1234');

		sim.faults.add({
			fault: { kind: 'status', status: 404, body: '<html><body>Not Found</body></html>', contentType: 'text/html' },
		});
		const unknown = await test({});
		expect(unknown.status).toBe('Error');
		expect(unknown.message).toMatch(/not .*Smartschool|Platform URL/i);
		expect(unknown.message).not.toMatch(/access code/i);

		const unreachable = await test({ platformUrl: 'http://127.0.0.1:9' });
		expect(unreachable.status).toBe('Error');
		expect(unreachable.message).toMatch(/Could not reach/);

		const invalid = await test({ platformUrl: 'not a url at all' });
		expect(invalid.status).toBe('Error');
		expect(invalid.message).toMatch(/Platform URL/);

		for (const result of [wrong, unknown, unreachable, invalid]) expect(result.message).not.toContain(ACCESS_CODE);
	});

	it('a 200 answer that is not SOAP (a login page) is an unknown platform too', async () => {
		sim.faults.add({ fault: { kind: 'malformed', body: '<!DOCTYPE html><html><body>Login</body></html>', contentType: 'text/html' } });
		const result = await test({});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/not .*Smartschool|Platform URL/i);
	});
});
