import { constants, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';

import { NodeApiError } from 'n8n-workflow';

import { SecretSet, TransportError } from '../../../nodes/shared/errors';
import { closeAllPools } from '../../../nodes/shared/http';
import {
	authorizationHeader,
	clearTokenCache,
	clientAssertionClaims,
	getAccessToken,
	signJwt,
	tokenCacheKey,
	type ClientCredentialsConfig,
	type JwtAlgorithm,
} from '../../../nodes/shared/oauth2';
import { ClientKit, TokenSession } from '../../../nodes/shared/kit';
import { LocalServer, sendJson, type ReceivedRequest } from './localServer';

const SECRET = 'cl!ent secret/with+chars';
const fastRetry = { httpOptions: { retry: { baseDelayMs: 1, maxDelayMs: 5, maxTotalWaitMs: 1_000 } } };

let server: LocalServer;
let issued = 0;

/** A token endpoint that hands out tok-1, tok-2, … */
function tokenEndpoint(extra: Record<string, unknown> = { token_type: 'bearer', expires_in: 3600 }, delayMs = 0) {
	issued = 0;
	server.reset((_request, response) => {
		const body = { access_token: `tok-${++issued}`, ...extra };
		if (delayMs > 0) setTimeout(() => sendJson(response, 200, body), delayMs);
		else sendJson(response, 200, body);
	});
}

function config(overrides: Partial<ClientCredentialsConfig> = {}): ClientCredentialsConfig {
	return { tokenUrl: `${server.url}/oauth/token`, clientId: 'client id', clientSecret: SECRET, scopes: ['roster.read', 'gradebook.read'], clientAuth: 'basic', ...overrides };
}

function form(request: ReceivedRequest): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(request.body));
}

function keyPair(algorithm: JwtAlgorithm): { privateKeyPem: string; publicKey: KeyObject } {
	const pair = algorithm === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: pair.publicKey };
}

function verifyJwt(jwt: string, algorithm: JwtAlgorithm, publicKey: KeyObject): { header: Record<string, unknown>; claims: Record<string, unknown> } {
	const [header, claims, signature] = jwt.split('.');
	const data = Buffer.from(`${header}.${claims}`);
	const raw = Buffer.from(signature, 'base64url');
	const ok =
		algorithm === 'ES256'
			? verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)
			: verify('sha256', data, { key: publicKey, padding: algorithm === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING, saltLength: 32 }, raw);
	expect(ok).toBe(true);
	if (algorithm === 'ES256') expect(raw).toHaveLength(64);
	return { header: JSON.parse(Buffer.from(header, 'base64url').toString()), claims: JSON.parse(Buffer.from(claims, 'base64url').toString()) };
}

async function transportFailure(promise: Promise<unknown>): Promise<TransportError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof TransportError) return error;
		throw error;
	}
	throw new Error('expected a failure');
}

beforeAll(async () => {
	server = await LocalServer.start();
});

afterAll(async () => {
	await closeAllPools();
	await server.close();
});

beforeEach(() => {
	clearTokenCache();
	jest.restoreAllMocks();
});

describe('token requests as the server receives them', () => {
	it('basic: form POST with a Basic header of the URL-encoded id and secret', async () => {
		tokenEndpoint();
		const token = await getAccessToken(config());
		expect(token).toMatchObject({ accessToken: 'tok-1', tokenType: 'bearer' });
		const [request] = server.received;
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/oauth/token');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		const expected = Buffer.from(`${encodeURIComponent('client id')}:${encodeURIComponent(SECRET)}`).toString('base64');
		expect(request.headers.authorization).toBe(`Basic ${expected}`);
		expect(form(request)).toEqual({ grant_type: 'client_credentials', scope: 'roster.read gradebook.read' });
		expect(request.body).toContain('scope=roster.read%20gradebook.read');
	});

	it('body: client_id and client_secret as form fields, no Authorization header', async () => {
		tokenEndpoint();
		await getAccessToken(config({ clientAuth: 'body', scopes: [], extraParams: { audience: 'https://api.test' } }));
		const [request] = server.received;
		expect(request.headers.authorization).toBeUndefined();
		expect(form(request)).toEqual({ grant_type: 'client_credentials', client_id: 'client id', client_secret: SECRET, audience: 'https://api.test' });
	});

	it('private_key_jwt: a fresh signed assertion per token request', async () => {
		tokenEndpoint({ token_type: 'Bearer', expires_in: 3600 });
		const { privateKeyPem, publicKey } = keyPair('RS256');
		const tokenUrl = `${server.url}/oauth/token`;
		const createAssertion = () =>
			signJwt({ privateKeyPem, algorithm: 'RS256', header: { kid: 'key-1' }, claims: clientAssertionClaims({ clientId: 'client id', audience: tokenUrl }) });
		const settings = config({ clientAuth: 'private_key_jwt', clientSecret: undefined, createAssertion, assertionKeyIdentity: privateKeyPem });
		await getAccessToken(settings);
		await getAccessToken(settings, { forceRefresh: true });
		const assertions = server.received.map((request) => {
			const fields = form(request);
			expect(request.headers.authorization).toBeUndefined();
			expect(fields).toMatchObject({
				grant_type: 'client_credentials',
				client_id: 'client id',
				client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			});
			expect(fields.client_secret).toBeUndefined();
			return verifyJwt(fields.client_assertion, 'RS256', publicKey);
		});
		expect(assertions[0].header).toEqual({ kid: 'key-1', alg: 'RS256', typ: 'JWT' });
		expect(assertions[0].claims).toMatchObject({ iss: 'client id', sub: 'client id', aud: tokenUrl });
		expect(assertions[0].claims.jti).not.toBe(assertions[1].claims.jti);
	});
});

