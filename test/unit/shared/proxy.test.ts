/**
 * Issue 14, point 7: school networks. HTTPS_PROXY / HTTP_PROXY / NO_PROXY send every request through a CONNECT
 * proxy (the node:http server below), and NODE_EXTRA_CA_CERTS adds a school's own CA (made here with openssl),
 * for the REST transports and Smartschool's SOAP calls alike. The kit reads both variables itself when it opens
 * a pool, so it works the same inside n8n, where they were read at start-up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { closeAllPools, httpRequest } from '../../../nodes/shared/http';
import { createTestPki, opensslAvailable, type TestPki } from './certs';
import { LocalServer, sendJson } from './localServer';
import { clientFor, sendXml, soapAnswer } from '../smartschool/soapServer';

const ENV_NAMES = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy', 'NODE_EXTRA_CA_CERTS'] as const;

/** A forward proxy that only tunnels (CONNECT), as school proxies do; it records each tunnel's target. */
async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
	const tunnels: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = http.createServer((_request, response) => {
		response.writeHead(405).end('CONNECT only');
	});
	server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
		tunnels.push(request.url ?? '');
		sockets.add(client);
		const [host, port] = (request.url ?? '').split(':');
		const upstream = net.connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		const end = () => {
			client.destroy();
			upstream.destroy();
		};
		upstream.on('error', end);
		client.on('error', end);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		tunnels,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

const describeWithOpenssl = opensslAvailable() ? describe : describe.skip;

describeWithOpenssl('outbound proxy and school CA (NODE_EXTRA_CA_CERTS)', () => {
	let pki: TestPki;
	let tlsServer: LocalServer;
	let plainServer: LocalServer;
	let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
	let dir: string;
	const saved: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};

	beforeAll(async () => {
		pki = createTestPki();
		tlsServer = await LocalServer.start({ cert: pki.server.cert, key: pki.server.key });
		plainServer = await LocalServer.start();
		proxy = await startConnectProxy();
		dir = mkdtempSync(join(tmpdir(), 'edu-ca-'));
		writeFileSync(join(dir, 'school-ca.pem'), pki.ca);
		for (const name of ENV_NAMES) saved[name] = process.env[name];
	});

	afterAll(async () => {
		for (const name of ENV_NAMES) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
		await closeAllPools();
		await Promise.all([tlsServer.close(), plainServer.close(), proxy.close()]);
		rmSync(dir, { recursive: true, force: true });
	});

	beforeEach(async () => {
		for (const name of ENV_NAMES) delete process.env[name];
		proxy.tunnels.length = 0;
		await closeAllPools();
	});

	it('sends an https request through HTTPS_PROXY and trusts the CA in NODE_EXTRA_CA_CERTS', async () => {
		process.env.HTTPS_PROXY = proxy.url;
		process.env.NODE_EXTRA_CA_CERTS = join(dir, 'school-ca.pem');
		tlsServer.reset((_request, response) => sendJson(response, 200, { ok: true }));
		const response = await httpRequest({ method: 'GET', url: `${tlsServer.url}/users`, idempotent: true });
		expect(response.data).toEqual({ ok: true });
		expect(proxy.tunnels).toEqual([new URL(tlsServer.url).host]);
	});

	it('without the school CA the same server is refused (the CA is what makes it work)', async () => {
		tlsServer.reset((_request, response) => sendJson(response, 200, { ok: true }));
		await expect(httpRequest({ method: 'GET', url: `${tlsServer.url}/users`, idempotent: false })).rejects.toMatchObject({ kind: 'network' });
	});

	it('sends a plain http request through HTTP_PROXY, and NO_PROXY bypasses it', async () => {
		process.env.HTTP_PROXY = proxy.url;
		plainServer.reset((_request, response) => sendJson(response, 200, { ok: true }));
		await httpRequest({ method: 'GET', url: `${plainServer.url}/a`, idempotent: true });
		expect(proxy.tunnels).toEqual([new URL(plainServer.url).host]);
		process.env.NO_PROXY = '127.0.0.1';
		await closeAllPools();
		await httpRequest({ method: 'GET', url: `${plainServer.url}/b`, idempotent: true });
		expect(proxy.tunnels).toHaveLength(1);
		expect(plainServer.received.map((request) => request.url)).toEqual(['/a', '/b']);
	});

	it("Smartschool's SOAP calls go through the proxy and trust the school CA too", async () => {
		process.env.HTTPS_PROXY = proxy.url;
		process.env.NODE_EXTRA_CA_CERTS = join(dir, 'school-ca.pem');
		tlsServer.reset((_request, response) => sendXml(response, 200, soapAnswer('getReferenceField', 'username')));
		expect(await clientFor(tlsServer.url).call('getReferenceField', {})).toBe('username');
		expect(proxy.tunnels).toEqual([new URL(tlsServer.url).host]);
	});
});
