import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow, type RunResult } from '../../harness';
import { startEvalyticsSimulator, type EvalyticsSimulator, type EvalyticsSimulatorOptions } from '../../simulators/evalytics';

export const API_KEY = 'test-api-key';
export const NODE_TYPE = 'n8n-nodes-edu.evalytics';
export const TRIGGER_TYPE = 'n8n-nodes-edu.evalyticsTrigger';
export const NODE_NAME = 'Evalytics';

export async function startSimulator(options: EvalyticsSimulatorOptions = {}): Promise<EvalyticsSimulator> {
	return await startEvalyticsSimulator({ users: 40, seed: 42, ...options });
}

export function credentialsFor(sim: EvalyticsSimulator, data: IDataObject = {}) {
	return { evalyticsApi: { apiKey: API_KEY, organisation: '100', baseUrl: sim.url, ...data } };
}

export interface RunOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
}

/** Runs one Evalytics node (after a Manual Trigger) through n8n-core's engine against the simulator. */
export async function runEvalytics(
	sim: EvalyticsSimulator,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<RunResult> {
	return await runWorkflow({
		workflow: singleNodeWorkflow({
			type: NODE_TYPE,
			nodeName: NODE_NAME,
			parameters: { resource: 'user', ...parameters },
			credentials: { evalyticsApi: { id: '1', name: 'Evalytics test' } },
			inputItems: options.inputItems,
			continueOnFail: options.continueOnFail,
		}),
		credentials: credentialsFor(sim, options.credentials),
	});
}

/** The requests the simulator received for a method and path (query and body parsed). */
export function requestsTo(sim: EvalyticsSimulator, method: string, path: string | RegExp) {
	return sim.requests.filter(
		(request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)),
	);
}
