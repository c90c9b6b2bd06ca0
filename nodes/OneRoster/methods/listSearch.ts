/** Searchable pickers for orgs, classes and users, paged through `paginationToken` (the next offset). */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { quoteValue } from '../actions/filter';
import type * as Transport from '../transport';

const PAGE = 50;

async function search(
	context: ILoadOptionsFunctions,
	args: { path: string; key: string; fields: string[]; text?: string; token?: string; label: (record: IDataObject) => string },
): Promise<INodeListSearchResult> {
	// The transport loads on the first search, not when n8n starts.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { createOneRosterClient } = require('../transport') as typeof Transport;
	const client = await createOneRosterClient(context);
	const offset = args.token ? Number(args.token) || 0 : 0;
	const text = args.text?.trim();
	// Two predicates at most, the common limit of providers.
	const filter = text ? args.fields.slice(0, 2).map((field) => `${field}~${quoteValue(text)}`).join(' OR ') : undefined;
	const { data } = await client.request<Record<string, unknown>>({
		method: 'GET',
		path: args.path,
		query: { limit: PAGE, offset, filter },
		idempotent: true,
	});
	const records = Array.isArray(data?.[args.key]) ? (data[args.key] as IDataObject[]) : [];
	return {
		results: records.map((record) => ({ name: args.label(record), value: String(record.sourcedId) })),
		paginationToken: records.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search(this, {
		path: '/users',
		key: 'users',
		fields: ['familyName', 'givenName'],
		text: filter,
		token: paginationToken,
		label: (user) => `${String(user.familyName ?? '')}, ${String(user.givenName ?? '')}${user.username ? ` (${String(user.username)})` : ''}`,
	});
}

export async function searchOrgs(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search(this, {
		path: '/orgs',
		key: 'orgs',
		fields: ['name'],
		text: filter,
		token: paginationToken,
		label: (org) => `${String(org.name ?? org.sourcedId)} (${String(org.type ?? 'org')})`,
	});
}

export async function searchClasses(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search(this, {
		path: '/classes',
		key: 'classes',
		fields: ['title', 'classCode'],
		text: filter,
		token: paginationToken,
		label: (item) => `${String(item.title ?? item.sourcedId)}${item.classCode ? ` (${String(item.classCode)})` : ''}`,
	});
}
