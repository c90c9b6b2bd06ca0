import { X509Certificate } from 'node:crypto';

import { SecretSet, TransportError } from '../../../nodes/shared/errors';
import {
	buildUrl,
	closeAllPools,
	createHttpClient,
	httpRequest,
	openPoolCount,
	poolKey,
	tlsFingerprint,
	type HttpRequest,
} from '../../../nodes/shared/http';
import { backoffDelay, parseRetryAfter, planRetry, resolveRetryPolicy } from '../../../nodes/shared/retry';
import { createTestPki, opensslAvailable, type TestPki } from './certs';
import { LocalServer, sendJson } from './localServer';

const fast = { baseDelayMs: 1, maxDelayMs: 5, maxTotalWaitMs: 1_000 };
const SECRET = 'sk_live_Very$ecret/Key+42';

function undiciLoaded(): boolean {
	return Object.keys(require.cache).some((path) => /[\\/]node_modules[\\/]undici[\\/]/.test(path));
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof TransportError) return error;
		throw error;
	}
	throw new Error('expected the request to fail');
}

/** Everything an error could show: message, stack and every own field. */
function everythingIn(error: Error): string {
	return [error.message, error.stack, JSON.stringify({ ...error })].join('\n');
}

let server: LocalServer;

beforeAll(async () => {
	server = await LocalServer.start();
});

afterAll(async () => {
	await closeAllPools();
	await server.close();
});

describe('loading', () => {
	it('does not load undici when http.ts is required, only on the first request', async () => {
		expect(undiciLoaded()).toBe(false);
		server.reset((_request, response) => sendJson(response, 200, { ok: true }));
		await httpRequest({ method: 'GET', url: server.url, idempotent: true });
		expect(undiciLoaded()).toBe(true);
	});
});

describe('requests and answers', () => {
	it('builds queries: repeated keys, comma lists, null and undefined left out, existing query kept', () => {
		const query = { a: ['x', 'y z'], b: 1, c: undefined, d: null, e: true, f: [] };
		expect(buildUrl('https://h.test/p?k=1', query).search).toBe('?k=1&a=x&a=y%20z&b=1&e=true');
		expect(buildUrl('https://h.test/p', { a: ['x,1', 'y'] }, 'comma').search).toBe('?a=x%2C1,y');
	});

	it('sends JSON with a content type and decodes the JSON answer', async () => {
		server.reset((_request, response) => sendJson(response, 201, { id: 7 }, { 'x-request-id': 'r-1' }));
		const response = await httpRequest<{ id: number }>({
			method: 'POST',
			url: `${server.url}/users`,
			query: { organisation: 'org 1', tag: ['a', 'b'] },
			json: { name: 'Ada' },
			idempotent: false,
		});
		expect(response).toMatchObject({ status: 201, data: { id: 7 }, attempts: 1 });
		expect(response.headers['x-request-id']).toBe('r-1');
		expect(response.rawBody).toBeUndefined();
		const [received] = server.received;
		expect(received.url).toBe('/users?organisation=org%201&tag=a&tag=b');
		expect(received.headers['content-type']).toBe('application/json');
		expect(JSON.parse(received.body)).toEqual({ name: 'Ada' });
	});

	it('gives undefined for an empty 2xx body and for 204', async () => {
		server.reset((request, response) => {
			response.writeHead(request.url === '/none' ? 204 : 200);
			response.end();
		});
		expect((await httpRequest({ method: 'DELETE', url: `${server.url}/none`, idempotent: true })).data).toBeUndefined();
		expect((await httpRequest({ method: 'GET', url: `${server.url}/empty`, idempotent: true })).data).toBeUndefined();
		const strict = await failure(httpRequest({ method: 'GET', url: `${server.url}/empty`, idempotent: true, expect: 'json' }));
		expect(strict.kind).toBe('decode');
	});

	it('returns text, or a buffer with rawBody', async () => {
		server.reset((_request, response) => response.end('<xml/>'));
		const text = await httpRequest({ method: 'GET', url: server.url, idempotent: true, expect: 'text' });
		expect(text.data).toBe('<xml/>');
		expect(text.rawBody).toBeUndefined();
		const buffer = await httpRequest({ method: 'GET', url: server.url, idempotent: true, expect: 'buffer' });
		expect(Buffer.isBuffer(buffer.data)).toBe(true);
		expect(buffer.rawBody?.toString()).toBe('<xml/>');
	});

	it('gives beforeRequest a fresh copy per attempt and leaves the caller\'s request alone', async () => {
		let calls = 0;
		server.reset((_request, response) => (++calls === 1 ? sendJson(response, 503, {}) : sendJson(response, 200, {})));
		const request: HttpRequest = { method: 'GET', url: server.url, headers: { a: '1' }, idempotent: true, retry: fast };
		const seen: Array<[number, string | undefined]> = [];
		await httpRequest(request, {
			hooks: {
				beforeRequest: (attemptRequest, attempt) => {
					seen.push([attempt, attemptRequest.headers?.authorization]);
					attemptRequest.headers = { ...attemptRequest.headers, authorization: `token-${attempt}` };
				},
			},
		});
		expect(seen).toEqual([
			[1, undefined],
			[2, undefined],
		]);
		expect(server.received.map((received) => received.headers.authorization)).toEqual(['token-1', 'token-2']);
		expect(request.headers).toEqual({ a: '1' });
	});

	it('caps the size of an answer', async () => {
		server.reset((_request, response) => response.end('x'.repeat(5000)));
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, maxResponseBytes: 1000 }));
		expect(error.kind).toBe('decode');
		expect(error.message).toContain('more than 1000 bytes');
	});
});

