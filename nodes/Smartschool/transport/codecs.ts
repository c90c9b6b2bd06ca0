import { isAscii } from 'node:buffer';

import type { IDataObject } from 'n8n-workflow';

import { parseXml, type XmlElement } from './xml';
import { unserializePhp, type PhpValue } from './php';
import { decodeCourses, decodeSkoreRelations, type CourseRecord } from './records';

export { unserializePhp, type PhpValue } from './php';
export { decodeCourses, decodeSkoreRelations, decodeXmlRecords, type CourseRecord } from './records';

/** How a method's `<return>` text is decoded, once, into plain data. */
export type Codec = 'json' | 'base64xml' | 'php' | 'jpeg' | 'code' | 'text' | 'csv' | 'coursesXml' | 'skoreXml';

export interface GroupNode {
	name: string;
	desc: string;
	type: 'group' | 'class';
	code: string;
	untis: string;
	visible: boolean;
	isOfficial: boolean;
	coAccountLabel: string;
	adminNumber: string;
	instituteNumber: string;
	titulars: string[];
	children: GroupNode[];
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What each codec gives. `base64xml` depends on the document: the group tree, or a list of records. */
export interface CodecResults {
	json: JsonValue;
	base64xml: GroupNode | IDataObject[] | IDataObject;
	php: PhpValue;
	jpeg: Buffer | null;
	code: number;
	text: string;
	csv: string[][];
	/** getCourses: one record per course, teachers and groups always lists. */
	coursesXml: CourseRecord[];
	/** getSkoreClassTeacherCourseRelation, base64 or plain XML: one record per link, students always a list. */
	skoreXml: IDataObject[];
}

/** basisrol as Smartschool sends it (numeric strings) → the names it accepts on input. */
export const BASISROL_NAMES: Readonly<Record<string, string>> = Object.freeze({
	'1': 'leerling',
	'0': 'leerkracht',
	'30': 'directie',
	'13': 'andere',
});

const INTEGER = /^\s*-?\d+\s*$/;

/**
 * A Smartschool result code instead of a payload: typed `xsd:int`, or integer text where the method's payload
 * is not numeric. Checked before any decoding, so a code never turns into a parse error or a boolean.
 */
export function resultCode(text: string, type: string | undefined): number | undefined {
	if (type !== undefined && /(^|:)(int|integer|long|short)$/.test(type) && INTEGER.test(text)) return Number(text);
	if (INTEGER.test(text)) return Number(text);
	if (type !== undefined && /(^|:)boolean$/.test(type)) return text.trim() === 'true' || text.trim() === '1' ? 0 : undefined;
	return undefined;
}

/** `is` + an upper-case letter (isEmailVerified…): char codes, since this runs for every key of every record. */
function isBooleanKey(key: string): boolean {
	const third = key.charCodeAt(2);
	return key.charCodeAt(0) === 0x69 && key.charCodeAt(1) === 0x73 && third >= 0x41 && third <= 0x5a;
}

function toBoolean(value: JsonValue): JsonValue {
	if (value === '1' || value === 1 || value === 'true') return true;
	if (value === '0' || value === 0 || value === 'false' || value === '') return false;
	return value;
}

/** A character a latin1 decoding made of a UTF-8 byte ≥ 0x80. */
const HIGH = /[^\x00-\x7f]/;

/** A string JSON.parse read from latin1-decoded UTF-8 bytes, decoded as the UTF-8 it is. */
function utf8Of(text: string): string {
	return Buffer.from(text, 'latin1').toString('utf8');
}

/**
 * In place over freshly parsed JSON: empty dates, role names, `is…` flags as booleans; keys as sent. With
 * `redecode`, the JSON was parsed from latin1 text (decodeJsonBytes) and every string holding bytes ≥ 0x80 is
 * decoded again as UTF-8, in the same walk; `redecode` remembers the keys found ASCII (records repeat them).
 */
function normalise(value: JsonValue, redecode?: Set<string>): JsonValue {
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) value[index] = normalise(value[index], redecode);
		return value;
	}
	if (value === null || typeof value !== 'object') {
		if (typeof value !== 'string') return value;
		if (value === '0000-00-00') return '';
		return redecode && HIGH.test(value) ? utf8Of(value) : value;
	}
	let highKeys = false;
	// for…in, not Object.keys: records of one shape share V8's enum cache, so no key array per record.
	for (const key in value) {
		let entry = value[key];
		if (redecode) {
			// A non-ASCII key cannot be one of the special keys below: it is renamed once the values are done.
			if (!redecode.has(key)) {
				if (HIGH.test(key)) highKeys = true;
				else redecode.add(key);
			}
			if (typeof entry === 'string' && HIGH.test(entry)) entry = value[key] = utf8Of(entry);
		}
		if (key === 'basisrol' && (typeof entry === 'string' || typeof entry === 'number')) {
			value[key] = BASISROL_NAMES[String(entry)] ?? entry;
		} else if (isBooleanKey(key)) {
			value[key] = toBoolean(entry);
		} else if (typeof entry === 'string') {
			if (entry === '0000-00-00') value[key] = '';
		} else if (entry !== null && typeof entry === 'object') {
			value[key] = normalise(entry, redecode);
		}
	}
	return highKeys ? redecodeKeys(value) : value;
}

