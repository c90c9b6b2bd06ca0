import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalString, parseDate } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { classLocator, readLocator } from '../common.descriptions';

const show = { resource: ['group'], operation: ['setSchoolYearData'] };

/** UI field → saveSchoolyearDataOfClass part; the label explains the Dutch term. */
const FIELDS = [
	{ name: 'instituteNumber', displayName: 'Institute Number (Instellingsnummer)', description: 'The official number of the school (instelling)' },
	{ name: 'administrativeGroupNumber', displayName: 'Administrative Group Number', description: 'The administratieve groep of the class' },
	{ name: 'residence', displayName: 'Residence (Vestigingsplaats)', description: 'The campus or location of the class' },
	{ name: 'domain', displayName: 'Domain (Domein)', description: 'The study domain of the class' },
	{ name: 'principal', displayName: 'Principal (Directeur)', description: 'The director as "name firstname"' },
] as const;

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{ ...classLocator, required: true },
	{
		displayName: 'School Year Date',
		name: 'date',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'YYYY-MM-DD',
		description: 'A date within the school year the data is for, e.g. 2025-09-01 for 2025-2026',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The values to set; the others keep what Smartschool has now (read first)',
		options: FIELDS.map((field) => ({ ...field, type: 'string' as const, default: '' })),
	},
]);

/** saveSchoolyearDataOfClass, read-modify-write: getSchoolyearDataOfClass first, so unset parts keep their values. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const classCode = readLocator(this, 'class', itemIndex, 'Class');
	const date = parseDate(this.getNodeParameter('date', itemIndex, ''), { node, field: 'School Year Date', itemIndex, output: 'iso-date' });
	const given = this.getNodeParameter('fields', itemIndex, {}) as IDataObject;
	const current = ((await client.call('getSchoolyearDataOfClass', { classCode }, { itemIndex })) ?? {}) as IDataObject;
	const parts: Record<string, string> = {};
	for (const field of FIELDS) {
		const value = optionalString(given[field.name], { node, field: field.displayName, itemIndex });
		const existing = current[field.name];
		parts[field.name] = value ?? (existing === undefined || existing === null ? '' : String(existing));
	}
	await client.call('saveSchoolyearDataOfClass', { classCode, date, ...parts }, { itemIndex });
	return { success: true, classCode, date, ...parts };
}
