import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';

const show = { resource: ['skore'], operation: ['getClassTeacherCourseRelation'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'items',
		options: [
			{ name: 'One Item per Link', value: 'items', description: 'Each class–teacher–course link with its students' },
			{ name: 'Raw Answer', value: 'raw', description: 'The decoded XML document in one item' },
		],
	},
]);

function asList(value: unknown): IDataObject[] {
	const list = Array.isArray(value) ? value : [value];
	return list.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object' && !Array.isArray(entry));
}

/**
 * getSkoreClassTeacherCourseRelation (XML, decoded by the transport): which teacher gives which course to which
 * class, with the students. The document has one repeated element under its root; each becomes an item, with a
 * single `students` entry turned into a list. Code 50 means the Skore module is off.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const output = this.getNodeParameter('output', itemIndex, 'items');
	const decoded = await client.call('getSkoreClassTeacherCourseRelation', {}, { itemIndex });
	if (decoded === null || typeof decoded !== 'object') return [];
	if (output === 'raw' || Array.isArray(decoded)) return Array.isArray(decoded) ? asList(decoded) : (decoded as IDataObject);
	const keys = Object.keys(decoded);
	if (keys.length !== 1) return decoded as IDataObject;
	return asList((decoded as IDataObject)[keys[0]]).map((link) => {
		const students = link.students;
		if (students === null || typeof students !== 'object' || Array.isArray(students)) return link;
		const inner = Object.values(students as IDataObject);
		return { ...link, students: inner.length === 1 ? asList(inner[0]) : [] };
	});
}
