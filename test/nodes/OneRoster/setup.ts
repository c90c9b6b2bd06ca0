import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow, type RunResult } from '../../harness';
import {
	DEFAULT_CLIENT_ID,
	DEFAULT_CLIENT_SECRET,
	startOneRosterSimulator,
	type OneRosterSimulator,
	type OneRosterSimulatorOptions,
} from '../../simulators/oneroster';

export const NODE_TYPE = 'n8n-nodes-edu.oneRoster';
export const TRIGGER_TYPE = 'n8n-nodes-edu.oneRosterTrigger';
export const NODE_NAME = 'OneRoster';
export const CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
export const BASE = '/ims/oneroster/rostering/v1p2';

export async function startSimulator(options: OneRosterSimulatorOptions = {}): Promise<OneRosterSimulator> {
	return await startOneRosterSimulator({ users: 60, seed: 42, ...options });
}

export function credentialsFor(sim: OneRosterSimulator, data: IDataObject = {}) {
	return {
		oneRosterApi: {
			baseUrl: sim.url,
			authentication: 'oAuth2',
			tokenUrl: sim.tokenUrl,
			clientId: DEFAULT_CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			clientAuthentication: 'basic',
			allowUserWrites: true,
			...data,
		},
	};
}

export interface RunOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	/** The workflow's time zone setting (n8n's default otherwise). */
	timezone?: string;
}

/** Runs one OneRoster node (after a Manual Trigger) through n8n-core's engine against the simulator. */
export async function runOneRoster(sim: OneRosterSimulator, parameters: INodeParameters, options: RunOptions = {}): Promise<RunResult> {
	const workflow = singleNodeWorkflow({
		type: NODE_TYPE,
		nodeName: NODE_NAME,
		parameters,
		credentials: { oneRosterApi: { id: '1', name: 'OneRoster test' } },
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
	if (options.timezone) workflow.settings = { timezone: options.timezone };
	return await runWorkflow({
		workflow,
		credentials: credentialsFor(sim, options.credentials),
	});
}

export function requestsTo(sim: OneRosterSimulator, method: string, path: string | RegExp) {
	return sim.requests.filter(
		(request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)),
	);
}

export const locator = (value: string) => ({ __rl: true, mode: 'id', value });
