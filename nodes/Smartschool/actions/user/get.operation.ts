import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { fetchUser, identifyByField, readUserRef } from './identify';

const show = { resource: ['user'], operation: ['get'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	{
		displayName:
			'An unknown user stops the node with an error. For a "not found" branch, set Settings › On Error to continue, or turn on Always Output Data.',
		name: 'notFoundNotice',
		type: 'notice',
		default: '',
	},
]);

/**
 * All fields of one account but passwords and photo, with its groups and co-accounts. An unknown user is an
 * error (not the seed library's null): Continue On Fail or Always Output Data give a workflow the "no user" path.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return (await fetchUser(this.getNode(), client, readUserRef(this, itemIndex), itemIndex)) ?? undefined;
}
