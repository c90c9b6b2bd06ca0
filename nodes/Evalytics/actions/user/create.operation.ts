import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requireString, validateEmail } from '../../../shared/validate';
import { simplifyUser, type EvalyticsUser } from '../../helpers/users';
import type { EvalyticsClient } from '../../transport';
import { permissionGroupsField, propagateField, roleRowFields, userProfileFields } from '../common.descriptions';
import { readOrganisation } from '../params';
import { readPermissionGroups, readProfileFields, readRoleRows } from './userBody';

const show = { resource: ['user'], operation: ['create'] };

const properties: INodeProperties[] = [
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		placeholder: 'name@example.nl',
		required: true,
		default: '',
		description: 'The login of the user; unique in Evalytics and cannot be changed later',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '' },
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Role',
		required: true,
		default: {},
		description:
			'At least one role. A user can have different roles per organisation. Teacher roles (3) are not added here: Evalytics creates them with the teacher (docent).',
		options: [{ displayName: 'Role', name: 'role', values: [...roleRowFields, propagateField] }],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userProfileFields,
	},
	permissionGroupsField,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the created user instead of the raw data',
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: EvalyticsClient) {
	const node = this.getNode();
	const field = (name: string) => ({ node, field: name, itemIndex });

	const body: IDataObject = {
		email: validateEmail(this.getNodeParameter('email', itemIndex, ''), field('E-mail')),
		firstName: requireString(this.getNodeParameter('firstName', itemIndex, ''), field('First Name')),
		lastName: requireString(this.getNodeParameter('lastName', itemIndex, ''), field('Last Name')),
		...readProfileFields(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, node, itemIndex),
	};
	const roles = readRoleRows(this, itemIndex, 'create');
	if (roles.length === 0) {
		throw new NodeOperationError(node, 'Roles: add at least one role', {
			itemIndex,
			description: 'Evalytics needs at least one role (organisation ID + role ID) to create a user',
		});
	}
	body.roles = roles;
	const groups = readPermissionGroups(this, itemIndex);
	if (groups.length) body.additionalPermissionGroups = groups;

	const user = await client.request<EvalyticsUser>({
		method: 'POST',
		path: ['user'],
		body,
		organisation: readOrganisation(this, itemIndex),
		// A create is never retried: a lost answer must not become a second user.
		idempotent: false,
		itemIndex,
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? simplifyUser(user) : user;
}
