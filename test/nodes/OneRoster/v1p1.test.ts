import { request as undiciRequest } from 'undici';

import { signOAuth1 } from '../../../nodes/shared/oauth1';
import { leaksSecret, testCredential } from '../../harness';
import { DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, type OneRosterSimulator } from '../../simulators/oneroster';
import { sampleIds } from './fixtures';
import { credentialsFor, locator, NODE_NAME, NODE_TYPE, requestsTo, runOneRoster, startSimulator } from './setup';

const V1P1 = '/ims/oneroster/v1p1';

describe('OneRoster › 1.1 with OAuth 1.0a signed requests', () => {
	let sim: OneRosterSimulator;
	const oauth1 = (extra: Record<string, unknown> = {}) => ({
		credentials: { version: '1.1', authentication: 'oAuth1', consumerKey: DEFAULT_CONSUMER_KEY, consumerSecret: DEFAULT_CONSUMER_SECRET, signatureMethod: 'HMAC-SHA256', ...extra },
	});
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
		sim.setReadings({ oauth1Methods: ['HMAC-SHA256', 'HMAC-SHA1'] });
	});

	it('User › Get Many over 1.1: signed (HMAC-SHA256), filter in the signature, 1.1 users with role and orgs, no token request', async () => {
		const accepted = sim.oauth1.accepted;
		const result = await runOneRoster(
			sim,
			{ resource: 'user', operation: 'getAll', returnAll: false, limit: 3, filterConditions: { condition: [{ field: 'givenName', operator: 'contains', value: 'a' }] }, options: { sort: 'familyName' } },
			oauth1(),
		);
		expect(result.status).toBe('success');
		const users = result.json(NODE_NAME);
		expect(users.length).toBeGreaterThan(0);
		expect(users[0]).toEqual(expect.objectContaining({ role: expect.any(String), orgs: expect.any(Array) }));
		expect(users[0].roles).toBeUndefined();
		const [request] = requestsTo(sim, 'GET', `${V1P1}/users`);
		expect(request.query.filter).toEqual(["givenName~'a'"]);
		expect(String(request.headers.authorization)).toMatch(/^OAuth oauth_consumer_key="demo-consumer", oauth_nonce="[0-9a-f]{32}", oauth_signature_method="HMAC-SHA256", oauth_timestamp="\d+", oauth_version="1.0", oauth_signature="[^"]+"$/);
		expect(sim.oauth1.accepted).toBeGreaterThan(accepted);
		expect(requestsTo(sim, 'POST', '/oauth/token')).toHaveLength(0);
		expect(leaksSecret([result.logs, result.run], DEFAULT_CONSUMER_SECRET)).toBe(false);
	});

	it('1.1 users filter on their 1.1 role field', async () => {
		const result = await runOneRoster(sim, { resource: 'user', operation: 'getAll', returnAll: true, filterConditions: { condition: [{ field: 'role', operator: 'eq', value: 'teacher' }] } }, oauth1());
		const teachers = result.json(NODE_NAME);
		expect(teachers.length).toBe(sim.state.all('users').filter((user) => (user.roles as Array<{ role: string }>)[0].role === 'teacher').length);
		expect(teachers.every((user) => user.role === 'teacher')).toBe(true);
	});

	it('HMAC-SHA1 for a server that only checks SHA-1 (ClassLink); SHA-256 there is a 401 that says what to check', async () => {
		sim.setReadings({ oauth1Methods: ['HMAC-SHA1'] });
		const sha1 = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, oauth1({ signatureMethod: 'HMAC-SHA1' }));
		expect(sha1.json(NODE_NAME)[0].sourcedId).toBe('district-0001');
		const sha256 = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, oauth1());
		const error = sha256.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/401/);
		expect(error.description).toMatch(/OAuth 1.0a signature.*Consumer Key, Consumer Secret and Signature Method.*clock.*unauthorisedrequest/);
	});

	it('a wrong consumer secret: 401 from the 1.1 statusInfoSet, the secret never shown', async () => {
		const result = await runOneRoster(sim, { resource: 'user', operation: 'get', sourcedId: locator('nobody') }, oauth1({ consumerSecret: 'wrong-secret-5521' }));
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/401.*Invalid signature/);
		expect(leaksSecret([result.logs, result.run], 'wrong-secret-5521')).toBe(false);
	});

	it('1.1 statusInfoSet errors are mapped: an unknown user is a 404 with the unknownobject meaning', async () => {
		const result = await runOneRoster(sim, { resource: 'user', operation: 'get', sourcedId: locator('nobody') }, oauth1());
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/404/);
		expect(error.description).toMatch(/does not know this sourcedId.*unknownobject/);
		expect(requestsTo(sim, 'GET', `${V1P1}/users/nobody`)[0].path).toBe(`${V1P1}/users/nobody`);
	});

	it('a read retried on 503 is signed afresh (new nonce); the server accepts the retry', async () => {
		sim.faults.add({ match: { method: 'GET' }, fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
		const result = await runOneRoster(sim, { resource: 'org', operation: 'getAll', returnAll: false, limit: 1 }, oauth1());
		expect(result.status).toBe('success');
		const [first, second] = requestsTo(sim, 'GET', `${V1P1}/orgs`).map((request) => /oauth_nonce="([^"]+)"/.exec(String(request.headers.authorization))![1]);
		expect(first).not.toBe(second);
	});

	it('gradebook over 1.1: line items of a class and a result PUT under /ims/oneroster/v1p1', async () => {
		const values = sampleIds(sim).result;
		const lineItems = await runOneRoster(sim, { resource: 'lineItem', operation: 'getForClass', classSourcedId: locator(values.classSourcedId), returnAll: true }, oauth1());
		expect(lineItems.json(NODE_NAME).length).toBe(2);
		expect(requestsTo(sim, 'GET', `${V1P1}/classes/${values.classSourcedId}/lineItems`)).toHaveLength(1);
		const put = await runOneRoster(
			sim,
			{ resource: 'result', operation: 'upsert', sourcedId: 'v11-result', inputMode: 'json', record: JSON.stringify({ lineItem: values.lineItemSourcedId, student: values.studentSourcedId, scoreStatus: 'submitted', scoreDate: '2026-10-05' }) },
			oauth1(),
		);
		expect(put.status).toBe('success');
		const [sent] = requestsTo(sim, 'PUT', `${V1P1}/results/v11-result`);
		expect((sent.body as { result: { lineItem: { href: string } } }).result.lineItem.href).toBe(`${sim.v1p1Url}/lineItems/${values.lineItemSourcedId}`);
		expect(sim.state.get('results', 'v11-result')?.scoreStatus).toBe('submitted');
	});

	it('1.2-only endpoints are refused under 1.1 before any request', async () => {
		const values = sampleIds(sim).result;
		const result = await runOneRoster(sim, { resource: 'result', operation: 'createForLineItem', lineItemSourcedId: values.lineItemSourcedId, inputMode: 'json', records: '[]' }, oauth1());
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/not part of OneRoster 1.1/);
		const scales = await runOneRoster(sim, { resource: 'scoreScale', operation: 'getAll', returnAll: true }, oauth1());
		expect(scales.nodeError(NODE_NAME)?.message).toMatch(/not part of OneRoster 1.1/);
		expect(sim.requests).toHaveLength(0);
	});

	it('Test button with OAuth 1.0a: no token step, one signed org read; a wrong secret names the step and not the secret', async () => {
		const test = async (data: Record<string, unknown>) =>
			await testCredential({ nodeType: NODE_TYPE, credentialType: 'oneRosterApi', data: { ...credentialsFor(sim).oneRosterApi, ...oauth1(data).credentials } });
		expect(await test({})).toMatchObject({ status: 'OK', message: 'Connection successful: signed request accepted and one org read' });
		expect(requestsTo(sim, 'GET', `${V1P1}/orgs`)[0].query).toEqual({ limit: ['1'] });
		const wrong = await test({ consumerSecret: 'bad-secret-7781' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/reading one org .*v1p1\/orgs.*401/);
		expect(wrong.message).not.toContain('bad-secret-7781');
	});

	it('OAuth 1.0a over 1.2 paths works too (version and authentication are chosen apart)', async () => {
		const result = await runOneRoster(sim, { resource: 'resource', operation: 'getAll', returnAll: true }, oauth1({ version: '1.2' }));
		expect(result.json(NODE_NAME)).toHaveLength(3);
		expect(requestsTo(sim, 'GET', '/ims/oneroster/resources/v1p2/resources')).toHaveLength(1);
	});
});

