import { Container } from '@n8n/di';
import { CredentialTestContext, ErrorReporter, ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import { createRunExecutionData, UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	INode,
	INodeCredentialTestResult,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import { NO_OP_TYPE } from './builtins';
import { credentialReferences, HarnessCredentialsHelper, type TestCredentials } from './credentials';
import { buildAdditionalData, ensureEnvironment } from './environment';
import { withRunLogs, type LogLine } from './logs';
import { harnessTypes, versionsOf } from './nodeTypes';
import { completeNodes } from './workflow';

interface RequestTest {
	testRequest: ICredentialTestRequest;
	/** The node whose `testedBy` holds the request, with its full type. */
	node?: { type: string; nodeType: INodeType };
}

type CredentialTest = ICredentialTestFunction | RequestTest;

/** Where n8n's CredentialsTester looks: the credential's own `test` first, then `testedBy` on its nodes. */
function findCredentialTest(credentialType: string, preferredNode: string): CredentialTest | undefined {
	const { test } = harnessTypes.credential(credentialType);
	if (test) return { testRequest: test };
	const nodes = [preferredNode, ...harnessTypes.credentialTypes.getSupportedNodes(credentialType)];
	for (const type of nodes) {
		for (const nodeType of versionsOf(harnessTypes.node(type)).reverse()) {
			const entry = nodeType.description.credentials?.find(({ name }) => name === credentialType);
			if (!entry?.testedBy) continue;
			if (typeof entry.testedBy !== 'string') return { testRequest: entry.testedBy, node: { type, nodeType } };
			const fn = nodeType.methods?.credentialTest?.[entry.testedBy];
			if (fn) return fn;
		}
	}
	return undefined;
}

/** Reads `a.b.c` from an unknown value. */
function field(value: unknown, path: string[]): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** n8n's request-based credential test: a temporary node whose one property routes the test request. */
async function testByRequest(
	test: RequestTest,
	credentials: ICredentialsDecrypted,
	credentialsHelper: HarnessCredentialsHelper,
): Promise<INodeCredentialTestResult> {
	const base = test.node?.nodeType ?? harnessTypes.nodeTypes.getByNameAndVersion(NO_OP_TYPE);
	const { version } = base.description;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: test.node?.type ?? NO_OP_TYPE,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		parameters: {},
		credentials: { [credentials.type]: { id: credentials.id, name: credentials.name } },
	};
	const nodeType: INodeType = {
		description: {
			...base.description,
			credentials: [{ name: credentials.type, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.testRequest.request } },
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = buildAdditionalData({ credentialsHelper });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const rules = test.testRequest.rules ?? [];
	let response;
	try {
		response = await new RoutingNode(context, nodeType, credentials).runNode();
	} catch (error) {
		Container.get(ErrorReporter).error(error);
		// n8n reads the status from `cause.response`. n8n-workflow 2.8's NodeApiError drops an Error
		// cause (a class field resets it), so a `responseCode` rule never matches there: kept as is.
		const status = field(error, ['cause', 'response', 'status']);
		if (typeof status === 'number') {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				const statusText = field(error, ['cause', 'response', 'statusText']);
				return { status: 'Error', message: String(statusText || `Received HTTP status code: ${status}`) };
			}
		}
		const code = field(error, ['cause', 'code']);
		if (code) return { status: 'Error', message: String(code) };
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
	for (const rule of rules) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (field(response?.[0]?.[0]?.json, rule.properties.key.split('.')) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export interface TestCredentialArgs {
	/** A node type using the credential, searched first for a `testedBy` function. */
	nodeType: string;
	credentialType: string;
	data: Record<string, unknown>;
}

/** The credential modal's Test button, as n8n's CredentialsTester runs it. */
export async function testCredential(
	args: TestCredentialArgs,
): Promise<INodeCredentialTestResult & { logs: LogLine[] }> {
	await ensureEnvironment();
	const reference = { id: 'credential-under-test', name: 'Credential under test' };
	const credentialsHelper = new HarnessCredentialsHelper(harnessTypes.credentialTypes, [
		{ ...reference, type: args.credentialType, data: args.data },
	]);
	const { value, logs } = await withRunLogs(async (): Promise<INodeCredentialTestResult> => {
		const test = findCredentialTest(args.credentialType, args.nodeType);
		if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };
		const additionalData = buildAdditionalData({ credentialsHelper });
		const credentials: ICredentialsDecrypted = {
			...reference,
			type: args.credentialType,
			// n8n tests the data with the type's defaults applied and expressions resolved.
			data: await credentialsHelper.getDecrypted(additionalData, reference, args.credentialType, 'internal'),
		};
		if (typeof test === 'function') return await test.call(new CredentialTestContext(), credentials);
		return await testByRequest(test, credentials, credentialsHelper);
	});
	return { ...value, logs };
}

export interface LoadOptionsArgs {
	nodeType: string;
	method: string;
	kind: 'listSearch' | 'loadOptions';
	/** The node's current parameters in the editor. */
	parameters: INodeParameters;
	credentials?: TestCredentials;
	filter?: string;
	paginationToken?: string;
	typeVersion?: number;
	/** Path of the parameter asking, e.g. `parameters.user`. */
	path?: string;
}

/** A listSearch / loadOptions method run as n8n's DynamicNodeParametersService runs it. */
export async function loadOptions(args: LoadOptionsArgs & { kind: 'listSearch' }): Promise<INodeListSearchResult>;
export async function loadOptions(args: LoadOptionsArgs & { kind: 'loadOptions' }): Promise<INodePropertyOptions[]>;
export async function loadOptions(args: LoadOptionsArgs): Promise<INodeListSearchResult | INodePropertyOptions[]>;
export async function loadOptions(args: LoadOptionsArgs): Promise<INodeListSearchResult | INodePropertyOptions[]> {
	await ensureEnvironment();
	const [node] = completeNodes([
		{
			id: 'uuid-1234',
			name: 'Temp-Node',
			type: args.nodeType,
			typeVersion: args.typeVersion,
			parameters: structuredClone(args.parameters),
			credentials: credentialReferences(args.credentials),
		},
	]);
	const nodeType = harnessTypes.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: harnessTypes.nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper(harnessTypes.credentialTypes, args.credentials);
	const additionalData = buildAdditionalData({ credentialsHelper, currentNodeParameters: workflow.nodes[node.name].parameters });
	const context = new LoadOptionsContext(workflow, workflow.nodes[node.name], additionalData, args.path ?? 'parameters');
	if (args.kind === 'listSearch') {
		const method = nodeType.methods?.listSearch?.[args.method];
		if (!method) throw new UnexpectedError(`Node type does not have listSearch method "${args.method}"`);
		return await method.call(context, args.filter, args.paginationToken);
	}
	const method = nodeType.methods?.loadOptions?.[args.method];
	if (!method) throw new UnexpectedError(`Node type does not have loadOptions method "${args.method}"`);
	return await method.call(context);
}
