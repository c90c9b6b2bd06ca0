/**
 * A stateful fake of the Smartschool V3 SOAP web service on 127.0.0.1 — node-soap's server on the node's
 * augmented WSDL, behind the shared simulator host (request recording, HTTP fault injection) — for node tests,
 * the real-n8n e2e suite, `npm start` and the bench. Behaviour follows /work/shared/reference/smartschool.md;
 * every point it leaves open is a switch in `readings` (README.md).
 */
import { FaultInjector, type FaultMatch } from '../common/faults';
import { startSimServer } from '../common/server';
import { seedState } from './seed';
import { annotateSoap, createSoapHost, ENDPOINT_PATH, loadWsdl, type SmartschoolRequest, type SoapFaults } from './soapHost';
import { SmartschoolState } from './state';
import type { SmartschoolReadings } from './types';

export { SmartschoolState, ROOT_GROUP_NAME } from './state';
export { DEFAULT_READINGS } from './types';
export type * from './types';
export { ERROR_TEXTS, SmartschoolCode } from './codes';
export { BASE_ROLE_NUMBERS, phpSerialize } from './views';
export { CLASS_CODES, DEMO_GROUPS, INSTITUTE_NUMBER, SCHOOL_DOMAIN } from './seed';
export { ENDPOINT_PATH, findWsdl } from './soapHost';
export { ABSENCE_ALIASES, DEFAULT_SCHOOL_READINGS, recentSchoolDays, schoolOf, SKORE_INTERVAL_MS } from './school';
export type { HalfDays, SchoolLife, SchoolReadings } from './school';
export type { SmartschoolRequest, SoapFaultRule, SoapFaults } from './soapHost';
export { FaultInjector } from '../common/faults';
export type { Fault, FaultRule } from '../common/faults';

export const DEFAULT_ACCESS_CODE = 'test-access-code';

export interface SmartschoolSimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Demo accounts to generate; default 60. */
	accounts?: number;
	/** PRNG seed; default 42. */
	seed?: number;
	/** The global access code (Wachtwoord); default 'test-access-code'. */
	accessCode?: string;
	/** Profile access codes → the methods ticked for them. */
	profiles?: Record<string, string[]>;
	/** Uniek veld; default 'username'. */
	uniqueField?: 'username' | 'number';
	readings?: Partial<SmartschoolReadings>;
	latencyMs?: number;
	/** Requests kept in `requests`; default 10,000. */
	maxRecordedRequests?: number;
	/** Another WSDL file (default: nodes/Smartschool/wsdl/V3.augmented.wsdl). */
	wsdlPath?: string;
}

export interface SmartschoolSimulator {
	/** http://127.0.0.1:PORT — the platform URL; the endpoint is `endpoint`. */
	url: string;
	/** url + '/Webservices/V3' */
	endpoint: string;
	/** The WSDL as served (`endpoint?wsdl`), the platform host replaced by `url`. */
	wsdl: string;
	state: SmartschoolState;
	/** HTTP-level faults (status, reset, slow, malformed, truncated…); match a V3 method with `soapMethod(name)`. */
	faults: FaultInjector;
	/** SOAP faults on HTTP 500 or 200. */
	soapFaults: SoapFaults;
	/** The last requests, oldest first, with `.soapMethod` and `.parts`. */
	requests: SmartschoolRequest[];
	/** Recorded calls of one V3 method ('*' for every request). */
	count(method: string): number;
	/** The recorded calls of one V3 method, oldest first. */
	calls(method: string): SmartschoolRequest[];
	clearRequests(): void;
	onRequest(listener: (request: SmartschoolRequest) => void): () => void;
	setReadings(readings: Partial<SmartschoolReadings>): void;
	setLatency(ms: number): void;
	close(): Promise<void>;
}

/** A FaultRule `match` for one V3 method: `faults.add({ match: soapMethod('getUserDetails'), fault })`. */
export function soapMethod(name: string): FaultMatch {
	return { method: 'POST', where: (request) => (request as SmartschoolRequest).soapMethod === name };
}

/** A proxy's HTML error page for injected status faults (ref §2: "HTML from a proxy"). */
function htmlErrorPage(status: number): string {
	return `<html><head><title>${status}</title></head><body><h1>${status}</h1><p>Injected fault</p></body></html>`;
}

export async function startSmartschoolSimulator(options: SmartschoolSimulatorOptions = {}): Promise<SmartschoolSimulator> {
	const profiles = new Map(Object.entries(options.profiles ?? {}).map(([code, methods]) => [code, new Set(methods)]));
	const state = new SmartschoolState(
		{ accessCode: options.accessCode ?? DEFAULT_ACCESS_CODE, profiles, uniqueField: options.uniqueField },
		options.readings,
	);
	seedState(state, { accounts: options.accounts ?? 60, seed: options.seed ?? 42 });
	const faults = new FaultInjector(htmlErrorPage);
	let handler: Awaited<ReturnType<typeof createSoapHost>>['handler'] = () => ({ status: 503, body: '' });
	const server = await startSimServer({
		handler: (request) => handler(request),
		port: options.port,
		faults,
		latencyMs: options.latencyMs,
		maxRecordedRequests: options.maxRecordedRequests,
		annotate: annotateSoap,
	});
	// The WSDL names the platform host in its namespace, soapAction and address: the simulator's own URL, known
	// only once it listens.
	let wsdl: string;
	let host: Awaited<ReturnType<typeof createSoapHost>>;
	try {
		wsdl = loadWsdl(server.url, options.wsdlPath);
		host = await createSoapHost(state, wsdl);
	} catch (error) {
		await server.close();
		throw error;
	}
	handler = host.handler;
	const requests = server.requests as SmartschoolRequest[];
	return {
		url: server.url,
		endpoint: server.url + ENDPOINT_PATH,
		wsdl,
		state,
		faults,
		soapFaults: host.soapFaults,
		requests,
		count: (method) => (method === '*' ? requests.length : requests.filter((request) => request.soapMethod === method).length),
		calls: (method) => requests.filter((request) => request.soapMethod === method),
		clearRequests: () => server.clearRequests(),
		onRequest: (listener) => server.onRequest((request) => listener(request as SmartschoolRequest)),
		setReadings: (readings) => state.setReadings(readings),
		setLatency: (ms) => {
			server.latencyMs = ms;
		},
		close: () => server.close(),
	};
}
