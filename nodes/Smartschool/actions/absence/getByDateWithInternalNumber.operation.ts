import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { absencesByDate, byDateDescription } from './byDate';

export const description = byDateDescription('getByDateWithInternalNumber');

/** getAbsentsWithInternalNumberByDate: every student on the date, keyed by internal number. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await absencesByDate(this, itemIndex, client, 'getAbsentsWithInternalNumberByDate', 'internalNumber');
}
