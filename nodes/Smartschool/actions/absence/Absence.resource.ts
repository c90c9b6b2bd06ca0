import type { INodeProperties } from 'n8n-workflow';

import * as getByDate from './getByDate.operation';
import * as getByDateAndGroup from './getByDateAndGroup.operation';
import * as getByDateWithAlias from './getByDateWithAlias.operation';
import * as getByDateWithInternalNumber from './getByDateWithInternalNumber.operation';
import * as getByDateWithUsername from './getByDateWithUsername.operation';
import * as getByStudent from './getByStudent.operation';
import * as getByStudentWithAlias from './getByStudentWithAlias.operation';

/** The operations of this resource by their `operation` value. */
export const operations = {
	getByDate,
	getByDateAndGroup,
	getByDateWithAlias,
	getByDateWithInternalNumber,
	getByDateWithUsername,
	getByStudent,
	getByStudentWithAlias,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['absence'] } },
		default: 'getByDateAndGroup',
		options: [
			{
				name: 'Get by Date',
				value: 'getByDate',
				description: 'Half-day absences of every student on a date, by platform user ID (getAbsentsByDate)',
				action: 'Get absences by date',
			},
			{
				name: 'Get by Date and Class or Group',
				value: 'getByDateAndGroup',
				description: 'Half-day absences of the students of one class or group on a date (getAbsentsByDateAndGroup)',
				action: 'Get absences of a class or group by date',
			},
			{
				name: 'Get by Date with Alias',
				value: 'getByDateWithAlias',
				description: 'Half-day absences of every student on a date, with the school\'s alias per code (getAbsentsWithAliasByDate)',
				action: 'Get absences with alias by date',
			},
			{
				name: 'Get by Date with Internal Number',
				value: 'getByDateWithInternalNumber',
				description: 'Half-day absences of every student on a date, by internal number (getAbsentsWithInternalNumberByDate)',
				action: 'Get absences with internal number by date',
			},
			{
				name: 'Get by Date with Username',
				value: 'getByDateWithUsername',
				description: 'Half-day absences of every student on a date, by username (getAbsentsWithUsernameByDate)',
				action: 'Get absences with username by date',
			},
			{
				name: 'Get for Student',
				value: 'getByStudent',
				description: 'One student\'s half-day absences of a school year (getAbsents)',
				action: 'Get absences of a student',
			},
			{
				name: 'Get for Student with Alias',
				value: 'getByStudentWithAlias',
				description: 'One student\'s half-day absences of a school year with the school\'s alias per code (getAbsentsWithAlias)',
				action: 'Get absences with alias of a student',
			},
		],
	},
	{
		displayName:
			'Smartschool registers official absences per half-day: am = voormiddag (morning), pm = namiddag (afternoon). Codes: | present, L late, Z sick, D doctor, B known, R unforeseen, - unexplained, C top sport, Q mourning, P personal, W/M internship, J maternity, Y suspension, U/T exclusion.',
		name: 'absenceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['absence'] } },
	},
	...getByDate.description,
	...getByDateAndGroup.description,
	...getByDateWithAlias.description,
	...getByDateWithInternalNumber.description,
	...getByDateWithUsername.description,
	...getByStudent.description,
	...getByStudentWithAlias.description,
];
