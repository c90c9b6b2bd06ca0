import type { INodeProperties } from 'n8n-workflow';

import * as checkStatus from './checkStatus.operation';
import * as getClassTeacherCourseRelation from './getClassTeacherCourseRelation.operation';
import * as startSync from './startSync.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { checkStatus, getClassTeacherCourseRelation, startSync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['skore'] } },
		default: 'startSync',
		options: [
			{ name: 'Check Status', value: 'checkStatus', description: 'Follow a Skore sync job (checkStatus)', action: 'Check the status of a skore sync' },
			{
				name: 'Get Class-Teacher-Course Links',
				value: 'getClassTeacherCourseRelation',
				description: 'Which teacher gives which course to which class, with the students (getSkoreClassTeacherCourseRelation)',
				action: 'Get the class teacher course links',
			},
			{
				name: 'Start Sync',
				value: 'startSync',
				description: 'Start the sync from Smartschool to Skore, at most once per 15 minutes (startSkoreSync)',
				action: 'Start a skore sync',
			},
		],
	},
	...checkStatus.description,
	...getClassTeacherCourseRelation.description,
	...startSync.description,
];
