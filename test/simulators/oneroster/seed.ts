/**
 * A seeded demo district: one district org with schools, a school year with two terms and two grading periods
 * each, courses and classes per school, students and teachers enrolled in classes, demographics per student.
 */
import { Random } from '../common/random';
import { randomPersonName, emailLocalPart } from '../common/names';
import type { OneRosterState } from './state';
import { ref, type Json } from './types';

export interface SeedOptions {
	users: number;
	schools?: number;
	seed: number;
}

export const DISTRICT_ID = 'district-0001';
const SCHOOL_YEAR = '2026';
/** Fixed so data is the same on every run; records differ by seconds after it. */
const EPOCH = Date.parse('2026-08-01T06:00:00.000Z');

function uuid(random: Random): string {
	const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const stamp = (seconds: number) => new Date(EPOCH + seconds * 1000).toISOString();

export function seedDistrict(state: OneRosterState, options: SeedOptions): void {
	const random = new Random(options.seed);
	const schoolCount = options.schools ?? Math.max(2, Math.min(20, Math.ceil(options.users / 2500)));
	let tick = 0;
	const base = (sourcedId: string): Json => ({ sourcedId, status: 'active', dateLastModified: stamp(tick++) });

	state.append('orgs', { ...base(DISTRICT_ID), name: 'Demo District', type: 'district', identifier: 'D-0001', children: [] });
	const schools: Json[] = [];
	for (let s = 0; s < schoolCount; s++) {
		const id = `school-${String(s + 1).padStart(4, '0')}`;
		const school = { ...base(id), name: `${random.pick(['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Park'])} College ${s + 1}`, type: 'school', identifier: `BRIN${String(10 + s)}XX`, parent: ref('org', 'orgs', DISTRICT_ID) };
		schools.push(school);
		state.append('orgs', school);
	}
	(state.get('orgs', DISTRICT_ID)!.children as unknown[]).push(...schools.map((school) => ref('org', 'orgs', String(school.sourcedId))));

	const year = { ...base('year-2026'), title: 'Schooljaar 2025-2026', type: 'schoolYear', startDate: '2025-08-25', endDate: '2026-07-10', schoolYear: SCHOOL_YEAR, children: [] as unknown[] };
	state.append('academicSessions', year);
	const terms: Json[] = [];
	for (const [t, [start, end]] of [['2025-08-25', '2026-01-31'], ['2026-02-01', '2026-07-10']].entries()) {
		const term: Json & { children: unknown[] } = { ...base(`term-${t + 1}`), title: `Semester ${t + 1}`, type: 'term', startDate: start, endDate: end, schoolYear: SCHOOL_YEAR, parent: ref('academicSession', 'academicSessions', 'year-2026'), children: [] as unknown[] };
		terms.push(term);
		state.append('academicSessions', term);
		year.children.push(ref('academicSession', 'academicSessions', String(term.sourcedId)));
		for (let g = 0; g < 2; g++) {
			const id = `gp-${t + 1}-${g + 1}`;
			state.append('academicSessions', { ...base(id), title: `Periode ${t * 2 + g + 1}`, type: 'gradingPeriod', startDate: start, endDate: end, schoolYear: SCHOOL_YEAR, parent: ref('academicSession', 'academicSessions', String(term.sourcedId)) });
			term.children.push(ref('academicSession', 'academicSessions', id));
		}
	}

	const subjects = ['Nederlands', 'Engels', 'Wiskunde', 'Geschiedenis', 'Biologie', 'Frans'];
	const classesBySchool = new Map<string, Json[]>();
	for (const school of schools) {
		const schoolId = String(school.sourcedId);
		const classes: Json[] = [];
		for (const [c, subject] of subjects.entries()) {
			const courseId = `${schoolId}-course-${c + 1}`;
			state.append('courses', { ...base(courseId), title: subject, courseCode: subject.slice(0, 3).toUpperCase(), schoolYear: ref('academicSession', 'academicSessions', 'year-2026'), org: ref('org', 'orgs', schoolId), grades: ['10'], subjects: [subject] });
			for (const [t, term] of terms.entries()) {
				const klass = { ...base(`${courseId}-class-${t + 1}`), title: `${subject} ${t + 1}`, classCode: `${subject.slice(0, 3).toUpperCase()}-${t + 1}`, classType: 'scheduled', course: ref('course', 'courses', courseId), school: ref('org', 'orgs', schoolId), terms: [ref('academicSession', 'academicSessions', String(term.sourcedId))], grades: ['10'] };
				classes.push(klass);
				state.append('classes', klass);
			}
		}
		classesBySchool.set(schoolId, classes);
	}

	for (let u = 0; u < options.users; u++) {
		const school = schools[u % schools.length];
		const schoolId = String(school.sourcedId);
		const teacher = u % 20 === 19;
		const name = randomPersonName(random);
		const id = uuid(random);
		const familyName = name.prefix ? `${name.prefix} ${name.lastName}` : name.lastName;
		state.append('users', {
			...base(id),
			enabledUser: 'true',
			username: `${emailLocalPart(name)}${u}`,
			givenName: name.firstName,
			familyName,
			roles: [{ roleType: 'primary', role: teacher ? 'teacher' : 'student', org: ref('org', 'orgs', schoolId) }],
			primaryOrg: ref('org', 'orgs', schoolId),
			identifier: `LL${String(100000 + u)}`,
			email: `${emailLocalPart(name)}${u}@school.example.org`,
			grades: teacher ? [] : ['10'],
		});
		if (!teacher) {
			state.append('demographics', { ...base(id), birthDate: `20${String(8 + random.int(0, 3)).padStart(2, '0')}-0${random.int(1, 9)}-1${random.int(0, 9)}`, sex: random.pick(['male', 'female']) });
		}
		const classes = classesBySchool.get(schoolId)!;
		// Two classes per user: few enough for 50,000 users, enough for every nested list.
		for (const klass of [classes[u % classes.length], classes[(u + 7) % classes.length]]) {
			state.append('enrollments', {
				...base(uuid(random)),
				user: ref('user', 'users', id),
				class: ref('class', 'classes', String(klass.sourcedId)),
				school: ref('org', 'orgs', schoolId),
				role: teacher ? 'teacher' : 'student',
				...(teacher ? { primary: 'true' } : {}),
				beginDate: '2025-08-25',
			});
		}
	}
	state.sortAll();
}
