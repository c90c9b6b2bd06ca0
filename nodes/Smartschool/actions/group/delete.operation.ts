import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { groupLocator, readLocator } from '../common.descriptions';

const show = { resource: ['group'], operation: ['delete'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{ ...groupLocator, required: true, description: 'The class or group to delete; its members keep their accounts' },
]);

/**
 * delClass. Smartschool has answered it with a PHP fatal error (SOAP Fault, HTTP 500) after the class was gone
 * (ref §2), so a server fault here says to look before repeating; the call itself is never retried.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const code = readLocator(this, 'group', itemIndex, 'Group or Class');
	try {
		await client.call('delClass', { code }, { itemIndex });
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '500') {
			error.description = `Smartschool is known to fail on delClass with a server error AFTER deleting the class. Check in Smartschool whether "${code}" still exists before running this again. ${error.description ?? ''}`.trim();
		}
		// Already a NodeApiError / NodeOperationError from the transport, redacted and stamped with the item.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
	return { success: true, deleted: true, code };
}
