import type { Dispatcher } from 'undici';

import { redactError, SecretSet, TransportError } from './errors';
import { poolFor, type TlsIdentity } from './pools';
import { planRetry, parseRetryAfter, resolveRetryPolicy, sleep, type RetryPolicy } from './retry';

export type { RetryPolicy } from './retry';
export type { TlsIdentity } from './pools';
export { closeAllPools, networkSettings, openPoolCount, poolKey, tlsFingerprint } from './pools';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null | Array<string | number | boolean>;

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	/** undefined/null values are left out; arrays become repeated keys or one comma list (`arrayFormat`). */
	query?: Record<string, QueryValue>;
	arrayFormat?: 'repeat' | 'comma';
	headers?: Record<string, string>;
	json?: unknown;
	body?: string | Buffer;
	/** The retry contract: only a request that may safely run twice (reads, PUT upserts, DELETEs) is retried. */
	idempotent: boolean;
	/** Default 'empty-or-json': an empty 2xx body gives `undefined`. */
	expect?: 'json' | 'text' | 'buffer' | 'empty-or-json';
	tls?: TlsIdentity;
	timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
	signal?: AbortSignal;
	retry?: Partial<RetryPolicy>;
	/** Larger answers fail as 'decode' instead of filling memory. Default 64 MiB. */
	maxResponseBytes?: number;
	/** Told when the server pushes back (429, or 503 with Retry-After), before any retry: lets a pager slow down. */
	onThrottled?(retryAfterMs: number | undefined): void;
}

export interface HttpResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	data: T;
	rawBody?: Buffer;
	attempts: number;
}

export interface HttpHooks {
	/** Called on a fresh copy of the request before every attempt, e.g. to set auth headers. */
	beforeRequest?(request: HttpRequest, attempt: number): void | Promise<void>;
	/** Lets a platform read its error body into platformCode/platformMessage. */
	mapError?(error: TransportError, request: HttpRequest): TransportError;
	onRetry?(info: { attempt: number; delayMs: number; error: TransportError }): void;
}

export interface HttpLogger {
	debug(message: string, meta?: object): void;
}

export interface HttpClientOptions {
	hooks?: HttpHooks;
	secrets?: SecretSet;
	logger?: HttpLogger;
	retry?: Partial<RetryPolicy>;
}

export const DEFAULT_TIMEOUTS = Object.freeze({ connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000 });
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const SNIPPET_LENGTH = 500;
const SAFE_RESPONSE_HEADERS = /^(content-type|content-length|retry-after|date|api-version|x-api-version|x-request-id|x-correlation-id|request-id|www-authenticate|(x-)?ratelimit-[a-z-]+)$/;
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ETIMEDOUT',
]);


export function buildUrl(url: string, query?: Record<string, QueryValue>, arrayFormat: 'repeat' | 'comma' = 'repeat'): URL {
	const target = new URL(url);
	if (!query) return target;
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null) continue;
		const name = encodeURIComponent(key);
		if (Array.isArray(value)) {
			if (value.length === 0) continue;
			if (arrayFormat === 'comma') pairs.push(`${name}=${value.map((entry) => encodeURIComponent(String(entry))).join(',')}`);
			else for (const entry of value) pairs.push(`${name}=${encodeURIComponent(String(entry))}`);
		} else {
			pairs.push(`${name}=${encodeURIComponent(String(value))}`);
		}
	}
	if (pairs.length > 0) target.search = target.search ? `${target.search}&${pairs.join('&')}` : `?${pairs.join('&')}`;
	return target;
}

/** The URL as errors and logs show it: no user:password part, secrets redacted. */
function displayUrl(url: URL, secrets: SecretSet): string {
	return secrets.redact(`${url.origin}${url.pathname}${url.search}`);
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return result;
}

function safeHeaders(headers: Record<string, string>, secrets: SecretSet): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (SAFE_RESPONSE_HEADERS.test(name)) result[name] = secrets.redact(value);
	}
	return result;
}

async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
		size += buffer.length;
		if (size > limit) {
			body.destroy();
			return undefined;
		}
		chunks.push(buffer);
	}
	return Buffer.concat(chunks, size);
}

interface AttemptContext {
	method: string;
	url: string;
	secrets: SecretSet;
}

function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	if (typeof code === 'string') return code;
	const cause = (error as { cause?: unknown } | null)?.cause;
	return cause && cause !== error ? errorCode(cause) : undefined;
}

