import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { booleanValue, integerInRange } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocator } from '../common.descriptions';
import { readDetail } from './profileFields';

const show = { resource: ['user'], operation: ['getAll'] };

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
 * getAllAccountsExtended: one answer with every account (no paging exists in V3), so Limit cuts the decoded list.
 * An account that sits in several of the subgroups is listed once.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const code = String(this.getNodeParameter('group', itemIndex, '', { extractValue: true }) ?? '').trim();
	const recursive = booleanValue(this.getNodeParameter('recursive', itemIndex, true), {
		node,
		field: 'Include Subgroups',
		itemIndex,
	});
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? Infinity
		: integerInRange(this.getNodeParameter('limit', itemIndex, 50), { node, field: 'Limit', itemIndex, min: 1 });

	const users = (await client.call(
		'getAllAccountsExtended',
		{ code, recursive: recursive ? '1' : '0' },
		{ itemIndex },
	)) as IDataObject[] | null;
	const out: IDataObject[] = [];
	const seen = new Set<string>();
	for (const user of users ?? []) {
		if (out.length >= limit) break;
		const key = readDetail(user, 'gebruikersnaam');
		if (key) {
			if (seen.has(key)) continue;
			seen.add(key);
		}
		out.push(user);
	}
	return out;
}
