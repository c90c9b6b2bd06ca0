import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeEndpoints } from './describe';

/** The node's description but its icon, subtitle and credentials, which the node class sets beside it. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'credentials'> = {
	displayName: 'OneRoster',
	name: 'oneRoster',
	group: ['input'],
	version: 1,
	description: 'Read rosters (orgs, schools, classes, users, enrollments …) from any OneRoster 1.2 provider',
	defaults: { name: 'OneRoster' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: describeEndpoints(),
};
