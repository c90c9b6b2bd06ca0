import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';

export const description: INodeProperties[] = [];

/** getClassList: the flat list in PHP serialize() form, decoded by the transport; one item per class or group. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const list = (await client.call('getClassList', {}, { itemIndex })) as IDataObject[] | IDataObject | null;
	return (Array.isArray(list) ? list : Object.values(list ?? {})) as IDataObject[];
}