describe('failures', () => {
	it('turns a non-2xx answer into an http TransportError with redacted body, safe headers and mapError applied', async () => {
		server.reset((_request, response) =>
			sendJson(response, 404, { userMessage: `No user (key ${SECRET})`, errorCode: 'E-404' }, { 'set-cookie': 'session=abc', 'x-request-id': 'r-9' }),
		);
		const secrets = new SecretSet().add(SECRET);
		const error = await failure(
			httpRequest(
				{ method: 'GET', url: `${server.url}/users/1`, query: { key: SECRET }, headers: { 'api-key': SECRET }, idempotent: true },
				{
					secrets,
					hooks: {
						mapError: (mapped) => {
							const body = mapped.body as { userMessage: string; errorCode: string };
							mapped.platformMessage = body.userMessage;
							mapped.platformCode = body.errorCode;
							return mapped;
						},
					},
				},
			),
		);
		expect(error).toMatchObject({ kind: 'http', status: 404, method: 'GET', attempts: 1, platformCode: 'E-404' });
		expect(error.platformMessage).toBe('No user (key [redacted])');
		expect(error.url).toBe(`${server.url}/users/1?key=[redacted]`);
		expect(error.headers).toEqual(expect.objectContaining({ 'x-request-id': 'r-9', 'content-type': 'application/json' }));
		expect(error.headers).not.toHaveProperty('set-cookie');
		expect(everythingIn(error)).not.toContain(SECRET);
		expect(everythingIn(error)).not.toContain(encodeURIComponent(SECRET));
		expect(everythingIn(error)).not.toContain('api-key');
	});

	it('keeps a short redacted snippet of a non-JSON error body', async () => {
		server.reset((_request, response) => {
			response.writeHead(400, { 'content-type': 'text/html' });
			response.end(`<html>bad ${SECRET} ${'y'.repeat(1000)}</html>`);
		});
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true }, { secrets: new SecretSet().add(SECRET) }));
		expect(error.body).toBeUndefined();
		expect(error.bodySnippet?.length).toBeLessThanOrEqual(500);
		expect(error.bodySnippet).toContain('<html>bad [redacted]');
	});

	it('reports a malformed JSON 2xx body as decode with the byte count, and does not retry it', async () => {
		server.reset((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"users": [{"id": 1, "token": "' + SECRET + '"');
		});
		const error = await failure(
			httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: fast }, { secrets: new SecretSet().add(SECRET) }),
		);
		expect(error.kind).toBe('decode');
		expect(error.message).toMatch(/malformed or truncated JSON \(\d+ bytes\)/);
		expect(error.message).not.toContain('users');
		expect(everythingIn(error)).not.toContain(SECRET);
		expect(server.received).toHaveLength(1);
	});

	it('reports a body cut off before its content-length as network, and retries it when idempotent', async () => {
		let calls = 0;
		server.reset((_request, response) => {
			if (++calls === 1) {
				response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
				response.write('{"partial": ');
				setImmediate(() => response.socket?.destroy());
				return;
			}
			sendJson(response, 200, { whole: true });
		});
		const response = await httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: fast });
		expect(response).toMatchObject({ data: { whole: true }, attempts: 2 });

		calls = 0;
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: false, retry: fast }));
		expect(error.kind).toBe('network');
		expect(error.attempts).toBe(1);
	});

	it('reports a reset connection as network', async () => {
		server.reset((_request, response) => response.socket?.destroy());
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: { ...fast, maxAttempts: 2 } }));
		expect(error.kind).toBe('network');
		expect(error.code).toBeDefined();
		expect(error.attempts).toBe(2);
	});

	it('reports a refused connection as network', async () => {
		const closed = await LocalServer.start();
		const url = closed.url;
		await closed.close();
		const error = await failure(httpRequest({ method: 'GET', url, idempotent: true, retry: { ...fast, maxAttempts: 2 } }));
		expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', attempts: 2 });
	});

	it('reports a missing answer as timeout (headers) and a stalled body as timeout (body)', async () => {
		server.reset(() => undefined);
		const headers = await failure(
			httpRequest({ method: 'GET', url: server.url, idempotent: true, timeouts: { headersMs: 50 }, retry: { maxAttempts: 1 } }),
		);
		expect(headers).toMatchObject({ kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' });

		server.reset((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.write('[');
		});
		const body = await failure(
			httpRequest({ method: 'GET', url: `${server.url}/b`, idempotent: true, timeouts: { bodyMs: 50 }, retry: { maxAttempts: 1 } }),
		);
		expect(body).toMatchObject({ kind: 'timeout', code: 'UND_ERR_BODY_TIMEOUT' });
	});

	it('reports a cancelled request as aborted and never retries it', async () => {
		server.reset(() => undefined);
		const controller = new AbortController();
		const pending = failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, signal: controller.signal, retry: fast }));
		setImmediate(() => controller.abort());
		const error = await pending;
		expect(error).toMatchObject({ kind: 'aborted', attempts: 1 });

		const already = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, signal: AbortSignal.abort() }));
		expect(already.kind).toBe('aborted');
	});

	it('stops waiting to retry when cancelled', async () => {
		server.reset((_request, response) => sendJson(response, 503, {}));
		const controller = new AbortController();
		const error = await failure(
			httpRequest(
				{ method: 'GET', url: server.url, idempotent: true, signal: controller.signal, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxTotalWaitMs: 120_000 } },
				{ hooks: { onRetry: () => setImmediate(() => controller.abort()) } },
			),
		);
		expect(error).toMatchObject({ kind: 'aborted', attempts: 1 });
	});
});

