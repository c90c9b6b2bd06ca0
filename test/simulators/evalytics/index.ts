/**
 * A stateful fake of the Evalytics REST API on 127.0.0.1, for node tests, the real-n8n e2e suite, `npm start`
 * and the bench. Behaviour follows /work/shared/reference/evalytics.md and the Gebruikers seed; every point the
 * reference marks as guessed is a switch in `readings` (see README.md).
 */
import { FaultInjector } from '../common/faults';
import { startSimServer, type RecordedRequest } from '../common/server';
import { faultErrorBody } from './errors';
import { createEvalyticsHandler, type EvalyticsApiKeys } from './routes';
import { seedState } from './seed';
import { EvalyticsState } from './state';
import type { EvalyticsReadings } from './types';

export { EvalyticsState, TEACHER_ROLE } from './state';
export { DEFAULT_READINGS } from './types';
export type * from './types';
export { ERROR_CODES } from './errors';
export { DEMO_ROLES, SCHOOL_DOMAIN, TOP_ORGANISATION_ID, demoUsers } from './seed';
export type { EvalyticsApiKeys } from './routes';
export { FaultInjector } from '../common/faults';
export type { Fault, FaultRule } from '../common/faults';
export type { RecordedRequest } from '../common/server';

export interface EvalyticsSimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Key → what it may see; default { 'test-api-key': { organisations: 'all' } }. */
	apiKeys?: EvalyticsApiKeys;
	/** Demo users to generate; default 40. */
	users?: number;
	/** PRNG seed; default 42. */
	seed?: number;
	readings?: Partial<EvalyticsReadings>;
	latencyMs?: number;
	/** Requests kept in `requests`; default 10,000. */
	maxRecordedRequests?: number;
}

export interface EvalyticsSimulator {
	/** http://127.0.0.1:PORT */
	url: string;
	state: EvalyticsState;
	faults: FaultInjector;
	requests: RecordedRequest[];
	count(method: string, path: string | RegExp): number;
	clearRequests(): void;
	/** Runs `listener` before each request is handled (to change data between page requests); returns its remover. */
	onRequest(listener: (request: RecordedRequest) => void): () => void;
	setReadings(readings: Partial<EvalyticsReadings>): void;
	/** Fixed delay for every request from now on. */
	setLatency(ms: number): void;
	close(): Promise<void>;
}

export const DEFAULT_API_KEY = 'test-api-key';

export async function startEvalyticsSimulator(options: EvalyticsSimulatorOptions = {}): Promise<EvalyticsSimulator> {
	const state = new EvalyticsState(options.readings);
	seedState(state, { users: options.users ?? 40, seed: options.seed ?? 42 });
	const faults = new FaultInjector(faultErrorBody);
	const server = await startSimServer({
		handler: createEvalyticsHandler(state, options.apiKeys ?? { [DEFAULT_API_KEY]: { organisations: 'all' } }),
		port: options.port,
		faults,
		latencyMs: options.latencyMs,
		maxRecordedRequests: options.maxRecordedRequests,
	});
	return {
		url: server.url,
		state,
		faults,
		requests: server.requests,
		count: (method, path) => server.count(method, path),
		clearRequests: () => server.clearRequests(),
		onRequest: (listener) => server.onRequest(listener),
		setReadings: (readings) => state.setReadings(readings),
		setLatency: (ms) => {
			server.latencyMs = ms;
		},
		close: () => server.close(),
	};
}
