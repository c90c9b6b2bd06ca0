import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalString, requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocatorFor, readLocator } from '../common.descriptions';
import { groupDescriptionField, groupNameField, untisField } from './fields';
import { codeInUse, findGroup, groupNotFound, loadGroupTree, rememberCreated, toFlatGroup } from './tree';

const show = { resource: ['group'], operation: ['create'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. sportclub',
		description: 'The unique code of the new group; Smartschool cannot change it later',
	},
	groupLocatorFor('parent', 'Parent Group', {
		required: false,
		description: 'The group to create it under. Leave empty for the top level. It cannot be moved later.',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [groupDescriptionField, groupNameField, untisField],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** Creates a group (groep) with saveGroup, after checking in the group tree that the code is free. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const code = requireString(this.getNodeParameter('code', itemIndex, ''), { node, field: 'Code', itemIndex });
	const parentCode = readLocator(this, 'parent', itemIndex, 'Parent Group', { required: false });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const name = optionalString(fields.name, { node, field: 'Name', itemIndex }) ?? code;
	const desc = optionalString(fields.description, { node, field: 'Description', itemIndex }) ?? name;
	const untis = optionalString(fields.untis, { node, field: 'Roostercode (Untis)', itemIndex }) ?? '';

	// saveGroup is an upsert: without this check, "create" would silently overwrite an existing group.
	const root = await loadGroupTree(this, client, itemIndex);
	const existing = findGroup(root, code);
	if (existing) throw codeInUse(node, existing.node, itemIndex);
	const parent = parentCode ? findGroup(root, parentCode) : undefined;
	if (parentCode && !parent) throw groupNotFound(node, parentCode, itemIndex, 'Parent Group');

	await client.call('saveGroup', { name, desc, code, parent: parent?.node.code ?? '', untis }, { itemIndex });

	// Kept in this run's tree so later items see it; the flags are Smartschool's defaults for a new group.
	const created = {
		name,
		desc,
		type: 'group' as const,
		code,
		untis,
		visible: true,
		isOfficial: false,
		coAccountLabel: '',
		adminNumber: '',
		instituteNumber: '',
		titulars: [],
		children: [],
	};
	rememberCreated(root, parent?.node.code ?? '', created);
	const { parentCode: sentParent, parentName } = toFlatGroup(created, parent?.node);
	return { code, name, desc, type: 'group', untis, parentCode: sentParent, parentName };
}
