import { clientAssertionClaims, signJwt } from '../../../nodes/shared/oauth2';
import { DEFAULT_CLIENT_ID, DEFAULT_KEY_ID, demoKeys, startEduixSimulator, type EduixSimulator } from './index';

const keys = demoKeys();

describe('Edu-V Employees simulator', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startEduixSimulator({ employeesPerSchool: 5 });
	});
	afterAll(async () => await sim.close());

	const assertion = (claims: Record<string, unknown> = {}) =>
		signJwt({ privateKeyPem: keys.privateKey, algorithm: 'RS256', header: { kid: DEFAULT_KEY_ID }, claims: { ...clientAssertionClaims({ clientId: DEFAULT_CLIENT_ID, audience: sim.tokenUrl }), ...claims } });
	const token = async (jwt: string) =>
		await fetch(sim.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
		});

	it('accepts an assertion once: a replayed jti is refused', async () => {
		const jwt = assertion();
		expect((await token(jwt)).status).toBe(200);
		const replay = await token(jwt);
		expect(replay.status).toBe(401);
		expect(await replay.json()).toEqual({ error: 'invalid_client', error_description: 'jti already used: replayed assertion' });
	});

	it('refuses an expired assertion, a wrong audience, a wrong issuer and a forged signature', async () => {
		const now = Math.floor(Date.now() / 1000);
		const cases: Array<[string, string]> = [
			[assertion({ exp: now - 1 }), 'the assertion has expired (exp)'],
			[assertion({ aud: 'https://elsewhere.example/token' }), `aud must be ${sim.tokenUrl}`],
			[assertion({ iss: 'someone-else' }), 'iss and sub must both be the client_id'],
			[`${assertion().split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`, 'the assertion signature does not verify'],
		];
		for (const [jwt, description] of cases) {
			const response = await token(jwt);
			expect(response.status).toBe(401);
			expect(((await response.json()) as { error_description: string }).error_description).toBe(description);
		}
	});

	it('answers with API-Version and the Edu-V body, status as string or number per reading', async () => {
		const body = (await (await token(assertion())).json()) as { access_token: string };
		const call = async () => await fetch(`${sim.baseUrl}/employees/school?orgMasterId=130D021`, { headers: { authorization: `Bearer ${body.access_token}` } });
		let response = await call();
		expect(response.status).toBe(403);
		expect(response.headers.get('api-version')).toBe('1.1.0');
		expect(await response.json()).toEqual({ status: '0022', statusMessage: 'consent required' });
		sim.setReadings({ statusFormat: 'number' });
		response = await call();
		expect(await response.json()).toEqual({ status: 22, statusMessage: 'consent required' });
		sim.setReadings({ statusFormat: 'string' });
	});

	it('answers a call without a school and an unknown employee per reading (noSchool, notFound)', async () => {
		const body = (await (await token(assertion())).json()) as { access_token: string };
		const headers = { authorization: `Bearer ${body.access_token}`, 'content-type': 'application/json' };
		const noSchool = async () => await (await fetch(`${sim.baseUrl}/employees/school`, { headers })).json();
		expect(await noSchool()).toMatchObject({ status: '0011' });
		sim.setReadings({ noSchool: 'unknownSchool', unknownSchoolCode: '2001' });
		expect(await noSchool()).toEqual({ status: '2001', statusMessage: 'School unknown' });
		const lookup = async () =>
			await fetch(`${sim.baseUrl}/employees`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ school: { organisationMasterIdentifier: '100B490' }, employee: { userIds: [{ userId: 'nobody', userIdType: 'ASI' }] } }),
			});
		let response = await lookup();
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ status: '0099', statusMessage: 'Employee not found' });
		sim.setReadings({ notFound: 'empty' });
		response = await lookup();
		expect(response.status).toBe(404);
		expect(await response.text()).toBe('');
		sim.setReadings({ noSchool: 'schema', unknownSchoolCode: '0023', notFound: 'eduv' });
	});

	it('answers a missing token with 401 and no body', async () => {
		const response = await fetch(`${sim.baseUrl}/employees/school?orgMasterId=100B490`);
		expect(response.status).toBe(401);
		expect(await response.text()).toBe('');
		expect(response.headers.get('www-authenticate')).toContain('invalid_token');
	});
});
