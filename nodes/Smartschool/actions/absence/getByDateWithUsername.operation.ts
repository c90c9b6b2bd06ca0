import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { absencesByDate, byDateDescription } from './byDate';

export const description = byDateDescription('getByDateWithUsername');

/** getAbsentsWithUsernameByDate: every student on the date, keyed by username. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await absencesByDate(this, itemIndex, client, 'getAbsentsWithUsernameByDate', 'username');
}
