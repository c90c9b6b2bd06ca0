import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { readCodeList, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['addToGroups'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	{
		displayName: 'Group or Class Codes',
		name: 'groupCodes',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3B,schaakclub',
		description:
			'Codes of the groups and classes to add the user to, separated by commas. An official class (officiële klas) in the list replaces the student\'s current one.',
	},
]);

/** saveUserToClasses: adds memberships in one call; existing ones stay. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const groups = readCodeList(this, 'groupCodes', 'Group or Class Codes', itemIndex);
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	await client.call('saveUserToClasses', { userIdentifier, csvList: groups.join(',') }, { itemIndex });
	return { success: true, userIdentifier, groups };
}
