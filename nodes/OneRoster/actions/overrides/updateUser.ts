/** PUT /users/{sourcedId} (vendor extension): an upsert of the whole user, so it may be retried. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OneRosterClient } from '../../transport';
import type { Endpoint } from '../endpoints';
import { userFields } from './userBody';
import { readUserBody } from './userBody';

export const description = (show: Record<string, string[]>): INodeProperties[] => userFields(show);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OneRosterClient,
	row: Endpoint,
	path: string,
	ids: Record<string, string>,
): Promise<IDataObject> {
	const user = { sourcedId: ids.sourcedId, ...readUserBody(this, itemIndex, (id) => `${client.serviceUrl()}/orgs/${encodeURIComponent(id)}`) };
	const { data } = await client.request<{ user?: IDataObject }>({
		method: row.method,
		path,
		body: { user },
		idempotent: row.idempotent,
		itemIndex,
		write: true,
	});
	// 200 with the user (TimeBack), or 201/204 without a body (the gradebook convention): echo what was sent.
	return data?.user && typeof data.user === 'object' ? data.user : user;
}
