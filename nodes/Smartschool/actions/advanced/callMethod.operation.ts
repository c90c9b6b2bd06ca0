import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { oneOf } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { SMARTSCHOOL_METHODS, type SmartschoolMethodName } from '../../transport/methods';

const show = { resource: ['advanced'], operation: ['callMethod'] };
const METHOD_NAMES = Object.keys(SMARTSCHOOL_METHODS).sort() as SmartschoolMethodName[];

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName:
			'For experts: every V3 method has its own operation with named fields. This calls one by name with parts you type; reads may be retried, writes never.',
		name: 'callMethodNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		required: true,
		default: 'getReferenceField',
		options: METHOD_NAMES.map((name) => {
			const row = SMARTSCHOOL_METHODS[name];
			return {
				name,
				value: name,
				description: `${row.idempotent ? 'Read' : 'Write'}; parts: ${row.parts.join(', ') || 'none'}; answer: ${row.returns}`,
			};
		}),
	},
	{
		displayName: 'Parts',
		name: 'parts',
		type: 'fixedCollection',
		placeholder: 'Add Part',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'The method\'s parameters by their SOAP part name (the access code is added by the credential)',
		options: [
			{
				displayName: 'Part',
				name: 'part',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. userIdentifier' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
]);

/** Parts that carry passwords are treated as secrets (redacted from errors and logs). */
const SECRET_PART = /pass/i;

/** Any V3 method by name; the answer is decoded by its codec in the method table, like every operation's. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const method = oneOf(this.getNodeParameter('method', itemIndex, ''), METHOD_NAMES, { node, field: 'Method', itemIndex });
	const row = SMARTSCHOOL_METHODS[method];
	const entries = ((this.getNodeParameter('parts', itemIndex, {}) as IDataObject).part ?? []) as Array<{ name?: unknown; value?: unknown }>;
	const parts: Record<string, string> = {};
	for (const entry of entries) {
		const name = typeof entry.name === 'string' ? entry.name.trim() : '';
		if (!row.parts.includes(name) || Object.hasOwn(parts, name)) {
			throw invalidParameter(node, {
				field: 'Parts',
				itemIndex,
				message: `Parts: "${name}" is ${Object.hasOwn(parts, name) ? 'given twice' : `not a part of ${method}`}`,
				allowed: row.parts.join(', ') || 'no parts',
			});
		}
		parts[name] = entry.value === undefined || entry.value === null ? '' : String(entry.value);
	}
	const secretParts = Object.keys(parts).filter((name) => SECRET_PART.test(name));
	const decoded = await client.call(method, parts, { itemIndex, secretParts });
	if (Buffer.isBuffer(decoded)) {
		const item: INodeExecutionData = {
			json: { method, fileSize: decoded.length },
			binary: { data: await this.helpers.prepareBinaryData(decoded, 'photo.jpg', 'image/jpeg') },
		};
		return item;
	}
	if (Array.isArray(decoded)) {
		return decoded.map((entry) => (entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry as IDataObject[keyof IDataObject] }));
	}
	if (decoded !== null && typeof decoded === 'object') return decoded as IDataObject;
	return { method, result: decoded as string | number | null };
}
