import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { officialDateOptions, readOfficialDate, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['unregister'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	officialDateOptions(
		'The date the student leaves the school (uitschrijving). Without it, Smartschool records it as a movement to confirm by hand.',
	),
]);

/** unregisterStudent: the student leaves the school's registration; the account is kept (not deleted). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const officialDate = readOfficialDate(this, itemIndex);
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	await client.call('unregisterStudent', { userIdentifier, officialDate }, { itemIndex });
	return { success: true, unregistered: true, userIdentifier, ...(officialDate ? { officialDate } : {}) };
}
