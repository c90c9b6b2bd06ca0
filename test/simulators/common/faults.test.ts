import { request as httpRequest } from 'node:http';

import { FaultInjector } from './faults';
import { jsonResponse, startSimServer, type SimServer } from './server';

/** A raw HTTP exchange, to see exactly what arrived: status, headers, bytes, and how it ended. */
function rawGet(url: string): Promise<{ status?: number; headers?: Record<string, unknown>; bytes: number; error?: NodeJS.ErrnoException; complete: boolean }> {
	return new Promise((resolve) => {
		let bytes = 0;
		let status: number | undefined;
		let headers: Record<string, unknown> | undefined;
		const req = httpRequest(url, { agent: false }, (res) => {
			status = res.statusCode;
			headers = res.headers;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status, headers, bytes, complete: res.complete }));
			res.on('error', (error: NodeJS.ErrnoException) => resolve({ status, headers, bytes, error, complete: res.complete }));
			res.on('aborted', () => resolve({ status, headers, bytes, complete: false }));
		});
		req.on('error', (error: NodeJS.ErrnoException) => resolve({ status, headers, bytes, error, complete: false }));
		req.end();
	});
}

describe('simulator toolkit: server and faults', () => {
	let sim: SimServer;
	let handled = 0;

	beforeAll(async () => {
		sim = await startSimServer({
			faults: new FaultInjector((status) => ({ problem: `status ${status}` })),
			maxRecordedRequests: 5,
			handler: (request) => {
				handled += 1;
				return jsonResponse(200, { ok: true, path: request.path, filler: 'x'.repeat(200) });
			},
		});
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.faults.clear();
		sim.clearRequests();
		handled = 0;
	});

	it('records method, path, repeated query values, headers and the parsed body', async () => {
		await fetch(`${sim.url}/user/7?role=3&role=5&q=jan`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-test': 'yes' },
			body: JSON.stringify({ firstName: 'Jan' }),
		});
		await fetch(`${sim.url}/soap`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<Envelope/>' });
		const [json, text] = sim.requests;
		expect(json).toMatchObject({ method: 'POST', path: '/user/7', body: { firstName: 'Jan' } });
		expect({ ...json.query }).toEqual({ role: ['3', '5'], q: ['jan'] });
		expect(json.headers['x-test']).toBe('yes');
		expect(typeof json.receivedAt).toBe('number');
		expect(text.body).toBe('<Envelope/>');
		expect(sim.count('POST', '/user/7')).toBe(1);
		expect(sim.count('post', /^\/user\/\d+$/)).toBe(1);
		expect(sim.count('*', /./)).toBe(2);
		expect(sim.count('GET', '/user/7')).toBe(0);
	});

	it('keeps only the newest requests up to the cap, and clears them', async () => {
		for (let i = 1; i <= 7; i++) await (await fetch(`${sim.url}/n/${i}`)).text();
		expect(sim.requests.map((request) => request.path)).toEqual(['/n/3', '/n/4', '/n/5', '/n/6', '/n/7']);
		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
	});

	it('answers a status fault with Retry-After and the platform error body, the given number of times, without running the handler', async () => {
		sim.faults.add({ match: { method: 'GET', path: '/busy' }, times: 2, fault: { kind: 'status', status: 429, retryAfter: '2' } });
		const first = await fetch(`${sim.url}/busy`);
		expect(first.status).toBe(429);
		expect(first.headers.get('retry-after')).toBe('2');
		expect(await first.json()).toEqual({ problem: 'status 429' });
		expect((await fetch(`${sim.url}/busy`)).status).toBe(429);
		expect((await fetch(`${sim.url}/busy`)).status).toBe(200);
		expect(handled).toBe(1);
		expect(sim.count('GET', '/busy')).toBe(3);
	});

	it('sends an HTTP-date Retry-After and a custom body as given', async () => {
		const date = new Date(Date.UTC(2030, 0, 1)).toUTCString();
		sim.faults.add({ fault: { kind: 'status', status: 503, retryAfter: date, body: { custom: true } } });
		const response = await fetch(`${sim.url}/anything`);
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe(date);
		expect(await response.json()).toEqual({ custom: true });
	});

	it('matches by method and by path pattern, first rule first; remove() and clear() drop rules', async () => {
		const handle = sim.faults.add({ match: { method: 'POST', path: /^\/user\/\d+$/ }, times: Infinity, fault: { kind: 'status', status: 500 } });
		sim.faults.add({ match: { path: '/user/1' }, fault: { kind: 'status', status: 502 } });
		expect((await fetch(`${sim.url}/user/1`)).status).toBe(502);
		expect((await fetch(`${sim.url}/user/1`, { method: 'POST' })).status).toBe(500);
		expect((await fetch(`${sim.url}/user/1`, { method: 'POST' })).status).toBe(500);
		expect((await fetch(`${sim.url}/user/x`, { method: 'POST' })).status).toBe(200);
		expect(handle.remaining).toBe(Infinity);
		handle.remove();
		expect((await fetch(`${sim.url}/user/1`, { method: 'POST' })).status).toBe(200);
		sim.faults.add({ times: 3, fault: { kind: 'status', status: 504 } });
		expect(sim.faults.pending).toBe(1);
		sim.faults.clear();
		expect((await fetch(`${sim.url}/user/1`)).status).toBe(200);
	});

	it('reset destroys the connection with ECONNRESET before any answer, without running the handler', async () => {
		sim.faults.add({ fault: { kind: 'reset' } });
		const result = await rawGet(`${sim.url}/reset`);
		expect(result.status).toBeUndefined();
		expect(result.error?.code).toBe('ECONNRESET');
		expect(handled).toBe(0);
		sim.faults.add({ fault: { kind: 'reset' } });
		await expect(fetch(`${sim.url}/reset`)).rejects.toThrow('fetch failed');
		expect((await fetch(`${sim.url}/reset`)).status).toBe(200);
	});

	it('slow holds back the headers, then answers normally', async () => {
		sim.faults.add({ fault: { kind: 'slow', delayMs: 10_000 } });
		await expect(fetch(`${sim.url}/slow`, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
		sim.faults.add({ fault: { kind: 'slow', delayMs: 20 } });
		const response = await fetch(`${sim.url}/slow`);
		expect(await response.json()).toMatchObject({ ok: true, path: '/slow' });
	});

	it('slowBody sends the headers at once and stalls the body', async () => {
		sim.faults.add({ fault: { kind: 'slowBody', delayMs: 10_000 } });
		const response = await fetch(`${sim.url}/stall`, { signal: AbortSignal.timeout(300) });
		expect(response.status).toBe(200);
		expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
		await expect(response.text()).rejects.toMatchObject({ name: 'TimeoutError' });
		expect(handled).toBe(1);
	});

	it('malformed answers 200 with a JSON content type and a body that does not parse', async () => {
		sim.faults.add({ fault: { kind: 'malformed' } });
		const response = await fetch(`${sim.url}/broken`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/json/);
		await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' });
		expect(handled).toBe(0);
	});

	it('truncated promises more bytes than it sends, then closes', async () => {
		sim.faults.add({ fault: { kind: 'truncated' } });
		const raw = await rawGet(`${sim.url}/cut`);
		expect(raw.status).toBe(200);
		expect(raw.complete).toBe(false);
		expect(raw.bytes).toBeGreaterThan(0);
		expect(raw.bytes).toBeLessThan(Number(raw.headers?.['content-length']));
		sim.faults.add({ fault: { kind: 'truncated' } });
		const response = await fetch(`${sim.url}/cut`);
		await expect(response.text()).rejects.toThrow();
	});

	it('afterHandler runs the handler first, then breaks the answer (the "was my write applied?" case)', async () => {
		sim.faults.add({ match: { method: 'POST' }, fault: { kind: 'afterHandler', then: { kind: 'reset' } } });
		const reset = await new Promise<NodeJS.ErrnoException>((resolve) => {
			const req = httpRequest(`${sim.url}/user`, { method: 'POST', agent: false }, () => resolve(new Error('answered')));
			req.on('error', resolve);
			req.end('{}');
		});
		expect(reset.code).toBe('ECONNRESET');
		expect(handled).toBe(1);

		sim.faults.add({ fault: { kind: 'afterHandler', then: { kind: 'status', status: 504 } } });
		expect((await fetch(`${sim.url}/user`, { method: 'POST' })).status).toBe(504);
		expect(handled).toBe(2);

		sim.faults.add({ fault: { kind: 'afterHandler', then: { kind: 'truncated' } } });
		const cut = await rawGet(`${sim.url}/real`);
		expect(cut.complete).toBe(false);
		expect(cut.bytes).toBeLessThan(Number(cut.headers?.['content-length']));
		expect(handled).toBe(3);
	});

	it('adds a fixed latency to every request when asked', async () => {
		sim.latencyMs = 5;
		const response = await fetch(`${sim.url}/late`);
		sim.latencyMs = 0;
		expect(await response.json()).toMatchObject({ ok: true });
	});

	it('closes while an answer is stalled', async () => {
		const stalled = await startSimServer({ handler: () => jsonResponse(200, {}) });
		stalled.faults.add({ fault: { kind: 'slow', delayMs: 60_000 } });
		const pending = fetch(`${stalled.url}/x`).catch((error: unknown) => error);
		while (stalled.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		await stalled.close();
		await pending;
	});
});
