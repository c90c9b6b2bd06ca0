import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyOption } from '../../../shared/descriptions';
import { requireString } from '../../../shared/validate';
import { simplifyUser, type EvalyticsUser } from '../../helpers/users';
import type { EvalyticsClient } from '../../transport';
import { userIdField } from '../common.descriptions';
import { readOrganisation, readUserId } from '../params';

const show = { resource: ['user'], operation: ['get'] };

const properties: INodeProperties[] = [
	userIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Show Propagated Roles',
				name: 'showPropagatedRoles',
				type: 'boolean',
				default: true,
				description:
					'Whether to include roles inherited from a parent organisation (User Management 2.0). Off returns only the roles set on the user and the propagating ones.',
			},
		],
	},
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, properties),
	simplifyOption(show, 'ID, externalId, names, e-mail, activation, roles and organisations'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: EvalyticsClient) {
	const userId = requireString(readUserId(this, itemIndex), { node: this.getNode(), field: 'User ID', itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const user = await client.request<EvalyticsUser>({
		method: 'GET',
		path: ['user', userId],
		query: options.showPropagatedRoles === false ? { showPropagatedRoles: false } : {},
		organisation: readOrganisation(this, itemIndex),
		idempotent: true,
		itemIndex,
	});
	return simplify ? simplifyUser(user) : user;
}
