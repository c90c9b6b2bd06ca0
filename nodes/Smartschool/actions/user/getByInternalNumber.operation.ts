import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { detailsBy, detailsByDescription, type DetailsBySpec } from './detailsBy';

const spec: DetailsBySpec = {
	operation: 'getByInternalNumber',
	method: 'getUserDetailsByNumber',
	part: 'number',
	field: {
		displayName: 'Internal Number',
		placeholder: 'e.g. 12345',
		description: 'The intern nummer (internal number) of the account, whatever the platform\'s "Uniek veld" setting',
	},
};

export const description = detailsByDescription(spec);

/** getUserDetailsByNumber: the same record as Get, always looked up by internal number. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await detailsBy.call(this, spec, itemIndex, client);
}