/** The rare object with a non-ASCII key: rebuilt with its keys decoded, order kept. */
function redecodeKeys(value: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
	const result: { [key: string]: JsonValue } = {};
	for (const key in value) result[HIGH.test(key) ? utf8Of(key) : key] = value[key];
	return result;
}

export function decodeJson(text: string): JsonValue {
	if (text.trim() === '') return null;
	return normalise(JSON.parse(text) as JsonValue);
}

const BACKSLASH_U = Buffer.from('\\u');

/**
 * decodeJson from the payload bytes, for answers of many megabytes. UTF-8 decoding such a payload costs more than
 * JSON.parse itself, so it is parsed as latin1 (a byte copy) and only the strings holding non-ASCII bytes are
 * decoded again as UTF-8 — the same result, since UTF-8's multi-byte sequences never contain an ASCII byte (quote,
 * backslash, bracket). A `\u` escape may give a character ≥ 0x80 that must not be decoded again: a payload with
 * both takes the plain UTF-8 way.
 */
export function decodeJsonBytes(bytes: Buffer): JsonValue {
	const latin1 = bytes.toString('latin1');
	if (latin1.trim() === '') return null;
	const ascii = isAscii(bytes);
	if (!ascii && bytes.includes(BACKSLASH_U)) return decodeJson(bytes.toString('utf8'));
	let parsed: JsonValue;
	try {
		parsed = JSON.parse(latin1) as JsonValue;
	} catch {
		// Broken JSON: parsed again as UTF-8 for the error, whose quote and position must match the real text.
		return decodeJson(bytes.toString('utf8'));
	}
	return ascii ? normalise(parsed) : normalise(parsed, new Set());
}

function textOf(element: XmlElement | undefined): string {
	return element?.text.trim() ?? '';
}

function child(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((entry) => entry.name === name);
}

function flag(element: XmlElement, name: string): boolean {
	const value = textOf(child(element, name));
	return value === '1' || value === 'true';
}

function toGroupNode(element: XmlElement): GroupNode {
	const titulars = child(element, 'titu')?.children.filter((entry) => entry.name === 'user') ?? [];
	const children = child(element, 'children')?.children.filter((entry) => entry.name === 'group') ?? [];
	return {
		name: textOf(child(element, 'name')),
		desc: textOf(child(element, 'desc')),
		type: textOf(child(element, 'type')).toUpperCase() === 'K' ? 'class' : 'group',
		code: textOf(child(element, 'code')),
		untis: textOf(child(element, 'untis')),
		visible: flag(element, 'visible'),
		isOfficial: flag(element, 'isOfficial'),
		coAccountLabel: textOf(child(element, 'coAccountLabel')),
		adminNumber: textOf(child(element, 'adminNumber')),
		instituteNumber: textOf(child(element, 'instituteNumber')),
		titulars: titulars.map((user) => textOf(child(user, 'username')) || textOf(user)).filter((name) => name !== ''),
		children: children.map(toGroupNode),
	};
}

