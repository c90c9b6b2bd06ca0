import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { booleanValue, integerInRange } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocator } from '../common.descriptions';

const show = { resource: ['user'], operation: ['getAllBasic'] };

const properties: INodeProperties[] = [
	{
		...groupLocator,
		description: 'Only the accounts of this group or class. Leave empty for every account of the platform.',
	},
	{
		displayName: 'Include Subgroups',
		name: 'recursive',
		type: 'boolean',
		default: true,
		description:
			'Whether to include the accounts of every group and class below the chosen one (Smartschool\'s "recursive")',
	},
	...returnAllAndLimit(show, { defaultLimit: 50 }),
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, properties.slice(0, 2)),
	...properties.slice(2),
];

/**
 * getAllAccounts: the short list (voornaam, naam, gebruikersnaam, internnummer, status, klasnummer), much lighter
 * than Get Many. The transport decodes the base64 XML; an empty group is an empty list.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const code = String(this.getNodeParameter('group', itemIndex, '', { extractValue: true }) ?? '').trim();
	const recursive = booleanValue(this.getNodeParameter('recursive', itemIndex, true), { node, field: 'Include Subgroups', itemIndex });
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? Infinity
		: integerInRange(this.getNodeParameter('limit', itemIndex, 50), { node, field: 'Limit', itemIndex, min: 1 });
	const accounts = (await client.call('getAllAccounts', { code, recursive: recursive ? '1' : '0' }, { itemIndex })) as
		| IDataObject[]
		| null;
	return (accounts ?? []).slice(0, limit);
}
