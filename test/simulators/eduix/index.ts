/**
 * A stateful fake of a vendor's Edu-V Employees API (v1) and token endpoint on 127.0.0.1, for node tests, the
 * real-n8n e2e suite and `npm start`. Behaviour follows /work/shared/reference/eduv-employees.md and the
 * employees field seed; every point the reference marks unverified is a switch in `readings` (README.md).
 */
import { FaultInjector } from '../common/faults';
import { startSimServer, type RecordedRequest } from '../common/server';
import { API_BASE, createEduixHandler, eduvBody, STATUS_MESSAGES, TOKEN_PATH } from './routes';
import { seedState } from './seed';
import { EduixState } from './state';
import type { EduixReadings } from './types';

export { EduixState } from './state';
export { DEFAULT_READINGS, SCOPES } from './types';
export type * from './types';
export { API_BASE, STATUS_MESSAGES, TOKEN_PATH } from './routes';
export { publicKeyOf } from './token';
export {
	DEFAULT_CLIENT_ID,
	DEFAULT_CLIENT_SECRET,
	DEFAULT_KEY_ID,
	DEMO_SCHOOLS,
	NO_CONSENT_SCHOOL,
	SCHOOL_DOMAIN,
	demoKeys,
	fixturePath,
} from './seed';
export type { RecordedRequest } from '../common/server';

export interface EduixSimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Employees per demo school; default 12. */
	employeesPerSchool?: number;
	/** PRNG seed; default 42. */
	seed?: number;
	readings?: Partial<EduixReadings>;
	latencyMs?: number;
}

export interface EduixSimulator {
	/** http://127.0.0.1:PORT */
	url: string;
	/** The API base URL including the major version: `${url}/v1`. */
	baseUrl: string;
	tokenUrl: string;
	state: EduixState;
	faults: FaultInjector;
	requests: RecordedRequest[];
	count(method: string, path: string | RegExp): number;
	clearRequests(): void;
	onRequest(listener: (request: RecordedRequest) => void): () => void;
	setReadings(readings: Partial<EduixReadings>): void;
	/** The next `times` API calls (not token requests) answer with this Edu-V code and HTTP status. */
	failWith(httpStatus: number, code: string, options?: { times?: number; message?: string }): void;
	close(): Promise<void>;
}

export async function startEduixSimulator(options: EduixSimulatorOptions = {}): Promise<EduixSimulator> {
	const state = new EduixState(options.readings);
	seedState(state, { employeesPerSchool: options.employeesPerSchool ?? 12, seed: options.seed ?? 42 });
	const faults = new FaultInjector((status) => eduvBody(state, '0099', `Injected fault: HTTP ${status}`));
	let urls = { tokenUrl: '', issuer: '' };
	const server = await startSimServer({
		handler: createEduixHandler(state, () => urls),
		port: options.port,
		faults,
		latencyMs: options.latencyMs,
	});
	urls = { tokenUrl: `${server.url}${TOKEN_PATH}`, issuer: server.url };
	return {
		url: server.url,
		baseUrl: `${server.url}${API_BASE}`,
		tokenUrl: urls.tokenUrl,
		state,
		faults,
		requests: server.requests,
		count: (method, path) => server.count(method, path),
		clearRequests: () => server.clearRequests(),
		onRequest: (listener) => server.onRequest(listener),
		setReadings: (readings) => state.setReadings(readings),
		failWith(httpStatus, code, { times = 1, message } = {}) {
			faults.add({
				match: { path: new RegExp(`^${API_BASE}/`) },
				times,
				fault: { kind: 'status', status: httpStatus, body: eduvBody(state, code, message ?? STATUS_MESSAGES[code] ?? 'Other') },
			});
		},
		close: () => server.close(),
	};
}
