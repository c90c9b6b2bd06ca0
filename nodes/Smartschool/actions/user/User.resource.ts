import type { INodeProperties } from 'n8n-workflow';

import * as addToGroup from './addToGroup.operation';
import * as addToGroups from './addToGroups.operation';
import * as changeInternalNumber from './changeInternalNumber.operation';
import * as del from './delete.operation';
import * as getAllBasic from './getAllBasic.operation';
import * as getByInternalNumber from './getByInternalNumber.operation';
import * as getByScannableCode from './getByScannableCode.operation';
import * as getByUsername from './getByUsername.operation';
import * as getClassHistory from './getClassHistory.operation';
import * as getOfficialClass from './getOfficialClass.operation';
import * as removeCoAccount from './removeCoAccount.operation';
import * as replaceInternalNumber from './replaceInternalNumber.operation';
import * as setGroups from './setGroups.operation';
import * as setProfileField from './setProfileField.operation';
import * as setSignature from './setSignature.operation';
import * as unregister from './unregister.operation';
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
	addToGroups,
	changeInternalNumber,
	delete: del,
	getAllBasic,
	getByInternalNumber,
	getByScannableCode,
	getByUsername,
	getClassHistory,
	getOfficialClass,
	removeCoAccount,
	replaceInternalNumber,
	setGroups,
	setProfileField,
	setSignature,
	unregister,
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
				name: 'Add to Groups',
				value: 'addToGroups',
				description: 'Add a user to several groups and classes in one call (saveUserToClasses)',
				action: 'Add a user to several groups or classes',
			},
			{
				name: 'Change Internal Number',
				value: 'changeInternalNumber',
				description: 'Give an account a new internal number (intern nummer), found by its username',
				action: 'Change the internal number of a user',
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
				name: 'Delete',
				value: 'delete',
				description: 'Delete an account (delUser), optionally with the official date of leaving',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get every field of an account, its groups and co-accounts, by the unique field, username or internal number (getUserDetails, …ByUsername, …ByNumber)',
				action: 'Get a user',
			},
			{
				name: 'Get by Internal Number',
				value: 'getByInternalNumber',
				description: 'Get an account by its intern nummer, whatever the platform\'s Uniek veld (getUserDetailsByNumber)',
				action: 'Get a user by internal number',
			},
			{
				name: 'Get by Scannable Code',
				value: 'getByScannableCode',
				description: 'Get an account by the code on its badge or card (getUserDetailsByScannableCode)',
				action: 'Get a user by scannable code',
			},
			{
				name: 'Get by Username',
				value: 'getByUsername',
				description: 'Get an account by its gebruikersnaam, whatever the platform\'s Uniek veld (getUserDetailsByUsername)',
				action: 'Get a user by username',
			},
			{
				name: 'Get Class History',
				value: 'getClassHistory',
				description: 'The official class movements of a student (schoolloopbaan, getStudentCareer)',
				action: 'Get the class history of a student',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the accounts of a group or class, or of the whole platform',
				action: 'Get many users',
			},
			{
				name: 'Get Many (Short List)',
				value: 'getAllBasic',
				description: 'List accounts with only names, username, internal number, status and class number (getAllAccounts)',
				action: 'Get many users as a short list',
			},
			{
				name: 'Get Official Class',
				value: 'getOfficialClass',
				description: 'The official class (officiële klas) of a student on a date',
				action: 'Get the official class of a student',
			},
			{
				name: 'Get Photo',
				value: 'getPhoto',
				description: 'Download the profile photo as a binary JPEG file',
				action: 'Get the photo of a user',
			},
			{
				name: 'Remove Co-Account',
				value: 'removeCoAccount',
				description: 'Remove one co-account (parent or guardian access) of an account',
				action: 'Remove a co account of a user',
			},
			{
				name: 'Remove From Group',
				value: 'removeFromGroup',
				description: 'Take a user out of a group or class',
				action: 'Remove a user from a group or class',
			},
			{
				name: 'Replace Internal Number',
				value: 'replaceInternalNumber',
				description: 'Replace an internal number by another (replaceInum), found by the old number',
				action: 'Replace the internal number of a user',
			},
			{
				name: 'Set Groups',
				value: 'setGroups',
				description: 'Set the groups and classes of a user, keeping or dropping the current ones (saveUserToClassesAndGroups)',
				action: 'Set the groups and classes of a user',
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
				name: 'Set Profile Field',
				value: 'setProfileField',
				description: 'Set one profile field, co-account field or custom field of the school (saveUserParameter)',
				action: 'Set a profile field of a user',
			},
			{
				name: 'Set Signature',
				value: 'setSignature',
				description: 'Set the message signature of the main account or a co-account',
				action: 'Set the signature of a user',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				description: 'Make an account active, inactive or administrative',
				action: 'Set the status of a user',
			},
			{
				name: 'Unregister Student',
				value: 'unregister',
				description: 'Unregister a student from the school (uitschrijven); the account is kept',
				action: 'Unregister a student',
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
	...addToGroups.description,
	...changeInternalNumber.description,
	...del.description,
	...getAllBasic.description,
	...getByInternalNumber.description,
	...getByScannableCode.description,
	...getByUsername.description,
	...getClassHistory.description,
	...getOfficialClass.description,
	...removeCoAccount.description,
	...replaceInternalNumber.description,
	...setGroups.description,
	...setProfileField.description,
	...setSignature.description,
	...unregister.description,
];
