import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

const show = { resource: ['user'], operation: ['replaceInternalNumber'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Old Internal Number',
		name: 'oldInternalNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'The intern nummer (internal number) the account has now; it identifies the account',
	},
	{
		displayName: 'New Internal Number',
		name: 'newInternalNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'The intern nummer to give the account instead; no other account may have it',
	},
]);

/** replaceInum: keyed by the old internal number, whatever the platform's unique field. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const oldInum = requireString(this.getNodeParameter('oldInternalNumber', itemIndex, ''), { node, field: 'Old Internal Number', itemIndex });
	const newInum = requireString(this.getNodeParameter('newInternalNumber', itemIndex, ''), { node, field: 'New Internal Number', itemIndex });
	await client.call('replaceInum', { oldInum, newInum }, { itemIndex });
	return { success: true, oldInternalNumber: oldInum, internnummer: newInum };
}
