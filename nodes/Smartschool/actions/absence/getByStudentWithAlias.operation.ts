import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { studentAbsences, studentDescription } from './forStudent';

export const description = studentDescription('getByStudentWithAlias');

/** getAbsentsWithAlias: One student's half-day absences of a school year, with the school's alias for each code. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await studentAbsences(this, itemIndex, client, 'getAbsentsWithAlias');
}
