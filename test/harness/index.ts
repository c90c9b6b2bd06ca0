/**
 * Test harness: runs this package's nodes through n8n-core's real execution engine (WorkflowExecute,
 * PollContext + TriggersAndPollers, LoadOptionsContext, CredentialTestContext / RoutingNode) with
 * test credentials, real binary data storage and a capturing logger. See README.md.
 */
import type { ICredentialType } from 'n8n-workflow';

import { harnessTypes, type AnyNodeType } from './nodeTypes';

export { MANUAL_TRIGGER_NAME, MANUAL_TRIGGER_TYPE, NO_OP_TYPE } from './builtins';
export type { CredentialRead, StoredCredential, TestCredentials } from './credentials';
export { loadOptions, testCredential, type LoadOptionsArgs, type TestCredentialArgs } from './editor';
export { allLogs, leaksSecret, searchableText, type LogLine } from './logs';
export { loadPackage, PACKAGE_ROOT, type AnyNodeType, type LoadedPackage } from './nodeTypes';
export { runPoll, type PollResult, type RunPollArgs } from './poll';
export {
	multiInputWorkflow,
	runWorkflow,
	singleNodeWorkflow,
	type MultiInputWorkflowArgs,
	type RunResult,
	type RunWorkflowArgs,
	type SingleNodeWorkflowArgs,
	type WorkflowJson,
	type WorkflowNode,
} from './workflow';

/** Makes a node type (e.g. a test fixture) available under a full type string such as `test.myNode`. */
export function registerNodeType(type: string, nodeType: AnyNodeType): void {
	harnessTypes.registerNodeType(type, nodeType);
}

/** Makes a credential type available next to the package's own. */
export function registerCredentialType(credentialType: ICredentialType): void {
	harnessTypes.registerCredentialType(credentialType);
}
