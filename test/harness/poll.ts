import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
// Not re-exported by n8n-core's index; the same module WorkflowExecute and ActiveWorkflows use.
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import { UserError, Workflow, toCronExpression } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, TriggerTime } from 'n8n-workflow';

import { credentialReferences, HarnessCredentialsHelper, type TestCredentials } from './credentials';
import { buildAdditionalData, ensureEnvironment } from './environment';
import { withRunLogs, type LogLine } from './logs';
import { harnessTypes } from './nodeTypes';
import { completeNodes } from './workflow';

export interface RunPollArgs {
	type: string;
	parameters: INodeParameters;
	credentials?: TestCredentials;
	/** 'manual' = the editor's "Fetch Test Event"; 'trigger' = one poll of an active workflow. */
	mode: 'manual' | 'trigger';
	/** Workflow static data (`{ 'node:<name>': {…} }`) as the previous call returned it. */
	staticData?: IDataObject;
	nodeName?: string;
	typeVersion?: number;
	/** The workflow's time zone setting (n8n's default, America/New_York, otherwise). */
	timezone?: string;
}

export interface PollResult {
	/** What the poll emitted (its first output); null = nothing new (poll returned null). */
	items: INodeExecutionData[] | null;
	/**
	 * The static data the next poll sees. 'trigger': the in-memory object an active workflow keeps
	 * between polls. 'manual': the input unchanged — n8n discards static data of manual runs.
	 */
	staticData: IDataObject;
	/** This node's part of `staticData` (`staticData['node:<name>']`). */
	nodeStaticData: IDataObject;
	/** Whether n8n would write `staticData` to the database now (on emit, when changed; never manual). */
	staticDataSaved: boolean;
	logs: LogLine[];
	/** The error the poll threw (in 'trigger' mode: what n8n hands to `__emitError`). */
	error?: Error;
}

function plain(data: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(data)) as IDataObject;
}

/** Runs a polling trigger node through n8n-core. */
export async function runPoll(args: RunPollArgs): Promise<PollResult> {
	await ensureEnvironment();
	const nodeName = args.nodeName ?? harnessTypes.nodeTypes.getByNameAndVersion(args.type, args.typeVersion).description.defaults.name ?? 'Poll Trigger';
	const [node] = completeNodes([
		{
			name: nodeName,
			type: args.type,
			typeVersion: args.typeVersion,
			parameters: args.parameters,
			credentials: credentialReferences(args.credentials),
		},
	]);
	const before = structuredClone(args.staticData ?? {});
	const workflow = new Workflow({
		id: 'harness-poll-workflow',
		name: 'Poll test workflow',
		nodes: [node],
		connections: {},
		active: args.mode === 'trigger',
		nodeTypes: harnessTypes.nodeTypes,
		settings: { executionOrder: 'v1', ...(args.timezone ? { timezone: args.timezone } : {}) },
		staticData: structuredClone(before),
	});
	const credentialsHelper = new HarnessCredentialsHelper(harnessTypes.credentialTypes, args.credentials);
	const poll = args.mode === 'manual' ? fetchTestEvent : productionPoll;
	const { value, logs } = await withRunLogs(async () => await poll(workflow, node, credentialsHelper));
	const staticData = args.mode === 'manual' ? before : plain(workflow.staticData);
	const nodeStaticData = (staticData[`node:${nodeName}`] as IDataObject | undefined) ?? {};
	return { ...value, staticData, nodeStaticData, logs };
}

let pollCounter = 0;

type PollOutcome = Pick<PollResult, 'items' | 'error' | 'staticDataSaved'>;

/** The editor's "Fetch Test Event": a manual execution with the trigger as destination node. */
async function fetchTestEvent(
	workflow: Workflow,
	node: INode,
	credentialsHelper: HarnessCredentialsHelper,
): Promise<PollOutcome> {
	const executionId = `poll-${++pollCounter}`;
	const now = new Date();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		createdAt: now,
		updatedAt: now,
		nodes: [node],
		connections: {},
		activeVersionId: null,
	});
	const additionalData = buildAdditionalData({ credentialsHelper, executionId, hooks });
	const run = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		destinationNode: { nodeName: node.name, mode: 'inclusive' },
	});
	const task = run.data.resultData.runData[node.name]?.[0];
	const error = run.data.resultData.error ?? task?.error;
	return { items: task?.data?.main[0] ?? null, ...(error && { error }), staticDataSaved: false };
}

/**
 * One poll of an active workflow, as n8n-core's ActiveWorkflows runs it on every cron tick: a
 * PollContext in 'trigger' mode, TriggersAndPollers.runPoll, then `__emit` (n8n saves changed
 * static data there and starts an execution) or `__emitError`.
 */
async function productionPoll(
	workflow: Workflow,
	node: INode,
	credentialsHelper: HarnessCredentialsHelper,
): Promise<PollOutcome> {
	// Pollers get the base additional data: no execution id and no lifecycle hooks yet.
	const additionalData = buildAdditionalData({ credentialsHelper });
	const outcome: PollOutcome = { items: null, staticDataSaved: false };
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		(data) => {
			outcome.items = data[0] ?? [];
			outcome.staticDataSaved = workflow.staticData.__dataChanged === true;
		},
		(error) => {
			outcome.error = error;
		},
	);
	// ActiveWorkflows reads Poll Times on activation and refuses sub-minute intervals.
	const pollTimes = context.getNodeParameter('pollTimes') as { item?: TriggerTime[] };
	for (const expression of (pollTimes.item ?? []).map(toCronExpression)) {
		if (expression.split(' ')[0]?.includes('*')) throw new UserError('The polling interval is too short.');
	}
	try {
		const response = await Container.get(TriggersAndPollers).runPoll(workflow, node, context);
		if (response !== null) context.__emit(response);
	} catch (error) {
		context.__emitError(error as Parameters<typeof context.__emitError>[0]);
	}
	return outcome;
}
