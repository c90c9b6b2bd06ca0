import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactError, SecretSet, TransportError } from '../../shared/errors';
import type { HttpLogger, RetryPolicy } from '../../shared/http';
import { allowsUnencryptedHttp, checkCredentialUrl, ClientKit, isLoopbackHost, kitContext, type KitContext } from '../../shared/kit';
import { addSoapSecret, loadSoapService, type SoapRawReturn, type SoapService, type SoapValue } from '../../shared/soap';
import { decodeJsonBytes, decodePayload, resultCode } from './codecs';
import { describeCode, NOT_FOUND_CODES } from './errorCodes';
import { serializePhp, type PhpValue } from './php';
import { SMARTSCHOOL_METHODS, isSmartschoolMethod, type SmartschoolMethod, type SmartschoolMethodName } from './methods';

export { SMARTSCHOOL_METHODS, type SmartschoolMethod, type SmartschoolMethodName } from './methods';
export type { Codec, GroupNode, JsonValue, PhpValue } from './codecs';
export { describeCode, NOT_FOUND_CODES, SMARTSCHOOL_ERROR_CODES } from './errorCodes';

export const SMARTSCHOOL_CREDENTIAL = 'smartschoolApi';
export const SMARTSCHOOL_PATH = '/Webservices/V3';
/** The host the published WSDL hard-codes in targetNamespace, soapAction and address. */
export const PUBLISHED_WSDL_ORIGIN = 'https://sanctamaria-aarschot.smartschool.be';
export const SMARTSCHOOL_WSDL_PATH = join(__dirname, '..', 'wsdl', 'V3.augmented.wsdl');

/** Normal calls; whole-platform pulls (`large` in the method table) build one big answer before sending it. */
const TIMEOUTS = { connectMs: 15_000, headersMs: 60_000, bodyMs: 120_000 };
const LARGE_TIMEOUTS = { connectMs: 15_000, headersMs: 300_000, bodyMs: 300_000 };
const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;
/** Result codes are short; a longer JSON payload is probed by its head only. */
const CODE_PROBE_BYTES = 64;

export type SmartschoolContext = KitContext;

/** A part's value: text, number or flag; a list or object only where the method table names the part's encoding. */
export type SmartschoolPartValue = string | number | boolean | null | undefined | PhpValue;

export interface SmartschoolCredentials {
	/** Normalised origin, e.g. https://school.smartschool.be */
	platformUrl: string;
	accessCode: string;
}

export interface SmartschoolCallOptions {
	itemIndex?: number;
	/** Parts holding secrets (e.g. ['password']): redacted everywhere, in every wire form. */
	secretParts?: string[];
	/** For reads whose codes 9, 12 or 25 mean "not found": 'error' (default) throws a clear NodeApiError, 'null' returns null. */
	notFound?: 'error' | 'null';
}

/** Accepts `school.smartschool.be`, `https://school.smartschool.be/`, `…/Webservices/V3` (and `?wsdl`); gives the origin. */
export function normalisePlatformUrl(node: INode, raw: unknown, allowUnencryptedHttp = false): string {
	const value = typeof raw === 'string' ? raw.trim() : '';
	const example = 'for example https://myschool.smartschool.be';
	if (!value) {
		throw new NodeOperationError(node, 'The Smartschool credential has no Platform URL', { description: `Enter the address of the platform, ${example}` });
	}
	let url: URL | undefined;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
	} catch {
		url = undefined;
	}
	const junk = (why: string) =>
		new NodeOperationError(node, `The credential's Platform URL "${value}" ${why}`, { description: `Use the address of the platform, ${example}` });
	if (!url || !url.hostname || /\s/.test(value)) throw junk('is not a valid address');
	if (url.username || url.password) throw junk('must not contain a user name or password');
	checkCredentialUrl(node, url.href, { field: 'Platform URL', platform: 'Smartschool', allowUnencryptedHttp, example: 'https://myschool.smartschool.be' });
	if (!isLoopbackHost(url.hostname) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) throw junk('has no valid host name');
	return url.origin;
}

export function readCredentials(node: INode, data: ICredentialDataDecryptedObject): SmartschoolCredentials {
	const accessCode = typeof data.accessCode === 'string' ? data.accessCode.trim() : '';
	if (!accessCode) {
		throw new NodeOperationError(node, 'The Smartschool credential has no access code', {
			description: 'Open the credential and paste the web-services access code from Algemene configuratie > Webservices',
		});
	}
	return { platformUrl: normalisePlatformUrl(node, data.platformUrl, allowsUnencryptedHttp(data)), accessCode };
}

