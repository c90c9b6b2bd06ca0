import type { INodeProperties } from 'n8n-workflow';

import * as deactivateTwoFactor from './deactivateTwoFactor.operation';
import * as forcePasswordReset from './forcePasswordReset.operation';
import * as requirePasswordChange from './requirePasswordChange.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { deactivateTwoFactor, forcePasswordReset, requirePasswordChange };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['security'] } },
		default: 'requirePasswordChange',
		options: [
			{
				name: 'Deactivate Two-Factor Authentication',
				value: 'deactivateTwoFactor',
				description: 'Deprecated method: switch off two-factor sign-in of the main account or a co-account',
				action: 'Deactivate two factor authentication of a user',
			},
			{
				name: 'Force Password Reset',
				value: 'forcePasswordReset',
				description: 'Make the main account or a co-account choose a new password at the next login (forcePasswordReset)',
				action: 'Force a password reset of a user',
			},
			{
				name: 'Require Password Change',
				value: 'requirePasswordChange',
				description: 'Make the account choose a new password at the next login (changePasswordAtNextLogin, the newer method)',
				action: 'Require a password change at next login',
			},
		],
	},
	...deactivateTwoFactor.description,
	...forcePasswordReset.description,
	...requirePasswordChange.description,
];
