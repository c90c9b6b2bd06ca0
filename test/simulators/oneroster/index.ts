/**
 * A stateful OneRoster provider on 127.0.0.1, for node tests, the real-n8n e2e suite, `npm start` and the bench:
 * every 1.2 rostering, gradebook (with writes) and resources endpoint, the 1.1 root (`/ims/oneroster/v1p1`,
 * statusInfoSet errors, 1.1 users), vendor user writes, an OAuth 2 token endpoint, OAuth 1.0a signature checks,
 * the standard's filter, sort, fields and paging, and switches (`readings`) for what providers do differently.
 */
import { FaultInjector } from '../common/faults';
import { startSimServer, type RecordedRequest } from '../common/server';
import { TokenStore, type OneRosterClientConfig } from './auth';
import { faultErrorBody } from './errors';
import { seedGradebook } from './gradebook';
import { OAuth1Verifier, type OAuth1Consumer } from './oauth1';
import { createOneRosterHandler, GRADEBOOK_BASE, RESOURCES_BASE, ROSTERING_BASE, TOKEN_PATH, V1P1_BASE } from './routes';
import { seedDistrict } from './seed';
import { withRateLimit, type RateLimit } from './rateLimit';
import { OneRosterState } from './state';
import type { OneRosterReadings } from './types';

export { OneRosterState } from './state';
export { DEFAULT_READINGS, HREF_ROOT, KNOWN_FIELDS, ref } from './types';
export type * from './types';
export { DEMOGRAPHICS_SCOPE, type OneRosterClientConfig } from './auth';
export { DISTRICT_ID } from './seed';
export { GRADEBOOK_BASE, RESOURCES_BASE, ROSTERING_BASE, TOKEN_PATH, V1P1_BASE } from './routes';
export { OAUTH1_MESSAGES, type OAuth1Consumer } from './oauth1';
export { statusInfo } from './errors';
export type { RecordedRequest } from '../common/server';
export type { RateLimit } from './rateLimit';

export const DEFAULT_CLIENT_ID = 'demo-client';
export const DEFAULT_CLIENT_SECRET = 'demo-client-secret';
/** OAuth 1.0a consumer of the 1.1 service. */
export const DEFAULT_CONSUMER_KEY = 'demo-consumer';
export const DEFAULT_CONSUMER_SECRET = 'demo-consumer-secret';

export interface OneRosterSimulatorOptions {
	port?: number;
	/** Users in the demo district; default 60 (tests), 50,000 for `npm start` and the bench. */
	users?: number;
	schools?: number;
	seed?: number;
	clients?: Record<string, OneRosterClientConfig>;
	/** OAuth 1.0a consumers (key → secret) accepted on every service. */
	consumers?: Record<string, OAuth1Consumer>;
	/** Tokens accepted as they are (the credential's static bearer mode). */
	staticTokens?: string[];
	readings?: Partial<OneRosterReadings>;
	latencyMs?: number;
	maxRecordedRequests?: number;
}

export interface OneRosterSimulator {
	/** http://127.0.0.1:PORT — the credential's Base URL. */
	url: string;
	tokenUrl: string;
	rosteringUrl: string;
	gradebookUrl: string;
	resourcesUrl: string;
	/** The 1.1 root: rostering, gradebook and resources under /ims/oneroster/v1p1. */
	v1p1Url: string;
	oauth1: OAuth1Verifier;
	state: OneRosterState;
	tokens: TokenStore;
	faults: FaultInjector;
	requests: RecordedRequest[];
	count(method: string, path: string | RegExp): number;
	clearRequests(): void;
	onRequest(listener: (request: RecordedRequest) => void): () => void;
	/** Most requests open at once since the last `clearRequests()`. */
	readonly peakInFlight: number;
	/** Answers nothing until `count` requests are open at once (see SimServer.holdUntilInFlight). */
	holdUntilInFlight(count: number, safetyMs?: number): void;
	setReadings(readings: Partial<OneRosterReadings>): void;
	setLatency(ms: number): void;
	/** A request-rate limit over every path (Ed-Fi style); undefined lifts it. */
	setRateLimit(limit: RateLimit | undefined): void;
	/** 429s the rate limit answered since it was last set. */
	readonly throttled: number;
	close(): Promise<void>;
}

export async function startOneRosterSimulator(options: OneRosterSimulatorOptions = {}): Promise<OneRosterSimulator> {
	const state = new OneRosterState(options.readings);
	seedDistrict(state, { users: options.users ?? 60, schools: options.schools, seed: options.seed ?? 42 });
	let tick = 0;
	seedGradebook(state, () => new Date(Date.parse('2026-09-01T06:00:00.000Z') + tick++ * 1000).toISOString());
	const oauth1 = new OAuth1Verifier(options.consumers ?? { [DEFAULT_CONSUMER_KEY]: { secret: DEFAULT_CONSUMER_SECRET } }, () => state.readings.oauth1Methods);
	const tokens = new TokenStore(state, options.clients ?? { [DEFAULT_CLIENT_ID]: { secret: DEFAULT_CLIENT_SECRET } }, new Set(options.staticTokens ?? []));
	const faults = new FaultInjector(faultErrorBody);
	const limiter = withRateLimit(createOneRosterHandler(state, tokens, oauth1));
	const server = await startSimServer({
		handler: limiter.handler,
		port: options.port,
		faults,
		latencyMs: options.latencyMs,
		maxRecordedRequests: options.maxRecordedRequests,
	});
	return {
		url: server.url,
		tokenUrl: `${server.url}${TOKEN_PATH}`,
		rosteringUrl: `${server.url}${ROSTERING_BASE}`,
		gradebookUrl: `${server.url}${GRADEBOOK_BASE}`,
		resourcesUrl: `${server.url}${RESOURCES_BASE}`,
		v1p1Url: `${server.url}${V1P1_BASE}`,
		oauth1,
		state,
		tokens,
		faults,
		requests: server.requests,
		count: (method, path) => server.count(method, path),
		clearRequests: () => server.clearRequests(),
		onRequest: (listener) => server.onRequest(listener),
		get peakInFlight() {
			return server.peakInFlight;
		},
		holdUntilInFlight: (count, safetyMs) => server.holdUntilInFlight(count, safetyMs),
		setReadings: (readings) => state.setReadings(readings),
		setLatency: (ms) => {
			server.latencyMs = ms;
		},
		setRateLimit: (limit) => limiter.set(limit),
		get throttled() {
			return limiter.throttled;
		},
		close: () => server.close(),
	};
}
