import { readFile } from 'node:fs/promises';

import type { WSDL } from 'soap/lib/wsdl';

import { SecretSet, TransportError } from './errors';
import type * as Http from './http';
import type { HttpLogger, HttpRequest, RetryPolicy } from './http';

/**
 * SOAP 1.1 RPC calls for platforms that publish a WSDL. The `soap` package reads the WSDL and builds request
 * envelopes (names, namespace, part order, `xsi:type`, escaping); the HTTP goes through the shared transport
 * (pools, retry contract, redaction); the answer's single `<return>` element is read directly, because a generic
 * SOAP deserialiser is several times slower than the download on the multi-megabyte answers of whole-platform pulls.
 * `soap` is loaded on the first call only, so n8n's start-up does not pay for it.
 */

export type SoapValue = string | number | boolean | null | undefined;

export interface SoapServiceSource {
	/** Absolute path of the WSDL bundled with the package: no WSDL download per execution. */
	wsdlPath: string;
	/** Text replacements before parsing, e.g. a publisher's host hard-coded in targetNamespace, soapAction and address. */
	rewrite?: Array<{ from: string; to: string }>;
}

export interface SoapPart {
	name: string;
	/** As the WSDL says, e.g. `xsd:string`; `xsd:anyType` is sent as `xsd:string`. */
	type: string;
}

export interface SoapOperation {
	name: string;
	namespace: string;
	soapAction: string;
	parts: SoapPart[];
	oneWay: boolean;
}

/** The decoded `<return>` element: its text, XML-unescaped, and its `xsi:type` when it had one. */
export interface SoapReturn {
	text: string;
	type?: string;
	nil: boolean;
}

/**
 * The `<return>` element before text decoding: its payload bytes, XML-unescaped (a view into the answer, valid
 * until the caller drops it), so a platform codec can choose how to turn them into a string.
 */
export interface SoapRawReturn {
	bytes: Buffer;
	type?: string;
	nil: boolean;
}

export interface SoapCallOptions {
	/** Where to POST; the WSDL's address is never used. */
	endpoint: string;
	/** From the platform's method table: reads (even though SOAP sends them as POST) may be retried. */
	idempotent: boolean;
	secrets: SecretSet;
	timeouts?: HttpRequest['timeouts'];
	retry?: Partial<RetryPolicy>;
	signal?: AbortSignal;
	logger?: HttpLogger;
	maxResponseBytes?: number;
}

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const ENCODING_STYLE = 'http://schemas.xmlsoap.org/soap/encoding/';

type WsdlModule = typeof import('soap/lib/wsdl');

let wsdlModule: WsdlModule | undefined;
let httpModule: typeof Http | undefined;
/** The HTTP layer on the first call too: node files import this module for addSoapSecret and xmlEscape alone. */
function loadHttpModule(): typeof Http {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	httpModule ??= require('./http') as typeof Http;
	return httpModule;
}

function loadWsdlModule(): WsdlModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	wsdlModule ??= require('soap/lib/wsdl') as WsdlModule;
	return wsdlModule;
}

interface WsdlMethod {
	soapAction?: string;
	style?: string;
	inputSoap?: string;
	input?: { parts?: Record<string, string> | null };
	output?: unknown;
}

export class SoapService {
	private readonly operations = new Map<string, SoapOperation>();

	constructor(
		private readonly wsdl: WSDL,
		readonly namespace: string,
		readonly address: string | undefined,
	) {
		const services = wsdl.definitions.services;
		for (const service of Object.values(services)) {
			for (const port of Object.values(service.ports)) {
				const methods = port.binding.methods as unknown as Record<string, WsdlMethod>;
				for (const [name, method] of Object.entries(methods)) {
					const parts = Object.entries(method.input?.parts ?? {}).map(([part, type]) => ({ name: part, type }));
					this.operations.set(name, {
						name,
						namespace,
						soapAction: method.soapAction ?? `${namespace}#${name}`,
						parts,
						oneWay: !method.output,
					});
				}
			}
		}
	}

	operation(name: string): SoapOperation | undefined {
		return this.operations.get(name);
	}

