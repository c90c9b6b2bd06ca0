import { request } from 'undici';

import { simGet, simToken } from './client';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startOneRosterSimulator, type OneRosterSimulator } from './index';

const form = (body: string, headers: Record<string, string> = {}) => ({
	method: 'POST' as const,
	headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
	body,
});

describe('OneRoster simulator', () => {
	let sim: OneRosterSimulator;
	let token: string;
	beforeAll(async () => {
		sim = await startOneRosterSimulator({ users: 30 });
		token = await simToken(sim);
	});
	afterAll(async () => await sim.close());

	it('token endpoint: Basic and body client auth per switch, wrong secret, lower-case bearer, expiry', async () => {
		const basic = `Basic ${Buffer.from(`${DEFAULT_CLIENT_ID}:${DEFAULT_CLIENT_SECRET}`).toString('base64')}`;
		sim.setReadings({ clientAuth: 'basic', tokenType: 'bearer' });
		const ok = await request(sim.tokenUrl, form('grant_type=client_credentials', { authorization: basic }));
		expect(((await ok.body.json()) as { token_type: string }).token_type).toBe('bearer');
		const body = await request(sim.tokenUrl, form(`grant_type=client_credentials&client_id=${DEFAULT_CLIENT_ID}&client_secret=${DEFAULT_CLIENT_SECRET}`));
		expect(body.statusCode).toBe(401);
		await body.body.dump();
		sim.setReadings({ clientAuth: 'both', tokenType: 'Bearer' });
		const wrong = await request(sim.tokenUrl, form(`grant_type=client_credentials&client_id=${DEFAULT_CLIENT_ID}&client_secret=nope`));
		expect(wrong.statusCode).toBe(401);
		expect(await wrong.body.json()).toMatchObject({ error: 'invalid_client' });
		sim.tokens.expireAll();
		expect((await simGet(sim, '/orgs', token)).status).toBe(401);
		token = await simToken(sim);
	});

	it('filters with the standard grammar: at most two predicates, AND or OR never mixed, unknown fields refused', async () => {
		expect((await simGet(sim, `/users?filter=${encodeURIComponent("roles.role='teacher'")}`, token)).status).toBe(200);
		const three = await simGet(sim, `/users?filter=${encodeURIComponent("status='active' AND givenName~'a' AND familyName~'e'")}`, token);
		expect(three.status).toBe(400);
		const mixed = await simGet(sim, `/users?filter=${encodeURIComponent("status='active' AND givenName~'a' OR familyName~'e'")}`, token);
		expect(JSON.stringify(mixed.body)).toMatch(/invalid_filter_field/);
		sim.setReadings({ maxPredicates: 20 });
		expect((await simGet(sim, `/users?filter=${encodeURIComponent("status='active' AND givenName~'a' AND familyName~'e'")}`, token)).status).toBe(200);
		sim.setReadings({ maxPredicates: 2 });
	});

	it('pages with a silent cap and switchable X-Total-Count and Link headers', async () => {
		sim.setReadings({ pageCap: 5 });
		const page = await simGet(sim, '/users?limit=50&offset=0', token);
		expect((page.body as { users: unknown[] }).users).toHaveLength(5);
		expect(page.headers['x-total-count']).toBe('30');
		expect(String(page.headers.link)).toMatch(/rel="next"/);
		sim.setReadings({ totalCountHeader: false, linkHeader: false, pageCap: undefined });
		const bare = await simGet(sim, '/users?limit=50&offset=25', token);
		expect((bare.body as { users: unknown[] }).users).toHaveLength(5);
		expect(bare.headers['x-total-count']).toBeUndefined();
		expect(bare.headers.link).toBeUndefined();
		sim.setReadings({ totalCountHeader: true, linkHeader: true });
	});
});
