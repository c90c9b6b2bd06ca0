import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { booleanValue, integerInRange, oneOf, requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { readLocator, userLocator, userLocatorFor } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from '../user/identify';

const show = { resource: ['message'], operation: ['send'] };
const SENDERS = ['none', 'nullText', 'user'] as const;

const properties: INodeProperties[] = [
	{ ...userLocator, description: 'The account that receives the message' },
	identifyByField,
	{
		displayName: 'Account',
		name: 'coaccount',
		type: 'options',
		default: 0,
		description: 'The main account or one of its co-accounts (e.g. a parent: Moeder, Vader)',
		options: [
			{ name: 'Main Account', value: 0 },
			...[1, 2, 3, 4, 5, 6].map((number) => ({ name: `Co-Account ${number}`, value: number })),
		],
	},
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '' },
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 6 },
		description: 'The message text; Smartschool shows it as HTML',
	},
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'None', value: 'none', description: 'No sender: the sender part is sent empty' },
			{
				name: 'None (Send "Null")',
				value: 'nullText',
				description: 'No sender, the way the Smartschool manual writes it; some platforms refuse it',
			},
			{ name: 'A User', value: 'user', description: 'The message comes from this account' },
		],
	},
	{
		...userLocatorFor('senderUser', 'Sender User', {
			description: 'The account the message comes from',
			hint: 'The platform\'s unique field (Uniek veld): username or internal number',
		}),
		displayOptions: { show: { sender: ['user'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Attachments (Binary Properties)',
				name: 'attachments',
				type: 'string',
				default: '',
				placeholder: 'e.g. data, rapport',
				description: 'Names of the input binary properties to attach, comma-separated',
			},
			{
				displayName: 'Copy to Student Tracking (LVS)',
				name: 'copyToLVS',
				type: 'boolean',
				default: false,
				description: 'Whether to file a copy in the student-tracking file (leerlingvolgsysteem)',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

interface Attachment {
	filename: string;
	filedata: string;
}

/** The attachments part: `[{ filename, filedata (base64) }]` from the item's binary properties. */
async function readAttachments(context: IExecuteFunctions, itemIndex: number, raw: unknown): Promise<Attachment[]> {
	const node = context.getNode();
	const field = 'Attachments (Binary Properties)';
	const names = typeof raw === 'string' ? raw.split(',').map((name) => name.trim()).filter((name) => name !== '') : [];
	const present = Object.keys(context.getInputData()[itemIndex]?.binary ?? {});
	const attachments: Attachment[] = [];
	for (const name of names) {
		if (!present.includes(name)) {
			throw invalidParameter(node, {
				field,
				itemIndex,
				message: `${field}: the item has no binary property "${name}"`,
				allowed: present.length ? present.join(', ') : 'none: this item has no binary data',
			});
		}
		const binary = context.helpers.assertBinaryData(itemIndex, name);
		const data = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		attachments.push({ filename: binary.fileName ?? name, filedata: data.toString('base64') });
	}
	return attachments;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const recipientRef = readUserRef(this, itemIndex);
	const coaccount = integerInRange(this.getNodeParameter('coaccount', itemIndex, 0), {
		node,
		field: 'Account',
		itemIndex,
		min: 0,
		max: 6,
	});
	const title = requireString(this.getNodeParameter('title', itemIndex, ''), { node, field: 'Title', itemIndex });
	const body = requireString(this.getNodeParameter('body', itemIndex, ''), { node, field: 'Body', itemIndex });
	const sender = oneOf(this.getNodeParameter('sender', itemIndex, 'none'), SENDERS, { node, field: 'Sender', itemIndex });
	const senderIdentifier =
		sender === 'user' ? readLocator(this, 'senderUser', itemIndex, 'Sender User') : sender === 'nullText' ? 'Null' : undefined;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const copyToLVS =
		options.copyToLVS === undefined ? false : booleanValue(options.copyToLVS, { node, field: 'Copy to Student Tracking (LVS)', itemIndex });
	const attachments = await readAttachments(this, itemIndex, options.attachments);
	// Only after every input is checked: with Identify By other than the unique field this is a lookup call.
	const recipient = await resolveUserIdentifier(this, client, recipientRef, itemIndex);

	await client.call(
		'sendMsg',
		{
			userIdentifier: recipient,
			title,
			body,
			senderIdentifier,
			// Nothing rather than "[]" when there are none (the seed library always sent "[]").
			attachments: attachments.length ? JSON.stringify(attachments) : undefined,
			coaccount,
			copyToLVS: copyToLVS || undefined,
		},
		{ itemIndex },
	);
	return {
		success: true,
		recipient,
		coaccount,
		title,
		sender: senderIdentifier ?? null,
		attachments: attachments.map(({ filename, filedata }) => ({ filename, size: Buffer.byteLength(filedata, 'base64') })),
		copyToLVS,
	};
}