describe('signJwt', () => {
	it.each<JwtAlgorithm>(['RS256', 'PS256', 'ES256'])('signs %s so that node:crypto verifies it', (algorithm) => {
		const { privateKeyPem, publicKey } = keyPair(algorithm);
		const claims = clientAssertionClaims({ clientId: 'c', audience: 'https://idp.test/token', lifetimeSeconds: 120 });
		const { header, claims: read } = verifyJwt(signJwt({ privateKeyPem, algorithm, header: { x5c: ['abc'] }, claims }), algorithm, publicKey);
		expect(header).toEqual({ x5c: ['abc'], alg: algorithm, typ: 'JWT' });
		expect(read).toEqual(claims);
		expect((read.exp as number) - (read.iat as number)).toBe(120);
	});

	it('rejects a key of the wrong type without showing it', () => {
		const { privateKeyPem } = keyPair('RS256');
		expect(() => signJwt({ privateKeyPem, algorithm: 'ES256', claims: {} })).toThrow('ES256 needs an EC P-256 private key, got rsa');
		try {
			signJwt({ privateKeyPem: 'not a key', algorithm: 'RS256', claims: {} });
		} catch (error) {
			expect((error as Error).message).toMatch(/could not be read/);
			expect((error as Error).message).not.toContain('not a key');
		}
	});

	it('makes assertion claims with a 300 s default lifetime and a random jti', () => {
		const a = clientAssertionClaims({ clientId: 'c', audience: 'aud' });
		const b = clientAssertionClaims({ clientId: 'c', audience: 'aud' });
		expect((a.exp as number) - (a.iat as number)).toBe(300);
		expect(a.jti).not.toBe(b.jti);
	});
});

describe('the token cache', () => {
	it('reuses a token, keyed per credential, with a key that never holds the secret', async () => {
		tokenEndpoint();
		expect((await getAccessToken(config())).accessToken).toBe('tok-1');
		expect((await getAccessToken(config())).accessToken).toBe('tok-1');
		expect((await getAccessToken(config({ scopes: ['roster.read'] }))).accessToken).toBe('tok-2');
		expect((await getAccessToken(config({ clientSecret: 'another secret' }))).accessToken).toBe('tok-3');
		expect(server.received).toHaveLength(3);
		const key = tokenCacheKey(config());
		for (const form of [SECRET, encodeURIComponent(SECRET), Buffer.from(SECRET).toString('base64')]) expect(key).not.toContain(form);
		expect(tokenCacheKey(config({ scopes: ['gradebook.read', 'roster.read'] }))).toBe(key);
		expect(tokenCacheKey(config({ clientAuth: 'body' }))).not.toBe(key);
	});

	it('refreshes 60 s before expiry, or at 10 % of a short lifetime', async () => {
		const start = Date.now();
		let offset = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => start + offset);
		tokenEndpoint({ token_type: 'bearer', expires_in: 3600 });
		await getAccessToken(config());
		offset = 3539_000;
		expect((await getAccessToken(config())).accessToken).toBe('tok-1');
		offset = 3541_000;
		expect((await getAccessToken(config())).accessToken).toBe('tok-2');

		clearTokenCache();
		offset = 0;
		tokenEndpoint({ token_type: 'bearer', expires_in: 100 });
		await getAccessToken(config());
		offset = 89_000;
		expect((await getAccessToken(config())).accessToken).toBe('tok-1');
		offset = 91_000;
		expect((await getAccessToken(config())).accessToken).toBe('tok-2');
	});

	it('shares one in-flight token request between concurrent callers', async () => {
		tokenEndpoint(undefined, 30);
		const tokens = await Promise.all(Array.from({ length: 10 }, async () => await getAccessToken(config())));
		expect(new Set(tokens.map((token) => token.accessToken))).toEqual(new Set(['tok-1']));
		expect(server.received).toHaveLength(1);
	});

	it('does not cache a failed token request, and maps the OAuth error body', async () => {
		server.reset((_request, response) => sendJson(response, 401, { error: 'invalid_client', error_description: `Client authentication failed for ${SECRET}` }));
		const secrets = new SecretSet();
		const error = await transportFailure(getAccessToken(config({ secrets }), fastRetry));
		expect(error).toMatchObject({ kind: 'http', status: 401, platformCode: 'invalid_client', attempts: 1 });
		expect(error.platformMessage).toBe('Client authentication failed for [redacted]');
		expect([error.message, error.stack, JSON.stringify({ ...error })].join()).not.toContain(SECRET);

		tokenEndpoint();
		expect((await getAccessToken(config({ secrets }))).accessToken).toBe('tok-1');
	});

	it('retries a token request on 503: a client-credentials grant is safe to repeat', async () => {
		let calls = 0;
		server.reset((_request, response) => (++calls === 1 ? sendJson(response, 503, {}) : sendJson(response, 200, { access_token: 'tok-after-retry', token_type: 'bearer', expires_in: 60 })));
		expect((await getAccessToken(config(), fastRetry)).accessToken).toBe('tok-after-retry');
		expect(server.received).toHaveLength(2);
	});

	it('fails as decode when the answer has no access_token', async () => {
		server.reset((_request, response) => sendJson(response, 200, { token_type: 'bearer' }));
		const error = await transportFailure(getAccessToken(config()));
		expect(error.kind).toBe('decode');
		expect(error.message).toContain('without an access_token');
	});

	it('registers the secret, the Basic header and the access token for redaction', async () => {
		tokenEndpoint();
		const secrets = new SecretSet();
		const token = await getAccessToken(config({ secrets }));
		const basic = server.received[0].headers.authorization ?? '';
		expect(secrets.redact(`${SECRET} | ${basic} | ${token.accessToken}`)).toBe('[redacted] | [redacted] | [redacted]');
	});
});

