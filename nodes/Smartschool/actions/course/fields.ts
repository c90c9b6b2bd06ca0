import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { requireString } from '../../../shared/validate';

/** Smartschool knows a course (vak) by its name and description together (ref §3 "Courses"). */
export const courseFields: INodeProperties[] = [
	{
		displayName: 'Course Name',
		name: 'courseName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Wiskunde',
		description: 'The name of the course (vak)',
	},
	{
		displayName: 'Course Description',
		name: 'courseDescription',
		type: 'string',
		default: '',
		placeholder: 'e.g. Wiskunde 1e graad',
		description: 'The description of the course; together with the name it identifies the course',
	},
];

export function readCourse(context: IExecuteFunctions, itemIndex: number): { coursename: string; coursedesc: string } {
	const node = context.getNode();
	const coursename = requireString(context.getNodeParameter('courseName', itemIndex, ''), { node, field: 'Course Name', itemIndex });
	const rawDesc = context.getNodeParameter('courseDescription', itemIndex, '');
	const coursedesc = typeof rawDesc === 'string' ? rawDesc.trim() : String(rawDesc ?? '');
	return { coursename, coursedesc };
}

/** A comma-separated list (codes or user identifiers), trimmed, without empties or repeats. */
export function readList(context: IExecuteFunctions, name: string, field: string, itemIndex: number, required: boolean): string[] {
	const raw = context.getNodeParameter(name, itemIndex, '');
	const values = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((value) => value.trim())
		.filter((value, index, all) => value !== '' && all.indexOf(value) === index);
	if (values.some((value) => value.includes(','))) {
		throw invalidParameter(context.getNode(), { field, itemIndex, message: `${field}: a value contains a comma`, allowed: 'values separated by commas' });
	}
	if (required && values.length === 0) {
		throw invalidParameter(context.getNode(), { field, itemIndex, message: `${field}: is required but empty`, allowed: 'one or more values separated by commas' });
	}
	return values;
}