describe('the retry contract', () => {
	it('retries an idempotent read on 502, 503, 504 and 429 and records attempts', async () => {
		const statuses = [502, 503, 504, 429];
		server.reset((_request, response) => {
			const status = statuses.shift();
			if (status) sendJson(response, status, {});
			else sendJson(response, 200, { ok: true });
		});
		const retries: number[] = [];
		const response = await httpRequest(
			{ method: 'GET', url: server.url, idempotent: true, retry: { ...fast, maxAttempts: 5 } },
			{ hooks: { onRetry: (info) => retries.push(info.attempt) } },
		);
		expect(response.attempts).toBe(5);
		expect(retries).toEqual([1, 2, 3, 4]);
	});

	it('never retries 500', async () => {
		server.reset((_request, response) => sendJson(response, 500, {}));
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: fast }));
		expect(error).toMatchObject({ status: 500, attempts: 1 });
		expect(server.received).toHaveLength(1);
	});

	it('never retries a request that is not idempotent, whatever its method', async () => {
		server.reset((_request, response) => sendJson(response, 503, {}));
		for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
			const error = await failure(httpRequest({ method, url: server.url, idempotent: false, retry: fast }));
			expect(error.attempts).toBe(1);
		}
		expect(server.received).toHaveLength(4);
	});

	it('retries a POST marked idempotent (a SOAP read, a lookup)', async () => {
		let calls = 0;
		server.reset((_request, response) => (++calls < 3 ? sendJson(response, 503, {}) : sendJson(response, 200, { found: 1 })));
		const response = await httpRequest({ method: 'POST', url: server.url, body: '<read/>', idempotent: true, expect: 'text', retry: fast });
		expect(response.attempts).toBe(3);
		expect(server.received.map((received) => received.body)).toEqual(['<read/>', '<read/>', '<read/>']);
	});

	it('stops after maxAttempts', async () => {
		server.reset((_request, response) => sendJson(response, 503, {}));
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: { ...fast, maxAttempts: 3 } }));
		expect(error.attempts).toBe(3);
		expect(server.received).toHaveLength(3);
	});

	it('honours Retry-After, and fails fast with a clear message when it exceeds the wait budget', async () => {
		let calls = 0;
		server.reset((_request, response) => (++calls === 1 ? sendJson(response, 429, {}, { 'retry-after': '0' }) : sendJson(response, 200, {})));
		const delays: number[] = [];
		await httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: fast }, { hooks: { onRetry: (info) => delays.push(info.delayMs) } });
		expect(delays).toEqual([0]);

		server.reset((_request, response) => sendJson(response, 429, {}, { 'retry-after': '120' }));
		const error = await failure(httpRequest({ method: 'GET', url: server.url, idempotent: true, retry: { maxTotalWaitMs: 30_000 } }));
		expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, attempts: 1 });
		expect(error.message).toContain('asked to wait 120 s (Retry-After)');
		expect(server.received).toHaveLength(1);
	});

	it('is shared by createHttpClient, per-request settings winning', async () => {
		server.reset((_request, response) => sendJson(response, 503, {}));
		const client = createHttpClient({ retry: { ...fast, maxAttempts: 2 } });
		expect((await failure(client.request({ method: 'GET', url: server.url, idempotent: true }))).attempts).toBe(2);
		expect((await failure(client.request({ method: 'GET', url: server.url, idempotent: true, retry: { maxAttempts: 3 } }))).attempts).toBe(3);
	});
});

