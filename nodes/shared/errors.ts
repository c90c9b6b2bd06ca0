import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeError, NodeOperationError } from 'n8n-workflow';

export type TransportErrorKind = 'http' | 'network' | 'timeout' | 'decode' | 'aborted';

export interface TransportErrorInit {
	kind: TransportErrorKind;
	message: string;
	method: string;
	url: string;
	attempts?: number;
	status?: number;
	code?: string;
	retryAfterMs?: number;
	body?: unknown;
	bodySnippet?: string;
	headers?: Record<string, string>;
}

/**
 * A failed exchange with a remote platform, already redacted. It carries no request headers and no request
 * body, so it can be logged or wrapped without leaking credentials.
 */
export class TransportError extends Error {
	kind: TransportErrorKind;
	status?: number;
	/** System or undici code of a network/timeout failure, e.g. ECONNRESET, UND_ERR_HEADERS_TIMEOUT. */
	code?: string;
	method: string;
	url: string;
	attempts: number;
	retryAfterMs?: number;
	/** Why a retryable failure was not retried (e.g. the call is a write); shown to the user. */
	notRetriedReason?: string;
	platformCode?: string;
	platformMessage?: string;
	/** A 401 the token-retry rule gave up on (kit.ts' TokenSession): a wrong credential, or tokens dying early. */
	tokenRefusal?: { reason: 'credential' | 'early-expiry'; newTokensForRequest: number; newTokensForExecution: number };
	body?: unknown;
	bodySnippet?: string;
	headers?: Record<string, string>;

	constructor(init: TransportErrorInit) {
		super(init.message);
		this.name = 'TransportError';
		this.kind = init.kind;
		this.method = init.method;
		this.url = init.url;
		this.attempts = init.attempts ?? 1;
		if (init.status !== undefined) this.status = init.status;
		if (init.code !== undefined) this.code = init.code;
		if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
		if (init.body !== undefined) this.body = init.body;
		if (init.bodySnippet !== undefined) this.bodySnippet = init.bodySnippet;
		if (init.headers !== undefined) this.headers = init.headers;
	}
}

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 4;

