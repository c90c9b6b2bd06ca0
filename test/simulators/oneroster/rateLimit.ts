/**
 * A provider's request-rate limit, as Ed-Fi ships it (100 requests per minute per client IP, fixed window):
 * past the limit a 429 `server_busy`. Whether the 429 carries Retry-After is unverified, so both are a switch.
 */
import type { SimHandler } from '../common/server';
import { errorResponse } from './errors';

export interface RateLimit {
	/** Requests answered per window; the rest get 429 until the window ends. */
	requests: number;
	windowMs: number;
	/** 'seconds': Retry-After with the whole seconds left in the window (at least 1); 'none': no header. */
	retryAfter: 'seconds' | 'none';
}

export interface RateLimiter {
	handler: SimHandler;
	set(limit: RateLimit | undefined): void;
	/** 429s answered since the limit was set. */
	readonly throttled: number;
}

export function withRateLimit(inner: SimHandler): RateLimiter {
	let limit: RateLimit | undefined;
	let windowStart = 0;
	let used = 0;
	let throttled = 0;
	return {
		handler: async (request) => {
			if (!limit) return await inner(request);
			const now = Date.now();
			if (now - windowStart >= limit.windowMs) {
				windowStart = now;
				used = 0;
			}
			if (++used <= limit.requests) return await inner(request);
			throttled++;
			const busy = errorResponse(429, 'server_busy', 'Too many requests; try again later');
			if (limit.retryAfter === 'none') return busy;
			const seconds = Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000));
			return { ...busy, headers: { ...busy.headers, 'retry-after': String(seconds) } };
		},
		set(next) {
			limit = next;
			windowStart = 0;
			used = 0;
			throttled = 0;
		},
		get throttled() {
			return throttled;
		},
	};
}
