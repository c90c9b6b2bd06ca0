/**
 * The platform simulators `npm start` runs next to n8n, with the demo credentials that point at them.
 * A new platform's simulator joins by adding one entry to SIMULATORS.
 */
import { DEFAULT_API_KEY, startEvalyticsSimulator, TOP_ORGANISATION_ID } from '../test/simulators/evalytics';
import { DEFAULT_ACCESS_CODE, startSmartschoolSimulator } from '../test/simulators/smartschool';
import { DEFAULT_CLIENT_ID as EDUIX_CLIENT_ID, DEFAULT_KEY_ID, demoKeys, startEduixSimulator } from '../test/simulators/eduix';
import {
	DEFAULT_CLIENT_ID as ONEROSTER_CLIENT_ID,
	DEFAULT_CLIENT_SECRET,
	DEFAULT_CONSUMER_KEY as ONEROSTER_CONSUMER_KEY,
	DEFAULT_CONSUMER_SECRET as ONEROSTER_CONSUMER_SECRET,
	startOneRosterSimulator,
	type OneRosterState,
} from '../test/simulators/oneroster';

/** An n8n credential as `n8n import:credentials` takes it (plain data, encrypted on import). */
export interface DemoCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, string | number | boolean>;
}

export interface RunningSimulator {
	title: string;
	url: string;
	/** Lines worth printing (API key, demo data). */
	notes: string[];
	credentials: DemoCredential[];
	close(): Promise<void>;
}

export interface SimulatorEntry {
	id: string;
	title: string;
	/** Fixed so bookmarks and the imported credentials stay valid between runs; 0 when taken. */
	port: number;
	start(port: number): Promise<RunningSimulator>;
}

const EVALYTICS_DEMO_USERS = 20_000;
const SMARTSCHOOL_DEMO_ACCOUNTS = 5_000;
const ONEROSTER_DEMO_USERS = 50_000;
/** The school examples/oneroster-to-smartschool-nightly-students.json reads, and how many of its students changed "today". */
const ONEROSTER_EXAMPLE_SCHOOL = 'school-0001';
const ONEROSTER_CHANGED_TODAY = 12;
const EDUIX_DEMO_EMPLOYEES_PER_SCHOOL = 40;

