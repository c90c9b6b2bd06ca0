/**
 * node-soap's own server (`soap.listen` without an http server, i.e. serverless) behind the shared simulator host:
 * the host records every request (with the SOAP method and parts) and applies HTTP faults; this layer checks the
 * access code, runs the method, answers `{ return: { attributes: { 'xsi:type' }, $value } }` as ref §9 says, and
 * injects SOAP faults. Dispatch is by the Body element's name as on live platforms (ref §1): the SOAPAction header
 * is not passed on, so a client using its own platform host in it still reaches the method.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listen, type IServices, type Server as SoapServer } from 'soap';

import type { RecordedRequest, SimHandler, SimResponse } from '../common/server';
import { SmartschoolCode } from './codes';
import { faultEnvelope, parseEnvelope } from './envelope';
import { CACHEABLE, EscapedPayload, METHODS, NO_ACCESS_CODE, type Parts, type Reply } from './methods';
import type { SmartschoolState } from './state';
import { answerXmlEscape, soapWritesAnswerForm } from './views';

export const ENDPOINT_PATH = '/Webservices/V3';
/** The host the published WSDL hard-codes (ref §1, §4); the simulator swaps in its own URL. */
const WSDL_HOST = 'https://sanctamaria-aarschot.smartschool.be';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const XML_TYPE = 'text/xml; charset=utf-8';

export interface SmartschoolRequest extends RecordedRequest {
	/** The RPC method (Body's first element), undefined when the body is no SOAP request. */
	soapMethod?: string;
	/** Parts as strings, nil as null, absent parts absent (accesscode and passwords included: tests check them). */
	parts: Record<string, string | null>;
}

export interface SoapFaultRule {
	/** Only this V3 method; any when left out. */
	method?: string;
	/** HTTP status of the fault answer; default 500. 200 = a fault on HTTP 200 (ref §2). */
	statusCode?: number;
	faultcode?: string;
	faultstring?: string;
	/** Default 1; Infinity for all. */
	times?: number;
	/** Run the method first (the write is applied), then answer the fault: delClass's PHP fatal case. */
	afterHandler?: boolean;
}

/** Queued SOAP faults, first match wins. */
export class SoapFaults {
	private rules: Array<Required<Omit<SoapFaultRule, 'method'>> & { method?: string }> = [];

	add(rule: SoapFaultRule = {}): void {
		this.rules.push({
			method: rule.method,
			statusCode: rule.statusCode ?? 500,
			faultcode: rule.faultcode ?? 'SOAP-ENV:Server',
			faultstring: rule.faultstring ?? 'Internal Server Error',
			times: rule.times ?? 1,
			afterHandler: rule.afterHandler ?? false,
		});
	}

	clear(): void {
		this.rules = [];
	}

	take(method: string): SoapFaultRule | undefined {
		const rule = this.rules.find((candidate) => candidate.method === undefined || candidate.method === method);
		if (!rule) return undefined;
		rule.times -= 1;
		if (rule.times <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
		return rule;
	}
}

/** The augmented WSDL of the node (nodes/Smartschool/wsdl/), found from the source tree or the compiled build/. */
export function findWsdl(): string {
	for (let dir = __dirname; ; dir = dirname(dir)) {
		for (const name of ['V3.augmented.wsdl', 'V3.wsdl']) {
			const candidate = join(dir, 'nodes', 'Smartschool', 'wsdl', name);
			if (existsSync(candidate)) return candidate;
		}
		if (dirname(dir) === dir) throw new Error('nodes/Smartschool/wsdl/V3.augmented.wsdl not found above the simulator');
	}
}

/**
 * The WSDL as a platform would serve it: the host replaced by the simulator's URL (namespace, soapAction,
 * address) and our file's explanatory comments left out.
 */
export function loadWsdl(url: string, path = findWsdl()): string {
	return readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->\s*/g, '').split(WSDL_HOST).join(url);
}

export function annotateSoap(recorded: RecordedRequest, rawBody: Buffer): void {
	const parsed = rawBody.length > 0 ? parseEnvelope(rawBody.toString('utf8')) : { parts: {} };
	Object.assign(recorded, parsed);
}

/** node-soap's server args: strings, '' as null; typed values may arrive as { attributes, $value }. */
function toParts(args: unknown): Record<string, string | null> {
	const parts: Record<string, string | null> = {};
	if (typeof args !== 'object' || args === null) return parts;
	for (const [name, value] of Object.entries(args as Record<string, unknown>)) {
		if (name === 'attributes') continue;
		if (value === null || value === undefined) parts[name] = null;
		else if (typeof value === 'object') parts[name] = '$value' in value ? String((value as { $value: unknown }).$value) : null;
		else parts[name] = String(value);
	}
	return parts;
}

/**
 * node-soap's serialiser needs seconds for a 10 MB string (the whole-platform getAllAccountsExtended), so big
 * payloads go through it as a token and are escaped the same way (or in the answer form the readings ask for) and
 * spliced in afterwards: same bytes, faster.
 */
const BIG_PAYLOAD = 64 * 1024;
const TOKEN = /SIMPAYLOAD(\d+)X/;

function wrap(reply: number | string): { return: { attributes: Record<string, string>; $value: number | string } } {
	const type = typeof reply === 'number' ? 'xsd:int' : 'xsd:string';
	return { return: { attributes: { 'xmlns:xsi': XSI, 'xmlns:xsd': XSD, 'xsi:type': type }, $value: reply } };
}

/**
 * node-soap qualifies the part as `<tns:return>`; PHP's SoapServer (ref §1) writes an unqualified `<return>`, and
 * clients that look for exactly that must find it. The payload inside is escaped, so the first opening and the
 * first closing tag are the part's; done on the serialised string once per answer (big answers are cached).
 */
