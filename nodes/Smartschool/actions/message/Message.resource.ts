import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		default: 'send',
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send a Smartschool message to an account or co-account, with attachments',
				action: 'Send a message',
			},
		],
	},
	...send.description,
];
