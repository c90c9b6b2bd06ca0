import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { flattenMiniDb } from './miniDb';

const show = { resource: ['helpdesk'], operation: ['getMiniDbItems'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'items',
		options: [
			{ name: 'One Item per Entry', value: 'items', description: 'Each entry with the mini-database it belongs to' },
			{ name: 'One Item per Mini-Database', value: 'tree', description: 'As Smartschool sends it, entries under children' },
		],
	},
]);

/** getHelpdeskMiniDbItems: the helpdesk's mini-databases (e.g. rooms, devices) whose entries a ticket is about. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const output = this.getNodeParameter('output', itemIndex, 'items');
	const decoded = await client.call('getHelpdeskMiniDbItems', {}, { itemIndex });
	if (output === 'tree') return Array.isArray(decoded) ? (decoded as IDataObject[]) : [];
	return flattenMiniDb(decoded) as unknown as IDataObject[];
}
