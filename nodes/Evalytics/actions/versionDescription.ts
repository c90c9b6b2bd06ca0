import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { organisationLocator } from './common.descriptions';
import * as user from './user/User.resource';

/** Everything of the node's description but its icon and subtitle, which the node class sets beside it. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle'> = {
	displayName: 'Evalytics',
	name: 'evalytics',
	group: ['transform'],
	version: 1,
	description: 'Manage users of Evalytics, the Dutch course-evaluation platform',
	defaults: { name: 'Evalytics' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'evalyticsApi', required: true, testedBy: 'evalyticsApiTest' }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'User', value: 'user' }],
			default: 'user',
		},
		...user.description,
		organisationLocator,
	],
};
