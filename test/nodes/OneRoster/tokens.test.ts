/**
 * Issue 14, points 1, 3 and 5 against the OneRoster simulator: a cached token in errors (echoRequestHeaders),
 * a token URL with a query string (tokenUrlQuery) and a token that dies before its expires_in (tokenRealUses).
 */
import { leaksSecret, testCredential } from '../../harness';
import type { OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, credentialsFor, locator, NODE_NAME, NODE_TYPE, requestsTo, runOneRoster, startSimulator } from './setup';

const issuedTokens = (sim: OneRosterSimulator) =>
	sim.requests
		.map((request) => String(request.headers.authorization ?? ''))
		.filter((header) => header.startsWith('Bearer '))
		.map((header) => header.slice('Bearer '.length));

describe('OneRoster › tokens (issue 14)', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
		sim.setReadings({ echoRequestHeaders: false, tokenUrlQuery: undefined, tokenRealUses: undefined });
	});

	it('point 1: a token reused from the cache is redacted from an error that echoes the request headers, in the node and the Test button', async () => {
		sim.setReadings({ echoRequestHeaders: true });
		const get = { resource: 'user', operation: 'get', sourcedId: locator('nobody') };
		const first = await runOneRoster(sim, get);
		const second = await runOneRoster(sim, get);
		expect(requestsTo(sim, 'POST', '/oauth/token').length).toBeLessThanOrEqual(1);
		const tested = await testCredential({ nodeType: NODE_TYPE, credentialType: 'oneRosterApi', data: { ...credentialsFor(sim).oneRosterApi, rosteringUrl: `${sim.url}/elsewhere` } });
		expect(second.nodeError(NODE_NAME)?.message).toMatch(/request headers/);
		expect(tested.message).toMatch(/^Step 2 of 2/);
		const tokens = [...new Set(issuedTokens(sim))];
		expect(tokens.length).toBeGreaterThan(0);
		for (const token of tokens) {
			for (const result of [first, second]) expect(leaksSecret([result.logs, result.run], token)).toBe(false);
			expect(tested.message).not.toContain(token);
		}
	});

	it('point 3: a Token URL with a query string is sent whole, by the node and the Test button', async () => {
		sim.setReadings({ tokenUrlQuery: { appName: 'district1' } });
		const tokenUrl = `${sim.tokenUrl}?appName=district1`;
		const result = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, { credentials: { tokenUrl, clientId: 'demo-client', scopes: 'query-kept' } });
		expect(result.status).toBe('success');
		expect(requestsTo(sim, 'POST', '/oauth/token')[0].query).toEqual({ appName: ['district1'] });
		const tested = await testCredential({ nodeType: NODE_TYPE, credentialType: 'oneRosterApi', data: { ...credentialsFor(sim).oneRosterApi, tokenUrl } });
		expect(tested).toMatchObject({ status: 'OK' });
	});

	it('point 3: a Token URL that answers 404 says to check the Token URL', async () => {
		const result = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, { credentials: { tokenUrl: `${sim.url}/oauth2/wrong`, scopes: 'not-found' } });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME);
		expect(`${error?.message} ${error?.description}`).toMatch(/check the Token URL/i);
	});

	it('point 5: a token that dies before its expires_in, with 503s between, does not abort Return All', async () => {
		sim.setReadings({ tokenRealUses: 1 });
		// The second page (offset 19: pages overlap by one record) meets a dead token (401); the new token's first answer is a 503 (the token is spent
		// by it), its retry a 401 again: the vendor sequence of the issue.
		let pageTwo = 0;
		sim.faults.add({
			match: { method: 'GET', path: `${BASE}/users`, where: (request) => request.query.offset?.[0] === '19' && ++pageTwo === 2 },
			fault: { kind: 'afterHandler', then: { kind: 'status', status: 503, retryAfter: '0' } },
		});
		const result = await runOneRoster(
			sim,
			{ resource: 'user', operation: 'getAll', returnAll: true, options: { pageSize: 20, concurrency: 1 } },
			{ credentials: { scopes: 'early-expiry' } },
		);
		expect(result.status).toBe('success');
		expect(result.json(NODE_NAME)).toHaveLength(60);
		expect(requestsTo(sim, 'POST', '/oauth/token').length).toBeLessThanOrEqual(1 + 2 * 4);
	});

	it('point 5: only a freshly issued token refused on its first use blames the credential', async () => {
		sim.setReadings({ tokenRealUses: 0 });
		const result = await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001') }, { credentials: { scopes: 'refused-at-once' } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/Client ID, Client Secret|credential/);
		expect(requestsTo(sim, 'POST', '/oauth/token')).toHaveLength(1);
	});
});
