import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { optionalDate, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['getOfficialClass'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	{
		displayName: 'Date',
		name: 'date',
		type: 'string',
		default: '',
		placeholder: 'YYYY-MM-DD',
		description:
			"The day to look at; empty = today on the platform's clock (Belgian time, not the n8n server's UTC)",
	},
]);

/** getUserOfficialClass: the official class (officiële klas) of a student on a day; null when there is none. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const date = optionalDate(this, this.getNodeParameter('date', itemIndex, ''), 'Date', itemIndex);
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	const officialClass = (await client.call('getUserOfficialClass', { userIdentifier, date }, { itemIndex })) as IDataObject | null;
	const empty = officialClass === null || (typeof officialClass === 'object' && Object.keys(officialClass).length === 0);
	return { userIdentifier, ...(date ? { date } : {}), officialClass: empty ? null : officialClass };
}
