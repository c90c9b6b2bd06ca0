/**
 * Demo data: one fictional hogeschool (top organisation 100) with faculties and opleidingen, and staff users
 * with Dutch names. Everything follows from the seed, so the same seed always gives the same users.
 * Role ids: 3 (teacher) is the only documented one; 5, 8 and 13 are illustrative (13 appears in the seed's example).
 */
import { emailLocalPart, randomPersonName } from '../common/names';
import { Random } from '../common/random';
import type { EvalyticsState } from './state';
import { TEACHER_ROLE } from './records';
import type { EvalyticsOrganisationRecord, NewUser, RoleSpec } from './types';

export const SCHOOL_DOMAIN = 'hs-zuiderlicht.nl';
export const TOP_ORGANISATION_ID = 100;
/** Illustrative role ids (not documented by Evalytics). */
export const DEMO_ROLES = { teacher: TEACHER_ROLE, coordinator: 5, facultyStaff: 8, qualityManager: 13 } as const;

type OrgSeed = Pick<EvalyticsOrganisationRecord, 'id' | 'name' | 'code' | 'externalId'> & { parent: number | null };

const FACULTIES: Array<OrgSeed & { departments: Array<[number, string, string]> }> = [
	{ id: 1, parent: 100, name: 'Faculteit Techniek en Informatica', code: 'fti', externalId: 'FAC-TI', departments: [
		[101, 'HBO-ICT', 'ict'], [102, 'Werktuigbouwkunde', 'wtb'], [103, 'Elektrotechniek', 'et'], [104, 'Civiele Techniek', 'ct'],
	] },
	{ id: 2, parent: 100, name: 'Faculteit Gezondheid en Welzijn', code: 'fgw', externalId: 'FAC-GW', departments: [
		[111, 'Verpleegkunde', 'vpk'], [112, 'Fysiotherapie', 'fys'], [113, 'Social Work', 'sw'],
	] },
	{ id: 3, parent: 100, name: 'Faculteit Economie en Management', code: 'fem', externalId: 'FAC-EM', departments: [
		[121, 'Bedrijfskunde', 'bk'], [122, 'Accountancy', 'acc'], [123, 'Commerciële Economie', 'ce'],
	] },
	{ id: 4, parent: 100, name: 'Faculteit Onderwijs en Talen', code: 'fot', externalId: 'FAC-OT', departments: [
		[131, 'Pabo', 'pabo'], [132, 'Lerarenopleiding Engels', 'leng'], [133, 'Lerarenopleiding Geschiedenis', 'lgs'],
	] },
];

/** The tree: instelling 100 → faculties 1–4 → opleidingen 101–133. */
export function seedOrganisations(state: EvalyticsState): void {
	state.addOrganisation({ id: TOP_ORGANISATION_ID, parent: null, name: 'Hogeschool Zuiderlicht', code: 'hzl', externalId: 'HZL' });
	for (const { departments, ...faculty } of FACULTIES) {
		state.addOrganisation({ ...faculty, type: 'faculty' });
		for (const [id, name, code] of departments) {
			state.addOrganisation({ id, parent: faculty.id, name, code, type: 'department', externalId: `OPL-${code.toUpperCase()}` });
		}
	}
}

type Kind = 'teacher' | 'teacherAndCoordinator' | 'teacherObject' | 'coordinator' | 'facultyStaff' | 'qualityManager' | 'administrator';

/** One block of 20 users, shuffled per block, so even 40 users cover every kind. */
const BLOCK: Kind[] = [
	...Array<Kind>(13).fill('teacher'),
	'teacherAndCoordinator',
	'teacherObject',
	'coordinator',
	'coordinator',
	'facultyStaff',
	'qualityManager',
	'administrator',
];

const TITLES: ReadonlyArray<readonly [string, number]> = [['', 60], ['Dhr.', 15], ['Mevr.', 15], ['dr.', 6], ['ir.', 3], ['prof. dr.', 1]];
const FIRST_ACTIVATION_MAIL = Date.UTC(2019, 0, 1);
const LAST_ACTIVATION_MAIL = Date.UTC(2025, 5, 30);

export interface DemoOptions {
	users: number;
	seed: number;
}

/** The demo users, deterministic for a seed (ids from 501 with small gaps, unique e-mails and externalIds). */
export function demoUsers(options: DemoOptions): NewUser[] {
	const random = new Random(options.seed);
	const emails = new Map<string, number>();
	const users: NewUser[] = [];
	let id = 500;
	let kinds: Kind[] = [];
	for (let index = 0; index < options.users; index++) {
		if (kinds.length === 0) kinds = random.shuffle(BLOCK);
		const kind = kinds.pop()!;
		const person = randomPersonName(random);
		const local = emailLocalPart(person);
		const seen = emails.get(local) ?? 0;
		emails.set(local, seen + 1);
		const noSurf = random.chance(0.1);
		id += random.int(1, 3);
		users.push({
			id,
			...person,
			title: random.weighted(TITLES),
			email: `${seen === 0 ? local : `${local}${seen + 1}`}@${SCHOOL_DOMAIN}`,
			externalId: random.chance(0.92) ? `P${100000 + index * 7 + random.int(0, 6)}` : null,
			noSurf,
			activated: noSurf ? random.chance(0.5) : random.chance(0.95),
			lastActivationMail: noSurf || random.chance(0.1) ? activationMail(random) : null,
			...rolesFor(kind, random),
		});
	}
	return users;
}

export function seedState(state: EvalyticsState, options: DemoOptions): void {
	seedOrganisations(state);
	for (const user of demoUsers(options)) state.addUser(user);
}

function rolesFor(kind: Kind, random: Random): { roles: RoleSpec[]; teacherOrganisations: number[] } {
	const faculty = random.pick(FACULTIES);
	const department = random.pick(faculty.departments)[0];
	const other = random.pick(faculty.departments)[0];
	const teach = (organisations: number[]) => ({
		roles: organisations.map((organisation) => ({ organisation, role: TEACHER_ROLE })),
		teacherOrganisations: organisations,
	});
	switch (kind) {
		case 'teacher':
			return teach(random.chance(0.2) && other !== department ? [department, other] : [department]);
		case 'teacherAndCoordinator': {
			const teacher = teach([department]);
			return { ...teacher, roles: [...teacher.roles, { organisation: department, role: DEMO_ROLES.coordinator }] };
		}
		case 'teacherObject': {
			// UM 2.0: a teacher object without a teacher role shows as an extra teacher role with enabled: false.
			const elsewhere = faculty.departments.find(([candidate]) => candidate !== department)![0];
			return { roles: [{ organisation: department, role: TEACHER_ROLE }], teacherOrganisations: [department, elsewhere] };
		}
		case 'coordinator':
			return { roles: [{ organisation: department, role: DEMO_ROLES.coordinator }], teacherOrganisations: [] };
		case 'facultyStaff':
			return { roles: [{ organisation: faculty.id, role: DEMO_ROLES.facultyStaff }], teacherOrganisations: [] };
		case 'qualityManager':
			return { roles: [{ organisation: faculty.id, role: DEMO_ROLES.qualityManager, propagate: true }], teacherOrganisations: [] };
		case 'administrator':
			return { roles: [{ organisation: TOP_ORGANISATION_ID, role: DEMO_ROLES.qualityManager }], teacherOrganisations: [] };
	}
}

function activationMail(random: Random): string {
	const seconds = random.int(0, Math.floor((LAST_ACTIVATION_MAIL - FIRST_ACTIVATION_MAIL) / 1000));
	return new Date(FIRST_ACTIVATION_MAIL + seconds * 1000).toISOString();
}