/** The parsed WSDL per endpoint, built on first use; the access code is not part of the key. */
export async function smartschoolService(platformUrl: string): Promise<SoapService> {
	return await loadSoapService({ wsdlPath: SMARTSCHOOL_WSDL_PATH, rewrite: [{ from: PUBLISHED_WSDL_ORIGIN, to: platformUrl }] });
}

function codeError(node: INode, method: string, code: number, itemIndex: number | undefined, secrets: SecretSet): NodeApiError {
	const { meaning, check } = describeCode(code);
	const message = `Smartschool refused ${method}: ${meaning} (code ${code})`;
	const error = new NodeApiError(node, { code, method, meaning } as JsonObject, {
		message,
		description: `${check} Smartschool answered ${method} with error code ${code}.`,
		httpCode: '200',
		itemIndex,
	});
	return redactError(error, secrets);
}

function describeTransport(error: TransportError, method: string): { message?: string; description?: string } {
	if (error.platformCode || error.platformMessage) {
		const fault = `${error.platformCode ?? ''}${error.platformCode && error.platformMessage ? ': ' : ''}${error.platformMessage ?? ''}`;
		return {
			message: `Smartschool failed on ${method} with a SOAP Fault (HTTP ${error.status ?? '?'}): ${fault}`,
			description:
				'The platform could not process the call. Check the values sent; a server fault on a write may still have taken effect, so check in Smartschool before repeating it.',
		};
	}
	if (error.kind === 'http' && error.status === 404) {
		return { description: `No Smartschool web service at this address. Check the Platform URL in the credential (the platform's own address, e.g. https://myschool.smartschool.be) and that web services are enabled.` };
	}
	if (error.kind === 'http' && (error.status ?? 0) >= 500 && error.bodySnippet) {
		return { description: `Something other than the Smartschool web service answered (a proxy or maintenance page?). Try again later.` };
	}
	if (error.kind === 'decode') {
		return { description: `${error.message}. Check the Platform URL in the credential; a proxy or maintenance page may have answered instead of Smartschool.` };
	}
	return {};
}

/**
 * The Smartschool client of one execution: the access code and every password part are redacted, each V3 call
 * goes through the bundled WSDL and the shared transport, and every result is decoded once.
 */
export class SmartschoolClient {
	private readonly kit: ClientKit;
	private uniqueFieldPromise?: Promise<'username' | 'number'>;

	constructor(
		private readonly node: INode,
		readonly credentials: SmartschoolCredentials,
		signal?: AbortSignal,
		logger?: HttpLogger,
		/** Tests shorten the backoff; the node uses the shared defaults. */
		retry?: Partial<RetryPolicy>,
	) {
		this.kit = new ClientKit({ node, platform: 'Smartschool', signal, logger, retry });
		addSoapSecret(this.kit.secrets, credentials.accessCode);
	}

	get secrets(): SecretSet {
		return this.kit.secrets;
	}

	get endpoint(): string {
		return `${this.credentials.platformUrl}${SMARTSCHOOL_PATH}`;
	}

	async call<M extends SmartschoolMethodName>(
		method: M,
		parts: Record<string, SmartschoolPartValue>,
		options: SmartschoolCallOptions = {},
	): Promise<unknown> {
		const { itemIndex } = options;
		if (!isSmartschoolMethod(method)) throw new NodeOperationError(this.node, `Unknown Smartschool method "${String(method)}"`, { itemIndex });
		const row: SmartschoolMethod = SMARTSCHOOL_METHODS[method];
		for (const name of options.secretParts ?? []) {
			const value = parts[name];
			if (value !== undefined && value !== null) addSoapSecret(this.secrets, String(value));
		}
		const unknown = Object.keys(parts).filter((name) => !row.parts.includes(name));
		if (unknown.length > 0) {
			throw new NodeOperationError(this.node, `Smartschool method ${method} has no part ${unknown.join(', ')}`, {
				itemIndex,
				description: `Its parts are: ${row.parts.join(', ') || '(none)'}`,
			});
		}
		const values: Record<string, SoapValue> = row.noAccessCode ? {} : { accesscode: this.credentials.accessCode };
		for (const name of row.parts) values[name] = this.encodePart(row, name, parts[name], itemIndex);
		let answer: SoapRawReturn | undefined;
		try {
			const service = await smartschoolService(this.credentials.platformUrl);
			answer = await service.callRaw(method, values, {
				endpoint: this.endpoint,
				idempotent: row.idempotent,
				secrets: this.secrets,
				timeouts: row.large ? LARGE_TIMEOUTS : TIMEOUTS,
				maxResponseBytes: MAX_RESPONSE_BYTES,
				signal: this.kit.signal,
				logger: this.kit.logger,
				retry: this.kit.retry,
			});
		} catch (error) {
			throw this.kit.toNodeError(error, itemIndex, (failure) => describeTransport(failure, method));
		}
		return this.decode(row, answer ?? { bytes: Buffer.alloc(0), nil: true }, options);
	}

