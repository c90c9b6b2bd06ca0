import type { INodeProperties } from 'n8n-workflow';

import * as addStudents from './addStudents.operation';
import * as addTeacher from './addTeacher.operation';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { addStudents, addTeacher, create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['course'] } },
		default: 'getAll',
		options: [
			{
				name: 'Add Students',
				value: 'addStudents',
				description: 'Let whole classes or groups follow a course (addCourseStudents)',
				action: 'Add students to a course',
			},
			{
				name: 'Add Teacher',
				value: 'addTeacher',
				description: 'Set the main teacher and add co-teachers of a course (addCourseTeacher)',
				action: 'Add a teacher to a course',
			},
			{ name: 'Create', value: 'create', description: 'Add a course (addCourse)', action: 'Create a course' },
			{ name: 'Get Many', value: 'getAll', description: 'List the courses of the platform (getCourses)', action: 'Get many courses' },
		],
	},
	...addStudents.description,
	...addTeacher.description,
	...create.description,
	...getAll.description,
];
