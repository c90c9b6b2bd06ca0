import type { INodeProperties } from 'n8n-workflow';

import * as createTicket from './createTicket.operation';
import * as getMiniDbItems from './getMiniDbItems.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { createTicket, getMiniDbItems };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['helpdesk'] } },
		default: 'createTicket',
		options: [
			{ name: 'Create Ticket', value: 'createTicket', description: 'Report a problem to the helpdesk (addHelpdeskTicket)', action: 'Create a helpdesk ticket' },
			{
				name: 'Get Mini-Database Entries',
				value: 'getMiniDbItems',
				description: 'List the entries (rooms, devices…) a ticket can be about (getHelpdeskMiniDbItems)',
				action: 'Get helpdesk mini database entries',
			},
		],
	},
	...createTicket.description,
	...getMiniDbItems.description,
];
