import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

const show = { resource: ['user'], operation: ['changeUsername'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Internal Number (Intern Nummer)',
		name: 'internalNumber',
		type: 'string',
		required: true,
		default: '',
		description:
			'Smartschool changes a username only by the account\'s internal number, whatever the platform\'s unique field. An account without one needs it first (Update › Internal Number).',
	},
	{
		displayName: 'New Username',
		name: 'newUsername',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jan.peeters2',
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const internNumber = requireString(this.getNodeParameter('internalNumber', itemIndex, ''), {
		node,
		field: 'Internal Number (Intern Nummer)',
		itemIndex,
	});
	const newUsername = requireString(this.getNodeParameter('newUsername', itemIndex, ''), { node, field: 'New Username', itemIndex });
	// A code (e.g. 12, unknown number) is an error from the transport, never the seed library's null.
	await client.call('changeUsername', { internNumber, newUsername }, { itemIndex });
	return { success: true, internnumber: internNumber, username: newUsername };
}
