import type { INodeProperties } from 'n8n-workflow';

import * as clear from './clear.operation';
import * as create from './create.operation';
import * as createClass from './createClass.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getClassList from './getClassList.operation';
import * as getClassListJson from './getClassListJson.operation';
import * as getClassTeachers from './getClassTeachers.operation';
import * as getSchoolYearData from './getSchoolYearData.operation';
import * as saveClassList from './saveClassList.operation';
import * as saveClassListJson from './saveClassListJson.operation';
import * as setSchoolYearData from './setSchoolYearData.operation';
import * as setTitulars from './setTitulars.operation';
import * as update from './update.operation';

/** The operations of this resource by their `operation` value. */
export const operations = {
	clear,
	create,
	createClass,
	delete: del,
	get,
	getAll,
	getClassList,
	getClassListJson,
	getClassTeachers,
	getSchoolYearData,
	saveClassList,
	saveClassListJson,
	setSchoolYearData,
	setTitulars,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		default: 'getAll',
		options: [
			{
				name: 'Clear Members',
				value: 'clear',
				description: 'Remove every member of a group or class (clearGroup); the accounts stay',
				action: 'Remove all members of a group or class',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a group (groep); fails if the code is already in use',
				action: 'Create a group',
			},
			{
				name: 'Create Class',
				value: 'createClass',
				description: 'Create a class (klas), official with an institute number (saveClass); fails if the code is already in use',
				action: 'Create a class',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a class or group (delClass); its members keep their accounts',
				action: 'Delete a group or class',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a group or class by its code, with its parent, children and titulars',
				action: 'Get a group or class',
			},
			{
				name: 'Get Class List',
				value: 'getClassList',
				description: 'Every class and group flat, from the PHP-serialized list (getClassList), decoded',
				action: 'Get the class list',
			},
			{
				name: 'Get Class List (JSON)',
				value: 'getClassListJson',
				description: 'Every class and group flat with IDs and flags (getClassListJson)',
				action: 'Get the class list as JSON',
			},
			{
				name: 'Get Class Teachers',
				value: 'getClassTeachers',
				description: 'The titulars (class teachers) of every class (getClassTeachers)',
				action: 'Get the class teachers',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List classes, groups or both, as a flat list or as the tree',
				action: 'Get many groups or classes',
			},
			{
				name: 'Get School Year Data',
				value: 'getSchoolYearData',
				description: 'The official registration data of a class for this school year',
				action: 'Get the school year data of a class',
			},
			{
				name: 'Save Class List',
				value: 'saveClassList',
				description: 'Create or update several classes at once, sent PHP-serialized (saveClassList)',
				action: 'Save a class list',
			},
			{
				name: 'Save Class List (JSON)',
				value: 'saveClassListJson',
				description: 'Create or update several classes at once, sent as JSON (saveClassListJson)',
				action: 'Save a class list as JSON',
			},
			{
				name: 'Set School Year Data',
				value: 'setSchoolYearData',
				description: 'Set the institute number, administrative group, residence, domain or principal of a class',
				action: 'Set the school year data of a class',
			},
			{
				name: 'Set Titulars',
				value: 'setTitulars',
				description: 'Replace the owners (titularissen) of a group or class (changeGroupOwners)',
				action: 'Set the titulars of a group or class',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change the description or Roostercode of a group or class. Smartschool ignores a changed parent and cannot rename.',
				action: 'Update a group or class',
			},
		],
	},
	...getAll.description,
	...get.description,
	...create.description,
	...createClass.description,
	...update.description,
	...clear.description,
	...del.description,
	...getClassList.description,
	...getClassListJson.description,
	...getClassTeachers.description,
	...getSchoolYearData.description,
	...saveClassList.description,
	...saveClassListJson.description,
	...setSchoolYearData.description,
	...setTitulars.description,
];
