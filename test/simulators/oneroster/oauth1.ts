/**
 * OAuth 1.0a verification as a OneRoster 1.1 server does it (RFC 5849 §3.2), written apart from the node's signer
 * so the two check each other: known consumer, HMAC-SHA256 or HMAC-SHA1, timestamp within the window
 * (Instructure: 10 min past, 5 min future), nonce never seen before, signature over method, URL and all parameters.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { SimRequest } from '../common/server';

export interface OAuth1Consumer {
	secret: string;
}

export type OAuth1Failure = 'missing' | 'unknown_consumer' | 'bad_method' | 'stale_timestamp' | 'reused_nonce' | 'bad_signature';

export const OAUTH1_MESSAGES: Record<OAuth1Failure, string> = {
	missing: 'OAuth parameters missing',
	unknown_consumer: 'Unknown consumer key',
	bad_method: 'Unsupported signature method',
	stale_timestamp: 'Timestamp outside the allowed window',
	reused_nonce: 'Nonce already used',
	bad_signature: 'Invalid signature',
};

const enc = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class OAuth1Verifier {
	private readonly nonces = new Set<string>();

	/** Accepted requests. */
	accepted = 0;

	constructor(
		readonly consumers: Record<string, OAuth1Consumer>,
		private readonly methods: () => ReadonlyArray<'HMAC-SHA256' | 'HMAC-SHA1'>,
	) {}

	verify(request: SimRequest, origin: string): OAuth1Failure | undefined {
		const header = String(request.headers.authorization ?? '');
		const match = /^OAuth[\s,]+(.*)$/i.exec(header);
		if (!match) return 'missing';
		const oauth: Record<string, string> = {};
		for (const part of match[1].matchAll(/([A-Za-z0-9_]+)="([^"]*)"/g)) oauth[part[1]] = decodeURIComponent(part[2]);
		const { oauth_consumer_key: key, oauth_signature: signature, oauth_signature_method: method, oauth_timestamp: timestamp, oauth_nonce: nonce } = oauth;
		if (!key || !signature || !method || !timestamp || !nonce) return 'missing';
		const consumer = this.consumers[key];
		if (!consumer) return 'unknown_consumer';
		if (!(this.methods() as string[]).includes(method)) return 'bad_method';
		const skew = Math.floor(Date.now() / 1000) - Number(timestamp);
		if (!Number.isFinite(skew) || skew > 600 || skew < -300) return 'stale_timestamp';
		const pairs: Array<[string, string]> = [];
		for (const [name, values] of Object.entries(request.query)) for (const value of values) pairs.push([name, value]);
		for (const [name, value] of Object.entries(oauth)) if (name !== 'oauth_signature' && name !== 'realm') pairs.push([name, value]);
		const normalised = pairs
			.map(([name, value]) => `${enc(name)}=${enc(value)}`)
			.sort()
			.join('&');
		const base = [request.method.toUpperCase(), enc(`${origin}${request.path}`), enc(normalised)].join('&');
		const expected = createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${enc(consumer.secret)}&`).update(base).digest();
		const given = Buffer.from(signature, 'base64');
		if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
		// Checked last, so a bad signature cannot burn a nonce.
		if (this.nonces.has(`${key}:${nonce}`)) return 'reused_nonce';
		this.nonces.add(`${key}:${nonce}`);
		this.accepted++;
		return undefined;
	}
}
