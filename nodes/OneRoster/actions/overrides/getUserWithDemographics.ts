/**
 * GET /users/{sourcedId}/demographics (vendor extension): the user with its demographics as one item. TimeBack
 * nests them (`{user: {…, demographics}}`); a provider that sends them beside the user is merged the same way.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OneRosterClient } from '../../transport';
import type { Endpoint } from '../endpoints';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OneRosterClient,
	row: Endpoint,
	path: string,
	_ids: Record<string, string>,
	query: Record<string, string[] | undefined>,
): Promise<IDataObject> {
	const { data } = await client.request<{ user?: IDataObject; demographics?: IDataObject }>({
		method: row.method,
		path,
		query,
		idempotent: row.idempotent,
		itemIndex,
	});
	const user = data?.user && typeof data.user === 'object' ? data.user : {};
	const demographics = (user.demographics as IDataObject | undefined) ?? data?.demographics ?? {};
	return { ...user, demographics };
}
