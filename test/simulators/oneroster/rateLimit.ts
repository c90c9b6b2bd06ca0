/**
 * A provider's request-rate limit, as Ed-Fi ships it (a fixed window per client, 429 `server_busy` past the
 * limit). Whether the 429 carries Retry-After is unverified, so both are a switch.
 *
 * The window is counted in requests, not measured on the clock, so a test sees the same 429s on an idle and on
 * a busy machine: a window answers `requests` requests, then refuses. Without Retry-After it reopens after
 * `refusals` refused requests (the client backed off and came back); with Retry-After it reopens once the
 * seconds it announced in its first refusal have passed — the promise the header makes, kept exactly.
 */
import type { SimHandler } from '../common/server';
import { errorResponse } from './errors';

export interface RateLimit {
	/** Requests answered per window; the rest get 429 until the window reopens. */
	requests: number;
	/** 'seconds': Retry-After: `retryAfterSeconds` (default 1); 'none': no header. */
	retryAfter: 'seconds' | 'none';
	/** Without Retry-After: refused requests after which the window reopens (default 3). */
	refusals?: number;
	retryAfterSeconds?: number;
}

export interface RateLimiter {
	handler: SimHandler;
	set(limit: RateLimit | undefined): void;
	/** 429s answered since the limit was set. */
	readonly throttled: number;
}

export function withRateLimit(inner: SimHandler, now: () => number = Date.now): RateLimiter {
	let limit: RateLimit | undefined;
	let used = 0;
	let refusedInWindow = 0;
	/** When a window with Retry-After reopens (set by its first refusal). */
	let reopensAt = 0;
	let throttled = 0;
	const reopen = () => {
		used = 0;
		refusedInWindow = 0;
		reopensAt = 0;
	};
	return {
		handler: async (request) => {
			if (!limit) return await inner(request);
			if (limit.retryAfter === 'none' ? refusedInWindow >= (limit.refusals ?? 3) : reopensAt > 0 && now() >= reopensAt) reopen();
			if (++used <= limit.requests) return await inner(request);
			throttled++;
			refusedInWindow++;
			const busy = errorResponse(429, 'server_busy', 'Too many requests; try again later');
			if (limit.retryAfter === 'none') return busy;
			const seconds = limit.retryAfterSeconds ?? 1;
			if (reopensAt === 0) reopensAt = now() + seconds * 1000;
			const left = Math.max(1, Math.ceil((reopensAt - now()) / 1000));
			return { ...busy, headers: { ...busy.headers, 'retry-after': String(left) } };
		},
		set(next) {
			limit = next;
			reopen();
			throttled = 0;
		},
		get throttled() {
			return throttled;
		},
	};
}
