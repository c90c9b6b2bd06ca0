import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow, type RunResult } from '../../harness';
import {
	DEFAULT_CLIENT_ID,
	DEFAULT_KEY_ID,
	demoKeys,
	startEduixSimulator,
	type EduixSimulator,
	type EduixSimulatorOptions,
	type RecordedRequest,
} from '../../simulators/eduix';

export const NODE_TYPE = 'n8n-nodes-edu.eduixEmployees';
export const TRIGGER_TYPE = 'n8n-nodes-edu.eduixEmployeesTrigger';
export const NODE_NAME = 'Edu-iX Employees';
export const PO_SCHOOL = '100B490';
export const VO_SCHOOL = '112C007';
export const keys = demoKeys();

export async function startSimulator(options: EduixSimulatorOptions = {}): Promise<EduixSimulator> {
	return await startEduixSimulator({ employeesPerSchool: 12, seed: 42, ...options });
}

/** The private_key_jwt credential of the demo client (kid reading). */
export function credentialsFor(sim: EduixSimulator, data: IDataObject = {}) {
	return {
		eduixApi: {
			baseUrl: sim.baseUrl,
			authentication: 'privateKeyJwt',
			tokenUrl: sim.tokenUrl,
			clientId: DEFAULT_CLIENT_ID,
			privateKey: keys.privateKey,
			kid: DEFAULT_KEY_ID,
			algorithm: 'RS256',
			...data,
		},
	};
}

export interface RunOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
}

/** Runs one Edu-iX Employees node (after a Manual Trigger) through n8n-core's engine against the simulator. */
export async function runEduix(sim: EduixSimulator, parameters: INodeParameters, options: RunOptions = {}): Promise<RunResult> {
	return await runWorkflow({
		workflow: singleNodeWorkflow({
			type: NODE_TYPE,
			nodeName: NODE_NAME,
			parameters: { resource: 'employee', ...parameters },
			credentials: { eduixApi: { id: '1', name: 'Edu-iX test' } },
			inputItems: options.inputItems,
			continueOnFail: options.continueOnFail,
		}),
		credentials: credentialsFor(sim, options.credentials),
	});
}

export function apiRequests(sim: EduixSimulator, method?: string): RecordedRequest[] {
	return sim.requests.filter((request) => request.path.startsWith('/v1/') && (!method || request.method === method));
}

export function tokenRequests(sim: EduixSimulator): RecordedRequest[] {
	return sim.requests.filter((request) => request.path === '/oauth2/token');
}

/** Header and claims of the client assertion of a token request. */
export function assertionOf(request: RecordedRequest): { header: IDataObject; claims: IDataObject; jwt: string } {
	const form = new URLSearchParams(String(request.body));
	const jwt = form.get('client_assertion') ?? '';
	const [header, claims] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as IDataObject);
	return { header, claims, jwt };
}

/**
 * Empties the token cache of the built package the harness runs (dist/, not the sources), so a test sees its
 * own token request.
 */
export function clearTokens(): void {
	const oauth2 = require('../../../dist/nodes/shared/oauth2') as { clearTokenCache(): void };
	oauth2.clearTokenCache();
}
