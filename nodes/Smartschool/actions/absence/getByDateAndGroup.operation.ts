import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { groupLocator, readLocator } from '../common.descriptions';
import { dateItems } from './codes';
import { absenceOptions, absenceResult, dateField, readAbsenceOptions, readDate } from './read';

const show = { resource: ['absence'], operation: ['getByDateAndGroup'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{ ...groupLocator, required: true, description: 'The class (klas) or group whose students to read' },
	dateField,
	absenceOptions(true),
]);

/** getAbsentsByDateAndGroup (date first, then the code): the students of one class or group on one date. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const code = readLocator(this, 'group', itemIndex, 'Group or Class');
	const date = readDate(this, itemIndex);
	const options = readAbsenceOptions(this, itemIndex);
	const decoded = await client.call('getAbsentsByDateAndGroup', { date, code }, { itemIndex });
	return await absenceResult(client, itemIndex, options, decoded, dateItems(decoded, date, 'userId'), code);
}
