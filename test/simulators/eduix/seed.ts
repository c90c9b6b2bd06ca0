/**
 * Seeded demo data: a primary school (PO) with two locations, a secondary school (VO) with three, and a
 * primary school that has not given consent; employees with every field of the model, some leaving
 * (tobedeleted, or every role ended). Plus the demo client whose keys live in fixtures/ (test-only keys).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { DUTCH_FIRST_NAMES, DUTCH_LAST_NAMES, TUSSENVOEGSELS } from '../common/names';
import { Random } from '../common/random';
import type { EduixState } from './state';
import { publicKeyOf } from './token';
import { SCOPES, type Employee, type School } from './types';

export const DEFAULT_CLIENT_ID = 'n8n-edu-demo-client';
export const DEFAULT_KEY_ID = 'demo-key-1';
export const DEFAULT_CLIENT_SECRET = 'demo-client-secret-9f3a';
export const SCHOOL_DOMAIN = 'school.example';

export const DEMO_SCHOOLS: readonly School[] = [
	{
		masterId: '100B490',
		name: 'OBS De Regenboog',
		sector: 'PO',
		oieCode: '12AB',
		locations: [
			{ vId: '12AB00', bpId: 'BP-70001', ddId: 'DD-50001', asId: 'LAS-0001' },
			{ vId: '12AB01', bpId: 'BP-70002', ddId: 'DD-50002', asId: 'LAS-0002' },
		],
		periods: ['2025-2026', '2024-2025'],
	},
	{
		masterId: '112C007',
		name: 'Stedelijk Lyceum',
		sector: 'VO',
		oieCode: '23CD',
		locations: [
			{ vId: '23CD00', bpId: 'BP-80001', ddId: 'DD-60001', asId: 'LAS-1001' },
			{ vId: '23CD01', bpId: 'BP-80002', ddId: 'DD-60002', asId: 'LAS-1002' },
			{ vId: '23CD02', bpId: 'BP-80003', ddId: 'DD-60003', asId: 'LAS-1003' },
		],
		periods: ['2025-2026', '2024-2025'],
	},
	{
		masterId: '130D021',
		name: 'CBS Het Kompas',
		sector: 'PO',
		oieCode: '34EF',
		locations: [{ vId: '34EF00', bpId: 'BP-90001', ddId: 'DD-70001', asId: 'LAS-2001' }],
		periods: ['2025-2026'],
	},
];
/** The school without consent for the demo client. */
export const NO_CONSENT_SCHOOL = '130D021';

const ROLES = ['leraar', 'leraar', 'leraar', 'mentor', 'onderwijsdirecteur', 'administratief-medewerker', 'ibp-er', 'invalkracht', 'stagiair', 'leermiddelencoordinator', 'applicatiebeheerder', 'begeleider'];

export function fixturePath(name: string): string {
	for (let dir = __dirname; ; dir = dirname(dir)) {
		const candidate = join(dir, 'test', 'simulators', 'eduix', 'fixtures', name);
		if (existsSync(candidate)) return candidate;
		const beside = join(dir, 'fixtures', name);
		if (existsSync(beside)) return beside;
		if (dirname(dir) === dir) throw new Error(`eduix fixture ${name} not found above the simulator`);
	}
}

/** The demo client's test-only key material: PEM private key, its certificate and chain. */
export function demoKeys(): { privateKey: string; certificate: string; chain: string } {
	const read = (name: string) => readFileSync(fixturePath(name), 'utf8');
	return { privateKey: read('client.key'), certificate: read('client.pem'), chain: read('chain.pem') };
}

function hex(random: Random, length: number): string {
	let text = '';
	while (text.length < length) text += random.int(0, 15).toString(16);
	return text;
}

function uuid(random: Random): string {
	return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`;
}

function isoDate(daysFromNow: number): string {
	return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

function employeeFor(random: Random, school: School, location: number, fate: 'active' | 'tobedeleted' | 'ended'): Employee {
	const givenName = random.pick(DUTCH_FIRST_NAMES);
	const familyNamePrefix = random.weighted(TUSSENVOEGSELS);
	const familyName = random.pick(DUTCH_LAST_NAMES);
	const local = `${givenName[0]}.${familyNamePrefix.replace(/[^a-z]/gi, '')}${familyName.replace(/[^a-z]/gi, '')}`.toLowerCase();
	const role = random.pick(ROLES);
	const organisation = random.chance(0.5)
		? { organisationMasterIdentifier: school.masterId }
		: { organisationIds: [{ organisationId: school.locations[location].vId, organisationIdType: 'V_ID' as const }] };
	const roles = [{ organisationRole: role, organisation, beginDate: isoDate(-random.int(30, 3000)), ...(fate === 'ended' ? { endDate: isoDate(-random.int(1, 60)) } : random.chance(0.1) ? { endDate: isoDate(random.int(30, 300)) } : {}) }];
	if (role === 'leraar' && random.chance(0.3)) roles.push({ ...roles[0], organisationRole: 'mentor' });
	const created = new Date(Date.now() - random.int(100, 2000) * 86_400_000);
	const employee: Employee = {
		userIds: [{ userId: uuid(random), userIdType: 'ASI' }],
		givenName,
		familyName,
		...(familyNamePrefix ? { familyNamePrefix } : {}),
		...(random.chance(0.15) ? { preferredFirstName: givenName.slice(0, 3) } : {}),
		...(random.chance(0.05) ? { alias: `${givenName} ${familyName[0]}.` } : {}),
		email: `${local}${random.int(1, 99)}@${SCHOOL_DOMAIN}`,
		...(random.chance(0.4) ? { phone: `+3130${random.int(1000000, 9999999)}` } : {}),
		...(random.chance(0.6) ? { mobile: `+316${random.int(10000000, 99999999)}` } : {}),
		organisationRoles: roles,
		status: fate === 'tobedeleted' ? 'tobedeleted' : 'active',
		dateCreated: created.toISOString().replace(/\.\d+Z$/, 'Z'),
		dateLastModified: new Date(created.getTime() + random.int(0, 90) * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
	};
	if (random.chance(0.3)) employee.userIds.push({ userId: `${hex(random, 40)}`, userIdType: 'eckId' });
	return employee;
}

export function seedState(state: EduixState, options: { employeesPerSchool: number; seed: number }): void {
	const random = new Random(options.seed);
	for (const school of DEMO_SCHOOLS) {
		state.addSchool(structuredClone(school) as School);
		for (let i = 0; i < options.employeesPerSchool; i++) {
			const location = i % school.locations.length;
			// Every 10th marked tobedeleted, every 10th (offset) with all roles ended; the rest active.
			const fate = i % 10 === 7 ? 'tobedeleted' : i % 10 === 8 ? 'ended' : 'active';
			const periods = i % 5 === 4 ? [school.periods[school.periods.length - 1]] : [...school.periods];
			state.addEmployee(school.masterId, employeeFor(random, school, location, fate), { location, periods });
		}
	}
	const keys = demoKeys();
	state.registerClient({
		clientId: DEFAULT_CLIENT_ID,
		keys: [{ kid: DEFAULT_KEY_ID, publicKey: publicKeyOf(keys.certificate), certificate: keys.certificate }],
		secret: DEFAULT_CLIENT_SECRET,
		scopes: [...SCOPES],
	});
	for (const school of DEMO_SCHOOLS) if (school.masterId !== NO_CONSENT_SCHOOL) state.setConsent(DEFAULT_CLIENT_ID, school.masterId, true);
}
