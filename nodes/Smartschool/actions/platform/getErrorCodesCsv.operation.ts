import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { codeItems } from './errorCodes';

export const description: INodeProperties[] = [];

/** returnCsvErrorCodes: the same table as CSV (decoded by the transport), one item per code. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const rows = (await client.call('returnCsvErrorCodes', {}, { itemIndex })) as string[][] | null;
	return codeItems((rows ?? []).map((row): [string, unknown] => [row[0] ?? '', row.slice(1).join(';')]));
}
