/** Collections of any OneRoster endpoint as records, paged with overlap and bounded concurrency. */
import type { IDataObject } from 'n8n-workflow';

import type { QueryValue } from '../shared/http';
import { paginateOffsetParallel, paginateOffsetParallelPages, type ParallelPageFetcher } from '../shared/paginateParallel';
import type { OneRosterService } from './actions/endpoints';
import type { OneRosterClient } from './transport';

export const DEFAULT_PAGE_SIZE = 500;
/** Pages in flight; a provider's 429 halves it for a while (see paginateParallel.ts), so a high default is safe. */
export const DEFAULT_CONCURRENCY = 8;

export interface ListRequest {
	service?: OneRosterService;
	/** Filled and encoded path of the collection. */
	path: string;
	/** Envelope key, e.g. `users`. */
	key: string;
	query: Record<string, QueryValue>;
	maxRecords?: number;
	pageSize?: number;
	concurrency?: number;
	itemIndex?: number;
}

/** A total the server states: `X-Total-Count` when it is a whole number, else none (never a Link header). */
function totalOf(headers: Record<string, string>): number | undefined {
	const raw = headers['x-total-count'];
	return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** The records of a collection one by one (the trigger's walk). */
export function listRecords(client: OneRosterClient, request: ListRequest): AsyncGenerator<IDataObject> {
	return paginateOffsetParallel<IDataObject>(pageFetcher(client, request), walkOptions(request));
}

/** The records of a collection page by page: Return All gathers 50,000 users with one await per page. */
export function listPages(client: OneRosterClient, request: ListRequest): AsyncGenerator<IDataObject[]> {
	return paginateOffsetParallelPages<IDataObject>(pageFetcher(client, request), walkOptions(request));
}

function pageFetcher(client: OneRosterClient, request: ListRequest): ParallelPageFetcher<IDataObject> {
	return async ({ offset, limit, signal, throttled }) => {
		const { data, headers } = await client.request<Record<string, unknown>>({
			signal,
			onThrottled: throttled,
			method: 'GET',
			service: request.service,
			path: request.path,
			query: { ...request.query, limit, offset },
			idempotent: true,
			itemIndex: request.itemIndex,
		});
		const records = data?.[request.key];
		return { records: Array.isArray(records) ? (records as IDataObject[]) : [], total: totalOf(headers) };
	};
}

function walkOptions(request: ListRequest) {
	return {
		pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE,
		concurrency: request.concurrency ?? DEFAULT_CONCURRENCY,
		keyOf: (record: IDataObject) => String(record.sourcedId),
		maxRecords: request.maxRecords,
	};
}
