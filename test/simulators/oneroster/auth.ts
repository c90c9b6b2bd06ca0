/** The OAuth 2 client-credentials token endpoint and bearer-token checks. */
import { randomBytes } from 'node:crypto';

import { jsonResponse, type SimRequest, type SimResponse } from '../common/server';
import type { OneRosterState } from './state';

export interface OneRosterClientConfig {
	secret: string;
	/** Scopes this client may get; every scope when left out. */
	scopes?: string[];
}

export const DEMOGRAPHICS_SCOPE = 'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly';

interface IssuedToken {
	clientId: string;
	expiresAt: number;
	scopes?: string[];
	/** Times the token was presented (see the tokenRealUses reading). */
	uses: number;
}

export class TokenStore {
	private readonly tokens = new Map<string, IssuedToken>();

	/** Token requests answered, successful or not. */
	issued = 0;

	constructor(
		private readonly state: OneRosterState,
		readonly clients: Record<string, OneRosterClientConfig>,
		/** Static tokens accepted without a token request (the credential's bearer mode). */
		readonly staticTokens: Set<string>,
	) {}

	/** Makes every issued token expire now: the next call gets 401 (token expiry mid-walk). */
	expireAll(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	handleTokenRequest(request: SimRequest): SimResponse {
		const form = new URLSearchParams(typeof request.body === 'string' ? request.body : request.rawBody.toString('utf8'));
		const missing = Object.entries(this.state.readings.tokenUrlQuery ?? {}).find(([name, value]) => request.query[name]?.[0] !== value);
		if (missing) {
			return jsonResponse(400, { error: 'invalid_request', error_description: `The token URL needs ?${missing[0]}=${missing[1]}` });
		}
		const mode = this.state.readings.clientAuth;
		let clientId: string | undefined;
		let secret: string | undefined;
		const basic = /^Basic (.+)$/i.exec(String(request.headers.authorization ?? ''));
		if (basic && mode !== 'body') {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			clientId = decodeURIComponent(decoded.slice(0, colon));
			secret = decodeURIComponent(decoded.slice(colon + 1));
		} else if (form.get('client_id') && mode !== 'basic') {
			clientId = form.get('client_id') ?? undefined;
			secret = form.get('client_secret') ?? undefined;
		}
		if (form.get('grant_type') !== 'client_credentials') {
			return jsonResponse(400, { error: 'unsupported_grant_type', error_description: 'only client_credentials' });
		}
		const client = clientId ? this.clients[clientId] : undefined;
		if (!client || client.secret !== secret) {
			return jsonResponse(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		}
		const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
		const granted = client.scopes ? (requested.length ? requested.filter((scope) => client.scopes!.includes(scope)) : client.scopes) : undefined;
		if (client.scopes && requested.some((scope) => !client.scopes!.includes(scope))) {
			return jsonResponse(400, { error: 'invalid_scope', error_description: 'A requested scope is not granted to this client' });
		}
		const token = randomBytes(24).toString('base64url');
		const lifetime = this.state.readings.tokenLifetimeSeconds;
		this.tokens.set(token, { clientId: clientId!, expiresAt: Date.now() + lifetime * 1000, scopes: granted, uses: 0 });
		this.issued++;
		return jsonResponse(200, { access_token: token, token_type: this.state.readings.tokenType, expires_in: lifetime, ...(granted ? { scope: granted.join(' ') } : {}) });
	}

	/** undefined when the bearer token is good, else why not. */
	check(request: SimRequest, needScope?: string): 'unauthorised' | 'forbidden' | undefined {
		const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''));
		if (!bearer) return 'unauthorised';
		if (this.staticTokens.has(bearer[1])) return undefined;
		const token = this.tokens.get(bearer[1]);
		if (!token || token.expiresAt <= Date.now()) return 'unauthorised';
		token.uses++;
		const realUses = this.state.readings.tokenRealUses;
		if (realUses !== undefined && token.uses > realUses) return 'unauthorised';
		if (needScope && token.scopes && !token.scopes.includes(needScope)) return 'forbidden';
		return undefined;
	}
}