describe('OneRoster simulator › OAuth 1.0a verification (vendor-style 401s)', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());

	const call = async (url: string, authorization: string) => {
		const response = await undiciRequest(url, { headers: { authorization } });
		return { status: response.statusCode, body: (await response.body.json()) as { statusInfoSet?: Array<{ imsx_description: string; imsx_codeMajor: string }> } };
	};
	const config = { consumerKey: DEFAULT_CONSUMER_KEY, consumerSecret: DEFAULT_CONSUMER_SECRET, signatureMethod: 'HMAC-SHA256' as const };

	it('accepts a good signature once; the same nonce again is refused', async () => {
		const url = `${sim.v1p1Url}/orgs?limit=1&offset=0`;
		const signed = signOAuth1(config, { method: 'GET', url, nonce: 'fixed-nonce-1' });
		expect((await call(url, signed.header)).status).toBe(200);
		const again = await call(url, signOAuth1(config, { method: 'GET', url, nonce: 'fixed-nonce-1' }).header);
		expect(again.status).toBe(401);
		expect(again.body.statusInfoSet?.[0]).toEqual(expect.objectContaining({ imsx_codeMajor: 'failure', imsx_description: 'Nonce already used' }));
	});

	it('refuses a stale timestamp, a changed query and an unknown consumer', async () => {
		const url = `${sim.v1p1Url}/orgs?limit=1`;
		const stale = signOAuth1(config, { method: 'GET', url, timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
		expect((await call(url, stale.header)).body.statusInfoSet?.[0].imsx_description).toBe('Timestamp outside the allowed window');
		const tampered = signOAuth1(config, { method: 'GET', url });
		expect((await call(`${url}0`, tampered.header)).body.statusInfoSet?.[0].imsx_description).toBe('Invalid signature');
		const stranger = signOAuth1({ ...config, consumerKey: 'nobody' }, { method: 'GET', url });
		expect((await call(url, stranger.header)).body.statusInfoSet?.[0].imsx_description).toBe('Unknown consumer key');
	});
});
