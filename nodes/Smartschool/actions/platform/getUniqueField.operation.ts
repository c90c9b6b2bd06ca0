import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';

export const description: INodeProperties[] = [];

/** getReferenceField: whether the platform identifies users by username or internal number (Uniek veld). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const value = String(await client.call('getReferenceField', {}, { itemIndex })).trim();
	return { uniqueField: value, identifiesUsersBy: value === 'number' ? 'internal number' : value === 'username' ? 'username' : value };
}
