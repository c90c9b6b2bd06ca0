import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['employee'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Look up one employee at a school (POST /employees)', action: 'Get an employee' },
			{ name: 'Get Many', value: 'getAll', description: 'List many employees of a school (GET /employees/school)', action: 'Get many employees of a school' },
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
