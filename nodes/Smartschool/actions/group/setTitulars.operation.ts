import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { groupLocator, readLocator } from '../common.descriptions';
import { readCodeList } from '../user/helpers';

const show = { resource: ['group'], operation: ['setTitulars'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{ ...groupLocator, required: true },
	{
		displayName: 'Titulars',
		name: 'titulars',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. an.claes,piet.peeters',
		description:
			"The owners (titularissen) of the group or class, separated by commas, each by the platform's unique field (username or internal number, per Uniek veld). They replace the current ones.",
	},
]);

/** changeGroupOwners: sets the titulars as a CSV of user identifiers. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const code = readLocator(this, 'group', itemIndex, 'Group or Class');
	const titulars = readCodeList(this, 'titulars', 'Titulars', itemIndex, 'user identifiers separated by commas, e.g. an.claes,piet.peeters');
	await client.call('changeGroupOwners', { code, userlist: titulars.join(',') }, { itemIndex });
	return { success: true, code, titulars };
}
