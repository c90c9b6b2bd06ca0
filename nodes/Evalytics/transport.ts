import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportError } from '../shared/errors';
import type { HttpMethod, QueryValue, RetryPolicy } from '../shared/http';
import { allowsUnencryptedHttp, checkCredentialUrl, ClientKit, kitContext, type KitContext } from '../shared/kit';

export const EVALYTICS_CREDENTIAL = 'evalyticsApi';
const DEFAULT_BASE_URL = 'https://api-portal.evalytics.nl';

export type EvalyticsContext = KitContext;

export interface EvalyticsCredentials {
	apiKey: string;
	organisation: string;
	baseUrl: string;
}

export interface EvalyticsRequest {
	method: HttpMethod;
	/** Path segments; each is percent-encoded, so an ID can never change the path. */
	path: Array<string | number>;
	query?: Record<string, QueryValue>;
	body?: IDataObject;
	/** The retry contract: only reads, PUT upserts and DELETEs may be retried. */
	idempotent: boolean;
	/** Organisation for this call; the credential's default when empty. */
	organisation?: string;
	itemIndex?: number;
	arrayFormat?: 'repeat' | 'comma';
}

/** One list page as Evalytics sends it: `{ metadata: { resultSet: { count, limit } }, results }`. */
export interface EvalyticsListEnvelope<T> {
	metadata?: { timestamp?: string; resultSet?: { count?: number; limit?: number; skip?: number } };
	results?: T[];
}

/** Evalytics error bodies: `{ userMessage, errorCode (a UUID naming the error kind), context?, status? }`. */
interface EvalyticsErrorBody {
	userMessage?: unknown;
	errorCode?: unknown;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'Evalytics rejected the request. Check the fields named in the message.',
	401: 'The API key was refused. Check the key in the credential; keys are managed in the Evalytics portal by a functioneel beheerder.',
	403: 'The API key may not do this for this organisation. Check the key\'s rights and organisation restrictions in the Evalytics portal.',
	404: 'Evalytics does not know this ID in this organisation. IDs may be the internal ID or the externalId; check also the organisation.',
	409: 'Evalytics reports a conflict, for example an e-mail address that another user already has.',
	422: 'Evalytics could not process the data. Check the fields named in the message.',
};

export function normaliseBaseUrl(node: INode, raw: unknown, allowUnencryptedHttp = false): string {
	const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	const url = checkCredentialUrl(node, value, { field: 'Base URL', platform: 'Evalytics', allowUnencryptedHttp, example: DEFAULT_BASE_URL });
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function readCredentials(node: INode, data: ICredentialDataDecryptedObject): EvalyticsCredentials {
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
	if (!apiKey) {
		throw new NodeOperationError(node, 'The Evalytics credential has no API key', {
			description: 'Open the credential and paste the API key created in the Evalytics portal',
		});
	}
	return {
		apiKey,
		organisation: data.organisation === undefined || data.organisation === null ? '' : String(data.organisation).trim(),
		baseUrl: normaliseBaseUrl(node, data.baseUrl, allowsUnencryptedHttp(data)),
	};
}

/**
 * The Evalytics client of one execution: credentials are read once, the secret set redacts the API key
 * from every message, and each request goes through the shared transport (pooling, retries, timeouts).
 */
export class EvalyticsClient {
	private readonly kit: ClientKit;

	constructor(
		private readonly node: INode,
		readonly credentials: EvalyticsCredentials,
		signal?: AbortSignal,
		logger?: { debug(message: string, meta?: object): void },
		/** The Test button answers sooner; the node uses the shared defaults. */
		retry?: Partial<RetryPolicy>,
	) {
		this.kit = new ClientKit({
			node,
			platform: 'Evalytics',
			signal,
			logger,
			retry,
			hooks: {
				beforeRequest: (request) => {
					request.headers = { ...request.headers, 'api-key': credentials.apiKey, accept: 'application/json' };
				},
				mapError: (error) => mapEvalyticsError(error),
			},
		});
		this.kit.secrets.add(credentials.apiKey);
	}

	get secrets() {
		return this.kit.secrets;
	}

	organisationFor(override?: string): string {
		return override?.trim() || this.credentials.organisation;
	}

	async request<T>(request: EvalyticsRequest): Promise<T> {
		const organisation = this.organisationFor(request.organisation);
		if (!organisation) {
			throw new NodeOperationError(this.node, 'No organisation given', {
				itemIndex: request.itemIndex,
				description:
					'Evalytics needs an organisation on every call: set a Default Organisation in the credential or choose one in the node',
			});
		}
		const path = request.path.map((segment) => encodeURIComponent(String(segment))).join('/');
		try {
			const response = await this.kit.send<T>({
				method: request.method,
				url: `${this.credentials.baseUrl}/${path}`,
				query: { ...request.query, organisation },
				arrayFormat: request.arrayFormat,
				json: request.body,
				idempotent: request.idempotent,
			});
			return response.data;
		} catch (error) {
			throw this.kit.toNodeError(error, request.itemIndex, (failure) => ({ description: describeFailure(failure) }));
		}
	}
}

function mapEvalyticsError(error: TransportError): TransportError {
	const body = error.body as EvalyticsErrorBody | undefined;
	if (body && typeof body === 'object') {
		if (typeof body.userMessage === 'string' && body.userMessage) error.platformMessage = body.userMessage;
		if (typeof body.errorCode === 'string' && body.errorCode) error.platformCode = body.errorCode;
	}
	return error;
}

function describeFailure(error: TransportError): string | undefined {
	if (error.kind !== 'http' || error.status === undefined) return undefined;
	const hint = STATUS_HINTS[error.status];
	if (!hint) return undefined;
	return error.platformCode ? `${hint} (Evalytics error code ${error.platformCode})` : hint;
}

export async function createEvalyticsClient(context: EvalyticsContext): Promise<EvalyticsClient> {
	const data = await context.getCredentials(EVALYTICS_CREDENTIAL);
	const { node, signal, logger } = kitContext(context);
	return new EvalyticsClient(node, readCredentials(node, data), signal, logger);
}
