/**
 * The one client kit every platform transport is built on: the secret set, the execution's cancellation, the
 * credential URL rule, the platform error-mapper hook, the token-retry rule, and redaction once per error. A
 * platform folder keeps only what is its own: paths, auth headers, error bodies and hints.
 */
import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions, INode, IPollFunctions, NodeError } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactError, SecretSet, toNodeApiError, toNodeError, TransportError } from './errors';
import { createHttpClient, type HttpHooks, type HttpLogger, type HttpRequest, type HttpResponse, type RetryPolicy } from './http';
import { authorizationHeader, obtainAccessToken, renewAccessToken, type AccessToken, type ClientCredentialsConfig } from './oauth2';

export { ALLOW_UNENCRYPTED_HTTP, allowsUnencryptedHttp, allowUnencryptedHttpField } from './credentialFields';

// ---- the URL rule ----

/** Hosts that never leave this machine: the simulators, a sidecar on the same host. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface CredentialUrlRule {
	/** The field as the credential shows it, e.g. 'Token URL'. */
	field: string;
	platform: string;
	/** The credential's Allow Unencrypted HTTP switch. */
	allowUnencryptedHttp: boolean;
	/** A full example address for the error's description. */
	example: string;
}

/**
 * The one rule for every base and token URL: https; plain http on loopback hosts, and elsewhere only with Allow
 * Unencrypted HTTP switched on (a Docker network talks to host names, not loopback). Query strings are kept.
 */
export function checkCredentialUrl(node: INode, value: string, rule: CredentialUrlRule): URL {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new NodeOperationError(node, `The credential's ${rule.field} "${value}" is not a valid URL`, {
			description: `Use a full address, for example ${rule.example}`,
		});
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NodeOperationError(node, `The credential's ${rule.field} must start with https://`, { description: `Got "${value}"` });
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !rule.allowUnencryptedHttp) {
		throw new NodeOperationError(node, `The credential's ${rule.field} must use https://: plain http:// would send the ${rule.platform} secrets unencrypted to ${url.host}`, {
			description: `Change the ${rule.field} to https://. Only if ${url.host} is reached over a private network you trust (for example a Docker network), switch on "Allow Unencrypted HTTP" in the credential instead.`,
		});
	}
	return url;
}

