import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { codeItems } from './errorCodes';

export const description: INodeProperties[] = [];

/** returnJsonErrorCodes (no access code needed): the platform's code table, one item per code. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const table = (await client.call('returnJsonErrorCodes', {}, { itemIndex })) as IDataObject | null;
	return codeItems(Object.entries(table ?? {}));
}
