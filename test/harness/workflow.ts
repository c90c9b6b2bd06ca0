import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute, WorkflowHasIssuesError } from 'n8n-core';
import { UserError, Workflow } from 'n8n-workflow';
import type {
	ExecutionError,
	ExecutionStatus,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IPinData,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowSettings,
	OnError,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { MANUAL_TRIGGER_NAME, MANUAL_TRIGGER_TYPE, NO_OP_TYPE } from './builtins';
import { HarnessCredentialsHelper, type CredentialRead, type TestCredentials } from './credentials';
import { buildAdditionalData, ensureEnvironment } from './environment';
import { withRunLogs, type LogLine } from './logs';
import { harnessTypes } from './nodeTypes';

/** A node as written in a fixture: id, position, typeVersion and parameters may be left out. */
export type WorkflowNode = Omit<INode, 'id' | 'position' | 'typeVersion' | 'parameters'> &
	Partial<Pick<INode, 'id' | 'position' | 'typeVersion' | 'parameters'>>;

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: WorkflowNode[];
	connections: IConnections;
	/** Real pin data: n8n skips a pinned node and emits the pinned items (see `expectedFromPinData`). */
	pinData?: IPinData;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
}

export interface RunResult {
	status: ExecutionStatus | 'success' | 'error';
	error?: ExecutionError;
	runData: IRunData;
	/** Items of a node's output; throws (saying why) when the node did not run or failed. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	json(nodeName: string): IDataObject[];
	nodeError(nodeName: string, runIndex?: number): ExecutionError | undefined;
	logs: LogLine[];
	/** Workflow static data after the run (n8n saves it only for non-manual runs). */
	staticData: IDataObject;
	/** Bytes of a binary property of an output item (first output unless `outputIndex`). */
	binary(nodeName: string, itemIndex: number, property?: string, outputIndex?: number): Promise<Buffer>;
	/** Which credentials n8n-core asked for, by which node. */
	credentialsRead: CredentialRead[];
	/** Node names in the order they finished. */
	executionOrder: string[];
	/** The fixture's pinData when the run used `expectedFromPinData`. */
	expected: IPinData;
	/** The engine's raw result. */
	run: IRun;
}

export interface RunWorkflowArgs {
	workflow: WorkflowJson | string;
	credentials?: TestCredentials;
	mode?: WorkflowExecuteMode;
	/** Items the start trigger emits (pinned on it, as the editor does with pinned trigger data). */
	inputItems?: INodeExecutionData[];
	/** n8n's own fixture convention: pinData holds the expected outputs, so run without it. */
	expectedFromPinData?: boolean;
}

let executionCounter = 0;

function readWorkflow(workflow: WorkflowJson | string): WorkflowJson {
	if (typeof workflow !== 'string') return structuredClone(workflow);
	return JSON.parse(readFileSync(resolve(workflow), 'utf8')) as WorkflowJson;
}

/** Fills what the editor fills for a new node. */
export function completeNodes(nodes: WorkflowNode[]): INode[] {
	return nodes.map((node, index) => ({
		...node,
		id: node.id ?? `node-${index + 1}`,
		position: node.position ?? [index * 220, 0],
		typeVersion: node.typeVersion ?? harnessTypes.latestVersion(node.type),
		parameters: node.parameters ?? {},
	}));
}

/** WorkflowHasIssuesError says nothing about the issues; ask the engine which ones it found. */
function startError(workflowExecute: WorkflowExecute, workflow: Workflow, startNode: string | undefined, pinned: string[]) {
	const issues = workflowExecute.checkReadyForExecution(workflow, { startNode, pinDataNodeNames: pinned });
	return new UserError(`The workflow has issues and n8n would not run it: ${JSON.stringify(issues)}`);
}

/** Runs a workflow the way n8n runs a manual ("Execute workflow") or production execution. */
export async function runWorkflow(args: RunWorkflowArgs): Promise<RunResult> {
	await ensureEnvironment();
	const json = readWorkflow(args.workflow);
	const mode = args.mode ?? 'manual';
	const nodes = completeNodes(json.nodes);
	const expected = args.expectedFromPinData ? (json.pinData ?? {}) : {};
	const pinData: IPinData = args.expectedFromPinData ? {} : { ...json.pinData };
	const executionId = String(++executionCounter);
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Test workflow',
		active: false,
		isArchived: false,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections: json.connections,
		settings: { executionOrder: 'v1', ...json.settings },
		staticData: json.staticData,
		activeVersionId: null,
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections: json.connections,
		active: false,
		nodeTypes: harnessTypes.nodeTypes,
		settings: workflowData.settings,
		staticData: structuredClone(json.staticData ?? {}),
	});

	let startNode: INode | undefined;
	if (args.inputItems) {
		startNode = workflow.getStartNode();
		if (!startNode) throw new UserError('inputItems needs a trigger to pin them on; the workflow has none');
		pinData[startNode.name] = args.inputItems;
	}
	workflow.setPinData(pinData);

	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => void executionOrder.push(nodeName));
	const credentialsHelper = new HarnessCredentialsHelper(harnessTypes.credentialTypes, args.credentials);
	const additionalData = buildAdditionalData({ credentialsHelper, executionId, hooks });
	const workflowExecute = new WorkflowExecute(additionalData, mode);

	const { value: run, logs } = await withRunLogs(async () => {
		try {
			return await workflowExecute.run({ workflow, startNode, pinData });
		} catch (error) {
			if (error instanceof WorkflowHasIssuesError) {
				const start = startNode ?? workflow.getStartNode();
				throw startError(workflowExecute, workflow, start?.name, Object.keys(pinData));
			}
			throw error;
		}
	});
	return buildResult(run, workflow, { logs, credentialsRead: credentialsHelper.reads, executionOrder, expected });
}

