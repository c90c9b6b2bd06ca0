/**
 * The school-life side of the simulated platform (ref §3 "Absences", "Courses", "Helpdesk", "Skore"): half-day
 * absences with the code table and the school's aliases, courses with teachers and student groups, the helpdesk
 * mini-database and its tickets, and Skore sync jobs. Kept beside SmartschoolState (one per state, `schoolOf`),
 * with its own switches for the points the reference leaves open (README.md, "School life").
 */
import { randomUUID } from 'node:crypto';

import { Random } from '../common/random';
import type { SmartschoolState } from './state';

/** One half-day registration code (ref §3 Absences); null = nothing registered. */
export type AbsenceCode = string | null;

export interface HalfDays {
	am: AbsenceCode;
	pm: AbsenceCode;
}

export interface SimCourse {
	name: string;
	desc: string;
	visible: boolean;
	/** Main teacher (account id) and co-teachers. */
	teacher: number | null;
	coTeachers: number[];
	/** Codes of the classes and groups that follow the course. */
	groups: string[];
}

export interface MiniDbItem {
	itemId: string;
	name: string;
}

export interface MiniDb {
	itemId: string;
	name: string;
	items: MiniDbItem[];
}

export interface HelpdeskTicket {
	id: number;
	title: string;
	description: string;
	priority: number;
	miniDbItem: string;
	from: number;
	createdAt: string;
}

export type SkoreStatus = 'no_status' | 'busy' | 'done' | 'error';

export interface SkoreJob {
	serviceId: string;
	startedAt: number;
	status: SkoreStatus;
}

/** The school-life points the reference leaves open. */
export interface SchoolReadings {
	/** Whether the Skore module is on; off → code 50 on every Skore method (ref §3). */
	skoreEnabled: boolean;
	/** startSkoreSync's JSON "with the job UUID": `{"serviceId": "…"}` or the bare JSON string `"…"` (shape unverified). */
	skoreSyncAnswer: 'object' | 'string';
	/** getSkoreClassTeacherCourseRelation: "an XML file", base64 like the other XML methods or plain (unverified, ref §2). */
	skoreRelationEncoding: 'base64' | 'plain';
	/** What the plain by-date absence methods key students by: the platform user id, or the Uniek veld (unverified). */
	absenceKey: 'userId' | 'uniqueField';
	/** The answer to a second startSkoreSync within 15 minutes: undocumented; 10 = "nothing applied". */
	skoreTooSoonCode: number;
}

export const DEFAULT_SCHOOL_READINGS: SchoolReadings = {
	skoreEnabled: true,
	skoreSyncAnswer: 'object',
	skoreRelationEncoding: 'base64',
	absenceKey: 'userId',
	skoreTooSoonCode: 10,
};

export const SKORE_INTERVAL_MS = 15 * 60_000;

/** The school's own aliases for the codes it uses (getAbsentsWithAlias*); the codes are Smartschool's (ref §3). */
export const ABSENCE_ALIASES: Readonly<Record<string, string>> = {
	'|': 'aanwezig',
	L: 'te laat',
	Z: 'ziek',
	D: 'dokter',
	B: 'gekend',
	R: 'onvoorzien',
	'-': 'onwettig',
	C: 'topsport',
	Q: 'rouw',
	P: 'persoonlijk',
	W: 'stage',
};

export class SchoolLife {
	readings: SchoolReadings = { ...DEFAULT_SCHOOL_READINGS };
	/** account id → date → half-days. */
	readonly absences = new Map<number, Map<string, HalfDays>>();
	readonly courses: SimCourse[] = [];
	readonly miniDbs: MiniDb[] = [];
	readonly tickets: HelpdeskTicket[] = [];
	readonly skoreJobs = new Map<string, SkoreJob>();
	/** When startSkoreSync last started a job (ms). */
	lastSkoreSync?: number;
	/** The simulator's clock; tests move it to pass the 15-minute rule. */
	now: () => number = () => Date.now();
	private nextTicketId = 1;

	setReadings(readings: Partial<SchoolReadings>): void {
		this.readings = { ...this.readings, ...readings };
	}

	setAbsence(accountId: number, date: string, halfDays: Partial<HalfDays>): void {
		let days = this.absences.get(accountId);
		if (!days) this.absences.set(accountId, (days = new Map()));
		const current = days.get(date) ?? { am: null, pm: null };
		days.set(date, { ...current, ...halfDays });
	}

