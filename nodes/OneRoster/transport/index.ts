/**
 * The only OneRoster code that talks to the wire: service base URL, OAuth 2 token (cached, refreshed once on 401)
 * or static bearer, extra headers, envelope-free JSON, and error mapping to NodeApiError with codeMinor meanings.
 */
import type { INode } from 'n8n-workflow';

import type { TransportError } from '../../shared/errors';
import { buildUrl, type HttpMethod, type HttpRequest, type QueryValue } from '../../shared/http';
import { ClientKit, describeTokenFailure, fromTokenEndpoint, kitContext, TokenSession, type FailureTexts, type KitContext } from '../../shared/kit';
import { signOAuth1 } from '../../shared/oauth1';
import type { OneRosterService } from '../actions/endpoints';
import { readCredentials, type OneRosterCredentials } from './credentials';
import { describeFailure, mapOneRosterError } from './errors';

export { readCredentials, type OneRosterCredentials } from './credentials';

export const ONEROSTER_CREDENTIAL = 'oneRosterApi';

export type OneRosterContext = KitContext;

export interface OneRosterRequest {
	method: HttpMethod;
	service?: OneRosterService;
	/** Already filled and percent-encoded, starting with '/'. */
	path: string;
	query?: Record<string, QueryValue>;
	body?: unknown;
	idempotent: boolean;
	itemIndex?: number;
	/** Write of a vendor extension: a 404/405 then says the provider may not support it. */
	write?: boolean;
	/** Cancels this request only (e.g. a page asked ahead that is no longer needed). */
	signal?: AbortSignal;
	/** See HttpRequest.onThrottled: the pager narrows its window on a 429. */
	onThrottled?: HttpRequest['onThrottled'];
}

export interface OneRosterResponse<T> {
	status: number;
	data: T;
	headers: Record<string, string>;
}

/** Fills `{name}` placeholders, each value percent-encoded so an ID can never change the path. */
export function fillPath(path: string, values: Record<string, string>): string {
	return path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

export class OneRosterClient {
	private readonly kit: ClientKit;

	/** OAuth 2 only: tokens of this execution under the token-retry rule. */
	readonly tokens?: TokenSession;

	constructor(
		node: INode,
		readonly credentials: OneRosterCredentials,
		signal?: AbortSignal,
		logger?: { debug(message: string, meta?: object): void },
	) {
		const { auth } = credentials;
		// OAuth 1.0a signs each attempt afresh (new nonce and timestamp) over the exact URL that attempt sends.
		const sign =
			auth.kind === 'oAuth1'
				? (request: HttpRequest) => {
						const url = buildUrl(request.url, request.query, request.arrayFormat);
						request.headers = { ...request.headers, authorization: signOAuth1(auth, { method: request.method, url }).header };
					}
				: undefined;
		this.kit = new ClientKit({ node, platform: 'OneRoster', signal, logger, hooks: { mapError: mapOneRosterError, beforeRequest: sign } });
		this.kit.secrets.add(...Object.values(credentials.extraHeaders));
		if (auth.kind === 'bearerToken') this.kit.secrets.add(auth.accessToken);
		else if (auth.kind === 'oAuth1') this.kit.secrets.add(auth.consumerSecret);
		else {
			this.kit.secrets.add(auth.clientSecret);
			this.tokens = new TokenSession(
				{
					tokenUrl: auth.tokenUrl,
					clientId: auth.clientId,
					clientSecret: auth.clientSecret,
					scopes: auth.scopes,
					clientAuth: auth.clientAuth,
					secrets: this.kit.secrets,
					credentialIdentity: auth.credentialIdentity,
				},
				this.kit,
			);
		}
	}

	get secrets() {
		return this.kit.secrets;
	}

	serviceUrl(service: OneRosterService = 'rostering'): string {
		return this.credentials.services[service];
	}

	async request<T>(request: OneRosterRequest): Promise<OneRosterResponse<T>> {
		try {
			const send = async (authorization?: string) => {
				const response = await this.kit.send<T>({
					method: request.method,
					url: `${this.serviceUrl(request.service)}${request.path}`,
					query: request.query,
					arrayFormat: 'comma',
					headers: authorization ? { ...this.credentials.extraHeaders, authorization } : { ...this.credentials.extraHeaders },
					json: request.body,
					idempotent: request.idempotent,
					signal: request.signal,
					onThrottled: request.onThrottled,
				});
				return { status: response.status, data: response.data, headers: response.headers };
			};
			const { auth } = this.credentials;
			if (auth.kind === 'bearerToken') return await send(`Bearer ${auth.accessToken}`);
			if (auth.kind === 'oAuth1' || !this.tokens) return await send();
			return await this.tokens.run(send);
		} catch (error) {
			throw this.kit.toNodeError(error, request.itemIndex, (failure) => this.describe(failure, request));
		}
	}

	/** The Test button's step 1: a token fetched now, never taken from the cache. */
	async fetchToken(): Promise<void> {
		if (!this.tokens) return;
		try {
			await this.tokens.token(true);
		} catch (error) {
			throw this.kit.toNodeError(error, undefined, (failure) => this.describe(failure, { write: false }));
		}
	}

	private describe(error: TransportError, request: Pick<OneRosterRequest, 'write'>): FailureTexts {
		if (fromTokenEndpoint(error, this.tokens?.config)) {
			return describeTokenFailure(error, { platform: 'OneRoster', checkClient: 'Check the Client ID, Client Secret, Scopes and Client Authentication (Basic or body) in the credential.' });
		}
		if (this.credentials.auth.kind === 'oAuth1' && error.status === 401) {
			return {
				description: `The provider refused the OAuth 1.0a signature. Check the Consumer Key, Consumer Secret and Signature Method (HMAC-SHA256 or HMAC-SHA1) in the credential, and that this machine's clock is right${error.platformCode ? ` (OneRoster codeMinor ${error.platformCode})` : ''}.`,
			};
		}
		return { description: describeFailure(error, { write: request.write === true }) };
	}
}

export async function createOneRosterClient(context: OneRosterContext): Promise<OneRosterClient> {
	const data = await context.getCredentials(ONEROSTER_CREDENTIAL);
	const { node, signal, logger } = kitContext(context);
	return new OneRosterClient(node, readCredentials(node, data), signal, logger);
}
