import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { detailsBy, detailsByDescription, type DetailsBySpec } from './detailsBy';

const spec: DetailsBySpec = {
	operation: 'getByScannableCode',
	method: 'getUserDetailsByScannableCode',
	part: 'scannableCode',
	field: {
		displayName: 'Scannable Code',
		description:
			"The value of the user's scannable code (badge or card): Smartschool's own code or the school's own value for it",
	},
};

export const description = detailsByDescription(spec);

/** getUserDetailsByScannableCode: the same record as Get, found by a badge or card code. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await detailsBy.call(this, spec, itemIndex, client);
}
