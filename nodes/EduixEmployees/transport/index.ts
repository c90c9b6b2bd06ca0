/**
 * The only code of the Edu-iX node that talks to the wire: base URL, token (shared OAuth2 cache, refreshed
 * once on a 401), optional TLS identity and API-Version header, Edu-V error bodies → NodeApiError. Every
 * Employees API call is a read (the POST lookup too), so every call may be retried.
 */
import type { IDataObject, IExecuteFunctions, INode, IPollFunctions, Logger } from 'n8n-workflow';

import { SecretSet, TransportError } from '../../shared/errors';
import type { HttpResponse, QueryValue } from '../../shared/http';
import { ClientKit, describeTokenFailure as describeTokenStep, fromTokenEndpoint, kitContext, TokenSession, type FailureTexts } from '../../shared/kit';
import type { Employee } from '../helpers/employees';
import { EDUIX_CREDENTIAL, readCredentials, type EduixCredentials } from './credentials';
import { describeEduvFailure, mapEduvError } from './errors';

export { EDUIX_CREDENTIAL, EMPLOYEE_SCOPES, readCredentials, type EduixCredentials } from './credentials';
export { EDUV_CODES, normaliseStatus } from './errors';

export const PLATFORM = 'Edu-iX';

export interface EduixRequest {
	method: 'GET' | 'POST';
	/** Path segments after the base URL; each is percent-encoded. */
	path: string[];
	query?: Record<string, QueryValue>;
	body?: IDataObject;
	itemIndex?: number;
}

export class EduixClient {
	/** The `API-Version` the source reported on its last answer (Edu-V sends the full version there). */
	apiVersion?: string;

	/** What the last refused call was, for the Test button to tell "token accepted" from a real refusal. */
	lastFailure?: { kind: TransportError['kind']; status?: number; platformCode?: string };

	private readonly kit: ClientKit;

	private readonly tokens?: TokenSession;

	constructor(
		node: INode,
		readonly credentials: EduixCredentials,
		secrets: SecretSet,
		signal?: AbortSignal,
		logger?: Pick<Logger, 'debug'>,
	) {
		this.kit = new ClientKit({ node, platform: PLATFORM, secrets, signal, logger, hooks: { mapError: mapEduvError } });
		if (credentials.oauth) this.tokens = new TokenSession(credentials.oauth, this.kit);
	}

	get secrets(): SecretSet {
		return this.kit.secrets;
	}

	async request<T>(request: EduixRequest): Promise<T> {
		const { credentials } = this;
		const url = `${credentials.baseUrl}/${request.path.map((segment) => encodeURIComponent(segment)).join('/')}`;
		const send = async (authorization: string): Promise<HttpResponse<T>> =>
			await this.kit.send<T>({
				method: request.method,
				url,
				query: request.query,
				json: request.body,
				headers: { authorization, ...(credentials.apiVersion ? { 'api-version': credentials.apiVersion } : {}) },
				// GET and the POST lookup only read: safe to repeat.
				idempotent: true,
				expect: 'json',
				tls: credentials.tls,
			});
		try {
			const response = this.tokens ? await this.tokens.run(send) : await send(`Bearer ${credentials.bearerToken ?? ''}`);
			this.apiVersion = response.headers['api-version'] ?? this.apiVersion;
			return response.data;
		} catch (error) {
			throw this.toError(error, request.itemIndex);
		}
	}

	/** The Test button's step 1: a token fetched now, never taken from the cache. */
	async fetchToken(): Promise<void> {
		if (!this.tokens) return;
		try {
			await this.tokens.token(true);
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
		throw this.kit.apiError(
			{ message: 'not a list' },
			{
				message: `${PLATFORM} answered the employee list with ${shape} instead of a list`,
				description: `Edu-V's GET /employees/school returns a bare JSON array of employees${version}. Check that the credential's Base URL points at the Employees API of the source, including its major version such as /v1.`,
				httpCode: '200',
				itemIndex,
			},
		);
	}

	private toError(error: unknown, itemIndex?: number): Error {
		const transport = error instanceof TransportError ? error : undefined;
		if (transport) this.lastFailure = { kind: transport.kind, status: transport.status, platformCode: transport.platformCode };
		const apiError = this.kit.toNodeError(error, itemIndex, (refused) => this.describe(refused));
		const apiVersion = transport?.headers?.['api-version'];
		this.apiVersion = apiVersion ?? this.apiVersion;
		if (apiVersion) apiError.description = this.secrets.redact(`${apiError.description ?? ''} The source answered with API-Version ${apiVersion}.`.trim());
		return apiError;
	}

	private describe(error: TransportError): FailureTexts {
		if (fromTokenEndpoint(error, this.credentials.oauth)) return describeTokenFailure(error);
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
export function describeTokenFailure(error: TransportError): FailureTexts {
	return describeTokenStep(error, {
		platform: PLATFORM,
		checkClient:
			'Check Token URL, Client ID and Scopes; for Signed JWT also that the vendor knows your public key (JWKS, Key ID), the Signing Algorithm matches the key and the Assertion Audience is what the vendor expects; for Client Secret the secret and how it is sent.',
	});
}

export type EduixContext = IExecuteFunctions | IPollFunctions;

export async function createEduixClient(context: EduixContext): Promise<EduixClient> {
	const data = await context.getCredentials(EDUIX_CREDENTIAL);
	const { node, signal, logger } = kitContext(context);
	const secrets = new SecretSet();
	const credentials = readCredentials(node, data, secrets);
	return new EduixClient(node, credentials, secrets, signal, logger);
}
