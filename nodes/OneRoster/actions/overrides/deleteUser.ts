/** DELETE /users/{sourcedId} (vendor extension): a soft delete, 204; the record stays readable as tobedeleted. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OneRosterClient } from '../../transport';
import type { Endpoint } from '../endpoints';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OneRosterClient,
	row: Endpoint,
	path: string,
	ids: Record<string, string>,
): Promise<IDataObject> {
	await client.request({ method: row.method, path, idempotent: row.idempotent, itemIndex, write: true });
	return { sourcedId: ids.sourcedId, deleted: true, status: 'tobedeleted' };
}
