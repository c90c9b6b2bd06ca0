import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { dateItems, type StudentKey } from './codes';
import { absenceOptions, absenceResult, dateField, readAbsenceOptions, readDate } from './read';

type ByDateMethod =
	| 'getAbsentsByDate'
	| 'getAbsentsWithAliasByDate'
	| 'getAbsentsWithInternalNumberByDate'
	| 'getAbsentsWithUsernameByDate';

/** The four whole-school reads of one date differ only in their method and how students are keyed. */
export function byDateDescription(operation: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['absence'], operation: [operation] } }, [dateField, absenceOptions(true)]);
}

export async function absencesByDate(
	context: IExecuteFunctions,
	itemIndex: number,
	client: SmartschoolClient,
	method: ByDateMethod,
	studentKey: StudentKey,
) {
	const date = readDate(context, itemIndex);
	const options = readAbsenceOptions(context, itemIndex);
	const decoded = await client.call(method, { date }, { itemIndex });
	return await absenceResult(client, itemIndex, options, decoded, dateItems(decoded, date, studentKey));
}
