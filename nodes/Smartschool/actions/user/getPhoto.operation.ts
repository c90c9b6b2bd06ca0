import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from './identify';

const show = { resource: ['user'], operation: ['getPhoto'] };

const properties: INodeProperties[] = [
	userLocator,
	identifyByField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the photo in',
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** getAccountPhoto: a base64 JPEG, given to n8n as binary data (no base64 text in the item). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const property = requireString(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'), {
		node: this.getNode(),
		field: 'Put Output File in Field',
		itemIndex,
	});
	const userIdentifier = await resolveUserIdentifier(this, client, readUserRef(this, itemIndex), itemIndex);
	const photo = (await client.call('getAccountPhoto', { userIdentifier }, { itemIndex })) as Buffer | null;
	if (!photo || photo.length === 0) return { json: { userIdentifier, hasPhoto: false } };
	const fileName = `${userIdentifier.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.jpg`;
	const binary = await this.helpers.prepareBinaryData(photo, fileName, 'image/jpeg');
	const item: INodeExecutionData = {
		json: { userIdentifier, hasPhoto: true, fileName, fileSize: photo.length },
		binary: { [property]: binary },
	};
	return item;
}
