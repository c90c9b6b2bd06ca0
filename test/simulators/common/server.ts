/**
 * The shared `node:http` host of every simulator: records each request, applies latency and injected faults,
 * then hands the request to the platform's handler. No jest imports: the e2e suite and `npm start` load the
 * compiled JS.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { deliverFault, faultRunsHandler, FaultInjector, sendAnswer, type PreparedAnswer } from './faults';

export interface RecordedRequest {
	method: string;
	/** The path as sent (still percent-encoded), without the query. */
	path: string;
	query: Record<string, string[]>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON when the content type says JSON and it parses; otherwise the raw text; undefined when empty. */
	body: unknown;
	/** Epoch milliseconds. */
	receivedAt: number;
}

export interface SimRequest extends RecordedRequest {
	rawBody: Buffer;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	/** Bytes or text as they go on the wire; an array is sent part by part without copying; empty when left out. */
	body?: string | Buffer | Buffer[];
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export interface SimServerOptions {
	handler: SimHandler;
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	faults?: FaultInjector;
	/** Requests kept in `requests`, the newest last; default 10,000. */
	maxRecordedRequests?: number;
	/** Fixed delay added to every request, for benches. */
	latencyMs?: number;
	/** Larger request bodies get 413; default 10 MB. */
	maxBodyBytes?: number;
	/**
	 * Adds platform fields to each recorded request before faults and the handler see it (e.g. the SOAP method
	 * and parts parsed from the envelope), so tests and fault rules can match on them.
	 */
	annotate?: (recorded: RecordedRequest, rawBody: Buffer) => void;
}

export interface SimServer {
	url: string;
	port: number;
	server: Server;
	faults: FaultInjector;
	/** The last `maxRecordedRequests` requests, oldest first; faulted ones included. */
	requests: RecordedRequest[];
	/** Recorded requests with this method ('*' for any) whose path equals the string or matches the RegExp. */
	count(method: string, path: string | RegExp): number;
	clearRequests(): void;
	/**
	 * Runs `listener` just before the handler answers a request — e.g. to insert or delete a record between
	 * two page requests. Returns a function that removes it.
	 */
	onRequest(listener: (request: RecordedRequest) => void): () => void;
	/** Most requests open at once (arrived, not yet answered) since the last `clearRequests()`: a client's concurrency. */
	readonly peakInFlight: number;
	/**
	 * Holds every answer until `count` requests are open at once, then lets them all go: a client's concurrency
	 * shown by events, not by racing a latency timer. Released anyway after `safetyMs` (the test then sees a
	 * lower `peakInFlight` and fails clearly instead of hanging).
	 */
	holdUntilInFlight(count: number, safetyMs?: number): void;
	latencyMs: number;
	close(): Promise<void>;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
	return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** A JSON body that is already serialised (cached bytes, possibly in parts). */
export function rawJsonResponse(status: number, json: string | Buffer | Buffer[]): SimResponse {
	return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: json };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): SimResponse {
	return { status, headers, body: '' };
}

export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
	const faults = options.faults ?? new FaultInjector();
	const maxRecorded = options.maxRecordedRequests ?? 10_000;
	const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
	const requests: RecordedRequest[] = [];
	const timers = new Map<NodeJS.Timeout, () => void>();
	const listeners = new Set<(request: RecordedRequest) => void>();
	let inFlight = 0;
	let peakInFlight = 0;
	let gate: { count: number; open: Promise<void>; release: () => void } | undefined;