describe('retry helpers', () => {
	const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000, maxTotalWaitMs: 1_500 });
	const unavailable = (retryAfterMs?: number) =>
		new TransportError({ kind: 'http', status: 503, message: 'm', method: 'GET', url: 'u', retryAfterMs });

	it('reads Retry-After as seconds or an HTTP-date', () => {
		const now = Date.parse('2025-01-01T00:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter('-1', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with full jitter, capped per delay', () => {
		expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(policy, retry, () => 0.999_999))).toEqual([99, 199, 399, 799, 999]);
		expect(backoffDelay(policy, 3, () => 0)).toBe(0);
	});

	it('keeps all waiting within the total budget', () => {
		expect(planRetry(unavailable(), { idempotent: true, attempt: 1, waitedMs: 1_450, policy })).toEqual({ retry: true, delayMs: expect.any(Number) });
		const clamped = planRetry(unavailable(), { idempotent: true, attempt: 4, waitedMs: 1_450, policy: { ...policy, maxAttempts: 9 } });
		expect(clamped.retry && clamped.delayMs).toBeLessThanOrEqual(50);
		expect(planRetry(unavailable(), { idempotent: true, attempt: 2, waitedMs: 1_500, policy })).toEqual({ retry: false });
		expect(planRetry(unavailable(1_000), { idempotent: true, attempt: 1, waitedMs: 0, policy })).toEqual({ retry: true, delayMs: 1_000 });
		expect(planRetry(unavailable(1_000), { idempotent: true, attempt: 1, waitedMs: 600, policy })).toMatchObject({ retry: false, reason: expect.stringContaining('Retry-After') });
		expect(planRetry(unavailable(), { idempotent: false, attempt: 1, waitedMs: 0, policy })).toMatchObject({ retry: false, reason: expect.stringContaining('changes data') });
	});
});

describe('secrets in logs', () => {
	it('redacts every log line', async () => {
		server.reset((_request, response) => sendJson(response, 503, { echo: SECRET }));
		const lines: string[] = [];
		const logger = { debug: (message: string, meta?: object) => lines.push(message + JSON.stringify(meta ?? {})) };
		await failure(
			httpRequest(
				{ method: 'GET', url: `${server.url}/?token=${encodeURIComponent(SECRET)}`, idempotent: true, retry: { ...fast, maxAttempts: 2 } },
				{ logger, secrets: new SecretSet().add(SECRET) },
			),
		);
		expect(lines.length).toBeGreaterThanOrEqual(2);
		for (const line of lines) {
			expect(line).not.toContain(SECRET);
			expect(line).not.toContain(encodeURIComponent(SECRET));
		}
	});
});

