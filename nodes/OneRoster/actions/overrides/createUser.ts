/** POST /users (vendor extension): never retried; answers `sourcedIdPairs` or the created `user`. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OneRosterClient } from '../../transport';
import type { Endpoint } from '../endpoints';
import { readUserBody, userFields } from './userBody';

export const description = (show: Record<string, string[]>): INodeProperties[] => [
	{
		displayName: 'Supplied sourcedId',
		name: 'suppliedSourcedId',
		type: 'string',
		default: '',
		description: 'The sourcedId to ask for; the provider may allocate another (shown in the output)',
		displayOptions: { show },
	},
	...userFields(show),
];

interface CreateAnswer {
	sourcedIdPairs?: Array<{ suppliedSourcedId?: string; allocatedSourcedId?: string }>;
	user?: IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, client: OneRosterClient, row: Endpoint): Promise<IDataObject> {
	const user = readUserBody(this, itemIndex, (id) => `${client.serviceUrl()}/orgs/${encodeURIComponent(id)}`);
	const supplied = String(this.getNodeParameter('suppliedSourcedId', itemIndex, '') ?? '').trim();
	if (supplied) user.sourcedId = supplied;
	const { data } = await client.request<CreateAnswer>({
		method: row.method,
		path: row.path,
		body: { user },
		idempotent: row.idempotent,
		itemIndex,
		write: true,
	});
	const pairs = Array.isArray(data?.sourcedIdPairs) ? data.sourcedIdPairs : [];
	const allocated = pairs[0]?.allocatedSourcedId ?? (data?.user?.sourcedId as string | undefined) ?? supplied;
	return { sourcedId: allocated, sourcedIdPairs: pairs as IDataObject[], ...(data?.user ? { user: data.user } : {}) };
}