export function unqualifyReturn(xml: string): string {
	const open = /<([A-Za-z_][\w.-]*):return(?=[\s>/])/.exec(xml);
	if (!open) return xml;
	const prefix = open[1];
	const close = xml.indexOf(`</${prefix}:return>`, open.index);
	const head = `${xml.slice(0, open.index)}<return`;
	if (close < 0) return head + xml.slice(open.index + open[0].length);
	return `${head}${xml.slice(open.index + open[0].length, close)}</return>${xml.slice(close + prefix.length + 10)}`;
}

export interface SoapHost {
	handler: SimHandler;
	soapFaults: SoapFaults;
}

export async function createSoapHost(state: SmartschoolState, wsdlXml: string): Promise<SoapHost> {
	const operations = new Set([...wsdlXml.matchAll(/<(?:wsdl:)?operation name="([\w]+)"/g)].map((match) => match[1]));
	const soapFaults = new SoapFaults();
	const cache = new Map<string, Buffer[]>();
	let cacheVersion = -1;
	const bigPayloads = new Map<number, Buffer[]>();
	let nextToken = 1;
	/** The answer as byte pieces (sent one after the other, never copied together). */
	const splice = (xml: string): Buffer[] => {
		const match = TOKEN.exec(xml);
		const payload = match ? bigPayloads.get(Number(match[1])) : undefined;
		if (!match || payload === undefined) return [Buffer.from(xml, 'utf8')];
		bigPayloads.delete(Number(match[1]));
		const before = xml.slice(0, match.index);
		const after = xml.slice(match.index + match[0].length);
		return [Buffer.from(before, 'utf8'), ...payload, Buffer.from(after, 'utf8')];
	};

	const run = (method: string, args: unknown): ReturnType<typeof wrap> => {
		const { accesscode, ...parts } = toParts(args);
		try {
			if (!NO_ACCESS_CODE.has(method) && accesscode !== state.settings.accessCode) {
				const allowed = accesscode ? state.settings.profiles.get(accesscode) : undefined;
				if (!allowed) throw new SmartschoolCode(8);
				if (!allowed.has(method)) throw new SmartschoolCode(state.readings.forbiddenMethodCode);
			}
			const handler = METHODS[method];
			if (!handler) {
				throw { Fault: { faultcode: 'SOAP-ENV:Server', faultstring: `Function '${method}' is not simulated`, statusCode: 500 } };
			}
			const reply: Reply = handler(parts as Parts, state);
			// Answer forms node-soap does not write (raw quotes, numeric references) take the same way as big payloads.
			const ownEscaping = typeof reply === 'string' && (reply.length > BIG_PAYLOAD || !soapWritesAnswerForm(state.readings));
			if (reply instanceof EscapedPayload || ownEscaping) {
				const token = nextToken++;
				bigPayloads.set(token, reply instanceof EscapedPayload ? reply.pieces : [Buffer.from(answerXmlEscape(reply, state.readings), 'utf8')]);
				return wrap(`SIMPAYLOAD${token}X`);
			}
			return wrap(reply);
		} catch (error) {
			if (error instanceof SmartschoolCode) return wrap(error.code);
			throw error;
		}
	};
	const port: Record<string, (args: unknown) => unknown> = {};
	for (const name of operations) port[name] = (args) => run(name, args);
	const services: IServices = { V3Service: { V3Port: port } };
	// Serverless: the shared host owns the socket; `callback` fires once the WSDL is parsed.
	const server = await new Promise<SoapServer>((resolve, reject) => {
		const created: SoapServer = listen(null, {
			path: ENDPOINT_PATH,
			services,
			xml: wsdlXml,
			envelopeKey: 'SOAP-ENV',
			callback: (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(created)),
		});
	});

	const soapAnswer = (status: number, xml: string | Buffer[]): SimResponse => ({
		status,
		headers: { 'content-type': XML_TYPE },
		body: typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml,
	});

	const handler: SimHandler = async (request) => {
		if (request.path.replace(/\/$/, '') !== ENDPOINT_PATH) {
			return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body><h1>404 Not Found</h1></body></html>' };
		}
		if (request.method === 'GET' && Object.keys(request.query).some((key) => key.toLowerCase() === 'wsdl')) {
			return soapAnswer(200, wsdlXml);
		}
		if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: '' };
		const { soapMethod, parts } = request as unknown as SmartschoolRequest;
		if (!soapMethod || !operations.has(soapMethod)) {
			return soapAnswer(500, faultEnvelope('SOAP-ENV:Server', soapMethod ? `Procedure '${soapMethod}' not present` : 'Bad Request'));
		}
		const fault = soapFaults.take(soapMethod);
		if (fault && !fault.afterHandler) return soapAnswer(fault.statusCode!, faultEnvelope(fault.faultcode!, fault.faultstring!));
		const key = CACHEABLE.has(soapMethod) ? `${soapMethod}\n${JSON.stringify(parts)}` : undefined;
		if (cacheVersion !== state.version) {
			cache.clear();
			cacheVersion = state.version;
		}
		let body = key === undefined ? undefined : cache.get(key);
		let status = 200;
		if (!body) {
			const version = state.version;
			const answer = await server.processRequest(request.rawBody.toString('utf8'), {
				headers: { 'content-type': XML_TYPE },
				url: ENDPOINT_PATH,
			});
			status = answer.statusCode;
			body = splice(unqualifyReturn(answer.body));
			if (key !== undefined && status === 200 && version === state.version) cache.set(key, body);
		}
		if (fault) return soapAnswer(fault.statusCode!, faultEnvelope(fault.faultcode!, fault.faultstring!));
		return soapAnswer(status, body);
	};
	return { handler, soapFaults };
}
