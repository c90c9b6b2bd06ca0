import type { INodeProperties } from 'n8n-workflow';

import * as callMethod from './callMethod.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { callMethod };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['advanced'] } },
		default: 'callMethod',
		options: [
			{
				name: 'Call Any Method',
				value: 'callMethod',
				description: 'Call a V3 method by name with typed-in parts (for experts)',
				action: 'Call any method',
			},
		],
	},
	...callMethod.description,
];
