import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import { applyRoleChanges, RoleChangeError, simplifyUser, type EvalyticsUser } from '../../helpers/users';
import type { EvalyticsClient } from '../../transport';
import { permissionGroupsField, propagateField, roleRowFields, userIdField, userProfileFields } from '../common.descriptions';
import { readOrganisation, readUserId } from '../params';
import { asOperationError, readPermissionGroups, readProfileFields, readRoleChanges } from './userBody';

const show = { resource: ['user'], operation: ['update'] };

const properties: INodeProperties[] = [
	userIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The e-mail address cannot be changed in Evalytics',
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			...userProfileFields,
		],
	},
	{
		displayName: 'Role Changes',
		name: 'roles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Role Change',
		default: {},
		description:
			'Evalytics replaces the whole role list on update, so the node reads the user first and keeps every role not mentioned here',
		options: [
			{
				displayName: 'Role',
				name: 'role',
				values: [
					{
						displayName: 'Change',
						name: 'change',
						type: 'options',
						default: 'add',
						options: [
							{ name: 'Add', value: 'add', description: 'Give the user this role (not the teacher role)' },
							{ name: 'Disable Teacher Role', value: 'disable', description: 'Switch an existing teacher role (3) off' },
							{ name: 'Enable Teacher Role', value: 'enable', description: 'Switch an existing teacher role (3) on' },
							{ name: 'Remove', value: 'remove', description: 'Take this role away; nothing happens if the user lacks it' },
						],
					},
					...roleRowFields,
					{ ...propagateField, displayOptions: { show: { change: ['add'] } } },
				],
			},
		],
	},
	permissionGroupsField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Update Request',
				name: 'updateMethod',
				type: 'options',
				default: 'POST',
				description:
					'The documentation shows POST /user/{ID}; its User Management 2.0 notes write PUT. Choose PUT if your Evalytics refuses POST.',
				options: [
					{ name: 'POST /user/{ID}', value: 'POST' },
					{ name: 'PUT /user/{ID}', value: 'PUT' },
				],
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the updated user instead of the raw data',
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: EvalyticsClient) {
	const node = this.getNode();
	const userId = requireString(readUserId(this, itemIndex), { node, field: 'User ID', itemIndex });
	const organisation = readOrganisation(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if ('email' in updateFields) {
		throw new NodeOperationError(node, 'E-mail cannot be changed', {
			itemIndex,
			description: 'Evalytics uses the e-mail address as the login and does not allow changing it',
		});
	}
	const body = readProfileFields(updateFields, node, itemIndex);
	const changes = readRoleChanges(this, itemIndex);
	const groups = readPermissionGroups(this, itemIndex);
	if (groups.length) body.additionalPermissionGroups = groups;
	if (Object.keys(body).length === 0 && changes.length === 0) {
		throw new NodeOperationError(node, 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under Update Fields, a role change or a permission group',
		});
	}

	if (changes.length) {
		// Read with propagated roles: they are not written back, but they tell where a role is locked.
		const current = await client.request<EvalyticsUser>({
			method: 'GET',
			path: ['user', userId],
			organisation,
			idempotent: true,
			itemIndex,
		});
		try {
			body.roles = applyRoleChanges(current.roles ?? [], changes);
		} catch (error) {
			throw error instanceof RoleChangeError
				? asOperationError(this, error, itemIndex, 'update')
				: new NodeOperationError(node, error as Error, { itemIndex });
		}
	}

	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const method = options.updateMethod === 'PUT' ? 'PUT' : 'POST';
	const user = await client.request<EvalyticsUser>({
		method,
		path: ['user', userId],
		body,
		organisation,
		// A PUT replaces the user's state and may be repeated safely; the documented POST is never retried.
		idempotent: method === 'PUT',
		itemIndex,
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? simplifyUser(user) : user;
}
