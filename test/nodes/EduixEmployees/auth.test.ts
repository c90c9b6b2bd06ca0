import type { IDataObject } from 'n8n-workflow';
import { constants, generateKeyPairSync, verify, X509Certificate } from 'node:crypto';

import { leaksSecret } from '../../harness';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SCOPES, type EduixSimulator } from '../../simulators/eduix';
import { apiRequests, assertionOf, clearTokens, keys, NODE_NAME, PO_SCHOOL, runEduix, startSimulator, tokenRequests } from './setup';

const list = { operation: 'getAll', orgMasterId: PO_SCHOOL, returnAll: false, limit: 1 };

describe('Edu-iX Employees › authentication', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		clearTokens();
		sim.clearRequests();
		sim.faults.clear();
		sim.setReadings({ assertionKey: 'kid', audience: 'tokenUrl' });
	});

	it('signs a private_key_jwt assertion the token endpoint verifies: RS256, kid, iss = sub = client, aud, exp, jti', async () => {
		const result = await runEduix(sim, list);
		expect(result.status).toBe('success');
		const [request] = tokenRequests(sim);
		const form = Object.fromEntries(new URLSearchParams(String(request.body)));
		expect(form).toMatchObject({
			grant_type: 'client_credentials',
			client_id: DEFAULT_CLIENT_ID,
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			scope: SCOPES.join(' '),
		});
		expect(form).not.toHaveProperty('client_secret');
		const { header, claims, jwt } = assertionOf(request);
		expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'demo-key-1' });
		expect(claims).toMatchObject({ iss: DEFAULT_CLIENT_ID, sub: DEFAULT_CLIENT_ID, aud: sim.tokenUrl, jti: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect((claims.exp as number) - (claims.iat as number)).toBe(300);
		const [h, c, s] = jwt.split('.');
		const publicKey = new X509Certificate(keys.certificate).publicKey;
		expect(verify('sha256', Buffer.from(`${h}.${c}`), { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(s, 'base64url'))).toBe(true);
		expect(leaksSecret([result.logs, result.run], keys.privateKey)).toBe(false);
	});

	it('reuses the token, and after it expires (401 without body) fetches one new token and repeats the call once', async () => {
		await runEduix(sim, list);
		await runEduix(sim, list);
		expect(tokenRequests(sim)).toHaveLength(1);
		sim.state.expireTokens();
		const result = await runEduix(sim, list);
		expect(result.status).toBe('success');
		expect(tokenRequests(sim)).toHaveLength(2);
		expect(apiRequests(sim)).toHaveLength(4);
		// Every assertion had its own jti.
		expect(new Set(tokenRequests(sim).map((request) => assertionOf(request).claims.jti)).size).toBe(2);
	});

	it('explains a 401 without body that stays after one refresh (the new token refused on its first use blames the credential)', async () => {
		expect((await runEduix(sim, list)).status).toBe('success');
		sim.clearRequests();
		sim.faults.add({ match: { path: /^\/v1\// }, times: 2, fault: { kind: 'status', status: 401, body: '' } });
		const result = await runEduix(sim, list);
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('Edu-iX refused the request (HTTP 401)');
		expect(error.description).toMatch(/refused the access token without saying why, on the first use of a token issued just now\. Check Client ID/);
		expect(tokenRequests(sim)).toHaveLength(1);
		expect(apiRequests(sim)).toHaveLength(2);
	});

	it('sends the certificate chain as x5c; a source that finds the key by x5c accepts it (reading x5c)', async () => {
		sim.setReadings({ assertionKey: 'x5c' });
		const result = await runEduix(sim, list, { credentials: { kid: '', certificateChain: keys.chain } });
		expect(result.status).toBe('success');
		const { header } = assertionOf(tokenRequests(sim)[0]);
		expect(header.kid).toBeUndefined();
		expect(header.x5c).toHaveLength(2);
		expect(new X509Certificate(Buffer.from((header.x5c as string[])[0], 'base64')).subject).toContain('test client');
	});

	it('accepts key and chain pasted into the editor\'s single-line password fields (line breaks lost)', async () => {
		sim.setReadings({ assertionKey: 'x5c' });
		const oneLine = (pem: string) => pem.replace(/\r?\n/g, '');
		const result = await runEduix(sim, list, { credentials: { kid: '', privateKey: oneLine(keys.privateKey), certificateChain: oneLine(keys.chain) } });
		expect(result.status).toBe('success');
		expect(assertionOf(tokenRequests(sim)[0]).header.x5c).toHaveLength(2);
		expect(leaksSecret([result.logs, result.run], oneLine(keys.privateKey))).toBe(false);
	});

	it('reports the token endpoint\'s refusal readably: no kid where the source needs one (reading kid)', async () => {
		const result = await runEduix(sim, list, { credentials: { kid: '', certificateChain: keys.chain } });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('Edu-iX token endpoint refused the client (HTTP 401): invalid_client (no registered key with kid "")');
		expect(error.description).toMatch(/JWKS, Key ID/);
		expect(apiRequests(sim)).toHaveLength(0);
	});

	it('uses the Assertion Audience when the source wants its issuer as aud (reading issuer)', async () => {
		sim.setReadings({ audience: 'issuer' });
		const refused = await runEduix(sim, list);
		expect(refused.nodeError(NODE_NAME)?.message).toContain(`aud must be ${sim.url}`);
		const result = await runEduix(sim, list, { credentials: { audience: sim.url } });
		expect(result.status).toBe('success');
		expect(assertionOf(tokenRequests(sim).at(-1)!).claims.aud).toBe(sim.url);
	});

	it('signs PS256 with the RSA key and ES256 with an EC P-256 key', async () => {
		expect((await runEduix(sim, list, { credentials: { algorithm: 'PS256' } })).status).toBe('success');
		expect(assertionOf(tokenRequests(sim)[0]).header.alg).toBe('PS256');
		const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		sim.state.clients.get(DEFAULT_CLIENT_ID)!.keys.push({ kid: 'ec-1', publicKey: ec.publicKey });
		const privateKey = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		expect((await runEduix(sim, list, { credentials: { algorithm: 'ES256', kid: 'ec-1', privateKey } })).status).toBe('success');
		expect(assertionOf(tokenRequests(sim)[1]).header).toMatchObject({ alg: 'ES256', kid: 'ec-1' });
	});

	it('refuses a key that does not fit the algorithm without quoting the key', async () => {
		const result = await runEduix(sim, list, { credentials: { algorithm: 'ES256' } });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('The client assertion could not be signed: ES256 needs an EC P-256 private key, got rsa');
		expect(leaksSecret([result.logs, result.run, error], keys.privateKey)).toBe(false);
		expect(tokenRequests(sim)).toHaveLength(0);
	});

	it('authenticates with a client secret, as Basic header or in the form body', async () => {
		for (const clientAuthMethod of ['basic', 'body']) {
			clearTokens();
			sim.clearRequests();
			const result = await runEduix(sim, list, { credentials: { authentication: 'clientSecret', clientSecret: DEFAULT_CLIENT_SECRET, clientAuthMethod } });
			expect(result.status).toBe('success');
			const [request] = tokenRequests(sim);
			const form = Object.fromEntries(new URLSearchParams(String(request.body)));
			if (clientAuthMethod === 'basic') expect(request.headers.authorization).toMatch(/^Basic /);
			else expect(form.client_secret).toBe(DEFAULT_CLIENT_SECRET);
			expect(form).not.toHaveProperty('client_assertion');
			expect(leaksSecret([result.logs, result.run], DEFAULT_CLIENT_SECRET)).toBe(false);
		}
	});

	it('sends a static bearer token, and explains when the source refuses it', async () => {
		const token = sim.state.issueToken(DEFAULT_CLIENT_ID, [...SCOPES]);
		const ok = await runEduix(sim, list, { credentials: { authentication: 'bearerToken', bearerToken: token } });
		expect(ok.status).toBe('success');
		expect(apiRequests(sim)[0].headers.authorization).toBe(`Bearer ${token}`);
		expect(tokenRequests(sim)).toHaveLength(0);
		sim.state.expireTokens();
		const refused = await runEduix(sim, list, { credentials: { authentication: 'bearerToken', bearerToken: token } });
		expect(refused.nodeError(NODE_NAME)?.message).toBe('Edu-iX refused the Bearer Token (HTTP 401)');
		expect(leaksSecret([ok.logs, ok.run, refused.logs, refused.run], token)).toBe(false);
	});

	it('sends API-Version only when set; a major version the source does not serve gives 0012', async () => {
		expect((await runEduix(sim, list, { credentials: { apiVersion: '1.1.0' } })).status).toBe('success');
		expect(apiRequests(sim)[0].headers['api-version']).toBe('1.1.0');
		const result = await runEduix(sim, list, { credentials: { apiVersion: '2.0.0' } });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toContain('Edu-V 0012 Version not supported');
		expect(error.description).toContain('The source answered with API-Version 1.1.0');
	});

	it('refuses credential mistakes before any request, naming the field', async () => {
		const cases: Array<[IDataObject, RegExp]> = [
			[{ baseUrl: sim.url }, /must end with the API's major version, such as \/v1/],
			[{ baseUrl: 'vendor.example/v1' }, /Base URL "vendor.example\/v1" is not a valid URL/],
			[{ tokenUrl: '' }, /no Token URL/],
			[{ clientId: '' }, /no Client ID/],
			[{ privateKey: '' }, /no Private Key/],
			[{ certificateChain: 'not a certificate' }, /Certificate Chain is not usable/],
			[{ tlsCertificate: keys.certificate }, /needs both the certificate and its key/],
			[{ authentication: 'clientSecret' }, /no Client Secret/],
			[{ authentication: 'bearerToken' }, /no Bearer Token/],
		];
		for (const [credentials, message] of cases) {
			const result = await runEduix(sim, list, { credentials });
			expect(result.nodeError(NODE_NAME)?.message).toMatch(message);
		}
		expect(sim.requests).toHaveLength(0);
	});
});
