import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocator, readLocator } from '../common.descriptions';
import { groupDescriptionField, untisField } from './fields';
import { findGroup, groupNotFound, loadGroupTree, toFlatGroup } from './tree';

const show = { resource: ['group'], operation: ['update'] };

const properties: INodeProperties[] = [
	groupLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...groupDescriptionField, description: 'Omschrijving' },
			{
				displayName: 'Parent Code',
				name: 'parent',
				type: 'string',
				default: '',
				description:
					'Sent as given, but Smartschool ignores a changed parent: groups and classes cannot be moved through the web services',
			},
			untisField,
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/**
 * saveGroup / saveClass overwrite every field they are sent, so fields left out are filled in from the group
 * tree (read-modify-write) instead of being blanked.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const code = readLocator(this, 'group', itemIndex, 'Group or Class');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const text = (key: string, field: string) => optionalString(fields[key], { node, field, itemIndex });

	const found = findGroup(await loadGroupTree(this, client, itemIndex), code);
	if (!found) throw groupNotFound(node, code, itemIndex);
	const current = found.node;
	const parent = text('parent', 'Parent Code') ?? found.parent?.code ?? '';
	// Smartschool cannot rename a group or class through V3, so the current name is sent back.
	const name = current.name;
	const desc = text('description', 'Description') ?? current.desc;
	const untis = text('untis', 'Roostercode (Untis)') ?? current.untis;

	if (current.type === 'class') {
		// A class goes through saveClass; its institution and administrative numbers are sent unchanged
		// because official classes refuse a change of either (codes 41, 42).
		await client.call(
			'saveClass',
			{
				name,
				desc,
				code: current.code,
				parent,
				untis,
				instituteNumber: current.instituteNumber,
				adminNumber: current.adminNumber,
			},
			{ itemIndex },
		);
	} else {
		await client.call('saveGroup', { name, desc, code: current.code, parent, untis }, { itemIndex });
	}
	Object.assign(current, { desc, untis });
	return toFlatGroup(current, found.parent);
}
