import type { INodeProperties } from 'n8n-workflow';

import * as addToGroup from './addToGroup.operation';
import * as changeUsername from './changeUsername.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getPhoto from './getPhoto.operation';
import * as removeFromGroup from './removeFromGroup.operation';
import * as setPassword from './setPassword.operation';
import * as setPhoto from './setPhoto.operation';
import * as setStatus from './setStatus.operation';
import * as update from './update.operation';

/** The operations of this resource by their `operation` value. */
export const operations = {
	addToGroup,
	changeUsername,
	create,
	get,
	getAll,
	getPhoto,
	removeFromGroup,
	setPassword,
	setPhoto,
	setStatus,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		default: 'get',
		options: [
			{
				name: 'Add to Group',
				value: 'addToGroup',
				description: 'Add a user to a group or class (moves a student into an official class)',
				action: 'Add a user to a group or class',
			},
			{
				name: 'Change Username',
				value: 'changeUsername',
				description: 'Give an account a new username, found by its internal number',
				action: 'Change the username of a user',
			},
			{
				name: 'Create',
				value: 'create',
				description: "Create an account if it does not exist yet; it lands in the platform's Doelgroep group",
				action: 'Create a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get every field of an account, its groups and co-accounts',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the accounts of a group or class, or of the whole platform',
				action: 'Get many users',
			},
			{
				name: 'Get Photo',
				value: 'getPhoto',
				description: 'Download the profile photo as a binary JPEG file',
				action: 'Get the photo of a user',
			},
			{
				name: 'Remove From Group',
				value: 'removeFromGroup',
				description: 'Take a user out of a group or class',
				action: 'Remove a user from a group or class',
			},
			{
				name: 'Set Password',
				value: 'setPassword',
				description: 'Set the password of the main account or a co-account',
				action: 'Set the password of a user',
			},
			{
				name: 'Set Photo',
				value: 'setPhoto',
				description: 'Upload a profile photo from a binary field',
				action: 'Set the photo of a user',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				description: 'Make an account active, inactive or administrative',
				action: 'Set the status of a user',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change profile fields; every other value is kept',
				action: 'Update a user',
			},
		],
	},
	...get.description,
	...getAll.description,
	...create.description,
	...update.description,
	...changeUsername.description,
	...setPassword.description,
	...setStatus.description,
	...addToGroup.description,
	...removeFromGroup.description,
	...getPhoto.description,
	...setPhoto.description,
];
