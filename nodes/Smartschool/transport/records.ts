import type { IDataObject } from 'n8n-workflow';

import { parseXml, type XmlElement } from './xml';

/**
 * XML documents that are a list of records under one root (getCourses, getSkoreClassTeacherCourseRelation),
 * decoded here so operations only read fields. A wrapper element named as the plural of its children
 * (`<teachers><teacher>…`) is always a list, however many children it has; wrappers named in `lists` are lists
 * even when empty, since an empty element alone cannot tell a list from an empty text.
 */
export interface CourseRecord extends IDataObject {
	name: string;
	description: string;
	/** `active` 1/0 as sent: whether the course is visible (zichtbaar). */
	active: boolean;
	teachers: IDataObject[];
	groups: IDataObject[];
}

/** Base64 of the XML, or the XML itself (ref §2: getSkoreClassTeacherCourseRelation may be either). */
function documentOf(text: string): XmlElement {
	const trimmed = text.trim();
	return parseXml(trimmed.startsWith('<') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8'));
}

function isPluralOf(wrapper: string, children: readonly XmlElement[]): boolean {
	if (children.length === 0) return false;
	const name = children[0].name;
	return children.every((entry) => entry.name === name) && (wrapper === `${name}s` || wrapper === `${name}es`);
}

function toRecordValue(element: XmlElement, lists: ReadonlySet<string>): IDataObject | IDataObject[] | string {
	if (element.children.length === 0) return lists.has(element.name) && element.text.trim() === '' ? [] : element.text.trim();
	if (lists.has(element.name) || isPluralOf(element.name, element.children)) {
		return element.children.map((entry) => {
			const value = toRecordValue(entry, lists);
			return typeof value === 'string' || Array.isArray(value) ? { [entry.name]: value } : value;
		});
	}
	const result: IDataObject = {};
	// Names seen more than once become an array of their values, in document order.
	const repeated = new Set<string>();
	for (const entry of element.children) {
		const value = toRecordValue(entry, lists);
		const existing = result[entry.name];
		if (existing === undefined) result[entry.name] = value;
		else if (repeated.has(entry.name)) (existing as unknown[]).push(value);
		else {
			result[entry.name] = [existing, value] as IDataObject[];
			repeated.add(entry.name);
		}
	}
	return result;
}

/** The root's child elements, one record each, whatever the root and record elements are called. */
export function decodeXmlRecords(text: string, lists: readonly string[] = []): IDataObject[] {
	const wrappers = new Set(lists);
	return documentOf(text).children.map((entry) => {
		const value = toRecordValue(entry, wrappers);
		return typeof value === 'string' || Array.isArray(value) ? { [entry.name]: value } : value;
	});
}

/** getCourses: `<courses><course>` with name, description, active, teachers/teacher, groups/group (ref §3). */
export function decodeCourses(text: string): CourseRecord[] {
	return decodeXmlRecords(text, ['teachers', 'groups']).map((course) => ({
		...course,
		name: typeof course.name === 'string' ? course.name : '',
		description: typeof course.description === 'string' ? course.description : '',
		active: course.active === '1' || course.active === 'true',
		teachers: Array.isArray(course.teachers) ? (course.teachers as IDataObject[]) : [],
		groups: Array.isArray(course.groups) ? (course.groups as IDataObject[]) : [],
	}));
}

/**
 * getSkoreClassTeacherCourseRelation: "an XML file" of class–teacher–course links with student fields (ref §3);
 * no source shows its element names, so every link is kept whole and only `students` is known to be a list.
 */
export function decodeSkoreRelations(text: string): IDataObject[] {
	return decodeXmlRecords(text, ['students']);
}
