import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalString, parseDate, requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocatorFor, readLocator } from '../common.descriptions';
import { groupDescriptionField, groupNameField, untisField } from './fields';
import { codeInUse, findGroup, groupNotFound, loadGroupTree, rememberCreated } from './tree';

const show = { resource: ['group'], operation: ['createClass'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1A',
		description: 'The unique code of the new class (klas); Smartschool cannot change it later',
	},
	groupLocatorFor('parent', 'Parent Group', {
		required: false,
		description: 'The group to create the class under, e.g. a grade (graad). Leave empty for the top level. It cannot be moved later.',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Administrative Group Number',
				name: 'adminNumber',
				type: 'string',
				default: '',
				description: 'The administratief groepsnummer of an official class; needs the Institute Number',
			},
			groupDescriptionField,
			{
				displayName: 'Institute Number (Instellingsnummer)',
				name: 'instituteNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 048413',
				description:
					'The official number of the school (instelling). Setting it makes an official class (officiële klas), which cannot be renamed or renumbered later.',
			},
			groupNameField,
			untisField,
			{
				displayName: 'School Year Date',
				name: 'schoolYearDate',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD',
				description: 'For an official class: a date within the school year it starts in, e.g. 2025-09-01 for 2025-2026',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** Creates a class with saveClass, after checking in the group tree that the code is free (saveClass upserts). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const code = requireString(this.getNodeParameter('code', itemIndex, ''), { node, field: 'Code', itemIndex });
	const parentCode = readLocator(this, 'parent', itemIndex, 'Parent Group', { required: false });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const text = (key: string, field: string) => optionalString(fields[key], { node, field, itemIndex }) ?? '';
	const name = text('name', 'Name') || code;
	const desc = text('description', 'Description') || name;
	const untis = text('untis', 'Roostercode (Untis)');
	const instituteNumber = text('instituteNumber', 'Institute Number (Instellingsnummer)');
	const adminNumber = text('adminNumber', 'Administrative Group Number');
	const rawDate = text('schoolYearDate', 'School Year Date');
	const schoolYearDate = rawDate === '' ? '' : parseDate(rawDate, { node, field: 'School Year Date', itemIndex, accept: ['iso'], output: 'iso-date' });

	const root = await loadGroupTree(this, client, itemIndex);
	const existing = findGroup(root, code);
	if (existing) throw codeInUse(node, existing.node, itemIndex);
	const parent = parentCode ? findGroup(root, parentCode) : undefined;
	if (parentCode && !parent) throw groupNotFound(node, parentCode, itemIndex, 'Parent Group');
	const parentSent = parent?.node.code ?? '';
	await client.call('saveClass', { name, desc, code, parent: parentSent, untis, instituteNumber, adminNumber, schoolYearDate }, { itemIndex });
	const isOfficial = instituteNumber !== '';
	rememberCreated(root, parentSent, {
		name, desc, type: 'class', code, untis, visible: true, isOfficial, coAccountLabel: '', adminNumber, instituteNumber, titulars: [], children: [],
	});
	return { code, name, desc, type: 'class', untis, isOfficial, instituteNumber, adminNumber, schoolYearDate, parentCode: parentSent || null };
}
