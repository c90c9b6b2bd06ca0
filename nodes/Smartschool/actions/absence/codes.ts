/**
 * Smartschool's half-day absence codes (ref §3 "Absences", S3) and the mapping of the absence answers to n8n
 * items: one item per student per date, with the am/pm codes, their meaning and, where sent, the school's alias.
 * Pure functions over decoded data; nothing here calls the platform.
 */
import type { IDataObject } from 'n8n-workflow';

export const ABSENCE_CODE_MEANINGS: Readonly<Record<string, string>> = Object.freeze({
	'|': 'present',
	L: 'late',
	Z: 'sick',
	D: 'doctor',
	B: 'known (announced) absence',
	R: 'unforeseen absence',
	'-': 'unexplained absence',
	C: 'top sport',
	Q: 'mourning',
	P: 'personal reasons',
	W: 'internship',
	M: 'internship',
	J: 'maternity',
	Y: 'suspension',
	U: 'exclusion',
	T: 'exclusion',
});

/** Codes that do not mean the student was away: present and late. */
const NOT_ABSENT = new Set(['|', 'L']);

export type StudentKey = 'userId' | 'internalNumber' | 'username' | 'userIdentifier';

export interface HalfDay {
	code: string | null;
	alias?: string;
}

export function meaningOf(code: string | null): string | null {
	if (code === null) return null;
	return ABSENCE_CODE_MEANINGS[code] ?? `code ${code} (meaning not documented; see the school's absence codes)`;
}

/** A half-day as sent: a code, `{code, alias}` (the *WithAlias methods) or null. */
function readHalfDay(value: unknown): HalfDay {
	if (value === null || value === undefined || value === '') return { code: null };
	if (typeof value === 'object' && !Array.isArray(value)) {
		const record = value as IDataObject;
		const code = record.code === null || record.code === undefined || record.code === '' ? null : String(record.code);
		return record.alias === undefined || record.alias === null ? { code } : { code, alias: String(record.alias) };
	}
	return { code: String(value) };
}

export interface AbsenceItem extends IDataObject {
	date: string;
	student: string;
	studentKey: StudentKey;
	am: string | null;
	amMeaning: string | null;
	pm: string | null;
	pmMeaning: string | null;
	absent: boolean;
}

function item(date: string, student: string, studentKey: StudentKey, value: unknown): AbsenceItem {
	const days = (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as IDataObject;
	const [am, pm] = [readHalfDay(days.am), readHalfDay(days.pm)];
	const result: AbsenceItem = {
		date,
		student,
		studentKey,
		am: am.code,
		amMeaning: meaningOf(am.code),
		pm: pm.code,
		pmMeaning: meaningOf(pm.code),
		absent: [am.code, pm.code].some((code) => code !== null && !NOT_ABSENT.has(code)),
	};
	if (am.alias !== undefined) result.amAlias = am.alias;
	if (pm.alias !== undefined) result.pmAlias = pm.alias;
	return result;
}

/** Entries of a JSON object; PHP's json_encode writes an empty map as `[]`, which has none. */
function entries(decoded: unknown): Array<[string, unknown]> {
	if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) return [];
	return Object.entries(decoded as IDataObject);
}

/** getAbsents / getAbsentsWithAlias: `{ "YYYY-MM-DD": {am, pm} }` of one student, oldest date first. */
export function studentYearItems(decoded: unknown, student: string): AbsenceItem[] {
	return entries(decoded)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, value]) => item(date, student, 'userIdentifier', value));
}

/** The by-date methods: `{ "<student>": {am, pm} }` on one date. */
export function dateItems(decoded: unknown, date: string, studentKey: StudentKey): AbsenceItem[] {
	return entries(decoded).map(([student, value]) => item(date, student, studentKey, value));
}
