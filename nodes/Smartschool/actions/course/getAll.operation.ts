import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';

const show = { resource: ['course'], operation: ['getAll'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Only Active',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out courses that are not active (not visible)',
	},
]);

/** One element or a repeated one, as the generic XML decoding gives it: always a list. */
function list(value: unknown, key: string): IDataObject[] {
	const holder = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject)[key] : undefined;
	if (holder === undefined || holder === null || holder === '') return [];
	return (Array.isArray(holder) ? holder : [holder]).filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null);
}

/** getCourses (base64 XML, decoded by the transport): one item per course with its teachers and groups as lists. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const activeOnly = this.getNodeParameter('activeOnly', itemIndex, false) === true;
	const decoded = await client.call('getCourses', {}, { itemIndex });
	const courses = Array.isArray(decoded) ? (decoded as IDataObject[]) : [];
	return courses
		.map((course) => ({
			...course,
			name: typeof course.name === 'string' ? course.name : '',
			description: typeof course.description === 'string' ? course.description : '',
			active: course.active === '1' || course.active === 'true' || course.active === true,
			teachers: list(course.teachers, 'teacher'),
			groups: list(course.groups, 'group'),
		}))
		.filter((course) => !activeOnly || course.active);
}
