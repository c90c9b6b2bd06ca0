import type { INodeProperties } from 'n8n-workflow';

import * as block from './block.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as restore from './restore.operation';
import * as unblock from './unblock.operation';
import * as update from './update.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { block, create, delete: del, get, getAll, restore, unblock, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		default: 'getAll',
		options: [
			{
				name: 'Block',
				value: 'block',
				description: 'Stop a user from logging in and receiving notifications; roles and organisations stay',
				action: 'Block a user',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user with at least one role',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user; they can no longer log in (Restore undoes it)',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by internal ID or externalId, with roles and organisations',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List or search the users of an organisation',
				action: 'Get many users',
			},
			{
				name: 'Restore',
				value: 'restore',
				description: 'Undo the deletion of a user',
				action: 'Restore a deleted user',
			},
			{
				name: 'Unblock',
				value: 'unblock',
				description: 'Let a blocked user log in again',
				action: 'Unblock a user',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change names, external ID, roles or permissions of a user (not the e-mail address)',
				action: 'Update a user',
			},
		],
	},
	...getAll.description,
	...get.description,
	...create.description,
	...update.description,
	...del.description,
	...restore.description,
	...block.description,
	...unblock.description,
];