function buildResult(
	run: IRun,
	workflow: Workflow,
	extra: Pick<RunResult, 'logs' | 'credentialsRead' | 'executionOrder' | 'expected'>,
): RunResult {
	const { runData } = run.data.resultData;
	const describe = () => {
		const ran = Object.keys(runData).join(', ') || 'none';
		const error = run.data.resultData.error;
		return `ran: ${ran}${error ? `; workflow error: ${error.message}` : ''}`;
	};
	const output = (nodeName: string, outputIndex = 0, runIndex = 0): INodeExecutionData[] => {
		const task = runData[nodeName]?.[runIndex];
		if (!task) throw new UserError(`Node "${nodeName}" has no run ${runIndex} (${describe()})`);
		if (task.error && !task.data) throw new UserError(`Node "${nodeName}" failed: ${task.error.message}`);
		return task.data?.main[outputIndex] ?? [];
	};
	return {
		status: run.status,
		error: run.data.resultData.error,
		runData,
		output,
		json: (nodeName) => output(nodeName).map((item) => item.json),
		nodeError: (nodeName, runIndex = 0) => runData[nodeName]?.[runIndex]?.error,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		binary: async (nodeName, itemIndex, property = 'data', outputIndex = 0) => {
			const item = output(nodeName, outputIndex)[itemIndex];
			const binaryData = item?.binary?.[property];
			if (!binaryData) {
				const has = Object.keys(item?.binary ?? {}).join(', ') || 'none';
				throw new UserError(`Item ${itemIndex} of "${nodeName}" has no binary "${property}" (has: ${has})`);
			}
			return await Container.get(BinaryDataService).getAsBuffer(binaryData);
		},
		run,
		...extra,
	};
}

export interface SingleNodeWorkflowArgs {
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
	typeVersion?: number;
	/** Items the Manual Trigger emits instead of its one empty item (pinned on it). */
	inputItems?: IDataObject[];
	/** The editor's "On Error: Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	onError?: OnError;
	alwaysOutputData?: boolean;
	nodeName?: string;
	/** Append a No Operation node after the node under test. */
	noOp?: boolean;
}

/** Manual Trigger → the node under test (→ No Operation). */
export function singleNodeWorkflow(args: SingleNodeWorkflowArgs): WorkflowJson {
	const nodeName = args.nodeName ?? harnessTypes.nodeTypes.getByNameAndVersion(args.type, args.typeVersion).description.defaults.name ?? args.type;
	const onError = args.onError ?? (args.continueOnFail ? 'continueRegularOutput' : undefined);
	const node: WorkflowNode = {
		name: nodeName,
		type: args.type,
		parameters: args.parameters,
		...(args.typeVersion !== undefined && { typeVersion: args.typeVersion }),
		...(args.credentials && { credentials: args.credentials }),
		...(onError && { onError }),
		...(args.alwaysOutputData && { alwaysOutputData: true }),
	};
	const main = (to: string) => ({ main: [[{ node: to, type: 'main' as const, index: 0 }]] });
	const workflow: WorkflowJson = {
		nodes: [{ name: MANUAL_TRIGGER_NAME, type: MANUAL_TRIGGER_TYPE, parameters: {} }, node],
		connections: { [MANUAL_TRIGGER_NAME]: main(nodeName) },
	};
	if (args.noOp) {
		workflow.nodes.push({ name: 'No Operation, do nothing', type: NO_OP_TYPE, parameters: {} });
		workflow.connections[nodeName] = main('No Operation, do nothing');
	}
	if (args.inputItems) workflow.pinData = { [MANUAL_TRIGGER_NAME]: args.inputItems.map((json) => ({ json })) };
	return workflow;
}

export interface MultiInputWorkflowArgs extends Omit<SingleNodeWorkflowArgs, 'inputItems'> {
	/** The items that reach each input of the node under test, in input order; `[]` is a branch that emitted nothing. */
	inputs: IDataObject[][];
	/** Names of the nodes feeding each input (default "Input 1", "Input 2", …). */
	inputNodeNames?: string[];
}

/**
 * Manual Trigger → one No Operation node per input (pinned with that input's items) → the node under test's
 * inputs (→ No Operation). A pinned `[]` behaves like a branch whose last node output nothing (e.g. a header-only
 * CSV), so the engine's partial-input rules (v1 order, `requiredInputs`) decide whether the node runs.
 */
export function multiInputWorkflow(args: MultiInputWorkflowArgs): WorkflowJson {
	const workflow = singleNodeWorkflow({ ...args, noOp: false });
	const node = workflow.nodes[1];
	const names = args.inputs.map((_items, index) => args.inputNodeNames?.[index] ?? `Input ${index + 1}`);
	workflow.nodes = [workflow.nodes[0], ...names.map((name, index) => ({ name, type: NO_OP_TYPE, parameters: {}, position: [220, index * 200] as [number, number] })), { ...node, position: [440, 0] }];
	workflow.connections = {
		[MANUAL_TRIGGER_NAME]: { main: [names.map((name) => ({ node: name, type: 'main' as const, index: 0 }))] },
		...Object.fromEntries(names.map((name, index) => [name, { main: [[{ node: node.name, type: 'main' as const, index }]] }])),
	};
	workflow.pinData = Object.fromEntries(names.map((name, index) => [name, args.inputs[index].map((json) => ({ json }))]));
	if (args.noOp) {
		workflow.nodes.push({ name: 'No Operation, do nothing', type: NO_OP_TYPE, parameters: {}, position: [660, 0] });
		workflow.connections[node.name] = { main: [[{ node: 'No Operation, do nothing', type: 'main' as const, index: 0 }]] };
	}
	return workflow;
}
