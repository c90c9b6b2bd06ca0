import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	MANUAL_TRIGGER_NAME,
	MANUAL_TRIGGER_TYPE,
	runWorkflow,
	singleNodeWorkflow,
	type RunResult,
} from '../../harness';
import {
	startSmartschoolSimulator,
	type SmartschoolSimulator,
	type SmartschoolSimulatorOptions,
} from '../../simulators/smartschool';

export const ACCESS_CODE = 'test-access-code';
export const NODE_TYPE = 'n8n-nodes-edu.smartschool';
export const TRIGGER_TYPE = 'n8n-nodes-edu.smartschoolTrigger';
export const NODE_NAME = 'Smartschool';
export const CREDENTIAL_TYPE = 'smartschoolApi';

/** A small seeded school; tests that change the platform start their own. */
export async function startSimulator(options: Partial<SmartschoolSimulatorOptions> = {}): Promise<SmartschoolSimulator> {
	return await startSmartschoolSimulator({ accounts: 60, seed: 42, accessCode: ACCESS_CODE, ...options });
}

export function credentialsFor(sim: SmartschoolSimulator, data: IDataObject = {}) {
	return { [CREDENTIAL_TYPE]: { platformUrl: sim.url, accessCode: ACCESS_CODE, ...data } };
}

export interface RunOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	alwaysOutputData?: boolean;
	credentials?: IDataObject;
}

/** Runs one Smartschool node (after a Manual Trigger) through n8n-core's engine against the simulator. */
export async function runSmartschool(
	sim: SmartschoolSimulator,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<RunResult> {
	return await runWorkflow({
		workflow: singleNodeWorkflow({
			type: NODE_TYPE,
			nodeName: NODE_NAME,
			parameters: { resource: 'user', ...parameters },
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Smartschool test' } },
			inputItems: options.inputItems,
			continueOnFail: options.continueOnFail,
			alwaysOutputData: options.alwaysOutputData,
		}),
		credentials: credentialsFor(sim, options.credentials),
	});
}

/** Runs a chain of Smartschool nodes (Manual Trigger → first → second …), each with its own parameters. */
export async function runChain(
	sim: SmartschoolSimulator,
	steps: Array<{ name: string; parameters: INodeParameters }>,
	inputItems?: INodeExecutionData[],
): Promise<RunResult> {
	const nodes = [
		{ name: MANUAL_TRIGGER_NAME, type: MANUAL_TRIGGER_TYPE, parameters: {} },
		...steps.map((step) => ({
			name: step.name,
			type: NODE_TYPE,
			parameters: { resource: 'user', ...step.parameters },
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Smartschool test' } },
		})),
	];
	const names = nodes.map((node) => node.name);
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (let index = 0; index < names.length - 1; index++) {
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	}
	return await runWorkflow({ workflow: { nodes, connections }, credentials: credentialsFor(sim), inputItems });
}

/** A user locator in ID mode. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** The SOAP calls the simulator received, optionally of one method. */
export function soapCalls(sim: SmartschoolSimulator, method?: string) {
	return sim.requests.filter((request) => method === undefined || request.soapMethod === method);
}

/** The SOAP method names received, in order. */
export const methodsCalled = (sim: SmartschoolSimulator) => sim.requests.map((request) => request.soapMethod);
