import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchOrganisations as fetchOrganisations } from '../listing';
import { createEvalyticsClient } from '../transport';

const PAGE = 100;

/** The organisation picker: searchable, paged through `paginationToken` (the next skip). */
export async function searchOrganisations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await createEvalyticsClient(this);
	const skip = paginationToken ? Number(paginationToken) || 0 : 0;
	const organisations = await fetchOrganisations(client, { q: filter, limit: PAGE, skip });
	return {
		results: organisations.map((organisation) => ({
			name: organisation.code ? `${organisation.name ?? organisation.id} (${organisation.code})` : String(organisation.name ?? organisation.id),
			value: String(organisation.id),
		})),
		paginationToken: organisations.length === PAGE ? String(skip + PAGE) : undefined,
	};
}