/** An undici/system failure as a TransportError; its raw message is redacted and nothing else is kept. */
function classifyFailure(error: unknown, context: AttemptContext, signal?: AbortSignal): TransportError {
	const { method, url, secrets } = context;
	if (signal?.aborted) {
		return new TransportError({ kind: 'aborted', message: `${method} ${url} was cancelled`, method, url });
	}
	const code = errorCode(error);
	const reason = secrets.redact(error instanceof Error ? error.message : String(error));
	const kind = code && TIMEOUT_CODES.has(code) ? 'timeout' : 'network';
	return new TransportError({ kind, code, message: `${method} ${url} failed: ${reason}`, method, url });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function httpFailure(status: number, headers: Record<string, string>, raw: Buffer | undefined, context: AttemptContext): TransportError {
	const { method, url, secrets } = context;
	const text = raw?.toString('utf8') ?? '';
	const parsed = text.trim() ? parseJson(text) : { ok: false as const };
	const retryAfterMs = parseRetryAfter(headers['retry-after']);
	return new TransportError({
		kind: 'http',
		status,
		message: `${method} ${url} answered HTTP ${status}`,
		method,
		url,
		retryAfterMs,
		headers: safeHeaders(headers, secrets),
		body: parsed.ok ? secrets.redactDeep(parsed.value) : undefined,
		bodySnippet: !parsed.ok && text ? secrets.redact(text.slice(0, SNIPPET_LENGTH)) : undefined,
	});
}

function decodeSuccess(
	request: HttpRequest,
	status: number,
	headers: Record<string, string>,
	raw: Buffer,
	context: AttemptContext,
): { data: unknown; rawBody?: Buffer } {
	const expect = request.expect ?? 'empty-or-json';
	if (expect === 'buffer') return { data: raw, rawBody: raw };
	const text = raw.toString('utf8');
	if (expect === 'text') return { data: text };
	const noContent = request.method === 'HEAD' || status === 204 || status === 205;
	if (text.trim() === '' && (expect === 'empty-or-json' || noContent)) return { data: undefined };
	const parsed = parseJson(text);
	if (parsed.ok) return { data: parsed.value };
	const { method, url, secrets } = context;
	throw new TransportError({
		kind: 'decode',
		status,
		message: `${method} ${url} answered HTTP ${status} with malformed or truncated JSON (${raw.length} bytes)`,
		method,
		url,
		headers: safeHeaders(headers, secrets),
		bodySnippet: secrets.redact(text.slice(0, 200)),
	});
}

async function attemptOnce(request: HttpRequest, target: URL, context: AttemptContext): Promise<HttpResponse> {
	const timeouts = { ...DEFAULT_TIMEOUTS, ...request.timeouts };
	const headers: Record<string, string> = { 'user-agent': 'n8n-nodes-edu' };
	const expect = request.expect ?? 'empty-or-json';
	if (expect === 'json' || expect === 'empty-or-json') headers.accept = 'application/json';
	for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
	let body: string | Buffer | undefined = request.body;
	if (request.json !== undefined) {
		body = JSON.stringify(request.json);
		headers['content-type'] ??= 'application/json';
	}
	const limit = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
	let status: number;
	let responseHeaders: Record<string, string>;
	let raw: Buffer | undefined;
	try {
		const { dispatcher, needsOrigin } = poolFor(target.origin, request.tls, timeouts.connectMs);
		const response = await dispatcher.request({
			...(needsOrigin ? { origin: target.origin } : {}),
			path: `${target.pathname}${target.search}`,
			method: request.method,
			headers,
			body,
			signal: request.signal,
			headersTimeout: timeouts.headersMs,
			bodyTimeout: timeouts.bodyMs,
		});
		status = response.statusCode;
		responseHeaders = flattenHeaders(response.headers);
		raw = await readBody(response.body, limit);
	} catch (error) {
		throw classifyFailure(error, context, request.signal);
	}
	if (status < 200 || status >= 300) throw httpFailure(status, responseHeaders, raw, context);
	if (raw === undefined) {
		throw new TransportError({
			kind: 'decode',
			status,
			message: `${context.method} ${context.url} answered with more than ${limit} bytes`,
			method: context.method,
			url: context.url,
		});
	}
	const decoded = decodeSuccess(request, status, responseHeaders, raw, context);
	return { status, headers: responseHeaders, data: decoded.data, rawBody: decoded.rawBody, attempts: 1 };
}

/** One request under the retry contract; throws TransportError for every failure. */
export async function httpRequest<T = unknown>(request: HttpRequest, options: HttpClientOptions = {}): Promise<HttpResponse<T>> {
	const secrets = options.secrets ?? new SecretSet();
	const hooks = options.hooks ?? {};
	const policy = resolveRetryPolicy(options.retry, request.retry);
	const log = (message: string, meta: object) => options.logger?.debug(secrets.redact(message), meta);
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const attemptRequest: HttpRequest = { ...request, headers: { ...request.headers } };
		let target: URL;
		try {
			if (hooks.beforeRequest) await hooks.beforeRequest(attemptRequest, attempt);
			registerCarriedSecrets(attemptRequest, secrets);
			target = buildUrl(attemptRequest.url, attemptRequest.query, attemptRequest.arrayFormat);
		} catch (caught) {
			// An invalid URL or a failing auth hook: not a transport failure, but its text may hold a secret.
			throw redactError(caught, secrets);
		}
		const context: AttemptContext = { method: attemptRequest.method, url: displayUrl(target, secrets), secrets };
		let error: TransportError;
		try {
			if (request.signal?.aborted) throw request.signal.reason;
			const response = await attemptOnce(attemptRequest, target, context);
			response.attempts = attempt;
			log(`HTTP ${context.method} ${context.url} -> ${response.status}`, { attempt });
			return response as HttpResponse<T>;
		} catch (caught) {
			error = caught instanceof TransportError ? caught : classifyFailure(caught, context, request.signal);
		}
		error.attempts = attempt;
		if (hooks.mapError) error = hooks.mapError(error, attemptRequest);
		scrubTransportError(error, secrets);
		if (request.onThrottled && isPushBack(error)) request.onThrottled(error.retryAfterMs);
		const decision = planRetry(error, { idempotent: request.idempotent, attempt, waitedMs, policy });
		log(`HTTP ${error.method} ${error.url} failed: ${error.message}`, {
			attempt,
			kind: error.kind,
			status: error.status,
			retry: decision.retry,
		});
		if (!decision.retry) {
			if (decision.reason) {
				error.message = secrets.redact(`${error.message}; not retried: ${decision.reason}`);
				error.notRetriedReason = decision.reason;
			}
			throw error;
		}
		hooks.onRetry?.({ attempt, delayMs: decision.delayMs, error });
		try {
			await sleep(decision.delayMs, request.signal);
		} catch {
			// The shared layer speaks TransportError; each platform transport turns it into a NodeApiError.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw new TransportError({
				kind: 'aborted',
				message: `${error.method} ${error.url} was cancelled while waiting to retry`,
				method: error.method,
				url: error.url,
				attempts: attempt,
			});
		}
		waitedMs += decision.delayMs;
	}
}

