import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from '../user/identify';
import { courseFields, readCourse, readList } from './fields';

const show = { resource: ['course'], operation: ['addTeacher'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	...courseFields,
	{ ...userLocator, displayName: 'Teacher', description: 'The main teacher (vakleerkracht) of the course' },
	identifyByField,
	{
		displayName: 'Co-Teachers',
		name: 'coTeachers',
		type: 'string',
		default: '',
		placeholder: 'e.g. an.claes, piet.jansens',
		description: 'Co-teachers (co-leerkrachten), comma-separated, by the platform\'s unique field (Uniek veld: username or internal number)',
	},
]);

/** addCourseTeacher: its `internnummer` part is the main teacher's user identifier despite its name (ref §3). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const course = readCourse(this, itemIndex);
	const teacherRef = readUserRef(this, itemIndex);
	const coTeachers = readList(this, 'coTeachers', 'Co-Teachers', itemIndex, false);
	const teacher = await resolveUserIdentifier(this, client, teacherRef, itemIndex);
	await client.call('addCourseTeacher', { ...course, internnummer: teacher, userlist: coTeachers.join(',') }, { itemIndex });
	return { success: true, courseName: course.coursename, courseDescription: course.coursedesc, teacher, coTeachers };
}