	get operationNames(): string[] {
		return [...this.operations.keys()];
	}

	/**
	 * The full request envelope. Parts go in WSDL order whatever the order of `values`; a part left undefined is
	 * sent empty when a later part has a value and left out when none does (optional trailing parts).
	 */
	envelope(name: string, values: Record<string, SoapValue>): string {
		const operation = this.operations.get(name);
		if (!operation) throw new Error(`The WSDL has no operation "${name}"`);
		const known = new Set(operation.parts.map((part) => part.name));
		const unknown = Object.keys(values).filter((key) => !known.has(key));
		if (unknown.length > 0) throw new Error(`Operation "${name}" has no part ${unknown.join(', ')}`);
		let last = -1;
		operation.parts.forEach((part, index) => {
			if (values[part.name] !== undefined) last = index;
		});
		const args: Record<string, { attributes: Record<string, string>; $value: string }> = {};
		for (const part of operation.parts.slice(0, last + 1)) {
			const value = values[part.name];
			const type = part.type === 'xsd:anyType' ? 'xsd:string' : part.type;
			args[part.name] = { attributes: { 'xsi:type': type }, $value: value === null || value === undefined ? '' : String(value) };
		}
		const body = this.wsdl.objectToRpcXML(name, operation.parts.length === 0 ? null : args, 'tns', this.namespace, true);
		return (
			'<?xml version="1.0" encoding="utf-8"?>' +
			`<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NS}" xmlns:xsi="${XSI_NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ` +
			`xmlns:tns="${xmlEscape(this.namespace)}" soap:encodingStyle="${ENCODING_STYLE}">` +
			`<soap:Body>${body}</soap:Body></soap:Envelope>`
		);
	}

	/** One call; a SOAP Fault (on any status) or an answer without a `<return>` throws a TransportError. */
	async call(name: string, values: Record<string, SoapValue>, options: SoapCallOptions): Promise<SoapReturn | undefined> {
		const answer = await this.callRaw(name, values, options);
		return answer && { text: answer.bytes.toString('utf8'), type: answer.type, nil: answer.nil };
	}

	/** As `call`, but the payload stays bytes: large answers can skip the generic UTF-8 decoding. */
	async callRaw(name: string, values: Record<string, SoapValue>, options: SoapCallOptions): Promise<SoapRawReturn | undefined> {
		const operation = this.operations.get(name);
		if (!operation) throw new Error(`The WSDL has no operation "${name}"`);
		const response = await loadHttpModule().httpRequest<Buffer>(
			{
				method: 'POST',
				url: options.endpoint,
				headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${operation.soapAction}"`, accept: 'text/xml' },
				body: this.envelope(name, values),
				idempotent: options.idempotent,
				// Bytes, not text: the payload is unescaped in place before its only UTF-8 decoding.
				expect: 'buffer',
				timeouts: options.timeouts,
				retry: options.retry,
				signal: options.signal,
				maxResponseBytes: options.maxResponseBytes,
			},
			{ secrets: options.secrets, logger: options.logger, hooks: { mapError: (error) => withFault(error, options.secrets) } },
		);
		const context = { method: 'POST', url: options.secrets.redact(options.endpoint), status: response.status, secrets: options.secrets };
		if (operation.oneWay) return undefined;
		return readReturnBytes(response.data, context);
	}
}

const services = new Map<string, Promise<SoapService>>();
const wsdlTexts = new Map<string, Promise<string>>();

/** The parsed service, once per (WSDL file, rewrite): parsing takes tens of milliseconds, a call should not. */
export async function loadSoapService(source: SoapServiceSource): Promise<SoapService> {
	const key = JSON.stringify([source.wsdlPath, source.rewrite ?? []]);
	let service = services.get(key);
	if (!service) {
		service = buildService(source);
		services.set(key, service);
		// A failed parse must not stay cached: the next execution tries again.
		service.catch(() => services.delete(key));
	}
	return await service;
}

export function soapServiceCacheSize(): number {
	return services.size;
}

