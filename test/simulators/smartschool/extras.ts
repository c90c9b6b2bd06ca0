/**
 * State of the account, co-account, class and membership methods beyond the first 20 (issue 7): class history,
 * signatures, school-year data of classes, scannable codes and the school's custom profile fields, plus the
 * readings the reference leaves open for them. Kept beside SmartschoolState (one per state, in a WeakMap) so the
 * core records stay as they are.
 */
import type { SmartschoolState } from './state';
import type { SmartschoolAccount, SmartschoolGroup } from './types';

/** Points ref §2/§3 leave open for these methods; each is a switch, and node tests run both readings. */
export interface ExtraReadings {
	/** saveSignature's WSDL return type is boolean: `true` typed xsd:string as PHP's SoapServer may send it, or 0 like other writes. */
	signatureAnswer: 'boolean' | 'code';
	/** saveUserToClassesAndGroups' "CSV of error codes": one `group;code` line per failed membership, or the bare codes on one line. */
	membershipErrors: 'perGroup' | 'codes';
	/** getClassTeachers' layout (not in any source): a list of titular rows, or an object keyed by class code. */
	classTeachersShape: 'list' | 'byClass';
}

export const DEFAULT_EXTRA_READINGS: ExtraReadings = { signatureAnswer: 'boolean', membershipErrors: 'perGroup', classTeachersShape: 'list' };

/** One getStudentCareer row (field names per S3, ref §3). */
export interface CareerRow {
	inClass: boolean;
	outSchool: boolean;
	date: string;
	stamboeknummer: string;
	groupName: string;
	groupCode: string;
	adminNumber: string;
	instituteNumber: string;
}

/** getSchoolyearDataOfClass (field names per S3, ref §3). */
export interface SchoolYearData {
	id: string;
	groupId: string;
	schoolyear: string;
	instituteNumber: string;
	administrativeGroupNumber: string;
	residence: string;
	domain: string;
	studyChoiceComponent: string;
	principal: string;
}

/** The school year the seeded official classes started in. */
export const SCHOOL_YEAR_START = '2025-09-01';

export class SmartschoolExtras {
	readings: ExtraReadings = { ...DEFAULT_EXTRA_READINGS };
	/** Registered class movements per account id; seeded lazily from the current official class. */
	readonly careers = new Map<number, CareerRow[]>();
	/** `accountId:slot` → signature. */
	readonly signatures = new Map<string, string>();
	readonly schoolYear = new Map<number, SchoolYearData>();
	/** The school's own profile fields (ref §5.1 example); saveUserParameter refuses other unknown names with 17. */
	readonly customFieldNames = new Set(['Naam ouder/voogd']);
}

const EXTRAS = new WeakMap<SmartschoolState, SmartschoolExtras>();

export function extrasOf(state: SmartschoolState): SmartschoolExtras {
	let extras = EXTRAS.get(state);
	if (!extras) {
		extras = new SmartschoolExtras();
		EXTRAS.set(state, extras);
	}
	return extras;
}

/** The scannable code on an account's badge (ref §3: Smartschool's own value): derived from the account id. */
export function scannableCodeOf(account: SmartschoolAccount): string {
	return `SMSC${String(account.id).padStart(8, '0')}`;
}

function row(account: SmartschoolAccount, group: SmartschoolGroup, date: string, outSchool: boolean): CareerRow {
	return {
		inClass: !outSchool,
		outSchool,
		date,
		stamboeknummer: account.stamboeknummer,
		groupName: group.name,
		groupCode: group.code,
		adminNumber: group.adminNumber,
		instituteNumber: group.instituteNumber,
	};
}

/** The class history of a student, oldest first; a seeded student starts in their class at the school-year start. */
export function careerOf(state: SmartschoolState, account: SmartschoolAccount): CareerRow[] {
	const extras = extrasOf(state);
	let rows = extras.careers.get(account.id);
	if (!rows) {
		const current = state.officialClassOf(account);
		rows = current && account.baseRole === 'leerling' ? [row(account, current, SCHOOL_YEAR_START, false)] : [];
		extras.careers.set(account.id, rows);
	}
	return rows;
}

/**
 * A movement with an official date is registered in the history; without one it waits for confirmation in
 * Smartschool (ref §6.4) and is not listed.
 */
export function recordMove(state: SmartschoolState, account: SmartschoolAccount, group: SmartschoolGroup, date: string | undefined, outSchool = false): void {
	if (!date) return;
	const rows = careerOf(state, account);
	rows.push(row(account, group, date, outSchool));
	rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** The official class on a date from the history (undefined: none, or left the school). */
export function officialClassOn(state: SmartschoolState, account: SmartschoolAccount, date: string): SmartschoolGroup | undefined {
	const last = careerOf(state, account).filter((entry) => entry.date <= date).at(-1);
	return last && !last.outSchool ? state.byCode(last.groupCode) : undefined;
}
