import type { QueryValue } from '../shared/http';
import { paginateOffset } from '../shared/paginate';
import type { EvalyticsOrganisation, EvalyticsUser } from './helpers/users';
import type { EvalyticsClient, EvalyticsListEnvelope } from './transport';

/** Page size for Return All: the documentation suggests nothing; 500 keeps 20,000 users to 40 requests. */
export const USER_PAGE_SIZE = 500;

export interface UserListQuery {
	organisation?: string;
	q?: string;
	roles?: number[];
	includeChildOrganisations?: boolean;
	roleFormat?: 'repeat' | 'comma';
	maxRecords?: number;
	itemIndex?: number;
	pageSize?: number;
}

/**
 * All users matching the query, in the platform's (stable) order, paged with limit/skip. The shared
 * paginator overlaps pages so a user added or removed mid-walk is never skipped or repeated.
 */
export function listUsers(client: EvalyticsClient, query: UserListQuery): AsyncGenerator<EvalyticsUser> {
	const base: Record<string, QueryValue> = {};
	if (query.q) base.q = query.q;
	if (query.roles?.length) base.role = query.roles;
	if (query.includeChildOrganisations !== undefined) base.includeChildOrganisations = query.includeChildOrganisations;
	return paginateOffset<EvalyticsUser>(
		async ({ offset, limit }) => {
			const page = await client.request<EvalyticsListEnvelope<EvalyticsUser>>({
				method: 'GET',
				path: ['user'],
				// limit=0 would mean "everything" to Evalytics: never send it.
				query: { ...base, limit: Math.max(1, limit), skip: offset },
				arrayFormat: query.roleFormat,
				organisation: query.organisation,
				idempotent: true,
				itemIndex: query.itemIndex,
			});
			return { records: Array.isArray(page?.results) ? page.results : [] };
		},
		{ pageSize: query.pageSize ?? USER_PAGE_SIZE, keyOf: (user) => String(user.id), maxRecords: query.maxRecords },
	);
}

/** Organisations matching a search, for the organisation picker. */
export async function searchOrganisations(
	client: EvalyticsClient,
	search: { q?: string; limit: number; skip: number },
): Promise<EvalyticsOrganisation[]> {
	const page = await client.request<EvalyticsListEnvelope<EvalyticsOrganisation>>({
		method: 'GET',
		path: ['organisation'],
		query: { q: search.q || undefined, limit: search.limit, skip: search.skip },
		idempotent: true,
	});
	return Array.isArray(page?.results) ? page.results : [];
}
