import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { booleanValue } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { courseFields, readCourse } from './fields';

const show = { resource: ['course'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...courseFields,
	{
		displayName: 'Visible',
		name: 'visible',
		type: 'boolean',
		default: true,
		description: 'Whether the course is visible (the visibility part: 1 visible, 0 hidden)',
	},
]);

/** addCourse; a course with the same name and description answers code 21. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const course = readCourse(this, itemIndex);
	const visible = booleanValue(this.getNodeParameter('visible', itemIndex, true), { node: this.getNode(), field: 'Visible', itemIndex });
	await client.call('addCourse', { ...course, visibility: visible ? 1 : 0 }, { itemIndex });
	return { success: true, courseName: course.coursename, courseDescription: course.coursedesc, visible };
}
