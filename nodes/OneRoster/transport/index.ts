/**
 * The only OneRoster code that talks to the wire: service base URL, OAuth 2 token (cached, refreshed once on 401)
 * or static bearer, extra headers, envelope-free JSON, and error mapping to NodeApiError with codeMinor meanings.
 */
import type { IExecuteFunctions, ILoadOptionsFunctions, INode, IPollFunctions } from 'n8n-workflow';

import { redactError, SecretSet, toNodeApiError, toNodeError, TransportError } from '../../shared/errors';
import { buildUrl, createHttpClient, type HttpMethod, type HttpRequest, type QueryValue } from '../../shared/http';
import { signOAuth1 } from '../../shared/oauth1';
import { withAccessToken, type ClientCredentialsConfig } from '../../shared/oauth2';
import type { OneRosterService } from '../actions/endpoints';
import { readCredentials, type OneRosterCredentials } from './credentials';
import { describeFailure, mapOneRosterError } from './errors';

export { readCredentials, type OneRosterCredentials } from './credentials';

export const ONEROSTER_CREDENTIAL = 'oneRosterApi';

export type OneRosterContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

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
	readonly secrets = new SecretSet();

	private readonly http;

	private readonly oauth?: ClientCredentialsConfig;

	constructor(
		private readonly node: INode,
		readonly credentials: OneRosterCredentials,
		private readonly signal?: AbortSignal,
		private readonly logger?: { debug(message: string, meta?: object): void },
	) {
		const { auth } = credentials;
		this.secrets.add(...Object.values(credentials.extraHeaders));
		if (auth.kind === 'bearerToken') this.secrets.add(auth.accessToken);
		else if (auth.kind === 'oAuth1') this.secrets.add(auth.consumerSecret);
		else {
			this.secrets.add(auth.clientSecret);
			this.oauth = {
				tokenUrl: auth.tokenUrl,
				clientId: auth.clientId,
				clientSecret: auth.clientSecret,
				scopes: auth.scopes,
				clientAuth: auth.clientAuth,
				secrets: this.secrets,
			};
		}
		// OAuth 1.0a signs each attempt afresh (new nonce and timestamp) over the exact URL that attempt sends.
		const sign =
			auth.kind === 'oAuth1'
				? (request: HttpRequest) => {
						const url = buildUrl(request.url, request.query, request.arrayFormat);
						request.headers = { ...request.headers, authorization: signOAuth1(auth, { method: request.method, url }).header };
					}
				: undefined;
		this.http = createHttpClient({ secrets: this.secrets, logger, hooks: { mapError: mapOneRosterError, beforeRequest: sign } });
	}

	serviceUrl(service: OneRosterService = 'rostering'): string {
		return this.credentials.services[service];
	}

	async request<T>(request: OneRosterRequest): Promise<OneRosterResponse<T>> {
		const signals = [this.signal, request.signal].filter((signal): signal is AbortSignal => signal !== undefined);
		const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
		try {
			const send = async (authorization?: string) => {
				const response = await this.http.request<T>({
					method: request.method,
					url: `${this.serviceUrl(request.service)}${request.path}`,
					query: request.query,
					arrayFormat: 'comma',
					headers: authorization ? { ...this.credentials.extraHeaders, authorization } : { ...this.credentials.extraHeaders },
					json: request.body,
					idempotent: request.idempotent,
					signal,
					onThrottled: request.onThrottled,
				});
				return { status: response.status, data: response.data, headers: response.headers };
			};
			const { auth } = this.credentials;
			if (auth.kind === 'bearerToken') return await send(`Bearer ${auth.accessToken}`);
			if (auth.kind === 'oAuth1') return await send();
			return await withAccessToken(this.oauth!, send, {
				signal,
				httpOptions: { secrets: this.secrets, logger: this.logger },
			});
		} catch (error) {
			throw this.toNodeError(error, request);
		}
	}

	private toNodeError(error: unknown, request: OneRosterRequest) {
		if (!(error instanceof TransportError)) return toNodeError(this.node, redactError(error, this.secrets), request.itemIndex);
		const tokenStep = this.oauth !== undefined && error.kind === 'http' && error.url.startsWith(this.oauth.tokenUrl);
		return toNodeApiError(this.node, error, {
			secrets: this.secrets,
			itemIndex: request.itemIndex,
			platform: 'OneRoster',
			message: tokenStep ? `The OneRoster token URL refused the client credentials (HTTP ${error.status ?? error.kind})` : undefined,
			description: tokenStep
				? `Check the Client ID, Client Secret, Scopes and Client Authentication (Basic or body) in the credential${error.platformCode ? ` (token error ${error.platformCode})` : ''}.`
				: this.credentials.auth.kind === 'oAuth1' && error.status === 401
					? `The provider refused the OAuth 1.0a signature. Check the Consumer Key, Consumer Secret and Signature Method (HMAC-SHA256 or HMAC-SHA1) in the credential, and that this machine's clock is right${error.platformCode ? ` (OneRoster codeMinor ${error.platformCode})` : ''}.`
					: describeFailure(error, { write: request.write === true }),
		});
	}
}

export async function createOneRosterClient(context: OneRosterContext): Promise<OneRosterClient> {
	const data = await context.getCredentials(ONEROSTER_CREDENTIAL);
	const node = context.getNode();
	const signal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	return new OneRosterClient(node, readCredentials(node, data), signal, context.logger);
}
