import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { addSoapSecret } from '../../../shared/soap';
import { oneOf, optionalString, requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { alreadyExists } from './errors';
import { fetchUser } from './identify';
import { profileFieldOptions, readProfileFields, ROLES, roleOptions, SAVE_USER_PARTS, type SaveUserParts } from './profileFields';

const show = { resource: ['user'], operation: ['create'] };
const PASSWORD_PARTS = ['passwd1', 'passwd2', 'passwd3'];

const properties: INodeProperties[] = [
	{
		displayName:
			'New accounts land in the group set as "Doelgroep" in Algemene configuratie > Webservices; move them with Add to Group and Remove From Group. An existing account is never overwritten: use Update.',
		name: 'createNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jan.peeters',
		description: 'The login (gebruikersnaam); unique on the platform',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'The first password of the main account. Smartschool asks for a new one at the first login; it must meet the platform\'s password rules.',
	},
	{ displayName: 'First Name (Voornaam)', name: 'firstName', type: 'string', required: true, default: '' },
	{ displayName: 'Last Name (Naam)', name: 'lastName', type: 'string', required: true, default: '' },
	{
		displayName: 'Base Role (Basisrol)',
		name: 'role',
		type: 'options',
		required: true,
		default: '',
		options: roleOptions,
		description: 'Required: Smartschool refuses an account without one, and it can rarely be changed later',
	},
	{
		displayName: 'Internal Number (Intern Nummer)',
		name: 'internalNumber',
		type: 'string',
		default: '',
		description:
			'The school\'s own number for the person. Required when the platform\'s unique field (Uniek veld) is the internal number; Change Username needs it too.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...profileFieldOptions(['firstName', 'lastName']),
			{
				displayName: 'Co-Account 1 Password',
				name: 'coAccount1Password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Password of the first co-account (e.g. a parent)',
			},
			{
				displayName: 'Co-Account 2 Password',
				name: 'coAccount2Password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Password of the second co-account',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/**
 * Like the seed library: look the account up first and refuse to overwrite it (saveUser would silently update an
 * existing account). Unlike it, the lookup uses the key saveUser itself uses — the platform's unique field — and
 * nothing is defaulted: no gender, and the base role must be chosen. Not atomic: two runs at once can both pass the
 * check. New accounts land in the group set as "Doelgroep" in Algemene configuratie > Webservices.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const field = (name: string) => ({ node, field: name, itemIndex });
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const parts: SaveUserParts = {
		username: requireString(this.getNodeParameter('username', itemIndex, ''), field('Username')),
		passwd1: requireString(this.getNodeParameter('password', itemIndex, ''), field('Password')),
		passwd2: optionalString(additional.coAccount1Password, field('Co-Account 1 Password')) ?? '',
		passwd3: optionalString(additional.coAccount2Password, field('Co-Account 2 Password')) ?? '',
		name: requireString(this.getNodeParameter('firstName', itemIndex, ''), field('First Name (Voornaam)')),
		surname: requireString(this.getNodeParameter('lastName', itemIndex, ''), field('Last Name (Naam)')),
		basisrol: oneOf(this.getNodeParameter('role', itemIndex, ''), ROLES, field('Base Role (Basisrol)')),
		internnumber: optionalString(this.getNodeParameter('internalNumber', itemIndex, ''), field('Internal Number (Intern Nummer)')) ?? '',
		...readProfileFields(additional, node, itemIndex),
	};

	// Registered before the first call, so even an answer to the lookups that echoes them cannot show them.
	for (const part of PASSWORD_PARTS) addSoapSecret(client.secrets, parts[part]);
	const uniqueField = await client.uniqueField();
	if (uniqueField === 'number' && !parts.internnumber) {
		throw new NodeOperationError(node, 'Internal Number (Intern Nummer): required on this platform', {
			itemIndex,
			description: `This platform identifies accounts by internal number (Uniek veld), so Smartschool needs one to create the account. Item ${itemIndex}.`,
		});
	}
	const key = uniqueField === 'number' ? parts.internnumber! : parts.username!;
	const existing = await fetchUser(this.getNode(), client, { value: key, identifyBy: 'uniqueField' }, itemIndex, 'null');
	if (existing) throw alreadyExists(node, uniqueField, key, itemIndex);

	const wire: Record<string, string> = {};
	for (const part of SAVE_USER_PARTS) wire[part] = parts[part] ?? '';
	await client.call('saveUser', wire, { itemIndex, secretParts: PASSWORD_PARTS });

	const created: IDataObject = { success: true };
	for (const [part, value] of Object.entries(wire)) if (!part.startsWith('passwd') && value !== '') created[part] = value;
	return created;
}