export const SIMULATORS: SimulatorEntry[] = [
	{
		id: 'evalytics',
		title: 'Evalytics',
		port: 5801,
		async start(port) {
			const simulator = await startEvalyticsSimulator({ port, users: EVALYTICS_DEMO_USERS });
			return {
				title: 'Evalytics',
				url: simulator.url,
				notes: [
					`api-key ${DEFAULT_API_KEY}, top organisation ${TOP_ORGANISATION_ID}, ${EVALYTICS_DEMO_USERS.toLocaleString('en')} demo users`,
				],
				// The id and name the example workflows reference (examples/README.md).
				credentials: [
					{
						id: 'evalyticsDemo',
						name: 'Evalytics (demo simulator)',
						type: 'evalyticsApi',
						data: { apiKey: DEFAULT_API_KEY, baseUrl: simulator.url, organisation: String(TOP_ORGANISATION_ID) },
					},
				],
				close: () => simulator.close(),
			};
		},
	},
	{
		id: 'smartschool',
		title: 'Smartschool',
		port: 5802,
		async start(port) {
			const simulator = await startSmartschoolSimulator({ port, accounts: SMARTSCHOOL_DEMO_ACCOUNTS });
			return {
				title: 'Smartschool',
				url: simulator.url,
				notes: [
					`access code ${DEFAULT_ACCESS_CODE}, endpoint ${simulator.endpoint}, Uniek veld username, ` +
						`${SMARTSCHOOL_DEMO_ACCOUNTS.toLocaleString('en')} demo accounts (classes 1A–6D)`,
				],
				// The id and name the example workflows reference (examples/README.md).
				credentials: [
					{
						id: 'smartschoolDemo',
						name: 'Smartschool (demo simulator)',
						type: 'smartschoolApi',
						data: { platformUrl: simulator.url, accessCode: DEFAULT_ACCESS_CODE },
					},
				],
				close: () => simulator.close(),
			};
		},
	},
	{
		id: 'oneroster',
		title: 'OneRoster',
		port: 5803,
		async start(port) {
			const simulator = await startOneRosterSimulator({ port, users: ONEROSTER_DEMO_USERS });
			const changedToday = markRecentStudentChanges(simulator.state, ONEROSTER_EXAMPLE_SCHOOL, ONEROSTER_CHANGED_TODAY);
			const demoV1p1: DemoCredential = {
				id: 'oneRosterDemo11',
				name: 'OneRoster 1.1 OAuth 1.0a (demo simulator)',
				type: 'oneRosterApi',
				data: {
					baseUrl: simulator.url,
					version: '1.1',
					authentication: 'oAuth1',
					consumerKey: ONEROSTER_CONSUMER_KEY,
					consumerSecret: ONEROSTER_CONSUMER_SECRET,
					signatureMethod: 'HMAC-SHA256',
				},
			};
			return {
				title: 'OneRoster',
				url: simulator.url,
				notes: [
					`client ${ONEROSTER_CLIENT_ID} / ${DEFAULT_CLIENT_SECRET}, token URL ${simulator.tokenUrl}, ` +
						`${ONEROSTER_DEMO_USERS.toLocaleString('en')} demo users in a district of schools (vendor user writes on); ` +
						`${changedToday} students of ${ONEROSTER_EXAMPLE_SCHOOL} changed today, for the nightly example`,
					`OneRoster 1.1 with OAuth 1.0a: consumer ${ONEROSTER_CONSUMER_KEY} / ${ONEROSTER_CONSUMER_SECRET}; gradebook and resources seeded for the first classes`,
				],
				// The id and name the example workflows reference (examples/README.md).
				credentials: [
					{
						id: 'oneRosterDemo',
						name: 'OneRoster (demo simulator)',
						type: 'oneRosterApi',
						data: {
							baseUrl: simulator.url,
							authentication: 'oAuth2',
							tokenUrl: simulator.tokenUrl,
							clientId: ONEROSTER_CLIENT_ID,
							clientSecret: DEFAULT_CLIENT_SECRET,
							clientAuthentication: 'basic',
							allowUserWrites: true,
						},
					},
					demoV1p1,
				],
				close: () => simulator.close(),
			};
		},
	},
	{
		id: 'eduix',
		title: 'Edu-iX (Edu-V Employees)',
		port: 5804,
		async start(port) {
			const simulator = await startEduixSimulator({ port, employeesPerSchool: EDUIX_DEMO_EMPLOYEES_PER_SCHOOL });
			return {
				title: 'Edu-iX (Edu-V Employees)',
				url: simulator.baseUrl,
				notes: [
					`token URL ${simulator.tokenUrl}, client ${EDUIX_CLIENT_ID} (kid ${DEFAULT_KEY_ID}, test-only key test/simulators/eduix/fixtures/client.key), ` +
						'schools 100B490 (PO), 112C007 (VO), 130D021 (no consent)',
				],
				// The id and name the example workflows reference (examples/README.md).
				credentials: [
					{
						id: 'eduixDemo',
						name: 'Edu-iX (demo simulator)',
						type: 'eduixApi',
						data: {
							baseUrl: simulator.baseUrl,
							authentication: 'privateKeyJwt',
							tokenUrl: simulator.tokenUrl,
							clientId: EDUIX_CLIENT_ID,
							privateKey: demoKeys().privateKey,
							kid: DEFAULT_KEY_ID,
							algorithm: 'RS256',
						},
					},
				],
				close: () => simulator.close(),
			};
		},
	},
];

/**
 * The seeded district is stamped in the past (tests need fixed data), so the nightly example's "changed in the last
 * day" filter would find nothing in the demo: a few students of its school get today's dateLastModified, as a SIS
 * shows after a day of edits.
 */
function markRecentStudentChanges(state: OneRosterState, schoolId: string, count: number): number {
	const students = state
		.all('users')
		.filter((user) => Array.isArray(user.roles) && user.roles.some((role) => isStudentRoleAt(role, schoolId)))
		.slice(0, count);
	for (const student of students) state.touch('users', String(student.sourcedId));
	return students.length;
}

function isStudentRoleAt(role: unknown, schoolId: string): boolean {
	const { role: name, org } = role as { role?: unknown; org?: { sourcedId?: unknown } };
	return name === 'student' && org?.sourcedId === schoolId;
}

/** Starts every simulator; a taken port falls back to a free one. Already started ones are closed on failure. */
export async function startSimulators(log: (line: string) => void): Promise<RunningSimulator[]> {
	const running: RunningSimulator[] = [];
	try {
		for (const entry of SIMULATORS) {
			let simulator: RunningSimulator;
			try {
				simulator = await entry.start(entry.port);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
				log(`  port ${entry.port} is taken; ${entry.title} gets a free port`);
				simulator = await entry.start(0);
			}
			running.push(simulator);
			log(`  ${simulator.title} simulator on ${simulator.url}`);
		}
	} catch (error) {
		await closeSimulators(running);
		throw error;
	}
	return running;
}

export async function closeSimulators(simulators: RunningSimulator[]): Promise<void> {
	await Promise.allSettled(simulators.map((simulator) => simulator.close()));
}
