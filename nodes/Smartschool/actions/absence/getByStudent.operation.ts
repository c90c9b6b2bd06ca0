import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { studentAbsences, studentDescription } from './forStudent';

export const description = studentDescription('getByStudent');

/** getAbsents: One student's half-day absences of a school year. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await studentAbsences(this, itemIndex, client, 'getAbsents');
}
