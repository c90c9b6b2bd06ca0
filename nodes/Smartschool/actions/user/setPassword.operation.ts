import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { addSoapSecret } from '../../../shared/soap';
import { booleanValue, integerInRange, requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { accountTypeField } from './accountType';
import { identifyByField, readUserRef, resolveUserIdentifier } from './identify';

const show = { resource: ['user'], operation: ['setPassword'] };

const properties: INodeProperties[] = [
	userLocator,
	identifyByField,
	accountTypeField,
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: "The new password; it must meet the platform's password rules (code 4 or 52 otherwise)",
	},
	{
		displayName: 'Change Password at Next Login',
		name: 'changePasswordAtNextLogin',
		type: 'boolean',
		default: true,
		description:
			'Whether the user must choose a new password at the next login (Smartschool\'s own default). A first login always asks for one.',
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** savePassword; the password is a secret part (redacted everywhere) and never part of the output. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const user = readUserRef(this, itemIndex);
	const accountType = integerInRange(this.getNodeParameter('accountType', itemIndex, 0), {
		node,
		field: 'Account',
		itemIndex,
		min: 0,
		max: 6,
	});
	const password = requireString(this.getNodeParameter('password', itemIndex, ''), { node, field: 'Password', itemIndex });
	// Registered at once: the lookup that Identify By may need comes before savePassword.
	addSoapSecret(client.secrets, password);
	const changeAtNextLogin = booleanValue(this.getNodeParameter('changePasswordAtNextLogin', itemIndex, true), {
		node,
		field: 'Change Password at Next Login',
		itemIndex,
	});
	const userIdentifier = await resolveUserIdentifier(this, client, user, itemIndex);
	await client.call(
		'savePassword',
		{ userIdentifier, password, accountType, changePasswordAtNextLogin: changeAtNextLogin ? 1 : 0 },
		{ itemIndex, secretParts: ['password'] },
	);
	return { success: true, userIdentifier, accountType, changePasswordAtNextLogin: changeAtNextLogin };
}
