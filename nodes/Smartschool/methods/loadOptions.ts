/** Option lists for `options` fields: the helpdesk mini-database entries. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { flattenMiniDb } from '../actions/helpdesk/miniDb';
import { createSmartschoolClient } from '../transport/lazy';

export async function getHelpdeskItems(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await createSmartschoolClient(this);
	return flattenMiniDb(await client.call('getHelpdeskMiniDbItems', {}))
		.map((entry) => ({ name: `${entry.miniDb}: ${entry.name}`, value: entry.itemId }))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
