import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { oneOf } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocatorFor, readLocator } from '../common.descriptions';
import { findGroup, flattenGroups, groupNotFound, loadGroupTree, pruneTree, type TypeFilter } from './tree';

const show = { resource: ['group'], operation: ['getAll'] };
const TYPES: readonly TypeFilter[] = ['both', 'class', 'group'];
const OUTPUTS = ['flat', 'tree'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'both',
		options: [
			{ name: 'Classes and Groups', value: 'both' },
			{ name: 'Classes Only (Klassen)', value: 'class' },
			{ name: 'Groups Only (Groepen)', value: 'group' },
		],
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'flat',
		options: [
			{
				name: 'Flat List',
				value: 'flat',
				description: 'One item per group or class, with its parent (parentCode, parentName) and direct children',
			},
			{
				name: 'Tree',
				value: 'tree',
				description:
					'One item: the group structure with nested children. With a type chosen, the groups leading to a match stay in.',
			},
		],
	},
	groupLocatorFor('startFrom', 'Start From', {
		required: false,
		description: 'Only this group or class and everything below it. Leave empty for the whole platform.',
	}),
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, properties),
	...returnAllAndLimit({ ...show, output: ['flat'] }, { defaultLimit: 50 }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const type = oneOf(this.getNodeParameter('type', itemIndex, 'both'), TYPES, { node, field: 'Type', itemIndex });
	const output = oneOf(this.getNodeParameter('output', itemIndex, 'flat'), OUTPUTS, { node, field: 'Output', itemIndex });
	const startCode = readLocator(this, 'startFrom', itemIndex, 'Start From', { required: false });

	const root = await loadGroupTree(this, client, itemIndex);
	let start = root;
	let startParent;
	if (startCode) {
		const found = findGroup(root, startCode);
		if (!found) throw groupNotFound(node, startCode, itemIndex, 'Start From');
		({ node: start, parent: startParent } = found);
	}

	if (output === 'tree') return pruneTree(start, type) as unknown as IDataObject;
	const groups = flattenGroups(start, startParent, type);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? groups : groups.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
