import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { classListDescription, readClassList } from './classList';

export const description = classListDescription('saveClassListJson');

/** saveClassListJson: the same list as Save Class List, sent as JSON. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const classes = readClassList(this, itemIndex);
	await client.call('saveClassListJson', { jsonList: classes }, { itemIndex });
	return { success: true, classes };
}
