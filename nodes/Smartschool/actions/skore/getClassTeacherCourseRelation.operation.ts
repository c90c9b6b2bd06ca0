import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';

/** No fields: the method takes no parts. */
export const description: INodeProperties[] = [];

/**
 * getSkoreClassTeacherCourseRelation: which teacher gives which course to which class, with the students. The
 * transport decodes the XML (base64 or plain) into one record per link, each kept whole; code 50 means the Skore
 * module is off.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const links = await client.call('getSkoreClassTeacherCourseRelation', {}, { itemIndex });
	return Array.isArray(links) ? (links as IDataObject[]) : [];
}
