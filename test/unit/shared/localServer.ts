import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** Identifies the TCP connection the request came on (client port). */
	socketPort: number;
	/** SHA-256 fingerprint of the client certificate, when the server asked for one. */
	clientCert?: string;
}

export type Handler = (request: ReceivedRequest, response: http.ServerResponse, raw: http.IncomingMessage) => void;

/** A local HTTP(S) server on 127.0.0.1 whose handler each test sets; it records what it received. */
export class LocalServer {
	readonly received: ReceivedRequest[] = [];
	handler: Handler = (_request, response) => response.end();
	private readonly sockets = new Set<Socket>();
	private server!: http.Server;

	static async start(tls?: https.ServerOptions): Promise<LocalServer> {
		const local = new LocalServer();
		const listener = (raw: http.IncomingMessage, response: http.ServerResponse) => local.onRequest(raw, response);
		local.server = tls ? https.createServer(tls, listener) : http.createServer(listener);
		local.server.on('connection', (socket: Socket) => {
			local.sockets.add(socket);
			socket.on('close', () => local.sockets.delete(socket));
		});
		local.server.on('secureConnection', (socket: Socket) => {
			local.sockets.add(socket);
			socket.on('close', () => local.sockets.delete(socket));
		});
		local.server.listen(0, '127.0.0.1');
		await once(local.server, 'listening');
		return local;
	}

	get url(): string {
		const { port } = this.server.address() as AddressInfo;
		return `${this.server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port}`;
	}

	reset(handler: Handler): void {
		this.received.length = 0;
		this.handler = handler;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private onRequest(raw: http.IncomingMessage, response: http.ServerResponse): void {
		const chunks: Buffer[] = [];
		raw.on('data', (chunk: Buffer) => chunks.push(chunk));
		raw.on('end', () => {
			const socket = raw.socket as Socket & { getPeerCertificate?: () => { fingerprint256?: string } };
			const peer = socket.getPeerCertificate?.();
			const request: ReceivedRequest = {
				method: raw.method ?? '',
				url: raw.url ?? '',
				headers: raw.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				socketPort: socket.remotePort ?? 0,
				clientCert: peer?.fingerprint256,
			};
			this.received.push(request);
			this.handler(request, response, raw);
		});
	}
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
	const text = JSON.stringify(body);
	response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
	response.end(text);
}
