/**
 * The only code of the Edu-iX node that talks to the wire: base URL, token (shared OAuth2 cache, refreshed
 * once on a 401), optional TLS identity and API-Version header, Edu-V error bodies → NodeApiError. Every
 * Employees API call is a read (the POST lookup too), so every call may be retried.
 */
import type { IDataObject, IExecuteFunctions, INode, IPollFunctions, Logger } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redactError, SecretSet, toNodeApiError, toNodeError, TransportError } from '../../shared/errors';
import { createHttpClient, type HttpResponse, type QueryValue } from '../../shared/http';
import { getAccessToken, withAccessToken } from '../../shared/oauth2';
import type { Employee } from '../helpers/employees';
import { EDUIX_CREDENTIAL, readCredentials, type EduixCredentials } from './credentials';
import { describeEduvFailure, mapEduvError } from './errors';

export { EDUIX_CREDENTIAL, EMPLOYEE_SCOPES, readCredentials, type EduixCredentials } from './credentials';
export { EDUV_CODES, normaliseStatus } from './errors';

export const PLATFORM = 'Edu-iX';

export type EduixContext = IExecuteFunctions | IPollFunctions;

export interface EduixRequest {
	method: 'GET' | 'POST';
	/** Path segments after the base URL; each is percent-encoded. */
	path: string[];
	query?: Record<string, QueryValue>;
	body?: IDataObject;
	itemIndex?: number;
}

export class EduixClient {
	readonly secrets: SecretSet;

	/** The `API-Version` the source reported on its last answer (Edu-V sends the full version there). */
	apiVersion?: string;

	/** What the last refused call was, for the Test button to tell "token accepted" from a real refusal. */
	lastFailure?: { kind: TransportError['kind']; status?: number; platformCode?: string };

	private readonly http;

	constructor(
		private readonly node: INode,
		readonly credentials: EduixCredentials,
		secrets: SecretSet,
		private readonly signal?: AbortSignal,
		private readonly logger?: Pick<Logger, 'debug'>,
	) {
		this.secrets = secrets;
		this.http = createHttpClient({ secrets, logger, hooks: { mapError: mapEduvError } });
	}

	async request<T>(request: EduixRequest): Promise<T> {
		const { credentials } = this;
		const url = `${credentials.baseUrl}/${request.path.map((segment) => encodeURIComponent(segment)).join('/')}`;
		const send = async (authorization: string): Promise<HttpResponse<T>> =>
			await this.http.request<T>({
				method: request.method,
				url,
				query: request.query,
				json: request.body,
				headers: { authorization, ...(credentials.apiVersion ? { 'api-version': credentials.apiVersion } : {}) },
				// GET and the POST lookup only read: safe to repeat.
				idempotent: true,
				expect: 'json',
				tls: credentials.tls,
				signal: this.signal,
			});
		try {
			const response = credentials.oauth
				? await withAccessToken(credentials.oauth, send, { signal: this.signal, httpOptions: { secrets: this.secrets, logger: this.logger } })
				: await send(`Bearer ${credentials.bearerToken ?? ''}`);
			this.apiVersion = response.headers['api-version'] ?? this.apiVersion;
			return response.data;
		} catch (error) {
			throw this.toError(error, request.itemIndex);
		}
	}

	/** Fetches (or reuses) the access token alone, so the Test button can say which step failed. */
	async fetchToken(): Promise<void> {
		if (!this.credentials.oauth) return;
		try {
			await getAccessToken(this.credentials.oauth, { signal: this.signal, httpOptions: { secrets: this.secrets, logger: this.logger } });
		} catch (error) {
			throw this.toError(error);
		}
	}

