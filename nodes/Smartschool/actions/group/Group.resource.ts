import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { create, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		default: 'getAll',
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a group (groep); fails if the code is already in use',
				action: 'Create a group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a group or class by its code, with its parent, children and titulars',
				action: 'Get a group or class',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List classes, groups or both, as a flat list or as the tree',
				action: 'Get many groups or classes',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change the description or Roostercode of a group or class. Smartschool ignores a changed parent and cannot rename.',
				action: 'Update a group or class',
			},
		],
	},
	...getAll.description,
	...get.description,
	...create.description,
	...update.description,
];
