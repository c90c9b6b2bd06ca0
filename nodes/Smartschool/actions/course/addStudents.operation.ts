import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { courseFields, readCourse, readList } from './fields';

const show = { resource: ['course'], operation: ['addStudents'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...courseFields,
	{
		displayName: 'Classes or Groups',
		name: 'groupCodes',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1A, 1B',
		description: 'Codes of the classes (klassen) or groups whose students follow the course, comma-separated',
	},
]);

/** addCourseStudents: the students come in as whole classes or groups (groupIds = CSV of codes). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const course = readCourse(this, itemIndex);
	const groups = readList(this, 'groupCodes', 'Classes or Groups', itemIndex, true);
	await client.call('addCourseStudents', { ...course, groupIds: groups.join(',') }, { itemIndex });
	return { success: true, courseName: course.coursename, courseDescription: course.coursedesc, groups };
}
