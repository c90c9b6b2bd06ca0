import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { readAccountType, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['removeCoAccount'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	{
		displayName: 'Co-Account',
		name: 'accountType',
		type: 'options',
		default: 1,
		description: 'Which co-account (usually a parent or guardian) to remove; the main account stays',
		options: [1, 2, 3, 4, 5, 6].map((number) => ({ name: `Co-Account ${number}`, value: number })),
	},
]);

/** removeCoAccount: empties one co-account slot (names, e-mail, password) of the account. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const accountType = readAccountType(this, itemIndex, 1);
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	await client.call('removeCoAccount', { userIdentifier, accountType }, { itemIndex });
	return { success: true, userIdentifier, accountType };
}
