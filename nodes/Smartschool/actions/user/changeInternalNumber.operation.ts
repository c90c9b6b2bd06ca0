import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

const show = { resource: ['user'], operation: ['changeInternalNumber'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Username (Gebruikersnaam)',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jan.peeters',
		description: 'Smartschool finds the account by its username here, whatever the platform\'s unique field (Uniek veld)',
	},
	{
		displayName: 'New Internal Number',
		name: 'newInternalNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 20240117',
		description: 'The new intern nummer (internal number, often the number of the school administration system)',
	},
]);

/** changeInternNumber: keyed by username only (ref §6.1). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const username = requireString(this.getNodeParameter('username', itemIndex, ''), { node, field: 'Username (Gebruikersnaam)', itemIndex });
	const newInternNumber = requireString(this.getNodeParameter('newInternalNumber', itemIndex, ''), {
		node,
		field: 'New Internal Number',
		itemIndex,
	});
	await client.call('changeInternNumber', { username, newInternNumber }, { itemIndex });
	return { success: true, username, internnummer: newInternNumber };
}
