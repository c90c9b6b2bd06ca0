import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

const show = { resource: ['skore'], operation: ['checkStatus'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Service ID',
		name: 'serviceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f2c…',
		description: 'The ID Start Sync returned (a UUID)',
	},
]);

const MEANINGS: Readonly<Record<string, string>> = {
	no_status: 'no job known under this ID (not started, or already forgotten)',
	busy: 'the sync is running',
	done: 'the sync finished',
	error: 'the sync failed',
};

/** checkStatus: plain text no_status | busy | done | error. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const serviceId = requireString(this.getNodeParameter('serviceId', itemIndex, ''), { node: this.getNode(), field: 'Service ID', itemIndex });
	const status = String(await client.call('checkStatus', { serviceId }, { itemIndex })).trim();
	return { serviceId, status, meaning: MEANINGS[status] ?? 'a status this node does not know', done: status === 'done' };
}