/** A hash of every field of a credential: any change to any field gives another token cache entry. */
export function credentialIdentity(data: ICredentialDataDecryptedObject): string {
	const entries = Object.entries(data).sort(([a], [b]) => a.localeCompare(b));
	return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

// ---- the client skeleton ----

export type KitContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ClientKitOptions {
	node: INode;
	/** The platform's name as users know it, e.g. 'Evalytics'. */
	platform: string;
	/** The execution's cancel signal: every request stops with it. */
	signal?: AbortSignal;
	logger?: HttpLogger;
	/** Given when secrets were registered before the kit existed (while the credential was read). */
	secrets?: SecretSet;
	/** The platform's hooks: auth headers per attempt, and the error-mapper that reads its error bodies. */
	hooks?: HttpHooks;
	retry?: Partial<RetryPolicy>;
}

/** What a platform says about a failed call; anything left out keeps the shared wording. */
export interface FailureTexts {
	message?: string;
	description?: string;
	/** Shown instead of the platform's name, e.g. 'Edu-iX token endpoint'. */
	platform?: string;
}

/** The execution's node, cancel signal and logger, from any n8n context that runs a node. */
export function kitContext(context: KitContext): Pick<ClientKitOptions, 'node' | 'signal' | 'logger'> {
	return {
		node: context.getNode(),
		signal: 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined,
		logger: context.logger,
	};
}

export class ClientKit {
	readonly secrets: SecretSet;
	readonly node: INode;
	readonly platform: string;
	readonly signal?: AbortSignal;
	readonly logger?: HttpLogger;
	readonly retry?: Partial<RetryPolicy>;
	private readonly http;

	constructor(options: ClientKitOptions) {
		this.node = options.node;
		this.platform = options.platform;
		this.signal = options.signal;
		this.logger = options.logger;
		this.retry = options.retry;
		this.secrets = options.secrets ?? new SecretSet();
		this.http = createHttpClient({ secrets: this.secrets, logger: this.logger, hooks: options.hooks, retry: options.retry });
	}

	/** The execution's cancellation joined with a request's own (e.g. a page no longer needed). */
	signalFor(own?: AbortSignal): AbortSignal | undefined {
		const signals = [this.signal, own].filter((signal): signal is AbortSignal => signal !== undefined);
		return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
	}

	async send<T>(request: HttpRequest): Promise<HttpResponse<T>> {
		return await this.http.request<T>({ ...request, signal: this.signalFor(request.signal) });
	}

	/**
	 * Any failure as the n8n error the user sees, redacted once: a TransportError becomes a NodeApiError with the
	 * platform's texts, anything else an n8n error scrubbed of every secret.
	 */
	toNodeError(error: unknown, itemIndex?: number, describe?: (error: TransportError) => FailureTexts): NodeError {
		if (!(error instanceof TransportError)) return toNodeError(this.node, redactError(error, this.secrets), itemIndex);
		const texts = earlyExpiryTexts(error, this.platform) ?? describe?.(error) ?? {};
		return toNodeApiError(this.node, error, {
			secrets: this.secrets,
			itemIndex,
			platform: texts.platform ?? this.platform,
			message: texts.message,
			description: texts.description,
		});
	}

	/** An error the platform builds itself (e.g. an answer of the wrong shape), through the same redaction. */
	apiError(response: Record<string, string>, texts: { message: string; description: string; httpCode?: string; itemIndex?: number }): NodeApiError {
		return redactError(new NodeApiError(this.node, response, texts), this.secrets);
	}
}

// ---- the token-retry rule ----

/** New tokens one request may fetch after a 401: a token that died, and one more in case a second one dies too. */
export const MAX_NEW_TOKENS_PER_REQUEST = 2;
/** New tokens one execution may fetch after 401s; more means the provider's tokens die far sooner than they say. */
export const MAX_NEW_TOKENS_PER_EXECUTION = 10;

function isUnauthorized(error: unknown): boolean {
	if (error instanceof TransportError) return error.kind === 'http' && error.status === 401;
	return error instanceof NodeApiError && String(error.httpCode) === '401';
}

function earlyExpiryTexts(error: TransportError, platform: string): FailureTexts | undefined {
	const refusal = error.tokenRefusal;
	if (refusal?.reason !== 'early-expiry') return undefined;
	return {
		message: `${platform} refused its access tokens before their stated lifetime ended (HTTP 401)`,
		description:
			`The credential is accepted (its tokens were issued), but ${platform} refused them early: this request got ${refusal.newTokensForRequest} new token(s) and this execution fetched ${refusal.newTokensForExecution} ` +
			`(at most ${MAX_NEW_TOKENS_PER_REQUEST} per request and ${MAX_NEW_TOKENS_PER_EXECUTION} per execution). The provider's tokens expire sooner than their expires_in says; try again, and if it keeps happening tell the provider.`,
	};
}

/**
 * OAuth 2 client-credentials tokens for one execution. A 401 fetches a new token and repeats the request (the
 * server refused before doing anything, so even a create is safe to repeat), at most MAX_NEW_TOKENS_PER_REQUEST
 * times per request and MAX_NEW_TOKENS_PER_EXECUTION per execution. Only a token issued for this request and
 * refused on its very first use says the credential is wrong (`tokenRefusal.reason: 'credential'`).
 */
export class TokenSession {
	private newTokens = 0;
	/** Tokens that got any answer but 401: one of them refused later died, it was not wrong. */
	private readonly accepted = new Set<string>();
	/** Tokens this session fetched itself (the Test button's step 1): refused on first use, they blame the credential. */
	private readonly fetched = new Set<string>();

	constructor(
		readonly config: ClientCredentialsConfig,
		private readonly kit: ClientKit,
	) {}

	private get options() {
		return { signal: this.kit.signal, httpOptions: { secrets: this.kit.secrets, logger: this.kit.logger, retry: this.kit.retry } };
	}

	/** A token for a Test button (`fresh`: never from the cache) or for a step of its own. */
	async token(fresh = false): Promise<AccessToken> {
		const { token, issued } = await obtainAccessToken(this.config, { ...this.options, forceRefresh: fresh });
		this.kit.secrets.add(token.accessToken);
		if (issued) this.fetched.add(token.accessToken);
		return token;
	}

	async run<T>(call: (authorization: string) => Promise<T>): Promise<T> {
		const first = await obtainAccessToken(this.config, this.options);
		let { token } = first;
		let issued = first.issued || this.fetched.has(token.accessToken);
		for (let renewals = 0; ; ) {
			this.kit.secrets.add(token.accessToken);
			try {
				const result = await call(authorizationHeader(token));
				this.accepted.add(token.accessToken);
				return result;
			} catch (error) {
				if (!isUnauthorized(error)) {
					if (error instanceof TransportError && error.kind === 'http') this.accepted.add(token.accessToken);
					// The caller's own error, shaped by its transport's kit.toNodeError: passed on untouched.
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
					throw error;
				}
				const attempts = error instanceof TransportError ? error.attempts : 1;
				const refusedOnFirstUse = issued && attempts === 1 && !this.accepted.has(token.accessToken);
				if (refusedOnFirstUse || renewals >= MAX_NEW_TOKENS_PER_REQUEST || this.newTokens >= MAX_NEW_TOKENS_PER_EXECUTION) {
					if (error instanceof TransportError) {
						error.tokenRefusal = {
							reason: refusedOnFirstUse ? 'credential' : 'early-expiry',
							newTokensForRequest: renewals,
							newTokensForExecution: this.newTokens,
						};
					}
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
					throw error;
				}
				renewals++;
				const renewed = await renewAccessToken(this.config, token, this.options);
				// Only tokens fetched for this call count against the execution: parallel pages share one renewal.
				if (renewed.issued) this.newTokens++;
				({ token, issued } = renewed);
			}
		}
	}
}

// ---- token endpoint failures ----

export interface TokenFailureWording {
	platform: string;
	/** What to check in the credential when the client itself was refused. */
	checkClient: string;
}

/** Whether a failure came from the token endpoint (its URL, query string included). */
export function fromTokenEndpoint(error: TransportError, config: ClientCredentialsConfig | undefined): boolean {
	if (!config) return false;
	const tokenUrl = new URL(config.tokenUrl);
	return error.url.startsWith(`${tokenUrl.origin}${tokenUrl.pathname}`);
}

/**
 * The token endpoint refused or failed: what the OAuth error says and where to look. Network, timeout, 429 and 5xx
 * keep the shared texts (named after the token endpoint by the caller's `platform`).
 */
export function describeTokenFailure(error: TransportError, wording: TokenFailureWording): FailureTexts {
	const platform = `${wording.platform} token endpoint`;
	if (error.kind !== 'http' || error.status === 429 || (error.status ?? 0) >= 500) return { platform };
	const said = error.platformCode ? `: ${error.platformCode}${error.platformMessage && error.platformMessage !== error.platformCode ? ` (${error.platformMessage})` : ''}` : '';
	if (error.status === 404 || error.status === 405) {
		return {
			platform,
			message: `${platform} answered HTTP ${error.status}: there is no token endpoint at this address`,
			description: 'Check the Token URL in the credential: the whole address the provider gives, including any query string such as ?appName=….',
		};
	}
	if (/\bjti\b|replay/i.test(error.platformMessage ?? '')) {
		return {
			platform,
			message: `${platform} refused a replayed client assertion (HTTP ${error.status})${said}`,
			description:
				'The token endpoint has seen this assertion (its jti) before. n8n signs a new assertion for every token request, so another system may be using the same key and Client ID at the same moment; try again.',
		};
	}
	const description =
		error.platformCode === 'invalid_request'
			? `The token endpoint found the request incomplete. Check the Token URL (with any query string the provider gives, such as ?appName=…) and Scopes. ${wording.checkClient}`
			: wording.checkClient;
	return { platform, message: `${platform} refused the client (HTTP ${error.status})${said}`, description };
}
