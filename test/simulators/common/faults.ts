/**
 * Fault injection for the simulators: queued rules, first match wins, each used `times` times. The server asks
 * `take()` before it runs the handler, then `deliverFault()` writes the broken answer.
 */
import type { ServerResponse } from 'node:http';

import type { RecordedRequest } from './server';

export interface StatusFault {
	kind: 'status';
	status: number;
	/** Sent as the Retry-After header as given: seconds ('2') or an HTTP-date. */
	retryAfter?: string;
	/** JSON (or a string sent as is); default: the simulator's own error body for that status. */
	body?: unknown;
	/** Content type of a string body (e.g. a proxy's HTML page); default text/plain. */
	contentType?: string;
}
/** Destroys the connection with a TCP reset before a byte is answered: the client sees ECONNRESET. */
export interface ResetFault {
	kind: 'reset';
}
/** Waits before the status line and headers, then answers normally (the handler runs after the wait). */
export interface SlowFault {
	kind: 'slow';
	delayMs: number;
}
/** Runs the handler, sends the status line and headers at once, then stalls `delayMs` before the body. */
export interface SlowBodyFault {
	kind: 'slowBody';
	delayMs: number;
}
/** 200 with a JSON content type and a body that is not JSON, or the given broken body and content type. */
export interface MalformedFault {
	kind: 'malformed';
	body?: string;
	contentType?: string;
}
/** 200 whose Content-Length promises more bytes than are sent before the connection closes. */
export interface TruncatedFault {
	kind: 'truncated';
}
export type BasicFault = StatusFault | ResetFault | SlowFault | SlowBodyFault | MalformedFault | TruncatedFault;
/**
 * Runs the handler first (the write is applied), then answers with `then`: the "was my create applied?" case.
 * With `truncated` the real answer is cut in half.
 */
export interface AfterHandlerFault {
	kind: 'afterHandler';
	then: BasicFault;
}
export type Fault = BasicFault | AfterHandlerFault;

export interface FaultMatch {
	/** Case-insensitive; any method when left out. */
	method?: string;
	/** A string must equal the path (no query); a RegExp is tested against it. Any path when left out. */
	path?: string | RegExp;
	/** Extra test on the recorded request (e.g. the SOAP method in the body); only asked when method and path match. */
	where?: (request: RecordedRequest) => boolean;
}

export interface FaultRule {
	match?: FaultMatch;
	/** How many matching requests get this fault; default 1, `Infinity` for all. */
	times?: number;
	fault: Fault;
}

export interface FaultHandle {
	/** Matching requests still to be faulted. */
	readonly remaining: number;
	remove(): void;
}

interface ActiveRule {
	match: FaultMatch;
	remaining: number;
	fault: Fault;
}

/** The answer the handler produced, when it ran. */
export interface PreparedAnswer {
	status: number;
	headers: Record<string, string>;
	/** Sent in order without being copied together (e.g. fresh metadata + cached page bytes). */
	body: Buffer[];
}

export function bodyLength(answer: PreparedAnswer): number {
	return answer.body.reduce((sum, part) => sum + part.length, 0);
}

export type ErrorBodyFactory = (status: number) => unknown;

export class FaultInjector {
	private rules: ActiveRule[] = [];

	/** `errorBody` gives status faults the platform's own error shape. */
	constructor(readonly errorBody: ErrorBodyFactory = (status) => ({ message: `Injected fault: HTTP ${status}` })) {}

	add(rule: FaultRule): FaultHandle {
		const times = rule.times ?? 1;
		if (!(times > 0)) throw new Error('faults.add: times must be positive');
		const active: ActiveRule = { match: rule.match ?? {}, remaining: times, fault: rule.fault };
		this.rules.push(active);
		return {
			get remaining() {
				return active.remaining;
			},
			remove: () => {
				this.rules = this.rules.filter((candidate) => candidate !== active);
			},
		};
	}

	clear(): void {
		this.rules = [];
	}

	/** Rules that can still fire. */
	get pending(): number {
		return this.rules.length;
	}

