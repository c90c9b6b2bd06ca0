import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { optionalString, requireString } from '../../../shared/validate';

/** The classes of Save Class List (PHP and JSON forms): `[{id?, name, desc, code}]` per the WSDL example. */
export function classListDescription(operation: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['group'], operation: [operation] } }, [
		{
			displayName: 'Classes',
			name: 'classes',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Class',
			default: {},
			description: 'The classes to create or update, matched by their code',
			options: [
				{
					displayName: 'Class',
					name: 'class',
					values: [
						{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'The unique code of the class' },
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Description', name: 'desc', type: 'string', default: '' },
						{
							displayName: 'ID',
							name: 'id',
							type: 'string',
							default: '',
							description: "Smartschool's numeric ID of an existing class (from Get Class List); leave empty for a new one",
						},
					],
				},
			],
		},
	]);
}

export type ClassListEntry = { id?: number; name: string; desc: string; code: string };

export function readClassList(context: IExecuteFunctions, itemIndex: number): ClassListEntry[] {
	const node = context.getNode();
	const value = context.getNodeParameter('classes', itemIndex, {}) as { class?: IDataObject[] };
	const rows = value.class ?? [];
	if (rows.length === 0) {
		throw invalidParameter(node, { field: 'Classes', itemIndex, message: 'is empty', allowed: 'at least one class with a code and a name' });
	}
	return rows.map((row, index) => {
		const ctx = (field: string) => ({ node, field: `Classes › ${index + 1} › ${field}`, itemIndex });
		const id = optionalString(row.id, ctx('ID'));
		if (id !== undefined && !/^\d+$/.test(id)) {
			throw invalidParameter(node, { field: ctx('ID').field, itemIndex, message: `"${id}" is not a number`, allowed: 'a whole number' });
		}
		return {
			...(id !== undefined ? { id: Number(id) } : {}),
			name: requireString(row.name, ctx('Name')),
			desc: optionalString(row.desc, ctx('Description')) ?? '',
			code: requireString(row.code, ctx('Code')),
		};
	});
}
