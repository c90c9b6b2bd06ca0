import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from './identify';

const show = { resource: ['user'], operation: ['setPhoto'] };

const properties: INodeProperties[] = [
	userLocator,
	identifyByField,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the photo (a JPEG image works everywhere)',
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** setAccountPhoto from a binary property of the item, sent as base64. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const field = 'Input Binary Field';
	const property = requireString(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'), { node, field, itemIndex });
	const binary = this.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		throw invalidParameter(node, {
			field,
			itemIndex,
			message: `the item has no binary field "${property}"`,
			allowed: 'the name of a binary field of the input item (e.g. data, from Read/Write Files from Disk)',
		});
	}
	if (binary.mimeType && !binary.mimeType.startsWith('image/')) {
		throw invalidParameter(node, {
			field,
			itemIndex,
			message: `"${property}" is ${binary.mimeType}, not an image`,
			allowed: 'an image, preferably JPEG',
		});
	}
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	if (buffer.length === 0) {
		throw invalidParameter(node, { field, itemIndex, message: `"${property}" is empty`, allowed: 'a non-empty image' });
	}
	const userIdentifier = await resolveUserIdentifier(this, client, readUserRef(this, itemIndex), itemIndex);
	await client.call('setAccountPhoto', { userIdentifier, photo: buffer.toString('base64') }, { itemIndex });
	return { success: true, userIdentifier, fileName: binary.fileName ?? '', fileSize: buffer.length };
}
