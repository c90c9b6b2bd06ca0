import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

const show = { resource: ['user'], operation: ['getByScannableCode'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Scannable Code',
		name: 'scannableCode',
		type: 'string',
		required: true,
		default: '',
		description:
			"The value of the user's scannable code (badge or card): Smartschool's own code or the school's own value for it",
	},
]);

/** getUserDetailsByScannableCode: the same record as Get, found by a badge or card code. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const scannableCode = requireString(this.getNodeParameter('scannableCode', itemIndex, ''), {
		node: this.getNode(),
		field: 'Scannable Code',
		itemIndex,
	});
	return (await client.call('getUserDetailsByScannableCode', { scannableCode }, { itemIndex })) as IDataObject;
}
