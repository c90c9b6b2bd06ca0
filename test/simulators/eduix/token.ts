/**
 * The vendor's token endpoint: OAuth 2.0 client credentials with private_key_jwt (RFC 7523), client secret
 * (Basic or body) as the alternative. The assertion is checked the way the Edu-V OAuth profile implies:
 * signature with the registered key (found by `kid` or by the `x5c` leaf, per reading), iss = sub = client
 * id, audience, expiry and a jti that may be used once.
 */
import { constants, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';

import { jsonResponse, type SimRequest, type SimResponse } from '../common/server';
import type { EduixState } from './state';
import type { RegisteredClient } from './types';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Clock skew allowed for iat. */
const SKEW_SECONDS = 60;

function oauthError(status: number, error: string, description: string): SimResponse {
	return jsonResponse(status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

class TokenRefusal extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		message: string,
	) {
		super(message);
	}
}

function decodePart(part: string): Record<string, unknown> {
	try {
		const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		// fall through
	}
	throw new TokenRefusal(401, 'invalid_client', 'client_assertion is not a JWT');
}

function sameKey(a: KeyObject, b: KeyObject): boolean {
	return a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
}

function keyFor(state: EduixState, client: RegisteredClient, header: Record<string, unknown>): KeyObject {
	if (state.readings.assertionKey === 'kid') {
		const key = client.keys.find((candidate) => candidate.kid === header.kid);
		if (!key) throw new TokenRefusal(401, 'invalid_client', `no registered key with kid "${String(header.kid ?? '')}"`);
		return key.publicKey;
	}
	const chain = header.x5c;
	if (!Array.isArray(chain) || chain.length === 0 || typeof chain[0] !== 'string') {
		throw new TokenRefusal(401, 'invalid_client', 'the assertion header has no x5c certificate chain');
	}
	let leaf: KeyObject;
	try {
		leaf = new X509Certificate(Buffer.from(chain[0], 'base64')).publicKey;
	} catch {
		throw new TokenRefusal(401, 'invalid_client', 'the first x5c entry is not a certificate');
	}
	const key = client.keys.find((candidate) => sameKey(candidate.publicKey, leaf));
	if (!key) throw new TokenRefusal(401, 'invalid_client', 'the x5c certificate is not registered for this client');
	return key.publicKey;
}

function checkSignature(jwt: string, algorithm: unknown, key: KeyObject): void {
	const [header, claims, signature] = jwt.split('.');
	const data = Buffer.from(`${header}.${claims}`, 'ascii');
	const raw = Buffer.from(signature ?? '', 'base64url');
	let valid: boolean;
	try {
		switch (algorithm) {
			case 'RS256':
				valid = verify('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, raw);
				break;
			case 'PS256':
				valid = verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, raw);
				break;
			case 'ES256':
				valid = verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, raw);
				break;
			default:
				throw new TokenRefusal(401, 'invalid_client', `alg "${String(algorithm)}" is not accepted (RS256, PS256, ES256)`);
		}
	} catch (error) {
		if (error instanceof TokenRefusal) throw error;
		valid = false;
	}
	if (!valid) throw new TokenRefusal(401, 'invalid_client', 'the assertion signature does not verify');
}

function checkAssertion(state: EduixState, client: RegisteredClient, jwt: string, audience: string): void {
	const parts = jwt.split('.');
	if (parts.length !== 3) throw new TokenRefusal(401, 'invalid_client', 'client_assertion is not a JWT');
	const header = decodePart(parts[0]);
	const claims = decodePart(parts[1]);
	checkSignature(jwt, header.alg, keyFor(state, client, header));
	if (claims.iss !== client.clientId || claims.sub !== client.clientId) {
		throw new TokenRefusal(401, 'invalid_client', 'iss and sub must both be the client_id');
	}
	const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	if (!audiences.includes(audience)) throw new TokenRefusal(401, 'invalid_client', `aud must be ${audience}`);
	const now = Math.floor(Date.now() / 1000);
	if (typeof claims.exp !== 'number' || claims.exp <= now) throw new TokenRefusal(401, 'invalid_client', 'the assertion has expired (exp)');
	if (typeof claims.iat === 'number' && claims.iat > now + SKEW_SECONDS) throw new TokenRefusal(401, 'invalid_client', 'iat lies in the future');
	if (typeof claims.jti !== 'string' || claims.jti === '') throw new TokenRefusal(401, 'invalid_client', 'the assertion has no jti');
	for (const [jti, until] of state.usedJti) if (until < now * 1000) state.usedJti.delete(jti);
	if (state.usedJti.has(claims.jti)) throw new TokenRefusal(401, 'invalid_client', 'jti already used: replayed assertion');
	state.usedJti.set(claims.jti, claims.exp * 1000);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
	const match = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

function authenticate(state: EduixState, request: SimRequest, form: URLSearchParams, audience: string): RegisteredClient {
	const basic = basicCredentials(request.headers.authorization);
	const clientId = basic?.id ?? form.get('client_id') ?? '';
	const client = state.clients.get(clientId);
	if (!client) throw new TokenRefusal(401, 'invalid_client', 'unknown client_id');
	if (form.get('client_assertion_type') === JWT_BEARER) {
		checkAssertion(state, client, form.get('client_assertion') ?? '', audience);
		return client;
	}
	const secret = basic?.secret ?? form.get('client_secret');
	if (!client.secret || secret !== client.secret) throw new TokenRefusal(401, 'invalid_client', 'client authentication failed');
	return client;
}

export function handleToken(state: EduixState, request: SimRequest, urls: { tokenUrl: string; issuer: string }): SimResponse {
	const form = new URLSearchParams(request.rawBody.toString('utf8'));
	if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'only client_credentials');
	try {
		const client = authenticate(state, request, form, state.readings.audience === 'tokenUrl' ? urls.tokenUrl : urls.issuer);
		const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
		const scopes = requested.length ? requested.filter((scope) => client.scopes.includes(scope)) : [...client.scopes];
		const token = state.issueToken(client.clientId, scopes);
		return jsonResponse(
			200,
			{ access_token: token, token_type: 'Bearer', expires_in: state.readings.tokenLifetimeSeconds, scope: scopes.join(' ') },
			{ 'cache-control': 'no-store' },
		);
	} catch (error) {
		if (error instanceof TokenRefusal) return oauthError(error.status, error.error, error.message);
		throw error;
	}
}

/** The public key of a PEM key or certificate, for registering a client. */
export function publicKeyOf(pem: string): KeyObject {
	return pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}