	/**
	 * GET /employees/school: the whole school as one bare array (Edu-V has no paging). Any other shape is an
	 * error, never an empty list: the trigger would otherwise report every employee as having left.
	 */
	async listSchool(query: Record<string, QueryValue>, itemIndex?: number): Promise<Employee[]> {
		const listed = await this.request<unknown>({ method: 'GET', path: ['employees', 'school'], query, itemIndex });
		if (Array.isArray(listed)) return listed as Employee[];
		const shape = listed === null ? 'null' : typeof listed === 'object' ? `an object with ${Object.keys(listed).slice(0, 5).join(', ') || 'no keys'}` : typeof listed;
		const version = this.apiVersion ? ` (API-Version ${this.apiVersion})` : '';
		throw new NodeApiError(
			this.node,
			{ message: 'not a list' },
			{
				message: `${PLATFORM} answered the employee list with ${shape} instead of a list`,
				description: this.secrets.redact(
					`Edu-V's GET /employees/school returns a bare JSON array of employees${version}. Check that the credential's Base URL points at the Employees API of the source, including its major version such as /v1.`,
				),
				httpCode: '200',
				itemIndex,
			},
		);
	}

	private toError(error: unknown, itemIndex?: number): Error {
		if (!(error instanceof TransportError)) return toNodeError(this.node, redactError(error, this.secrets), itemIndex);
		this.lastFailure = { kind: error.kind, status: error.status, platformCode: error.platformCode };
		const tokenUrl = this.credentials.oauth?.tokenUrl;
		const fromTokenEndpoint = tokenUrl !== undefined && error.url.startsWith(tokenUrl);
		const texts = fromTokenEndpoint ? describeTokenFailure(error) : this.describe(error);
		// The shared texts for network, timeout, 429 and 5xx then name the token endpoint, not the API.
		const platform = fromTokenEndpoint ? `${PLATFORM} token endpoint` : PLATFORM;
		const apiError: NodeApiError = toNodeApiError(this.node, error, { secrets: this.secrets, itemIndex, platform, ...texts });
		const apiVersion = error.headers?.['api-version'];
		this.apiVersion = apiVersion ?? this.apiVersion;
		if (apiVersion) apiError.description = this.secrets.redact(`${apiError.description ?? ''} The source answered with API-Version ${apiVersion}.`.trim());
		return apiError;
	}

	private describe(error: TransportError): { message?: string; description?: string } {
		if (this.credentials.authentication === 'bearerToken' && error.kind === 'http' && error.status === 401 && !error.platformCode) {
			return {
				message: `${PLATFORM} refused the Bearer Token (HTTP 401)`,
				description: 'The fixed access token in the credential was refused; it may have expired. Ask the vendor for a new token, or use Signed JWT so n8n fetches tokens itself.',
			};
		}
		return describeEduvFailure(error, PLATFORM);
	}
}

/** The vendor's token endpoint refused or failed: what the OAuth error says and where to look. */
export function describeTokenFailure(error: TransportError): { message?: string; description?: string } {
	// Network, timeout, 429 and 5xx keep the shared texts: the transport's own message may quote a system code
	// (ECONNREFUSED), which would make n8n swap our message for its generic "perhaps it is offline".
	if (error.kind !== 'http' || error.status === 429 || (error.status ?? 0) >= 500) return {};
	const said = error.platformCode ? `: ${error.platformCode}${error.platformMessage && error.platformMessage !== error.platformCode ? ` (${error.platformMessage})` : ''}` : '';
	return {
		message: `${PLATFORM} token endpoint refused the client (HTTP ${error.status})${said}`,
		description:
			'Check Token URL, Client ID and Scopes; for Signed JWT also that the vendor knows your public key (JWKS, Key ID), the Signing Algorithm matches the key and the Assertion Audience is what the vendor expects; for Client Secret the secret and how it is sent.',
	};
}

export async function createEduixClient(context: EduixContext): Promise<EduixClient> {
	const data = await context.getCredentials(EDUIX_CREDENTIAL);
	const node = context.getNode();
	const secrets = new SecretSet();
	const credentials = readCredentials(node, data, secrets);
	const signal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	return new EduixClient(node, credentials, secrets, signal, context.logger);
}