/** Every form a secret can take on the wire or in a message; redaction replaces them all. */
function encodedForms(value: string): string[] {
	const forms = new Set<string>([value]);
	const uriEncoded = encodeURIComponent(value);
	forms.add(uriEncoded);
	forms.add(uriEncoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
	forms.add(new URLSearchParams({ v: value }).toString().slice(2));
	forms.add(Buffer.from(value, 'utf8').toString('base64'));
	forms.add(Buffer.from(value, 'utf8').toString('base64url'));
	forms.add(JSON.stringify(value).slice(1, -1));
	return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** The one redaction step: register every secret of a call, then pass any text or value through it. */
export class SecretSet {
	private readonly forms = new Set<string>();
	private ordered: string[] = [];

	add(...values: Array<string | undefined | null>): this {
		const before = this.forms.size;
		for (const value of values) {
			if (typeof value !== 'string' || value.trim().length < MIN_SECRET_LENGTH) continue;
			for (const form of encodedForms(value)) this.forms.add(form);
		}
		// Longest first, so a secret containing another registered secret is replaced whole.
		if (this.forms.size !== before) this.ordered = [...this.forms].sort((a, b) => b.length - a.length);
		return this;
	}

	redact(text: string): string {
		if (typeof text !== 'string' || this.ordered.length === 0) return text;
		let result = text;
		for (const form of this.ordered) {
			if (result.includes(form)) result = result.split(form).join(REDACTED);
		}
		return result;
	}

	redactDeep<T>(value: T): T {
		return new Scrubber(this).copy(value) as T;
	}

	get size(): number {
		return this.forms.size;
	}
}

/** One walk over a value graph: copies plain data, scrubs errors in place, survives cycles. */
class Scrubber {
	private readonly copies = new WeakMap<object, unknown>();
	private readonly errors = new WeakSet<object>();

	constructor(private readonly secrets: SecretSet) {}

	copy(value: unknown): unknown {
		if (typeof value === 'string') return this.secrets.redact(value);
		if (value === null || typeof value !== 'object') return value;
		if (value instanceof Error) return this.scrub(value);
		if (Buffer.isBuffer(value) || value instanceof Date) return value;
		if (this.copies.has(value)) return this.copies.get(value);
		if (Array.isArray(value)) {
			const list: unknown[] = [];
			this.copies.set(value, list);
			for (const entry of value) list.push(this.copy(entry));
			return list;
		}
		const result: Record<string, unknown> = {};
		this.copies.set(value, result);
		for (const [key, entry] of Object.entries(value)) result[this.secrets.redact(key)] = this.copy(entry);
		return result;
	}

	scrub<E>(error: E): E {
		if (typeof error === 'string') return this.secrets.redact(error) as E;
		if (error === null || typeof error !== 'object' || this.errors.has(error)) return error;
		this.errors.add(error);
		const target = error as Record<string, unknown>;
		for (const key of Object.getOwnPropertyNames(target)) {
			// The node is n8n's own workflow definition, not data we produced.
			if (key === 'node') continue;
			const value = target[key];
			if (value === null || (typeof value !== 'string' && typeof value !== 'object')) continue;
			const next = this.copy(value);
			if (next === value) continue;
			try {
				target[key] = next;
			} catch {
				// A read-only field cannot be rewritten; nothing we build has one.
			}
		}
		return error;
	}
}

/**
 * Scrubs an error in place: message, stack, description, cause, context, messages, errorResponse and every
 * other own field. n8n spreads an error's own fields into execution data (`{ ...error }`), so all of them count.
 */
export function redactError<E>(error: E, secrets: SecretSet): E {
	return new Scrubber(secrets).scrub(error);
}

export interface ToNodeApiErrorOptions {
	secrets: SecretSet;
	itemIndex?: number;
	/** The platform's name as users know it, e.g. 'Evalytics'. */
	platform: string;
	message?: string;
	description?: string;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

const NETWORK_PHRASES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved right now',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	EPIPE: 'the connection was closed while sending',
	UND_ERR_SOCKET: 'the connection was closed by the other side',
	UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the answer was cut off (truncated body)',
};

const TIMEOUT_PHRASES: Record<string, string> = {
	UND_ERR_CONNECT_TIMEOUT: 'no connection could be made in time',
	UND_ERR_HEADERS_TIMEOUT: 'no answer arrived in time',
	UND_ERR_BODY_TIMEOUT: 'the answer stalled while arriving',
};

const STATUS_HINTS: Record<number, (platform: string) => string> = {
	400: () => 'Check the values named in the message.',
	401: (platform) => `Check the credential for ${platform}.`,
	403: (platform) => `The credential may not do this; check its rights in ${platform}.`,
	404: (platform) => `Check the ID and that it exists in ${platform}.`,
	409: (platform) => `${platform} reports a conflict with existing data.`,
	422: () => 'Check the values named in the message.',
};

function retriedSuffix(error: TransportError): string {
	const retries = error.attempts - 1;
	if (retries <= 0) return '';
	return ` (retried ${retries} time${retries === 1 ? '' : 's'})`;
}

function defaultMessage(error: TransportError, platform: string): string {
	const host = hostOf(error.url);
	switch (error.kind) {
		case 'network': {
			const phrase = (error.code && NETWORK_PHRASES[error.code]) || 'the connection failed';
			return `Could not reach ${platform} at ${host}: ${phrase}${retriedSuffix(error)}`;
		}
		case 'timeout': {
			const phrase = (error.code && TIMEOUT_PHRASES[error.code]) || 'no answer arrived in time';
			return `${platform} at ${host} timed out: ${phrase}${retriedSuffix(error)}`;
		}
		case 'decode':
			return `${platform} answered with malformed JSON`;
		case 'aborted':
			return `The request to ${platform} was cancelled`;
		case 'http':
			break;
	}
	const status = error.status ?? 0;
	const said = error.platformMessage ? `: ${error.platformMessage}` : '';
	if (status === 429) {
		return `${platform} rate limited the request (HTTP 429)${retriedSuffix(error)}${said}`;
	}
	if (status >= 500) return `${platform} had a server error (HTTP ${status})${retriedSuffix(error)}${said}`;
	return `${platform} refused the request (HTTP ${status})${said}`;
}

function defaultDescription(error: TransportError, platform: string): string {
	const code = error.platformCode ? ` (code ${error.platformCode})` : '';
	switch (error.kind) {
		case 'network':
			return `${error.message}${error.code ? ` [${error.code}]` : ''}. Check the address in the credential and that ${platform} is reachable from this n8n server.`;
		case 'timeout':
			return `${error.message}. ${platform} may be slow or unreachable; try again later.`;
		case 'decode':
			return `${error.message}. This usually means a proxy or maintenance page answered instead of ${platform}.`;
		case 'aborted':
			return 'The execution was stopped while the request was running.';
		case 'http':
			break;
	}
	if (error.status === 429) {
		const wait = error.retryAfterMs !== undefined ? ` ${platform} asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s.` : '';
		return `Too many requests.${wait} Run fewer items at once or try again later.${code}`;
	}
	if ((error.status ?? 0) >= 500) {
		return `${platform} could not handle the request${code}. Try again later; if it keeps failing, contact ${platform} support.`;
	}
	const hint = STATUS_HINTS[error.status ?? 0]?.(platform) ?? `Check the request against the ${platform} documentation.`;
	const answer = error.platformMessage ? '' : error.bodySnippet ? ` ${platform} answered: ${error.bodySnippet}` : '';
	return `${hint}${code}${answer}`;
}

/** Builds the NodeApiError for a failed platform call; everything in it passes through the secret set. */
export function toNodeApiError(node: INode, error: TransportError, options: ToNodeApiErrorOptions): NodeApiError {
	const { secrets, platform } = options;
	const message = secrets.redact(options.message ?? defaultMessage(error, platform));
	const reason = error.notRetriedReason ? ` Not retried: ${error.notRetriedReason}.` : '';
	const description = secrets.redact(`${options.description ?? defaultDescription(error, platform)}${reason}`);
	// A small, known shape: without an explicit httpCode n8n would search it for status/code keys, and a
	// network code such as ECONNRESET in the message or response would make n8n replace our message.
	const errorResponse: JsonObject = { kind: error.kind, message };
	if (error.kind === 'http' && error.status !== undefined) {
		errorResponse.status = error.status;
		if (error.platformCode) errorResponse.code = secrets.redact(error.platformCode);
	}
	const apiError = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: error.kind === 'http' && error.status !== undefined ? String(error.status) : undefined,
		itemIndex: options.itemIndex,
	});
	return redactError(apiError, secrets);
}

/** Bad input: the message names the field, the description what is allowed and which item it was. */
export function invalidParameter(
	node: INode,
	args: { field: string; itemIndex: number; message: string; allowed?: string },
): NodeOperationError {
	const message = args.message.includes(args.field) ? args.message : `${args.field}: ${args.message}`;
	const allowed = args.allowed ? `Allowed: ${args.allowed}. ` : '';
	return new NodeOperationError(node, message, {
		itemIndex: args.itemIndex,
		description: `${allowed}Item ${args.itemIndex}, field "${args.field}".`,
	});
}

/**
 * Any thrown value as an n8n error for this node; n8n errors pass through with the item index stamped.
 * Redact first (`redactError`) when the value may hold secrets.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeError {
	if (error instanceof NodeError) {
		if (itemIndex !== undefined && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof TransportError) {
		return toNodeApiError(node, error, { secrets: new SecretSet(), itemIndex, platform: hostOf(error.url) });
	}
	const cause = error instanceof Error ? error : String(error);
	return new NodeOperationError(node, cause, { itemIndex });
}
