import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { absencesByDate, byDateDescription } from './byDate';

export const description = byDateDescription('getByDate');

/** getAbsentsByDate: every student with a registration on the date, keyed by platform user id. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await absencesByDate(this, itemIndex, client, 'getAbsentsByDate', 'userId');
}