async function buildService(source: SoapServiceSource): Promise<SoapService> {
	let text = wsdlTexts.get(source.wsdlPath);
	if (!text) {
		text = readFile(source.wsdlPath, 'utf8');
		wsdlTexts.set(source.wsdlPath, text);
		text.catch(() => wsdlTexts.delete(source.wsdlPath));
	}
	let xml = await text;
	for (const { from, to } of source.rewrite ?? []) xml = xml.split(from).join(to);
	const { WSDL: WsdlClass } = loadWsdlModule();
	const wsdl = new WsdlClass(xml, source.wsdlPath, {});
	await new Promise<void>((resolve, reject) => wsdl.onReady((error?: Error) => (error ? reject(error) : resolve())));
	// The client sets this default; building envelopes straight from the WSDL needs it to emit `xsi:type`.
	wsdl.options.attributesKey = 'attributes';
	const address = Object.values(wsdl.definitions.services)
		.flatMap((service) => Object.values(service.ports))
		.map((port) => port.location)
		.find((location) => typeof location === 'string');
	return new SoapService(wsdl, wsdl.definitions.$targetNamespace, address);
}

// ---- XML text ----

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * Entities of XML text: the five named ones and numeric references. Each pass is a native replaceAll, which is
 * several times faster than one regex with a callback on answers with a million `&quot;`. `&amp;` goes last so
 * `&amp;lt;` ends as `&lt;`, never `<`.
 */
export function xmlUnescape(text: string): string {
	if (!text.includes('&')) return text;
	let result = text;
	if (result.includes('&#')) {
		result = result.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (entity, code: string) => {
			const point = code[0] === 'x' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
			return point <= 0x10ffff ? String.fromCodePoint(point) : entity;
		});
	}
	return result
		.replaceAll('&quot;', '"')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&apos;', "'")
		.replaceAll('&amp;', '&');
}

/** Registers a secret in every form a SOAP body or an echo of it can show: raw, XML-escaped, numeric references. */
export function addSoapSecret(secrets: SecretSet, value: string | undefined | null): void {
	if (typeof value !== 'string') return;
	secrets.add(value, xmlEscape(value), value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`));
}

// ---- answers ----

interface ReadContext {
	method: string;
	url: string;
	status: number;
	secrets: SecretSet;
}

export interface SoapFault {
	faultcode: string;
	faultstring: string;
}

/** Envelope, Body, the response wrapper and the `<return>` tag all sit in the first bytes of an answer. */
const HEAD_BYTES = 8192;
/** The Fault must be the Body's first element: a `<Fault` deeper down is someone's data. */
const FAULT_OPEN = /^\s*<([A-Za-z_][\w.-]*:)?Fault[\s>]/;
const BODY_OPEN = /<([A-Za-z_][\w.-]*:)?Body[\s>/]/;
const RETURN_OPEN = /<([A-Za-z_][\w.-]*:)?return(?=[\s>/])/;

/** Index just after `<…:Body …>`, or -1. */
function bodyStart(xml: string): number {
	const match = BODY_OPEN.exec(xml.length > HEAD_BYTES ? xml.slice(0, HEAD_BYTES) : xml);
	if (!match) return -1;
	const end = xml.indexOf('>', match.index);
	return end < 0 ? -1 : end + 1;
}

/** The Fault of a SOAP answer, or undefined; it looks only at the Body's first element. */
export function parseFault(xml: string): SoapFault | undefined {
	const body = bodyStart(xml);
	if (body < 0) return undefined;
	const open = FAULT_OPEN.exec(xml.slice(body, body + 4096));
	if (!open) return undefined;
	const fault = xml.slice(body + open.index, body + open.index + 64 * 1024);
	return { faultcode: childText(fault, 'faultcode') ?? '', faultstring: childText(fault, 'faultstring') ?? '' };
}

function childText(xml: string, name: string): string | undefined {
	const match = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)(</(?:[\\w.-]+:)?${name}>|$)`).exec(xml);
	if (!match) return undefined;
	// A Fault on an error status arrives as the transport's short snippet: show what there is of a cut-off text.
	const text = xmlUnescape(stripCdata(match[1])).trim();
	return match[2] ? text : `${text.replace(/<[^>]*$/, '')}…`;
}

function stripCdata(text: string): string {
	return text.startsWith('<![CDATA[') && text.endsWith(']]>') ? text.slice(9, -3) : text;
}