	addTicket(ticket: Omit<HelpdeskTicket, 'id' | 'createdAt'>): HelpdeskTicket {
		const record = { ...ticket, id: this.nextTicketId++, createdAt: new Date(this.now()).toISOString() };
		this.tickets.push(record);
		return record;
	}

	startSkoreJob(): SkoreJob {
		const job: SkoreJob = { serviceId: randomUUID(), startedAt: this.now(), status: 'no_status' };
		this.skoreJobs.set(job.serviceId, job);
		this.lastSkoreSync = job.startedAt;
		return job;
	}
}

const lives = new WeakMap<SmartschoolState, SchoolLife>();

/** The school-life state of a simulated platform (created empty on first use; `seedSchoolLife` fills it). */
export function schoolOf(state: SmartschoolState): SchoolLife {
	let life = lives.get(state);
	if (!life) lives.set(state, (life = new SchoolLife()));
	return life;
}

/** School days (Mon–Fri) from `days` days ago up to today, oldest first, as YYYY-MM-DD (UTC). */
export function recentSchoolDays(days: number, now = Date.now()): string[] {
	const result: string[] = [];
	for (let back = days; back >= 0; back--) {
		const day = new Date(now - back * 86_400_000);
		if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) result.push(day.toISOString().slice(0, 10));
	}
	return result;
}

const COURSE_NAMES = ['Wiskunde', 'Nederlands', 'Frans', 'Engels', 'Geschiedenis', 'Aardrijkskunde', 'Biologie', 'Lichamelijke opvoeding'];
const ABSENT_CODES: ReadonlyArray<readonly [string, number]> = [
	['Z', 50], ['D', 10], ['L', 12], ['B', 8], ['R', 5], ['-', 4], ['P', 3], ['C', 2], ['Q', 1],
];

/**
 * Demo school life, deterministic per seed: absences of about 3 % of the students on school days of the last
 * four weeks (a sick day is both half-days, late is one), one course per subject and grade with a teacher and the
 * grade's classes, two helpdesk mini-databases. Dates are relative to today, so "yesterday" always has data.
 */
export function seedSchoolLife(state: SmartschoolState, seed: number): void {
	const life = schoolOf(state);
	const random = new Random(seed ^ 0x5c0a1);
	const accounts = [...state.accounts.values()];
	const students = accounts.filter((account) => account.baseRole === 'leerling');
	const teachers = accounts.filter((account) => account.baseRole === 'leerkracht');
	for (const date of recentSchoolDays(28)) {
		for (const student of students) {
			if (!random.chance(0.03)) continue;
			const code = random.weighted(ABSENT_CODES);
			if (code === 'L') life.setAbsence(student.id, date, random.chance(0.5) ? { am: 'L', pm: '|' } : { am: '|', pm: 'L' });
			else if (random.chance(0.7)) life.setAbsence(student.id, date, { am: code, pm: code });
			else life.setAbsence(student.id, date, random.chance(0.5) ? { am: code, pm: '|' } : { am: '|', pm: code });
		}
	}
	const classes = [...state.groups.values()].filter((group) => group.type === 'K');
	for (const grade of [1, 2, 3]) {
		const gradeClasses = classes.filter((group) => Math.ceil(Number(group.code[0]) / 2) === grade).map((group) => group.code);
		for (const subject of COURSE_NAMES.slice(0, 5)) {
			life.courses.push({
				name: subject,
				desc: `${subject} ${grade}e graad`,
				visible: true,
				teacher: teachers.length ? random.pick(teachers).id : null,
				coTeachers: teachers.length > 3 && random.chance(0.3) ? [random.pick(teachers).id] : [],
				groups: gradeClasses,
			});
		}
	}
	const item = (name: string) => ({ itemId: uuidFrom(random), name });
	life.miniDbs.push(
		{ itemId: uuidFrom(random), name: 'Lokalen', items: ['A101', 'A102', 'B201', 'Sporthal', 'Refter'].map(item) },
		{ itemId: uuidFrom(random), name: 'Toestellen', items: ['Beamer', 'Printer', 'Laptopkar', 'Smartboard'].map(item) },
	);
}

/** A repeatable v4-style UUID from the seeded PRNG (randomUUID would change per run). */
function uuidFrom(random: Random): string {
	const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
