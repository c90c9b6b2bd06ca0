import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { integerInRange, requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from '../user/identify';

const show = { resource: ['helpdesk'], operation: ['createTicket'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'The subject of the helpdesk ticket' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: { rows: 4 },
		description: 'What is wrong or needed, as the helpdesk will read it',
	},
	{
		displayName: 'Mini-Database Entry Name or ID',
		name: 'miniDbItem',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getHelpdeskItems' },
		description:
			'What the ticket is about: an entry of a helpdesk mini-database (e.g. a room or a device). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		default: 3,
		description: 'How urgent the ticket is, from 1 (lowest) to 5 (highest); Smartschool uses 3 when none is given',
		options: [1, 2, 3, 4, 5].map((value) => ({
			name: `${value}${value === 1 ? ' (Lowest)' : value === 3 ? ' (Normal)' : value === 5 ? ' (Highest)' : ''}`,
			value,
		})),
	},
	{ ...userLocator, displayName: 'Reported By', description: 'The account in whose name the ticket is made' },
	identifyByField,
]);

/** addHelpdeskTicket(title, description, priority, miniDbItem, userIdentifier). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const title = requireString(this.getNodeParameter('title', itemIndex, ''), { node, field: 'Title', itemIndex });
	const rawDescription = this.getNodeParameter('description', itemIndex, '');
	const ticketDescription = typeof rawDescription === 'string' ? rawDescription : String(rawDescription ?? '');
	const miniDbItem = requireString(this.getNodeParameter('miniDbItem', itemIndex, ''), { node, field: 'Mini-Database Entry Name or ID', itemIndex });
	const priority = integerInRange(this.getNodeParameter('priority', itemIndex, 3), { node, field: 'Priority', itemIndex, min: 1, max: 5 });
	const userRef = readUserRef(this, itemIndex);
	const userIdentifier = await resolveUserIdentifier(this, client, userRef, itemIndex);
	await client.call('addHelpdeskTicket', { title, description: ticketDescription, priority, miniDbItem, userIdentifier }, { itemIndex });
	return { success: true, title, miniDbItem, priority, reportedBy: userIdentifier };
}