describe('pooling', () => {
	it('reuses one keep-alive connection for sequential requests to an origin', async () => {
		const own = await LocalServer.start();
		own.reset((_request, response) => sendJson(response, 200, {}));
		try {
			for (let i = 0; i < 6; i++) await httpRequest({ method: 'GET', url: `${own.url}/${i}`, idempotent: true });
			expect(own.received).toHaveLength(6);
			// undici frees a connection a tick after its body ends, so back-to-back requests may alternate
			// between two kept-alive sockets; without pooling there would be six.
			expect(new Set(own.received.map((received) => received.socketPort)).size).toBeLessThanOrEqual(2);
		} finally {
			await own.close();
		}
	});

	it('keys pools by origin and a hash of the TLS identity, never by the key material', () => {
		const a = { cert: 'CERT-A', key: '-----BEGIN PRIVATE KEY-----secret-a', passphrase: 'pass-a' };
		const b = { cert: 'CERT-B', key: '-----BEGIN PRIVATE KEY-----secret-b' };
		const keyA = poolKey('https://h.test', a, 10_000);
		expect(keyA).not.toBe(poolKey('https://h.test', b, 10_000));
		expect(keyA).toBe(poolKey('https://h.test', { ...a }, 10_000));
		expect(keyA).not.toBe(poolKey('https://h.test', { ...a, rejectUnauthorized: false }, 10_000));
		expect(keyA).not.toContain('secret-a');
		expect(keyA).not.toContain('pass-a');
		expect(keyA).toContain(tlsFingerprint(a));
	});

	it('closes all pools', async () => {
		server.reset((_request, response) => sendJson(response, 200, {}));
		await httpRequest({ method: 'GET', url: server.url, idempotent: true });
		expect(openPoolCount()).toBeGreaterThan(0);
		await closeAllPools();
		expect(openPoolCount()).toBe(0);
		await httpRequest({ method: 'GET', url: server.url, idempotent: true });
	});
});

const describeTls = opensslAvailable() ? describe : describe.skip;

describeTls('TLS client identities (certificates made with the openssl CLI)', () => {
	let pki: TestPki;
	let tlsServer: LocalServer;
	const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

	beforeAll(async () => {
		pki = createTestPki();
		tlsServer = await LocalServer.start({ ...pki.server, ca: pki.ca, requestCert: true, rejectUnauthorized: true });
		tlsServer.reset((request, response) => sendJson(response, 200, { cert: request.clientCert }));
	});

	afterAll(async () => {
		await closeAllPools();
		await tlsServer.close();
	});

	it('never lets two client certificates share a connection, and reuses each one\'s own', async () => {
		const identityA = { ca: pki.ca, ...pki.clientA };
		const identityB = { ca: pki.ca, ...pki.clientB };
		const rounds = 4;
		for (let i = 0; i < rounds; i++) {
			await httpRequest({ method: 'GET', url: tlsServer.url, idempotent: true, tls: identityA });
			await httpRequest({ method: 'GET', url: tlsServer.url, idempotent: true, tls: identityB });
		}
		const asA = tlsServer.received.filter((_received, index) => index % 2 === 0);
		const asB = tlsServer.received.filter((_received, index) => index % 2 === 1);
		expect(new Set(asA.map((received) => received.clientCert))).toEqual(new Set([fingerprint(pki.clientA.cert)]));
		expect(new Set(asB.map((received) => received.clientCert))).toEqual(new Set([fingerprint(pki.clientB.cert)]));
		const portsA = new Set(asA.map((received) => received.socketPort));
		const portsB = new Set(asB.map((received) => received.socketPort));
		expect([...portsA].filter((port) => portsB.has(port))).toEqual([]);
		expect(portsA.size).toBeLessThan(rounds);
		expect(portsB.size).toBeLessThan(rounds);
	});

	it('fails without retrying when the server certificate is not trusted', async () => {
		const error = await failure(httpRequest({ method: 'GET', url: tlsServer.url, idempotent: true, tls: { ...pki.clientA }, retry: fast }));
		expect(error.kind).toBe('network');
		expect(error.attempts).toBe(1);
		expect(everythingIn(error)).not.toContain('PRIVATE KEY');
	});

	it('is refused by a server that requires a client certificate when none is given', async () => {
		const error = await failure(httpRequest({ method: 'GET', url: tlsServer.url, idempotent: true, tls: { ca: pki.ca }, retry: { maxAttempts: 1 } }));
		expect(error.kind).toBe('network');
	});
});
