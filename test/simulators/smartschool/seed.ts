/**
 * Deterministic demo school (per seed): a Flemish secondary school with official classes 1A–6D under three
 * graden, staff groups, an ICT working group, the empty Doelgroep group "Nieuwe accounts", and accounts:
 * about 90 % students (each in one official class, with Moeder/Vader co-accounts), 8 % teachers (titulars,
 * timetable codes), directie and secretariaat. 5,000 accounts take well under a second.
 */
import { BELGIAN_LAST_NAMES, FLEMISH_BOY_NAMES, FLEMISH_GIRL_NAMES, FLEMISH_MEN_NAMES, FLEMISH_WOMEN_NAMES } from '../common/names';
import { Random } from '../common/random';
import { seedSchoolLife } from './school';
import type { SmartschoolState } from './state';
import type { BaseRole, CoAccount, SmartschoolAccount, SmartschoolGroup } from './types';

export const SCHOOL_DOMAIN = 'sjc-demo.be';
export const INSTITUTE_NUMBER = '048413';
export const CLASS_CODES: readonly string[] = [1, 2, 3, 4, 5, 6].flatMap((year) => ['A', 'B', 'C', 'D'].map((letter) => `${year}${letter}`));
/** Group codes of the demo tree, for tests. */
export const DEMO_GROUPS = {
	students: 'leerlingen',
	staff: 'personeel',
	teachers: 'leerkrachten',
	management: 'directie',
	office: 'secretariaat',
	ict: 'ict',
	target: 'nieuw',
} as const;

const TOWNS: ReadonlyArray<readonly [string, string]> = [
	['3200', 'Aarschot'], ['3000', 'Leuven'], ['2800', 'Mechelen'], ['3290', 'Diest'], ['3300', 'Tienen'],
	['2500', 'Lier'], ['2220', 'Heist-op-den-Berg'], ['2200', 'Herentals'], ['2440', 'Geel'], ['3120', 'Tremelo'],
	['3130', 'Begijnendijk'], ['3270', 'Scherpenheuvel-Zichem'], ['3220', 'Holsbeek'], ['3110', 'Rotselaar'],
];
const STREETS: readonly string[] = [
	'Kerkstraat', 'Stationsstraat', 'Dorpsstraat', 'Molenstraat', 'Schoolstraat', 'Nieuwstraat', 'Kapelstraat',
	'Beekstraat', 'Veldstraat', 'Lindenlaan', 'Gasthuisstraat', 'Leuvensesteenweg', 'Boomgaardstraat', 'Heide',
];
const RELIGIONS: readonly string[] = ['CAT', 'CAT', 'CAT', 'ISL', 'PRO', 'ORT', 'CUL'];

function pad(value: number, length: number): string {
	return String(value).padStart(length, '0');
}

