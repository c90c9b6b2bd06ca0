import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { organisationLocator } from './common.descriptions';
import * as user from './user/User.resource';

/**
 * The node's description but its icon, subtitle and credentials, which the node class sets beside it (n8n's
 * lint rules look for them there; `testedBy` names a method of the class).
 */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'credentials'> = {
	displayName: 'Evalytics',
	name: 'evalytics',
	group: ['transform'],
	version: 1,
	description: 'Manage users of Evalytics, the Dutch course-evaluation platform',
	defaults: { name: 'Evalytics' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
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
