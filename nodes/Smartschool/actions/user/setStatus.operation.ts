import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { oneOf } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from './identify';

const show = { resource: ['user'], operation: ['setStatus'] };

const STATUSES = ['active', 'inactive', 'administrative'] as const;

const properties: INodeProperties[] = [
	userLocator,
	identifyByField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'active',
		options: [
			{ name: 'Active (Actief)', value: 'active', description: 'The account can log in' },
			{
				name: 'Administrative (Administratief)',
				value: 'administrative',
				description: 'The account is kept for the administration but cannot log in',
			},
			{ name: 'Inactive (Inactief)', value: 'inactive', description: 'The account cannot log in' },
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const status = oneOf(this.getNodeParameter('status', itemIndex, ''), STATUSES, {
		node: this.getNode(),
		field: 'Status',
		itemIndex,
	});
	const userIdentifier = await resolveUserIdentifier(this, client, readUserRef(this, itemIndex), itemIndex);
	await client.call('setAccountStatus', { userIdentifier, accountStatus: status }, { itemIndex });
	return { success: true, userIdentifier, status };
}
