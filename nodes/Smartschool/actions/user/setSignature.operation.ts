import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { accountTypeField } from './accountType';
import { readAccountType, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['setSignature'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	accountTypeField,
	{
		displayName: 'Signature',
		name: 'signature',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The signature under messages this account sends (HTML allowed); empty clears it',
	},
]);

/** saveSignature: the WSDL types its answer boolean; the transport reads true and 0 both as success. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const accountType = readAccountType(this, itemIndex);
	const signature = String(this.getNodeParameter('signature', itemIndex, '') ?? '');
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	await client.call('saveSignature', { userIdentifier, accountType, signature }, { itemIndex });
	return { success: true, userIdentifier, accountType, signature };
}
