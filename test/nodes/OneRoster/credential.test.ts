import { leaksSecret, loadOptions, testCredential } from '../../harness';
import { DEMOGRAPHICS_SCOPE, type OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, CLIENT_SECRET, credentialsFor, locator, NODE_NAME, NODE_TYPE, requestsTo, runOneRoster, startSimulator } from './setup';

const STATIC_TOKEN = 'static-bearer-token-7f3a9c';
const VENDOR_SECRET = 'vendorKey:vendor-secret-51be';

describe('OneRoster › credential, Test button, pickers, errors and secrets', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator({
			staticTokens: [STATIC_TOKEN],
			clients: { 'demo-client': { secret: CLIENT_SECRET }, 'narrow-client': { secret: 'narrow-secret-99', scopes: ['https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly'] } },
		});
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
		sim.setReadings({ clientAuth: 'both', tokenType: 'Bearer' });
	});

	const test = async (data: Record<string, unknown>) =>
		await testCredential({ nodeType: NODE_TYPE, credentialType: 'oneRosterApi', data: { ...credentialsFor(sim).oneRosterApi, ...data } });

	it('Test button: gets a token (Basic or body) and reads one org', async () => {
		expect(await test({})).toMatchObject({ status: 'OK' });
		const token = requestsTo(sim, 'POST', '/oauth/token')[0];
		expect(token.headers.authorization).toMatch(/^Basic /);
		expect(requestsTo(sim, 'GET', `${BASE}/orgs`)[0].query).toEqual({ limit: ['1'] });
		sim.clearRequests();
		sim.setReadings({ clientAuth: 'body' });
		expect(await test({ clientAuthentication: 'body' })).toMatchObject({ status: 'OK' });
		expect(String(requestsTo(sim, 'POST', '/oauth/token')[0].body)).toMatch(/client_id=demo-client&client_secret=/);
	});

	it('Test button says which step failed, without the secret', async () => {
		const wrong = await test({ clientSecret: 'wrong-secret-1234' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^Step 1 of 2, getting a token/);
		expect(wrong.message).not.toContain('wrong-secret-1234');
		sim.setReadings({ clientAuth: 'basic' });
		expect((await test({ clientAuthentication: 'body' })).message).toMatch(/^Step 1 of 2/);
		const rostering = await test({ rosteringUrl: `${sim.url}/elsewhere` });
		expect(rostering.message).toMatch(/^Step 2 of 2, reading one org/);
		expect((await test({ baseUrl: 'not a url' })).message).toMatch(/not a valid URL/);
		expect((await test({ tokenUrl: 'http://127.0.0.1:9/token' })).message).toMatch(/^Step 1 of 2/);
	});

	it('accepts a lower-case token_type "bearer" and a static bearer token', async () => {
		sim.setReadings({ tokenType: 'bearer' });
		const result = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, { credentials: { clientId: 'demo-client', scopes: '' } });
		expect(result.status).toBe('success');
		expect(requestsTo(sim, 'GET', `${BASE}/orgs/district-0001`)[0].headers.authorization).toMatch(/^Bearer /);

		const bearer = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, { credentials: { authentication: 'bearerToken', accessToken: STATIC_TOKEN } });
		expect(bearer.status).toBe('success');
		expect(sim.requests.at(-1)?.headers.authorization).toBe(`Bearer ${STATIC_TOKEN}`);
	});

	it('sends the extra headers on every call and service URL overrides are honoured', async () => {
		const result = await runOneRoster(
			sim,
			{ resource: 'org', operation: 'getAll', returnAll: true },
			{ credentials: { baseUrl: 'http://127.0.0.1:9', rosteringUrl: sim.rosteringUrl, extraHeaders: JSON.stringify({ 'x-vendor-authorization': VENDOR_SECRET }) } },
		);
		expect(result.status).toBe('success');
		for (const request of requestsTo(sim, 'GET', `${BASE}/orgs`)) expect(request.headers['x-vendor-authorization']).toBe(VENDOR_SECRET);
		expect(leaksSecret([result.logs, result.run], VENDOR_SECRET)).toBe(false);
	});

	it('a missing scope (demographics) is a 403 with what to check', async () => {
		const result = await runOneRoster(
			sim,
			{ resource: 'demographics', operation: 'getAll', returnAll: false, limit: 1 },
			{ credentials: { clientId: 'narrow-client', clientSecret: 'narrow-secret-99', scopes: 'https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly' } },
		);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/HTTP 403/);
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/roster-demographics.*forbidden/);
		expect(DEMOGRAPHICS_SCOPE).toMatch(/roster-demographics/);
	});

	it('retries a read on 429 with Retry-After, refreshes the token once on 401', async () => {
		sim.faults.add({ match: { method: 'GET', path: `${BASE}/orgs` }, fault: { kind: 'status', status: 429, retryAfter: '0' } });
		const retried = await runOneRoster(sim, { resource: 'org', operation: 'getAll', returnAll: false, limit: 2 });
		expect(retried.json(NODE_NAME)).toHaveLength(2);
		expect(requestsTo(sim, 'GET', `${BASE}/orgs`)).toHaveLength(2);
		sim.clearRequests();
		sim.tokens.expireAll();
		const refreshed = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') });
		expect(refreshed.status).toBe('success');
		expect(requestsTo(sim, 'POST', '/oauth/token')).toHaveLength(1);
		expect(requestsTo(sim, 'GET', `${BASE}/orgs/district-0001`)).toHaveLength(2);
	});

	it('never shows the client secret, the tokens or extra header values in errors, logs or output', async () => {
		const failing = await runOneRoster(
			sim,
			{ resource: 'user', operation: 'get', sourcedId: locator('nobody') },
			{ continueOnFail: true, credentials: { extraHeaders: JSON.stringify({ 'x-vendor-authorization': VENDOR_SECRET }) } },
		);
		const wrongSecret = await runOneRoster(sim, { resource: 'user', operation: 'getAll', returnAll: true }, { credentials: { clientSecret: 'not-the-secret-8d2e' } });
		expect(wrongSecret.nodeError(NODE_NAME)?.message).toMatch(/token endpoint refused the client/);
		const staticRun = await runOneRoster(sim, { resource: 'user', operation: 'get', sourcedId: locator('nobody') }, { credentials: { authentication: 'bearerToken', accessToken: STATIC_TOKEN } });
		const issuedToken = String(requestsTo(sim, 'GET', `${BASE}/users/nobody`)[0].headers.authorization).replace(/^Bearer /, '');
		expect(issuedToken.length).toBeGreaterThan(10);
		for (const result of [failing, wrongSecret, staticRun]) {
			for (const secret of [CLIENT_SECRET, 'not-the-secret-8d2e', VENDOR_SECRET, STATIC_TOKEN, issuedToken]) {
				expect(leaksSecret([result.logs, result.run], secret)).toBe(false);
			}
		}
	});

	it.each([
		['searchUsers', '/users', 'user'],
		['searchOrgs', '/orgs', 'org'],
		['searchClasses', '/classes', 'class'],
	])('%s lists and searches for the picker', async (method, path, resource) => {
		const listed = await loadOptions({ nodeType: NODE_TYPE, kind: 'listSearch', method, parameters: { resource, operation: 'get' }, credentials: credentialsFor(sim) });
		expect(listed.results.length).toBeGreaterThan(0);
		const found = await loadOptions({ nodeType: NODE_TYPE, kind: 'listSearch', method, parameters: { resource, operation: 'get' }, credentials: credentialsFor(sim), filter: 'e' });
		expect(found.results.length).toBeGreaterThan(0);
		expect(requestsTo(sim, 'GET', `${BASE}${path}`).at(-1)?.query.filter?.[0]).toMatch(/~'e'/);
	});
});