function clean(value: string): string {
	return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A rijksregisternummer with a valid mod-97 check (born ≥ 2000 adds the leading 2). */
function nationalNumber(random: Random, birthday: string, sex: string): string {
	const [year, month, day] = birthday.split('-');
	const serial = random.int(1, 498) * 2 - (sex === 'm' ? 1 : 0);
	const base = `${year.slice(2)}${month}${day}${pad(serial, 3)}`;
	const check = 97 - (Number(`${Number(year) >= 2000 ? '2' : ''}${base}`) % 97);
	return `${base.slice(0, 2)}.${base.slice(2, 4)}.${base.slice(4, 6)}-${base.slice(6)}.${pad(check, 2)}`;
}

function date(random: Random, fromYear: number, toYear: number): string {
	return `${random.int(fromYear, toYear)}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
}

function mobile(random: Random): string {
	return `+32 4${random.int(70, 99)} ${pad(random.int(0, 99), 2)} ${pad(random.int(0, 99), 2)} ${pad(random.int(0, 99), 2)}`;
}

function lastLogins(random: Random): string {
	if (random.chance(0.1)) return ';';
	const stamp = () => `${date(random, 2025, 2025)} ${pad(random.int(7, 22), 2)}:${pad(random.int(0, 59), 2)}:${pad(random.int(0, 59), 2)}`;
	const [a, b] = [stamp(), stamp()].sort();
	return `${a};${b}`;
}

function buildGroups(state: SmartschoolState): { classes: SmartschoolGroup[] } {
	const add = (name: string, code: string, parentCode?: string, extra: Partial<SmartschoolGroup> = {}) =>
		state.addGroup({ name, code, desc: name, parentCode, ...extra });
	add('Leerlingen', DEMO_GROUPS.students);
	add('Personeel', DEMO_GROUPS.staff);
	add('Leerkrachten', DEMO_GROUPS.teachers, DEMO_GROUPS.staff);
	add('Directie', DEMO_GROUPS.management, DEMO_GROUPS.staff);
	add('Secretariaat', DEMO_GROUPS.office, DEMO_GROUPS.staff);
	add('Werkgroep ICT', DEMO_GROUPS.ict, DEMO_GROUPS.staff, { visible: false });
	add('Nieuwe accounts', DEMO_GROUPS.target);
	const classes: SmartschoolGroup[] = [];
	for (const grade of [1, 2, 3]) {
		const gradeCode = `graad${grade}`;
		add(`${grade}e graad`, gradeCode, DEMO_GROUPS.students);
		for (const code of CLASS_CODES.filter((candidate) => Math.ceil(Number(candidate[0]) / 2) === grade)) {
			classes.push(
				add(code, code, gradeCode, {
					desc: `Klas ${code}`, type: 'K', isOfficial: true, untis: code, coAccountLabel: 'Ouders',
					instituteNumber: INSTITUTE_NUMBER, adminNumber: String(1000 + classes.length + 1),
				}),
			);
		}
	}
	return { classes };
}

function uniqueUsername(taken: Set<string>, firstName: string, lastName: string): string {
	const base = `${clean(firstName)}.${clean(lastName)}`;
	let username = base;
	for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
	taken.add(username);
	return username;
}

function firstNames(student: boolean, sex: string): readonly string[] {
	if (student) return sex === 'm' ? FLEMISH_BOY_NAMES : FLEMISH_GIRL_NAMES;
	return sex === 'm' ? FLEMISH_MEN_NAMES : FLEMISH_WOMEN_NAMES;
}

function coAccount(random: Random, type: string, lastName: string, sex: 'm' | 'v'): CoAccount {
	const firstName = random.pick(firstNames(false, sex));
	return {
		type, firstName, lastName, status: 'actief', password: '', mustChangePassword: true,
		email: `${clean(firstName)}.${clean(lastName)}@${random.pick(['telenet.be', 'gmail.com', 'proximus.be', 'outlook.com'])}`,
		phone: random.chance(0.3) ? `+32 16 ${pad(random.int(10, 99), 2)} ${pad(random.int(10, 99), 2)} ${pad(random.int(10, 99), 2)}` : '',
		mobile: sex === 'v' || random.chance(0.9) ? mobile(random) : '',
	};
}

export function seedState(state: SmartschoolState, options: { accounts: number; seed: number }): void {
	const random = new Random(options.seed);
	const { classes } = buildGroups(state);
	const total = Math.max(0, options.accounts);
	const management = Math.min(total, Math.max(1, Math.round(total * 0.005)));
	const office = Math.min(total - management, Math.max(1, Math.round(total * 0.015)));
	const teachers = Math.min(total - management - office, Math.max(2, Math.round(total * 0.08)));
	const taken = new Set<string>();
	const untisTaken = new Set<string>();
	const classSizes = new Map<number, number>();
	const teacherIds: number[] = [];

	for (let i = 0; i < total; i++) {
		const role: BaseRole = i < management ? 'directie' : i < management + office ? 'andere' : i < management + office + teachers ? 'leerkracht' : 'leerling';
		const student = role === 'leerling';
		const sex = random.chance(0.5) ? 'm' : 'v';
		const firstName = random.pick(firstNames(student, sex));
		const lastName = random.pick(BELGIAN_LAST_NAMES);
		const username = uniqueUsername(taken, firstName, lastName);
		const schoolClass = student ? classes[(i - management - office - teachers) % classes.length] : undefined;
		const birthday = student ? date(random, 2014 - Number(schoolClass!.code[0]), 2014 - Number(schoolClass!.code[0])) : random.chance(0.05) ? '' : date(random, 1962, 1999);
		const [postalCode, location] = random.pick(TOWNS);
		let untis = '';
		if (role === 'leerkracht') {
			untis = `${clean(lastName).slice(0, 3).toUpperCase()}`;
			for (let n = 2; untisTaken.has(untis); n++) untis = `${clean(lastName).slice(0, 3).toUpperCase()}${n}`;
			untisTaken.add(untis);
		}
		const classNumber = schoolClass ? (classSizes.get(schoolClass.id) ?? 0) + 1 : 0;
		if (schoolClass) classSizes.set(schoolClass.id, classNumber);
		const fields: Omit<SmartschoolAccount, 'id'> = {
			username, firstName, lastName, baseRole: role, sex,
			// Students have numeric internal numbers; staff alphanumeric ones (and a few none), as schools mix them.
			internalNumber: student ? String(10001 + i) : random.chance(0.05) ? '' : `P${pad(i + 1, 4)}`,
			status: random.chance(0.02) ? 'uitgeschakeld' : !student && random.chance(0.01) ? 'administratief' : 'actief',
			extraNames: random.chance(0.2) ? random.pick(firstNames(student, sex)) : '',
			initials: `${firstName[0]}.${lastName[0]}.`,
			birthday,
			birthplace: location,
			birthcountry: random.chance(0.95) ? 'België' : random.pick(['Nederland', 'Marokko', 'Turkije', 'Polen']),
			street: random.pick(STREETS), houseNumber: String(random.int(1, 180)), busNumber: random.chance(0.1) ? String(random.int(1, 12)) : '',
			postalCode, location, country: 'België',
			email: `${username}@${SCHOOL_DOMAIN}`,
			mobilePhone: student && random.chance(0.4) ? '' : mobile(random),
			homePhone: '', fax: '',
			prn: birthday ? nationalNumber(random, birthday, sex) : '',
			stamboeknummer: student ? String(random.int(1_000_000, 9_999_999)) : random.chance(0.3) ? 'NULL' : '',
			untis,
			classNumber: classNumber ? String(classNumber) : '',
			customFields: student ? { Godsdienstkeuze: random.pick(RELIGIONS) } : {},
			password: '', mustChangePassword: false,
			coAccounts: [null, null, null, null, null, null],
			photo: null,
			lastLogins: lastLogins(random),
			isEmailVerified: random.chance(0.7),
			isAuthenticatorAppEnabled: !student && random.chance(0.3),
		};
		if (student) {
			if (random.chance(0.95)) fields.coAccounts[0] = coAccount(random, 'Moeder', random.chance(0.8) ? lastName : random.pick(BELGIAN_LAST_NAMES), 'v');
			if (random.chance(0.85)) fields.coAccounts[1] = coAccount(random, 'Vader', lastName, 'm');
			if (random.chance(0.05)) fields.coAccounts[2] = coAccount(random, random.pick(['Plusmoeder', 'Voogd']), random.pick(BELGIAN_LAST_NAMES), 'v');
		}
		const account = state.addAccount(fields);
		if (schoolClass) state.addMember(schoolClass, account);
		const groupCode = { directie: DEMO_GROUPS.management, andere: DEMO_GROUPS.office, leerkracht: DEMO_GROUPS.teachers, leerling: undefined }[role];
		if (groupCode) state.addMember(state.byCode(groupCode)!, account);
		if (role === 'leerkracht') {
			teacherIds.push(account.id);
			if (random.chance(0.1)) state.addMember(state.byCode(DEMO_GROUPS.ict)!, account);
		}
	}
	// One or two titulars per class.
	classes.forEach((group, index) => {
		if (teacherIds.length === 0) return;
		group.titulars = [teacherIds[index % teacherIds.length]];
		if (teacherIds.length > classes.length && index % 3 === 0) group.titulars.push(teacherIds[(index + classes.length) % teacherIds.length]);
	});
	state.touch();
	seedSchoolLife(state, options.seed);
}
