/**
 * OAuth 1.0a request signing (RFC 5849 §3), node:crypto only: HMAC-SHA256 or HMAC-SHA1, no token by default
 * (OneRoster 1.1 signs with the consumer key and secret alone). The base string covers the query parameters
 * exactly as they are sent, so sign the final URL.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type OAuth1SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

export interface OAuth1Config {
	consumerKey: string;
	consumerSecret: string;
	signatureMethod: OAuth1SignatureMethod;
	/** Only for three-legged flows (and RFC 5849's own examples); OneRoster leaves it out. */
	token?: string;
	tokenSecret?: string;
	realm?: string;
}

export interface OAuth1SignInput {
	method: string;
	url: string | URL;
	/** An application/x-www-form-urlencoded body is part of the base string (§3.4.1.3.1); JSON bodies are not. */
	formBody?: string;
	/** Fixed for tests; else the current Unix time. */
	timestamp?: string;
	nonce?: string;
}

/** RFC 3986 percent-encoding with only A-Za-z0-9-._~ left as they are (§3.6), upper-case hex. */
export function oauthEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes a form/query component: `+` is a space there (§3.4.1.3.1). */
function formDecode(value: string): string {
	return decodeURIComponent(value.replace(/\+/g, ' '));
}

function parsePairs(text: string): Array<[string, string]> {
	if (!text) return [];
	return text
		.split('&')
		.filter(Boolean)
		.map((pair) => {
			const at = pair.indexOf('=');
			return at < 0 ? [formDecode(pair), ''] : [formDecode(pair.slice(0, at)), formDecode(pair.slice(at + 1))];
		});
}

/** §3.4.1.2: lower-case scheme and host, the port only when not the default, the path, no query. */
export function baseStringUri(url: URL): string {
	const scheme = url.protocol.toLowerCase();
	const defaultPort = (scheme === 'http:' && url.port === '80') || (scheme === 'https:' && url.port === '443');
	const port = url.port && !defaultPort ? `:${url.port}` : '';
	return `${scheme}//${url.hostname.toLowerCase()}${port}${url.pathname || '/'}`;
}

/** §3.4.1.3.2: every name and value encoded, sorted by name then value, joined with `=` and `&`. */
export function normaliseParameters(pairs: Array<[string, string]>): string {
	return pairs
		.map(([name, value]) => [oauthEncode(name), oauthEncode(value)] as const)
		.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

/** §3.4.1: METHOD&enc(base URI)&enc(normalised parameters); `oauthParams` excludes oauth_signature and realm. */
export function signatureBaseString(method: string, url: URL, oauthParams: Record<string, string>, formBody?: string): string {
	const pairs: Array<[string, string]> = [
		...parsePairs(url.search.replace(/^\?/, '')),
		...parsePairs(formBody ?? ''),
		...Object.entries(oauthParams),
	];
	return `${method.toUpperCase()}&${oauthEncode(baseStringUri(url))}&${oauthEncode(normaliseParameters(pairs))}`;
}

export function hmacSignature(method: OAuth1SignatureMethod, consumerSecret: string, tokenSecret: string, base: string): string {
	const key = `${oauthEncode(consumerSecret)}&${oauthEncode(tokenSecret)}`;
	return createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', key).update(base).digest('base64');
}

export interface OAuth1Signature {
	/** The Authorization header value, `OAuth k="v", …`. */
	header: string;
	params: Record<string, string>;
	baseString: string;
}

/** Signs one request; a new nonce and timestamp every call, so every retry attempt is signed afresh. */
export function signOAuth1(config: OAuth1Config, input: OAuth1SignInput): OAuth1Signature {
	const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
	const params: Record<string, string> = {
		oauth_consumer_key: config.consumerKey,
		oauth_nonce: input.nonce ?? randomBytes(16).toString('hex'),
		oauth_signature_method: config.signatureMethod,
		oauth_timestamp: input.timestamp ?? String(Math.floor(Date.now() / 1000)),
		oauth_version: '1.0',
	};
	if (config.token) params.oauth_token = config.token;
	const baseString = signatureBaseString(input.method, url, params, input.formBody);
	const signature = hmacSignature(config.signatureMethod, config.consumerSecret, config.tokenSecret ?? '', baseString);
	const all = { ...params, oauth_signature: signature };
	const fields = Object.entries(all).map(([name, value]) => `${oauthEncode(name)}="${oauthEncode(value)}"`);
	if (config.realm !== undefined) fields.unshift(`realm="${oauthEncode(config.realm)}"`);
	return { header: `OAuth ${fields.join(', ')}`, params: all, baseString };
}

/** Reads an `Authorization: OAuth …` header (a leading comma after `OAuth`, as ClassLink writes it, is accepted). */
export function parseOAuth1Header(header: string): Record<string, string> | undefined {
	const match = /^OAuth[\s,]+(.*)$/i.exec(header.trim());
	if (!match) return undefined;
	const params: Record<string, string> = {};
	for (const part of match[1].matchAll(/([A-Za-z0-9_.~-]+)="([^"]*)"/g)) params[decodeURIComponent(part[1])] = decodeURIComponent(part[2]);
	return params;
}