	/** Sleeps that `close()` can end at once, so a stalled answer never keeps the process alive. */
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.set(timer, resolve);
		});

	const sim: SimServer = {
		url: '',
		port: 0,
		server: createServer(),
		faults,
		requests,
		latencyMs: options.latencyMs ?? 0,
		count(method, path) {
			const wanted = method.toUpperCase();
			return requests.filter(
				(request) =>
					(wanted === '*' || request.method === wanted) &&
					(typeof path === 'string' ? request.path === path : path.test(request.path)),
			).length;
		},
		clearRequests() {
			requests.length = 0;
			peakInFlight = inFlight;
		},
		get peakInFlight() {
			return peakInFlight;
		},
		holdUntilInFlight(count, safetyMs = 10_000) {
			let release = () => {};
			const open = new Promise<void>((resolve) => (release = resolve));
			const held = { count, open, release: () => (gate === held && (gate = undefined), release()) };
			gate = held;
			void sleep(safetyMs).then(held.release);
		},
		onRequest(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				for (const [timer, wake] of timers) {
					clearTimeout(timer);
					wake();
				}
				timers.clear();
				sim.server.close((error) => (error ? reject(error) : resolve()));
				sim.server.closeAllConnections();
			}),
	};

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const rawBody = await readBody(req, maxBodyBytes);
		if (rawBody === undefined) {
			sendAnswer(res, toAnswer({ status: 413, body: '' }));
			return;
		}
		const url = new URL(req.url ?? '/', 'http://simulator');
		const recorded: RecordedRequest = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: toQuery(url.searchParams),
			headers: req.headers,
			body: parseBody(rawBody, req.headers['content-type']),
			receivedAt: Date.now(),
		};
		options.annotate?.(recorded, rawBody);
		const request: SimRequest = { ...recorded, rawBody };
		requests.push(recorded);
		if (requests.length > maxRecorded) requests.shift();

		if (gate) {
			if (inFlight >= gate.count) gate.release();
			else await gate.open;
		}
		if (sim.latencyMs > 0) await sleep(sim.latencyMs);
		const fault = faults.take(request.method, request.path, recorded);
		if (fault && !faultRunsHandler(fault)) {
			await deliverFault(res, fault.kind === 'afterHandler' ? fault.then : fault, undefined, faults, sleep);
			return;
		}
		if (fault?.kind === 'slow') await sleep(fault.delayMs);
		for (const listener of listeners) listener(recorded);
		const answer = toAnswer(await runHandler(options.handler, request));
		if (!fault || fault.kind === 'slow') sendAnswer(res, answer);
		else await deliverFault(res, fault.kind === 'afterHandler' ? fault.then : fault, answer, faults, sleep);
	};

	sim.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		peakInFlight = Math.max(peakInFlight, ++inFlight);
		res.once('close', () => inFlight--);
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent && !res.destroyed) sendAnswer(res, toAnswer(simulatorFailure(error)));
			else res.destroy();
		});
	});
	sim.server.on('clientError', (_error, socket) => socket.destroy());

	await new Promise<void>((resolve, reject) => {
		sim.server.once('error', reject);
		sim.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			sim.server.off('error', reject);
			resolve();
		});
	});
	const address = sim.server.address() as AddressInfo;
	sim.port = address.port;
	sim.url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
	return sim;
}

async function runHandler(handler: SimHandler, request: SimRequest): Promise<SimResponse> {
	try {
		return await handler(request);
	} catch (error) {
		return simulatorFailure(error);
	}
}

/** A bug in a simulator is a 500 that says so, never a hang. */
function simulatorFailure(error: unknown): SimResponse {
	const message = error instanceof Error ? error.message : String(error);
	return jsonResponse(500, { simulatorError: message });
}

function toAnswer(response: SimResponse): PreparedAnswer {
	const raw = response.body ?? [];
	const body = Array.isArray(raw) ? raw : [Buffer.isBuffer(raw) ? raw : Buffer.from(raw)];
	return { status: response.status, headers: response.headers ?? {}, body };
}

function toQuery(params: URLSearchParams): Record<string, string[]> {
	// No prototype: a parameter named __proto__ stays an ordinary key.
	const query = Object.create(null) as Record<string, string[]>;
	for (const [key, value] of params) {
		if (Object.prototype.hasOwnProperty.call(query, key)) query[key].push(value);
		else query[key] = [value];
	}
	return query;
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	if (!contentType || !/json/i.test(contentType)) return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** The whole body, or undefined when it is larger than allowed. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}
