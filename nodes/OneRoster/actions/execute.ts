/** The generic executor: path parameters, query, one call or a paged walk, envelope unwrapped. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import type { QueryValue } from '../../shared/http';
import { collectPages } from '../../shared/paginate';
import { integerInRange, requireString } from '../../shared/validate';
import { listPages } from '../listing';
import { fillPath, type OneRosterClient } from '../transport';
import { pathParameters, type Endpoint } from './endpoints';
import { combineFilters, type FilterCondition } from './filter';
import { overrideFor } from './overrides';
import { executeWrite } from './writes';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9.]*$/;

function readFields(context: IExecuteFunctions, itemIndex: number, raw: unknown, forceId: boolean): string[] | undefined {
	const fields = String(raw ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (fields.length === 0) return undefined;
	const bad = fields.find((name) => !FIELD_NAME.test(name));
	if (bad) {
		throw invalidParameter(context.getNode(), { field: 'Fields', itemIndex, message: `"${bad}" is not a field name`, allowed: 'comma-separated field names such as sourcedId,givenName' });
	}
	if (forceId && !fields.includes('sourcedId')) fields.unshift('sourcedId');
	return fields;
}

export async function executeEndpoint(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OneRosterClient,
	row: Endpoint,
): Promise<IDataObject | IDataObject[]> {
	const node = this.getNode();
	if (row.extension && !client.credentials.allowUserWrites) {
		throw new NodeOperationError(node, `"${row.name}" of ${row.resource} is a vendor extension that this credential does not enable`, {
			itemIndex,
			description: 'User writes and users with demographics are not part of the OneRoster standard. If the provider supports them, switch on "Vendor Supports User Writes" in the credential.',
		});
	}
	if (row.since === '1.2' && client.credentials.version === '1.1') {
		throw new NodeOperationError(node, `"${row.name}" of ${row.resource} is not part of OneRoster 1.1`, {
			itemIndex,
			description: 'The credential is set to OneRoster 1.1, which has no POST writes, score scales, assessment objects, class categories or user resources. Use a 1.2 provider for these.',
		});
	}
	const ids: Record<string, string> = {};
	for (const name of pathParameters(row.path)) {
		const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true });
		ids[name] = requireString(value, { node, field: name, itemIndex });
	}
	const path = fillPath(row.path, ids);
	if (row.method !== 'GET' && !row.extension) return await executeWrite.call(this, itemIndex, client, row, path, ids);
	const options = (row.method === 'GET' ? this.getNodeParameter('options', itemIndex, {}) : {}) as IDataObject;
	const fields = readFields(this, itemIndex, options.fields, row.list === true);
	const override = overrideFor(row);
	if (override) return await override.execute.call(this, itemIndex, client, row, path, ids, { fields });

	if (!row.list) {
		const { data } = await client.request<Record<string, unknown>>({ method: row.method, path, service: row.service, query: { fields }, idempotent: row.idempotent, itemIndex });
		const record = row.key ? data?.[row.key] : data;
		return record && typeof record === 'object' ? (record as IDataObject) : {};
	}

	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : integerInRange(this.getNodeParameter('limit', itemIndex, 50), { node, field: 'Limit', itemIndex, min: 1 });
	const conditions = ((this.getNodeParameter('filterConditions', itemIndex, {}) as IDataObject).condition ?? []) as FilterCondition[];
	const combine = String(this.getNodeParameter('filterCombine', itemIndex, 'AND'));
	const filter = combineFilters(node, itemIndex, conditions, combine, String(options.rawFilter ?? ''));
	const query: Record<string, QueryValue> = { filter, fields };
	const sort = String(options.sort ?? '').trim();
	if (sort) {
		if (!FIELD_NAME.test(sort)) throw invalidParameter(node, { field: 'Sort', itemIndex, message: `"${sort}" is not a field name`, allowed: 'one field name such as familyName' });
		query.sort = sort;
		query.orderBy = options.orderBy === 'desc' ? 'desc' : 'asc';
	}
	const search = String(options.search ?? '').trim();
	if (search) query.search = search;
	const pageSize = options.pageSize === undefined ? undefined : integerInRange(options.pageSize, { node, field: 'Page Size', itemIndex, min: 2 });
	const concurrency = options.concurrency === undefined ? undefined : integerInRange(options.concurrency, { node, field: 'Parallel Requests', itemIndex, min: 1, max: 16 });
	return await collectPages(
		listPages(client, { service: row.service, path, key: row.key!, query, maxRecords: limit, pageSize, concurrency, itemIndex }),
		{ returnAll, limit },
	);
}