const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|api-key|x-api-key|cookie)$/i;

/**
 * Every secret a request carries joins the redaction set of every error it can produce, however the caller got
 * it: issued now, taken from a token cache (issue 14: a cached token once leaked) or static.
 */
function registerCarriedSecrets(request: HttpRequest, secrets: SecretSet): void {
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		if (!CREDENTIAL_HEADERS.test(name) || typeof value !== 'string') continue;
		secrets.add(value);
		const credential = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value)?.[1];
		if (credential) secrets.add(credential);
	}
}

/** The server saying "too much, slow down" rather than "broken". */
export function isPushBack(error: TransportError): boolean {
	return error.kind === 'http' && (error.status === 429 || (error.status === 503 && error.retryAfterMs !== undefined));
}

/** Fields a platform hook may have filled from a body pass through the secret set once more. */
function scrubTransportError(error: TransportError, secrets: SecretSet): void {
	error.message = secrets.redact(error.message);
	error.url = secrets.redact(error.url);
	if (error.platformCode) error.platformCode = secrets.redact(error.platformCode);
	if (error.platformMessage) error.platformMessage = secrets.redact(error.platformMessage);
	if (error.stack) error.stack = secrets.redact(error.stack);
}

export function createHttpClient(defaults: HttpClientOptions): { request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> } {
	return {
		request: async <T = unknown>(request: HttpRequest) => await httpRequest<T>(request, defaults),
	};
}
