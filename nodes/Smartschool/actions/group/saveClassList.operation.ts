import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { classListDescription, readClassList } from './classList';

export const description = classListDescription('saveClassList');

/** saveClassList: the transport sends the list PHP-serialized, as the method takes it. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const classes = readClassList(this, itemIndex);
	await client.call('saveClassList', { serializedList: classes }, { itemIndex });
	return { success: true, classes };
}