describe('authorizationHeader', () => {
	it('compares token_type case-insensitively', () => {
		expect(authorizationHeader({ accessToken: 'abc', tokenType: 'bearer', expiresAt: 0 })).toBe('Bearer abc');
		expect(authorizationHeader({ accessToken: 'abc', tokenType: 'BEARER', expiresAt: 0 })).toBe('Bearer abc');
		expect(authorizationHeader({ accessToken: 'abc', tokenType: 'DPoP', expiresAt: 0 })).toBe('DPoP abc');
	});
});

const KIT_NODE = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

/** The token-retry rule of one execution (kit.ts), as the transports run it. */
async function withAccessToken<T>(settings: ClientCredentialsConfig, call: (authorization: string) => Promise<T>): Promise<T> {
	return await new TokenSession(settings, new ClientKit({ node: KIT_NODE, platform: 'Test' })).run(call);
}

describe('TokenSession (the token-retry rule)', () => {
	const unauthorized = () => new TransportError({ kind: 'http', status: 401, message: 'GET https://api.test answered HTTP 401', method: 'GET', url: 'https://api.test' });

	it('on a 401 refreshes once and repeats the call once', async () => {
		tokenEndpoint();
		await getAccessToken(config());
		const seen: string[] = [];
		const result = await withAccessToken(config(), async (authorization) => {
			seen.push(authorization);
			if (seen.length === 1) throw unauthorized();
			return 'done';
		});
		expect(result).toBe('done');
		expect(seen).toEqual(['Bearer tok-1', 'Bearer tok-2']);
		expect(server.received).toHaveLength(2);
	});

	it('surfaces a 401 of a token issued for the call and refused on its first use (the credential is wrong)', async () => {
		tokenEndpoint();
		await getAccessToken(config());
		let calls = 0;
		const error = await transportFailure(
			withAccessToken(config(), async () => {
				calls++;
				throw unauthorized();
			}),
		);
		expect(error.status).toBe(401);
		expect(calls).toBe(2);
		expect(server.received).toHaveLength(2);
	});

	it('also understands a NodeApiError with httpCode 401, and passes other errors through', async () => {
		tokenEndpoint();
		const node = KIT_NODE;
		await getAccessToken(config());
		let calls = 0;
		await withAccessToken(config(), async () => {
			if (++calls === 1) throw new NodeApiError(node, { message: 'no' }, { httpCode: '401' });
			return 1;
		});
		expect(calls).toBe(2);
		await expect(withAccessToken(config(), async () => await Promise.reject(new Error('other')))).rejects.toThrow('other');
	});

	it('uses a token another caller already refreshed instead of fetching yet another', async () => {
		tokenEndpoint();
		await getAccessToken(config());
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const slow = withAccessToken(config(), async (authorization) => {
			if (authorization === 'Bearer tok-1') {
				await gate;
				throw unauthorized();
			}
			return authorization;
		});
		await getAccessToken(config(), { forceRefresh: true });
		release();
		expect(await slow).toBe('Bearer tok-2');
		expect(server.received).toHaveLength(2);
	});

	it('refreshes only once when concurrent calls are refused together', async () => {
		tokenEndpoint(undefined, 20);
		await getAccessToken(config());
		await Promise.all(
			Array.from({ length: 5 }, async () =>
				await withAccessToken(config(), async (authorization) => {
					if (authorization === 'Bearer tok-1') throw unauthorized();
					return authorization;
				}),
			),
		);
		expect(server.received).toHaveLength(2);
	});
});