	/** The fault for this request, if any; using it counts down its rule. */
	take(method: string, path: string, request?: RecordedRequest): Fault | undefined {
		const rule = this.rules.find((candidate) => matches(candidate.match, method, path, request));
		if (!rule) return undefined;
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
		return rule.fault;
	}
}

function matches(match: FaultMatch, method: string, path: string, request: RecordedRequest | undefined): boolean {
	if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
	if (match.path !== undefined) {
		if (typeof match.path === 'string' && match.path !== path) return false;
		if (match.path instanceof RegExp) {
			match.path.lastIndex = 0;
			if (!match.path.test(path)) return false;
		}
	}
	return !match.where || (request !== undefined && match.where(request));
}

/** Whether the handler must run before the fault is delivered. */
export function faultRunsHandler(fault: Fault): boolean {
	return fault.kind === 'slow' || fault.kind === 'slowBody' || fault.kind === 'afterHandler';
}

export type Sleep = (ms: number) => Promise<void>;

const MALFORMED_BODY = '{"metadata": {"resultSet": {"count": 1}}, "results": [ {"id": 1 ,, ]';
const TRUNCATION_FILLER = JSON.stringify({
	metadata: { timestamp: '2021-02-08T20:35:30.186Z', resultSet: { count: 1, limit: 30 } },
	results: [{ id: 1, name: 'This answer never ends' }],
});

/** Writes the faulty answer. `answer` is the handler's result when `faultRunsHandler` said so. */
export async function deliverFault(
	res: ServerResponse,
	fault: BasicFault,
	answer: PreparedAnswer | undefined,
	injector: FaultInjector,
	sleep: Sleep,
): Promise<void> {
	switch (fault.kind) {
		case 'status': {
			const raw = fault.body === undefined ? injector.errorBody(fault.status) : fault.body;
			const isText = typeof raw === 'string';
			const body = Buffer.from(isText ? raw : JSON.stringify(raw));
			const headers: Record<string, string> = {
				'content-type': isText ? (fault.contentType ?? textType(raw)) : 'application/json; charset=utf-8',
				'content-length': String(body.length),
			};
			if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
			res.writeHead(fault.status, headers).end(body);
			return;
		}
		case 'reset':
			res.socket?.resetAndDestroy();
			return;
		case 'slow':
			await sleep(fault.delayMs);
			if (answer) sendAnswer(res, answer);
			return;
		case 'slowBody': {
			const prepared = answer ?? jsonAnswer(TRUNCATION_FILLER);
			if (res.destroyed) return;
			res.writeHead(prepared.status, { ...prepared.headers, 'content-length': String(bodyLength(prepared)) });
			res.flushHeaders();
			await sleep(fault.delayMs);
			if (!res.destroyed) res.end(Buffer.concat(prepared.body));
			return;
		}
		case 'malformed': {
			const broken = jsonAnswer(fault.body ?? MALFORMED_BODY);
			if (fault.contentType) broken.headers['content-type'] = fault.contentType;
			sendAnswer(res, broken);
			return;
		}
		case 'truncated': {
			const prepared = answer && bodyLength(answer) > 1 ? answer : jsonAnswer(TRUNCATION_FILLER);
			const whole = Buffer.concat(prepared.body);
			const sent = whole.subarray(0, Math.floor(whole.length / 2));
			res.writeHead(200, {
				...prepared.headers,
				'content-type': prepared.headers['content-type'] ?? 'application/json; charset=utf-8',
				'content-length': String(whole.length),
			});
			res.write(sent, () => res.socket?.destroy());
			return;
		}
	}
}

/** A string body that starts like markup is an HTML page (a proxy's error page); anything else plain text. */
function textType(body: string): string {
	return /^\s*</.test(body) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
}

export function sendAnswer(res: ServerResponse, answer: PreparedAnswer): void {
	if (res.destroyed) return;
	res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bodyLength(answer)) });
	for (const part of answer.body) res.write(part);
	res.end();
}

function jsonAnswer(text: string): PreparedAnswer {
	return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: [Buffer.from(text)] };
}