	/** Lists go out encoded here, as answers are decoded here: an operation hands over plain values only. */
	private encodePart(row: SmartschoolMethod, name: string, value: SmartschoolPartValue, itemIndex?: number): SoapValue {
		const encoding = row.encode?.[name];
		if (encoding === 'php') return serializePhp(value as PhpValue);
		if (encoding === 'json') return JSON.stringify(value);
		if (value !== null && typeof value === 'object') {
			throw new NodeOperationError(this.node, `Smartschool method ${row.name} takes part ${name} as text, not a list`, { itemIndex });
		}
		return value;
	}

	private decode(row: SmartschoolMethod, raw: SoapRawReturn, options: SmartschoolCallOptions): unknown {
		const { itemIndex } = options;
		// A code instead of the payload is checked first, so it never becomes a parse error or a boolean. A long JSON
		// array or object cannot be a code: its head is enough, and it is decoded from the bytes (decodeJsonBytes).
		const head = row.returns === 'json' && raw.bytes.length > CODE_PROBE_BYTES ? raw.bytes.toString('latin1', 0, CODE_PROBE_BYTES) : undefined;
		const long = head !== undefined && /^\s*[[{]/.test(head);
		const answer = { text: long ? (head as string) : raw.bytes.toString('utf8'), type: raw.type };
		const code = resultCode(answer.text, answer.type);
		if (code !== undefined && code !== 0) {
			if (row.emptyOn?.includes(code)) return [];
			if (options.notFound === 'null' && NOT_FOUND_CODES.has(code)) return null;
			throw codeError(this.node, row.name, code, itemIndex, this.secrets);
		}
		if (row.returns === 'code') {
			if (code === undefined && answer.text.trim() !== '' && !/^(true|1)$/.test(answer.text.trim())) {
				throw new NodeApiError(this.node, { method: row.name } as JsonObject, {
					message: `Smartschool answered ${row.name} with "${this.secrets.redact(answer.text.slice(0, 100))}" instead of a result code`,
					description: 'The call may not have taken effect; check in Smartschool.',
					httpCode: '200',
					itemIndex,
				});
			}
			return 0;
		}
		if (row.returns === 'csv' && code === 0) return [];
		// "0" where data was expected: success without data.
		if (code === 0 && row.returns !== 'text') return null;
		try {
			return long ? decodeJsonBytes(raw.bytes) : decodePayload(row.returns, answer.text);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new NodeApiError(this.node, { method: row.name } as JsonObject, {
				message: `Smartschool's answer to ${row.name} could not be read: ${this.secrets.redact(reason)}`,
				description: `Expected ${row.returns} data (${raw.bytes.length} bytes arrived). A proxy may have altered the answer; try again.`,
				httpCode: '200',
				itemIndex,
			});
		}
	}

	/** The platform's "Uniek veld": how userIdentifier parts are read. Asked once per client. */
	async uniqueField(): Promise<'username' | 'number'> {
		this.uniqueFieldPromise ??= (async () => {
			const value = String(await this.call('getReferenceField', {})).trim().toLowerCase();
			if (value === 'username' || value === 'number') return value;
			throw new NodeApiError(this.node, { method: 'getReferenceField' } as JsonObject, {
				message: `Smartschool answered getReferenceField with "${value.slice(0, 50)}", not "username" or "number"`,
				description: 'Check "Uniek veld" in Algemene configuratie > Webservices.',
				httpCode: '200',
			});
		})();
		this.uniqueFieldPromise.catch(() => (this.uniqueFieldPromise = undefined));
		return await this.uniqueFieldPromise;
	}
}

export async function createSmartschoolClient(context: SmartschoolContext): Promise<SmartschoolClient> {
	const data = await context.getCredentials(SMARTSCHOOL_CREDENTIAL);
	const { node, signal, logger } = kitContext(context);
	return new SmartschoolClient(node, readCredentials(node, data), signal, logger);
}
