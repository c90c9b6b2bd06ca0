import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type * as Listing from '../listing';
import type * as Transport from '../transport';

const PAGE = 100;

/** The organisation picker: searchable, paged through `paginationToken` (the next skip). */
export async function searchOrganisations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// The listing and transport load on the first search, not when n8n starts.
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { createEvalyticsClient } = require('../transport') as typeof Transport;
	const { searchOrganisations: fetchOrganisations } = require('../listing') as typeof Listing;
	/* eslint-enable @typescript-eslint/no-require-imports */
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
