import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { absencesByDate, byDateDescription } from './byDate';

export const description = byDateDescription('getByDateWithAlias');

/** getAbsentsWithAliasByDate: the same with the school's alias for each code. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await absencesByDate(this, itemIndex, client, 'getAbsentsWithAliasByDate', 'userId');
}
