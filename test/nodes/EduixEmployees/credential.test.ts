import { createServer } from 'node:net';

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
		sim.setReadings({ noSchool: 'schema', unknownSchoolCode: '0023' });
	});

	/** A local port nothing listens on: the connection is refused. */
	const closedPort = async () =>
		await new Promise<number>((resolve) => {
			const server = createServer().listen(0, '127.0.0.1', () => {
				const { port } = server.address() as { port: number };
				server.close(() => resolve(port));
			});
		});

	const test = async (data: Record<string, unknown> = {}) =>
		await testCredential({ nodeType: NODE_TYPE, credentialType: 'eduixApi', data: { ...credentialsFor(sim).eduixApi, ...data } });

	it('fetches a token and makes one cheap call; the missing-school answer proves the token was accepted', async () => {
		const result = await test();
		expect(result).toMatchObject({
			status: 'OK',
			message:
				'Connection successful: token fetched and accepted by the Employees API (it answered HTTP 400 Edu-V 0011 to the call without a school, as expected, API-Version 1.1.0). Consent is given per school: the node shows Edu-V 0022 if a school has not activated it.',
		});
		expect(tokenRequests(sim)).toHaveLength(1);
		expect(sim.requests.filter((request) => request.path === '/v1/employees/school')).toHaveLength(1);
	});

	it.each([
		['0023', 'unknownSchool', '0023'],
		['2001', 'unknownSchool', '2001'],
	] as const)('succeeds when the source answers a missing school with the unknown-school code %s (reading noSchool)', async (_name, noSchool, code) => {
		sim.setReadings({ noSchool, unknownSchoolCode: code });
		const result = await test();
		expect(result.status).toBe('OK');
		expect(result.message).toContain(`HTTP 400 Edu-V ${code} to the call without a school`);
	});

	it('says the Bearer Token was accepted, without a token step', async () => {
		const result = await test({ authentication: 'bearerToken', bearerToken: sim.state.issueToken('n8n-edu-demo-client', ['eduv.employee.basic']) });
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(/^Connection successful: Bearer Token accepted by the Employees API/);
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('tells an unreachable token endpoint from an unreachable source', async () => {
		const port = await closedPort();
		const noToken = await test({ tokenUrl: `http://127.0.0.1:${port}/oauth2/token` });
		expect(noToken.status).toBe('Error');
		expect(noToken.message).toMatch(new RegExp(`^Step 1 of 2, token from the Token URL: Could not reach Edu-iX token endpoint at 127\\.0\\.0\\.1:${port}: the connection was refused`));
		const noSource = await test({ baseUrl: `http://127.0.0.1:${port}/v1` });
		expect(noSource.status).toBe('Error');
		expect(noSource.message).toMatch(new RegExp(`^Step 2 of 2, call to the Base URL with the token: Could not reach Edu-iX at 127\\.0\\.0\\.1:${port}: the connection was refused`));
	});

	it('reports consent or authorisation refused (403 0022) and an unsupported version (0012) as failures', async () => {
		sim.faults.add({ match: { path: /^\/v1\// }, times: 1, fault: { kind: 'status', status: 403, body: { status: '0022', statusMessage: 'consent required' } } });
		const consent = await test();
		expect(consent.status).toBe('Error');
		expect(consent.message).toMatch(/^Step 2 of 2, call to the Base URL with the token: Edu-iX: Edu-V 0022 Consent required \(HTTP 403\).*consent management/);
		const version = await test({ apiVersion: '2.0.0' });
		expect(version.status).toBe('Error');
		expect(version.message).toContain('Edu-V 0012 Version not supported');
	});

	it('says what the token endpoint refused', async () => {
		const result = await test({ kid: 'unknown-kid' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Step 1 of 2, token from the Token URL: Edu-iX token endpoint refused the client \(HTTP 401\): invalid_client \(no registered key with kid "unknown-kid"\)/);
		expect(result.message).not.toContain(keys.privateKey.slice(40, 80));
	});

	it('explains a 401 without body on the token it just fetched (the credential, not an expired token)', async () => {
		sim.faults.add({ match: { path: /^\/v1\// }, times: 2, fault: { kind: 'status', status: 401, body: '' } });
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Step 2 of 2, call to the Base URL with the token: .*HTTP 401.*refused the access token without saying why, on the first use of a token issued just now/);
		expect(tokenRequests(sim)).toHaveLength(1);
	});

	it('names a wrong credential field before any request', async () => {
		const result = await test({ baseUrl: sim.url });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/must end with the API's major version/) });
		expect(sim.requests).toHaveLength(0);
	});

	it('reports a missing scope', async () => {
		const result = await test({ scopes: ['eduv.employee.roles'] });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/^Step 2 of 2, call to the Base URL with the token: Edu-iX: Edu-V 0021 Scope required \(HTTP 401\)/) });
	});
});
