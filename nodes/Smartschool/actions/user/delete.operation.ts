import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { officialDateOptions, readOfficialDate, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['delete'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	officialDateOptions(
		'The date a student leaves the official registration. Without it, Smartschool records the departure as a class movement to confirm by hand.',
	),
]);

/** delUser. There is no undelete in V3; the workflow must mean it. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const officialDate = readOfficialDate(this, itemIndex);
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	await client.call('delUser', { userIdentifier, officialDate }, { itemIndex });
	return { success: true, deleted: true, userIdentifier, ...(officialDate ? { officialDate } : {}) };
}
