import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem } from '../../shared/items';
import { createOneRosterClient } from '../transport';
import { findEndpoint } from './endpoints';
import { executeEndpoint } from './execute';

/** resource/operation → its table row (override first, else the generic executor), run per item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// A table lookup by equality: a crafted value such as "__proto__" matches no row.
	const row = findEndpoint(resource, operation);
	if (!row) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	const client = await createOneRosterClient(this);
	const items = await runPerItem(this, async (itemIndex) => await executeEndpoint.call(this, itemIndex, client, row), {
		redact: (text) => client.secrets.redact(text),
	});
	return [items];
}
