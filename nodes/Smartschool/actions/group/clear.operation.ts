import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { groupLocator, readLocator } from '../common.descriptions';
import { officialDateOptions, readOfficialDate } from '../user/helpers';

const show = { resource: ['group'], operation: ['clear'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{ ...groupLocator, required: true, description: 'The group or class to empty; the group itself stays' },
	officialDateOptions(
		'For an official class (officiële klas): the date the students leave it. Without it, Smartschool records the movements to confirm by hand.',
	),
]);

/** clearGroup: removes every member of the group or class (the accounts stay). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const group = readLocator(this, 'group', itemIndex, 'Group or Class');
	const officialDate = readOfficialDate(this, itemIndex);
	await client.call('clearGroup', { group, officialDate }, { itemIndex });
	return { success: true, code: group, ...(officialDate ? { officialDate } : {}) };
}
