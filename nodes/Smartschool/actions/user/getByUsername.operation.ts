import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { detailsBy, detailsByDescription, type DetailsBySpec } from './detailsBy';

const spec: DetailsBySpec = {
	operation: 'getByUsername',
	method: 'getUserDetailsByUsername',
	part: 'username',
	field: {
		displayName: 'Username',
		placeholder: 'e.g. jan.peeters',
		description: 'The gebruikersnaam (username) of the account, whatever the platform\'s "Uniek veld" setting',
	},
};

export const description = detailsByDescription(spec);

/** getUserDetailsByUsername: the same record as Get, always looked up by username. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await detailsBy.call(this, spec, itemIndex, client);
}
