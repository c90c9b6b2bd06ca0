import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import type { CourseRecord } from '../../transport/codecs';

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

/** getCourses (base64 XML, decoded by the transport into courses with teachers and groups as lists). */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const activeOnly = this.getNodeParameter('activeOnly', itemIndex, false) === true;
	const decoded = await client.call('getCourses', {}, { itemIndex });
	const courses = Array.isArray(decoded) ? (decoded as CourseRecord[]) : [];
	return activeOnly ? courses.filter((course) => course.active) : courses;
}