const CDATA_OPEN = Buffer.from('<![CDATA[');

/**
 * The single `<return>` of an RPC answer, read from the raw bytes: the head is searched as text, the end tag
 * from the back, and the payload is unescaped in place and turned into a string once. A 14 MiB answer costs
 * one pass over its bytes plus the UTF-8 decoding, instead of a generic XML parse.
 */
export function readReturn(answer: Buffer | string, context: ReadContext): SoapReturn {
	const { bytes, type, nil } = readReturnBytes(answer, context);
	return { text: bytes.toString('utf8'), type, nil };
}

/** readReturn without the final decoding: the unescaped payload bytes (CDATA content as it is). */
export function readReturnBytes(answer: Buffer | string, context: ReadContext): SoapRawReturn {
	const raw = typeof answer === 'string' ? Buffer.from(answer, 'utf8') : answer;
	const head = raw.toString('utf8', 0, Math.min(raw.length, HEAD_BYTES));
	const body = bodyStart(head);
	if (body < 0) throw notSoap(head, raw.length, context);
	if (FAULT_OPEN.test(head.slice(body, body + 4096))) {
		const fault = parseFault(raw.toString('utf8', 0, Math.min(raw.length, 128 * 1024)));
		if (fault) throw faultError(fault, context);
	}
	const open = RETURN_OPEN.exec(head.slice(body));
	if (!open) throw notSoap(head, raw.length, context, 'has no <return> element');
	const tagStart = Buffer.byteLength(head.slice(0, body + open.index));
	const tagEnd = raw.indexOf(0x3e, tagStart);
	if (tagEnd < 0) throw notSoap(head, raw.length, context, 'is cut off');
	const tag = raw.toString('utf8', tagStart, tagEnd + 1);
	const type = /\s[\w.-]+:type\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
	const nil = /\s[\w.-]+:nil\s*=\s*["'](true|1)["']/.test(tag);
	if (tag.endsWith('/>')) return { bytes: raw.subarray(0, 0), type, nil };
	const close = raw.lastIndexOf(`</${open[1] ?? ''}return>`);
	if (close <= tagEnd) throw notSoap(head, raw.length, context, 'is cut off');
	const start = tagEnd + 1;
	if (raw.subarray(start, start + CDATA_OPEN.length).equals(CDATA_OPEN) && raw.toString('latin1', close - 3, close) === ']]>') {
		return { bytes: raw.subarray(start + CDATA_OPEN.length, close - 3), type, nil };
	}
	return { bytes: raw.subarray(start, unescapeXmlInPlace(raw, start, close)), type, nil };
}

const AMP = 0x26;
const SEMI = 0x3b;
const NAMED: ReadonlyArray<[number[], number]> = [
	[[0x71, 0x75, 0x6f, 0x74], 0x22], // quot
	[[0x61, 0x6d, 0x70], 0x26], // amp
	[[0x6c, 0x74], 0x3c], // lt
	[[0x67, 0x74], 0x3e], // gt
	[[0x61, 0x70, 0x6f, 0x73], 0x27], // apos
];

/** Plain bytes after an entity copied one by one before the next `&` is looked for natively instead. */
const SHORT_RUN = 32;

/**
 * Replaces XML entities in `bytes[start, end)` in place and returns the new end. Every entity is at least as
 * long as its UTF-8 bytes, so writing never overtakes reading. Unknown `&…;` sequences are kept as they are.
 * Dense entities (`&quot;` around every JSON string) are handled in a tight byte loop; where a run of plain bytes
 * is longer than SHORT_RUN (raw quotes, an occasional `&amp;`), the next `&` is found by a native search and the
 * run moved with one copyWithin, so a sparse answer is not copied byte by byte.
 */
export function unescapeXmlInPlace(bytes: Buffer, start = 0, end = bytes.length): number {
	let read = bytes.indexOf(AMP, start);
	if (read < 0 || read >= end) return end;
	let write = read;
	while (read < end) {
		// Plain bytes are copied in a tight inner loop: in a `&quot;` answer most runs between entities are short.
		let byte = bytes[read];
		if (byte !== AMP) {
			const stop = Math.min(end, read + SHORT_RUN);
			do {
				bytes[write++] = byte;
				if (++read === stop) break;
				byte = bytes[read];
			} while (byte !== AMP);
			if (read === end) return write;
			if (read === stop) {
				// A long run: the rest of it up to the next `&` in one native search and one move.
				const next = bytes.indexOf(AMP, read);
				const runEnd = next < 0 || next > end ? end : next;
				bytes.copyWithin(write, read, runEnd);
				write += runEnd - read;
				read = runEnd;
				if (read === end) return write;
				byte = AMP;
			}
		}
		// `&quot;` is nearly every entity of a JSON payload: matched inline, before the general table.
		if (
			read + 5 < end &&
			bytes[read + 5] === SEMI &&
			bytes[read + 1] === 0x71 &&
			bytes[read + 2] === 0x75 &&
			bytes[read + 3] === 0x6f &&
			bytes[read + 4] === 0x74
		) {
			bytes[write++] = 0x22;
			read += 6;
			continue;
		}
		const length = entityAt(bytes, read, end, write);
		if (length > 0) {
			read += length;
			write = lastWrite;
		} else {
			bytes[write++] = byte;
			read++;
		}
	}
	return write;
}

/** Where the last decoded entity ended in the output; set by entityAt to avoid an allocation per entity. */
let lastWrite = 0;

function entityAt(bytes: Buffer, at: number, end: number, write: number): number {
	const first = bytes[at + 1];
	if (first === 0x23) return numericAt(bytes, at, end, write);
	for (const [name, char] of NAMED) {
		if (first !== name[0] || at + name.length + 1 >= end) continue;
		let matches = true;
		for (let index = 1; index < name.length; index++) {
			if (bytes[at + 1 + index] !== name[index]) {
				matches = false;
				break;
			}
		}
		if (matches && bytes[at + 1 + name.length] === SEMI) {
			bytes[write] = char;
			lastWrite = write + 1;
			return name.length + 2;
		}
	}
	return 0;
}

function numericAt(bytes: Buffer, at: number, end: number, write: number): number {
	const hex = bytes[at + 2] === 0x78 || bytes[at + 2] === 0x58;
	let index = at + (hex ? 3 : 2);
	let point = 0;
	const digitsStart = index;
	for (; index < end && index - digitsStart < 8; index++) {
		const byte = bytes[index];
		const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : hex && (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66 ? (byte | 0x20) - 0x57 : -1;
		if (digit < 0) break;
		point = point * (hex ? 16 : 10) + digit;
	}
	if (index === digitsStart || bytes[index] !== SEMI || point > 0x10ffff) return 0;
	lastWrite = write + bytes.write(String.fromCodePoint(point), write, 'utf8');
	return index + 1 - at;
}

function notSoap(head: string, length: number, context: ReadContext, what = 'is not a SOAP envelope'): TransportError {
	return new TransportError({
		kind: 'decode',
		status: context.status,
		message: `${context.method} ${context.url} answered HTTP ${context.status} with a body that ${what} (${length} bytes)`,
		method: context.method,
		url: context.url,
		bodySnippet: context.secrets.redact(head.slice(0, 200)),
	});
}

function faultError(fault: SoapFault, context: ReadContext): TransportError {
	const error = new TransportError({
		kind: 'http',
		status: context.status,
		message: `${context.method} ${context.url} answered HTTP ${context.status} with a SOAP Fault`,
		method: context.method,
		url: context.url,
	});
	error.platformCode = context.secrets.redact(fault.faultcode);
	error.platformMessage = context.secrets.redact(fault.faultstring);
	return error;
}

/** On a non-2xx answer the shared transport keeps a redacted snippet; a Fault in it names the cause. */
function withFault(error: TransportError, secrets: SecretSet): TransportError {
	if (error.kind !== 'http' || !error.bodySnippet) return error;
	const fault = parseFault(error.bodySnippet);
	if (fault) {
		error.platformCode = secrets.redact(fault.faultcode);
		error.platformMessage = secrets.redact(fault.faultstring);
	}
	return error;
}
