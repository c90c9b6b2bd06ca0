import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';

export const description: INodeProperties[] = [];

/** getClassListJson: every class and group flat (no tree, no titulars), one item each. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const list = (await client.call('getClassListJson', {}, { itemIndex })) as IDataObject[] | null;
	return list ?? [];
}
