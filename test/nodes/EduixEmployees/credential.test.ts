import { testCredential } from '../../harness';
import type { EduixSimulator } from '../../simulators/eduix';
import { clearTokens, credentialsFor, keys, NODE_TYPE, startSimulator, tokenRequests } from './setup';

describe('Edu-iX API credential › Test button', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		clearTokens();
		sim.clearRequests();
		sim.faults.clear();
	});

	const test = async (data: Record<string, unknown> = {}) =>
		await testCredential({ nodeType: NODE_TYPE, credentialType: 'eduixApi', data: { ...credentialsFor(sim).eduixApi, ...data } });

	it('fetches a token and makes one cheap call', async () => {
		const result = await test();
		expect(result).toMatchObject({ status: 'OK', message: 'Connection successful: the source accepted the token (API-Version 1.1.0)' });
		expect(tokenRequests(sim)).toHaveLength(1);
		expect(sim.requests.filter((request) => request.path === '/v1/employees/school')).toHaveLength(1);
	});

	it('says what the token endpoint refused', async () => {
		const result = await test({ kid: 'unknown-kid' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/token endpoint refused the client \(HTTP 401\): invalid_client \(no registered key with kid "unknown-kid"\)/);
		expect(result.message).not.toContain(keys.privateKey.slice(40, 80));
	});

	it('explains a 401 without body after one refresh', async () => {
		sim.faults.add({ match: { path: /^\/v1\// }, times: 2, fault: { kind: 'status', status: 401, body: '' } });
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/HTTP 401.*refused the access token without saying why, also after fetching a new one/);
		expect(tokenRequests(sim)).toHaveLength(2);
	});

	it('names a wrong credential field before any request', async () => {
		const result = await test({ baseUrl: sim.url });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/must end with the API's major version/) });
		expect(sim.requests).toHaveLength(0);
	});

	it('reports a missing scope', async () => {
		const result = await test({ scopes: ['eduv.employee.roles'] });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringContaining('Edu-V 0021 Scope required') });
	});
});