/** Generic element → value: text for a leaf, an object otherwise; repeated names become arrays. */
function toValue(element: XmlElement): IDataObject | string {
	if (element.children.length === 0) return element.text.trim();
	const result: IDataObject = {};
	for (const entry of element.children) {
		const value = toValue(entry);
		const existing = result[entry.name];
		if (existing === undefined) result[entry.name] = value;
		else if (Array.isArray(existing)) (existing as Array<IDataObject | string>).push(value);
		else result[entry.name] = [existing as IDataObject | string, value] as IDataObject[];
	}
	return result;
}

const LIST_ROOTS: Readonly<Record<string, string>> = { accounts: 'account', courses: 'course' };

/** Base64 of an XML document (or the XML itself): the group tree, the accounts or courses list, else an object. */
export function decodeBase64Xml(text: string): GroupNode | IDataObject[] | IDataObject {
	const trimmed = text.trim();
	const xml = trimmed.startsWith('<') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
	const root = parseXml(xml);
	if (root.name === 'groups') {
		const groups = root.children.filter((entry) => entry.name === 'group').map(toGroupNode);
		if (groups.length === 1) return groups[0];
		return { ...toGroupNode({ name: 'group', text: '', children: [] }), name: '', children: groups };
	}
	if (root.name === 'group') return toGroupNode(root);
	const item = LIST_ROOTS[root.name];
	if (item) {
		return root.children
			.filter((entry) => entry.name === item)
			.map((entry) => normalise(toValue(entry) as JsonValue) as IDataObject);
	}
	const value = toValue(root);
	return typeof value === 'string' ? { [root.name]: value } : value;
}

/** A photo: base64 → bytes; empty means the account has none. */
export function decodeJpeg(text: string): Buffer | null {
	const trimmed = text.replace(/\s+/g, '');
	if (trimmed === '') return null;
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error('the photo is not base64');
	return Buffer.from(trimmed, 'base64');
}

/** CSV as saveUserToClassesAndGroups reports failed memberships: rows of fields, quotes honoured. */
export function decodeCsv(text: string): string[][] {
	const rows: string[][] = [];
	for (const line of text.split(/\r?\n/)) {
		if (line.trim() === '') continue;
		const fields: string[] = [];
		let field = '';
		let quoted = false;
		for (let index = 0; index < line.length; index++) {
			const char = line[index];
			if (quoted) {
				if (char === '"' && line[index + 1] === '"') {
					field += '"';
					index++;
				} else if (char === '"') quoted = false;
				else field += char;
			} else if (char === '"') quoted = true;
			else if (char === ',' || char === ';') {
				fields.push(field);
				field = '';
			} else field += char;
		}
		fields.push(field);
		rows.push(fields.map((entry) => entry.trim()));
	}
	return rows;
}

/** The payload of a successful call (result codes are handled before this). */
export function decodePayload<C extends Codec>(codec: C, text: string): CodecResults[C] {
	const decoders: { [K in Codec]: (value: string) => CodecResults[K] } = {
		json: decodeJson,
		base64xml: decodeBase64Xml,
		php: (value) => unserializePhp(value),
		jpeg: decodeJpeg,
		code: (value) => Number(value.trim() || '0'),
		text: (value) => value,
		csv: decodeCsv,
		coursesXml: decodeCourses,
		skoreXml: decodeSkoreRelations,
	};
	return decoders[codec](text);
}
