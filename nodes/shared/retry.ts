import { setTimeout as delay } from 'node:timers/promises';

import type { TransportError } from './errors';

/** The one retry contract; see `shouldRetry` for what may be retried at all. */
export interface RetryPolicy {
	/** Attempts in total, the first one included. */
	maxAttempts: number;
	baseDelayMs: number;
	/** Cap of one computed backoff delay; a server's Retry-After is honoured above it (within the total budget). */
	maxDelayMs: number;
	/** Cap of all waiting between attempts of one request. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
	maxTotalWaitMs: 30_000,
});

export function resolveRetryPolicy(...layers: Array<Partial<RetryPolicy> | undefined>): RetryPolicy {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
	for (const layer of layers) {
		if (!layer) continue;
		for (const key of Object.keys(policy) as Array<keyof RetryPolicy>) {
			const value = layer[key];
			if (typeof value === 'number' && Number.isFinite(value) && value >= 0) policy[key] = value;
		}
	}
	policy.maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
	return policy;
}

/** 500 is not here: it usually means the request itself broke the server, and repeating it rarely helps. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Failures where nothing reached the application or the connection broke: safe to repeat for an idempotent
 * request. A wrong host name (ENOTFOUND), TLS failures and our own argument errors are permanent.
 */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'ENETDOWN',
	'EHOSTUNREACH',
	'EHOSTDOWN',
	'UND_ERR_SOCKET',
	'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/**
 * Whether a failed attempt may be repeated, the request being idempotent. Decode errors are not retried:
 * a truncated body already fails as a network error (content-length mismatch or a socket closed mid-body),
 * so a complete body that is not JSON is what the server meant to send (often a proxy page) and would
 * come back the same.
 */
export function isRetryable(error: TransportError): boolean {
	switch (error.kind) {
		case 'http':
			return error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
		case 'timeout':
			return true;
		case 'network':
			return error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code);
		case 'decode':
		case 'aborted':
			return false;
	}
}

/** Retry-After as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (!/[a-z]/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with full jitter; `retryIndex` is 1 before the second attempt. */
export function backoffDelay(policy: RetryPolicy, retryIndex: number, random: () => number = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryIndex - 1));
	return Math.floor(random() * ceiling);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason?: string };

/** Decides the wait before the next attempt, within the attempt and total-wait caps. */
export function planRetry(
	error: TransportError,
	args: { idempotent: boolean; attempt: number; waitedMs: number; policy: RetryPolicy },
): RetryDecision {
	const { policy, attempt, waitedMs } = args;
	if (!isRetryable(error) || attempt >= policy.maxAttempts) return { retry: false };
	if (!args.idempotent) {
		return {
			retry: false,
			reason: 'this call changes data, and a lost answer must not make it happen twice; check whether it took effect before running it again',
		};
	}
	const remaining = policy.maxTotalWaitMs - waitedMs;
	if (error.retryAfterMs !== undefined) {
		if (error.retryAfterMs > remaining) {
			const asked = Math.ceil(error.retryAfterMs / 1000);
			const left = Math.max(0, Math.floor(remaining / 1000));
			return {
				retry: false,
				reason: `the server asked to wait ${asked} s (Retry-After), more than the ${left} s left to wait for retries`,
			};
		}
		return { retry: true, delayMs: error.retryAfterMs };
	}
	if (remaining <= 0) return { retry: false };
	return { retry: true, delayMs: Math.min(remaining, backoffDelay(policy, attempt)) };
}

/** Waits, or rejects as soon as the signal aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (ms <= 0) {
		if (signal?.aborted) throw signal.reason ?? new Error('aborted');
		return;
	}
	await delay(ms, undefined, { signal });
}
