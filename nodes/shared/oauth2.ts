import { createHash, createPrivateKey, constants, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';

import { SecretSet, TransportError } from './errors';
import { httpRequest, tlsFingerprint, type HttpClientOptions, type HttpRequest, type TlsIdentity } from './http';

export type ClientAuthMethod = 'basic' | 'body' | 'private_key_jwt';

export interface ClientCredentialsConfig {
	tokenUrl: string;
	clientId: string;
	clientSecret?: string;
	scopes?: string[];
	clientAuth: ClientAuthMethod;
	/** private_key_jwt: returns a fresh signed assertion per token request. */
	createAssertion?: () => string | Promise<string>;
	/**
	 * private_key_jwt: something that changes when the signing key changes (the key PEM, its kid); only its
	 * hash enters the cache key. Without it, tokens are cached per createAssertion function object.
	 */
	assertionKeyIdentity?: string;
	extraParams?: Record<string, string>;
	tls?: TlsIdentity;
	secrets?: SecretSet;
	/**
	 * A hash of every field of the credential (kit.ts' credentialIdentity): any change to any field, a key's
	 * passphrase included, misses the cache.
	 */
	credentialIdentity?: string;
}

export interface AccessToken {
	accessToken: string;
	/** As the server said it, e.g. 'bearer'. */
	tokenType: string;
	/** ms since epoch */
	expiresAt: number;
	scope?: string;
}

export interface TokenOptions {
	forceRefresh?: boolean;
	signal?: AbortSignal;
	/** For the token request itself: logger, retry policy, extra secrets. */
	httpOptions?: HttpClientOptions;
}

interface CachedToken {
	token: AccessToken;
	refreshAt: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** When the server gives no expires_in: short, so a silently shorter real lifetime costs little. */
const DEFAULT_LIFETIME_SECONDS = 300;

const cache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<AccessToken>>();
const assertionFunctionIds = new WeakMap<object, string>();

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function assertionIdentity(config: ClientCredentialsConfig): string {
	if (config.assertionKeyIdentity) return sha256(config.assertionKeyIdentity);
	const factory = config.createAssertion;
	if (!factory) return 'none';
	let id = assertionFunctionIds.get(factory);
	if (!id) {
		id = randomUUID();
		assertionFunctionIds.set(factory, id);
	}
	return id;
}

/** One cache entry per credential; the key is a hash, so it never holds the secret. */
export function tokenCacheKey(config: ClientCredentialsConfig): string {
	const identity = config.clientAuth === 'private_key_jwt' ? assertionIdentity(config) : sha256(config.clientSecret ?? '');
	const parts = [
		config.tokenUrl,
		config.clientId,
		[...(config.scopes ?? [])].sort().join(' '),
		config.clientAuth,
		identity,
		JSON.stringify(Object.entries(config.extraParams ?? {}).sort()),
		config.tls ? tlsFingerprint(config.tls) : '',
		config.credentialIdentity ?? '',
	];
	return sha256(JSON.stringify(parts));
}

/** Refresh when less than 60 s or 10 % of the lifetime remains, whichever is smaller. */
function refreshMoment(obtainedAt: number, expiresAt: number): number {
	const lifetime = Math.max(0, expiresAt - obtainedAt);
	return expiresAt - Math.min(60_000, lifetime * 0.1);
}

export function clearTokenCache(): void {
	cache.clear();
	inFlight.clear();
}

export async function getAccessToken(config: ClientCredentialsConfig, options: TokenOptions = {}): Promise<AccessToken> {
	return (await obtainAccessToken(config, options)).token;
}

/** A token, and whether it was issued just now (false: taken from the cache). */
export async function obtainAccessToken(config: ClientCredentialsConfig, options: TokenOptions = {}): Promise<{ token: AccessToken; issued: boolean }> {
	const key = tokenCacheKey(config);
	const cached = cache.get(key);
	if (!options.forceRefresh && cached && Date.now() < cached.refreshAt) return { token: cached.token, issued: false };
	const pending = inFlight.get(key);
	if (pending) return { token: await pending, issued: true };
	const request = requestToken(config, options).then((token) => {
		cache.set(key, { token, refreshAt: refreshMoment(Date.now(), token.expiresAt) });
		return token;
	});
	inFlight.set(key, request);
	try {
		return { token: await request, issued: true };
	} finally {
		if (inFlight.get(key) === request) inFlight.delete(key);
	}
}

/** A new token after `refused` was refused, unless another caller already replaced it (then not issued for us). */
export async function renewAccessToken(config: ClientCredentialsConfig, refused: AccessToken, options: TokenOptions = {}): Promise<{ token: AccessToken; issued: boolean }> {
	const current = cache.get(tokenCacheKey(config));
	if (current && current.token.accessToken !== refused.accessToken && Date.now() < current.refreshAt) return { token: current.token, issued: false };
	const pending = inFlight.get(tokenCacheKey(config));
	if (pending) return { token: await pending, issued: false };
	return await obtainAccessToken(config, { ...options, forceRefresh: true });
}

function formEncode(params: Record<string, string>): string {
	return Object.entries(params)
		.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
		.join('&');
}

interface TokenResponseBody {
	access_token?: unknown;
	token_type?: unknown;
	expires_in?: unknown;
	scope?: unknown;
	error?: unknown;
	error_description?: unknown;
}

function mapTokenError(error: TransportError): TransportError {
	const body = error.body as TokenResponseBody | undefined;
	if (body && typeof body === 'object' && typeof body.error === 'string') {
		error.platformCode = body.error;
		error.platformMessage = typeof body.error_description === 'string' && body.error_description ? body.error_description : body.error;
	}
	return error;
}

async function requestToken(config: ClientCredentialsConfig, options: TokenOptions): Promise<AccessToken> {
	const secrets = config.secrets ?? options.httpOptions?.secrets ?? new SecretSet();
	secrets.add(config.clientSecret);
	const params: Record<string, string> = { grant_type: 'client_credentials' };
	if (config.scopes && config.scopes.length > 0) params.scope = config.scopes.join(' ');
	Object.assign(params, config.extraParams);
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
	switch (config.clientAuth) {
		case 'basic': {
			// RFC 6749 §2.3.1: form-encode id and secret before joining them. Percent-encoding (never '+')
			// reads back the same under both form and plain URL decoding.
			const encoded = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret ?? '')}`).toString('base64');
			headers.authorization = `Basic ${encoded}`;
			secrets.add(encoded, headers.authorization);
			break;
		}
		case 'body':
			params.client_id = config.clientId;
			params.client_secret = config.clientSecret ?? '';
			break;
		case 'private_key_jwt': {
			if (!config.createAssertion) throw new Error('private_key_jwt needs createAssertion to sign a client assertion');
			params.client_id = config.clientId;
			params.client_assertion_type = JWT_BEARER;
			break;
		}
	}
	const createAssertion = config.clientAuth === 'private_key_jwt' ? config.createAssertion : undefined;
	// RFC 7523: an assertion's jti may be used once, so every attempt (a retry after a lost answer or a 503)
	// signs a new one; replaying the first would be refused as "jti already used".
	const signEachAttempt = async (request: HttpRequest) => {
		if (!createAssertion) return;
		const assertion = await createAssertion();
		secrets.add(assertion);
		request.body = formEncode({ ...params, client_assertion: assertion });
	};
	const userMapError = options.httpOptions?.hooks?.mapError;
	const response = await httpRequest<TokenResponseBody>(
		{
			method: 'POST',
			url: config.tokenUrl,
			headers,
			body: formEncode(params),
			// A client-credentials grant changes nothing a user cares about: a lost answer only means an
			// unused token, so a failed token request may be repeated like a read.
			idempotent: true,
			expect: 'json',
			tls: config.tls,
			signal: options.signal,
		},
		{
			...options.httpOptions,
			secrets,
			hooks: {
				...options.httpOptions?.hooks,
				beforeRequest: signEachAttempt,
				mapError: (error, request) => {
					const mapped = mapTokenError(error);
					return userMapError ? userMapError(mapped, request) : mapped;
				},
			},
		},
	);
	return readToken(response.data, config, secrets, response.attempts);
}

function readToken(body: TokenResponseBody | undefined, config: ClientCredentialsConfig, secrets: SecretSet, attempts: number): AccessToken {
	const accessToken = body?.access_token;
	if (typeof accessToken !== 'string' || accessToken === '') {
		throw new TransportError({
			kind: 'decode',
			status: 200,
			message: secrets.redact(`The token endpoint ${config.tokenUrl} answered without an access_token`),
			method: 'POST',
			url: secrets.redact(config.tokenUrl),
			attempts,
		});
	}
	secrets.add(accessToken);
	const seconds = Number(body?.expires_in);
	const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LIFETIME_SECONDS;
	return {
		accessToken,
		tokenType: typeof body?.token_type === 'string' && body.token_type ? body.token_type : 'Bearer',
		expiresAt: Date.now() + lifetime * 1000,
		scope: typeof body?.scope === 'string' ? body.scope : undefined,
	};
}

/** 'Bearer <token>'; token_type is case-insensitive (RFC 6749 §5.1), so 'bearer' becomes 'Bearer'. */
export function authorizationHeader(token: AccessToken): string {
	const type = token.tokenType.toLowerCase() === 'bearer' ? 'Bearer' : token.tokenType;
	return `${type} ${token.accessToken}`;
}

export type JwtAlgorithm = 'RS256' | 'PS256' | 'ES256';

function base64UrlJson(value: unknown): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function checkKey(key: KeyObject, algorithm: JwtAlgorithm): void {
	const type = key.asymmetricKeyType;
	if (algorithm === 'ES256') {
		if (type !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
			throw new Error(`ES256 needs an EC P-256 private key, got ${type ?? 'unknown'}`);
		}
	} else if (type !== 'rsa' && !(algorithm === 'PS256' && type === 'rsa-pss')) {
		throw new Error(`${algorithm} needs an RSA private key, got ${type ?? 'unknown'}`);
	}
}

/** undefined when unreadable: node:crypto's own message could quote part of the key. */
function readPrivateKey(pem: string, passphrase?: string): KeyObject | undefined {
	try {
		return createPrivateKey({ key: pem, format: 'pem', passphrase });
	} catch {
		return undefined;
	}
}

/** A compact JWS with node:crypto only. Errors never include the key. */
export function signJwt(args: {
	privateKeyPem: string;
	algorithm: JwtAlgorithm;
	header?: Record<string, unknown>;
	claims: Record<string, unknown>;
	passphrase?: string;
}): string {
	const key = readPrivateKey(args.privateKeyPem, args.passphrase);
	if (!key) throw new Error('The private key could not be read: expected a PEM private key (and its passphrase if it has one)');
	checkKey(key, args.algorithm);
	const signingInput = `${base64UrlJson({ ...args.header, alg: args.algorithm, typ: 'JWT' })}.${base64UrlJson(args.claims)}`;
	const data = Buffer.from(signingInput, 'ascii');
	let signature: Buffer;
	switch (args.algorithm) {
		case 'RS256':
			signature = sign('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING });
			break;
		case 'PS256':
			signature = sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
			break;
		case 'ES256':
			// JWS wants r||s (IEEE P1363), not the DER that node:crypto gives by default.
			signature = sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
			break;
	}
	return `${signingInput}.${signature.toString('base64url')}`;
}

/** Claims of a client assertion (RFC 7523): iss = sub = client id, the token URL as audience, a unique jti. */
export function clientAssertionClaims(args: { clientId: string; audience: string; lifetimeSeconds?: number }): Record<string, unknown> {
	const now = Math.floor(Date.now() / 1000);
	return {
		iss: args.clientId,
		sub: args.clientId,
		aud: args.audience,
		iat: now,
		exp: now + (args.lifetimeSeconds ?? 300),
		jti: randomUUID(),
	};
}

/**
 * The `x5c` JWS header of a PEM certificate chain (RFC 7515 §4.1.6): each certificate as standard base64 DER,
 * leaf first, in the order given. Throws (never quoting the input) when a block is not a certificate.
 */
export function x5cFromPem(chainPem: string): string[] {
	const blocks = chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
	if (blocks.length === 0) throw new Error('The certificate chain holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
	return blocks.map((block, index) => {
		const der = readCertificate(block);
		if (!der) throw new Error(`Certificate ${index + 1} of the chain could not be read as an X.509 certificate`);
		return der.toString('base64');
	});
}

/** undefined when unreadable, so no parser message ever quotes the input. */
function readCertificate(pem: string): Buffer | undefined {
	try {
		return new X509Certificate(pem).raw;
	} catch {
		return undefined;
	}
}
