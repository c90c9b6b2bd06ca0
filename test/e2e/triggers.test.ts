/**
 * Every polling trigger of the package, active in one real n8n of each line (test/e2e/n8n-lines), against all four
 * simulators at once: Evalytics, Smartschool (accounts and absences), OneRoster and Edu-iX.
 *
 * Newer n8n refuses polls more often than once a minute, so the workflows poll every minute and the test leans on
 * what n8n does on activation instead of waiting: it polls each trigger once when it activates the workflow and
 * keeps the trigger's static data in its database. So:
 *   1. first start: the activation polls record each baseline and emit nothing;
 *   2. n8n stopped, the platforms changed, n8n started again: the activation polls, reading the baselines the first
 *      start left in the database, emit exactly the changes (a lost state would record a new baseline and emit
 *      nothing; a state never saved would emit everyone);
 *   3. one more change each: the next scheduled poll (one cron minute, paid once for all five) emits exactly it.
 */
import { freePort, runN8nOrThrow, startN8n, type N8nServer } from '../../scripts/n8n';
import { N8nRestClient, nodeOutput, type ExecutionSummary } from '../../scripts/n8n-rest';
import { employeeKey } from '../../nodes/EduixEmployees/helpers/employees';
import { schoolOf } from '../simulators/smartschool';
import { EDUIX } from './support/eduix';
import { EVALYTICS, API_KEY } from './support/evalytics';
import { ONEROSTER, CLIENT_SECRET } from './support/oneroster';
import { SMARTSCHOOL, ACCESS_CODE } from './support/smartschool';
import { setUpPlatforms, tearDownSuite, waitFor, type MultiPlatformSuite } from './support/suite';

const FIXTURES = { evalytics: EVALYTICS, smartschool: SMARTSCHOOL, oneroster: ONEROSTER, eduix: EDUIX };
const PO_SCHOOL = '100B490';

/** workflow id → the trigger node's name in it. */
const TRIGGERS = {
	e2eTrigEvalytics: 'Evalytics Trigger',
	e2eTrigSsAccounts: 'Smartschool Trigger',
	e2eTrigSsAbsences: 'Smartschool Trigger',
	e2eTrigOneRoster: 'OneRoster Trigger',
	e2eTrigEduix: 'Edu-iX Employees Trigger',
} as const;
type TriggerWorkflow = keyof typeof TRIGGERS;
const WORKFLOWS = Object.keys(TRIGGERS) as TriggerWorkflow[];

let suite: MultiPlatformSuite<typeof FIXTURES>;
let server: N8nServer | undefined;
let rest: N8nRestClient;

const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function startServer(): Promise<void> {
	server = await startN8n(suite.install, suite.folder.env, { port: await freePort() });
	await server.ready();
	rest = new N8nRestClient(server.url, suite.install);
	await rest.setupOwner({ email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: 'E2e-password-1' });
}

async function stopServer(): Promise<void> {
	const code = await server?.stop();
	server = undefined;
	expect(code).toBe(0);
}

const finished = async (workflowId: TriggerWorkflow): Promise<ExecutionSummary[]> =>
	(await rest.listExecutions(workflowId)).filter((execution) => execution.status !== 'running' && execution.status !== 'new');

/** `event id` of every item of an execution, sorted. */
async function emitted(workflowId: TriggerWorkflow, execution: ExecutionSummary): Promise<string[]> {
	expect(execution.status).toBe('success');
	const items = nodeOutput((await rest.getExecution(execution.id)).data, TRIGGERS[workflowId]);
	return items.map((item) => `${String(item.event)} ${String(item.sourcedId ?? item.id)}`).sort();
}

/** Waits until every trigger has `count` finished executions; returns the newest of each. */
async function newestExecutions(count: number, timeoutMs: number): Promise<Record<TriggerWorkflow, ExecutionSummary>> {
	const newest = {} as Record<TriggerWorkflow, ExecutionSummary>;
	for (const workflowId of WORKFLOWS) {
		const executions = await waitFor(
			`${count} execution(s) of ${workflowId}`,
			async () => {
				const all = await finished(workflowId);
				return all.length >= count ? all : undefined;
			},
			timeoutMs,
		);
		expect(executions).toHaveLength(count);
		newest[workflowId] = executions[0];
	}
	return newest;
}

/** Polls each trigger's platform received, by what identifies a trigger's list request. */
function pollCounts(): Record<TriggerWorkflow, number> {
	const { evalytics, smartschool, oneroster, eduix } = suite.sims;
	return {
		e2eTrigEvalytics: evalytics.requests.filter((request) => request.method === 'GET' && request.path === '/user').length,
		e2eTrigSsAccounts: smartschool.calls('getAllAccountsExtended').length,
		e2eTrigSsAbsences: smartschool.calls('getAbsentsByDate').length,
		e2eTrigOneRoster: oneroster.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/users')).length,
		e2eTrigEduix: eduix.requests.filter((request) => request.path.startsWith('/v1/employees/school')).length,
	};
}

/** What each platform changes between two checks, and the `event id` lines its trigger must emit for it. */
interface Changes {
	expected: Record<TriggerWorkflow, string[]>;
}

function changePlatforms(round: number): Changes {
	const { evalytics, smartschool, oneroster, eduix } = suite.sims;

	const users = [...evalytics.state.users.values()].filter((user) => !user.deleted);
	const [evChanged, evRemoved] = users.slice(round * 2, round * 2 + 2);
	const evAdded = evalytics.state.addUser({
		email: `e2e.trigger.${round}@example.nl`,
		firstName: 'Piet',
		lastName: 'Poller',
		organisation: 100,
		roles: [{ organisation: 100, role: 5 }],
	}).id;
	evalytics.state.updateUser(evChanged.id, { lastName: `${evChanged.lastName}-gewijzigd` });
	evalytics.state.deleteUser(evRemoved.id);

	const refOf = (id: number) => `${smartschool.state.settings.platformId}_${id}_0`;
	const accounts = [...smartschool.state.accounts.values()].filter((account) => account.baseRole === 'leerling');
	const [ssChanged, ssRemoved, ssAbsent] = accounts.slice(round * 3, round * 3 + 3);
	smartschool.state.updateAccount(ssChanged, { email: `nieuw.adres.${round}@school.be` });
	for (const group of smartschool.state.groupsOf(ssRemoved)) smartschool.state.removeMember(group, ssRemoved);
	smartschool.state.accounts.delete(ssRemoved.id);
	smartschool.state.touch();
	const ssAdded = smartschool.state.addAccount({ username: `nieuwe.leerling.${round}`, firstName: 'Nieuwe', lastName: 'Leerling', baseRole: 'leerling' });
	// The day the absences trigger watches ("today" in n8n's time zone): the one it asked for last.
	const today = smartschool.calls('getAbsentsByDate').at(-1)!.parts.date!;
	const life = schoolOf(smartschool.state);
	life.absences.get(ssAbsent.id)?.delete(today);
	life.setAbsence(ssAbsent.id, today, { am: 'Z', pm: 'Z' });

	const rosterUsers = oneroster.state.all('users');
	const orChanged = String(rosterUsers[round * 2 + 3].sourcedId);
	const orDeleted = String(rosterUsers[round * 2 + 4].sourcedId);
	const orNew = `zz-e2e-trigger-${round}`;
	oneroster.state.touch('users', orChanged, { givenName: `Gewijzigd${round}` });
	oneroster.state.touch('users', orDeleted, { status: 'tobedeleted' });
	oneroster.state.insert('users', { ...rosterUsers[0], sourcedId: orNew, dateLastModified: new Date().toISOString() });

	const staff = eduix.state
		.employeesOf(PO_SCHOOL)
		.filter(({ employee }) => employee.status === 'active' && !(employee.organisationRoles ?? []).every((role) => role.endDate && role.endDate <= isoDate(0)));
	const [exChanged, exGone] = staff.slice(round * 2, round * 2 + 2).map(({ employee }) => employeeKey(employee));
	eduix.state.updateEmployee(exChanged, { familyName: `Gewijzigd${round}` });
	eduix.state.removeEmployee(exGone);
	const joined = eduix.state.addEmployee(PO_SCHOOL, {
		userIds: [{ userId: `e2e-teacher-${round}`, userIdType: 'ASI' }],
		givenName: 'Nieuwe',
		familyName: 'Leraar',
		organisationRoles: [{ organisationRole: 'leraar', organisation: { organisationMasterIdentifier: PO_SCHOOL }, beginDate: isoDate(0) }],
		status: 'active',
		dateCreated: '2025-08-01T07:00:00Z',
		dateLastModified: '2025-08-01T07:00:00Z',
	});

	return {
		expected: {
			e2eTrigEvalytics: [`added ${evAdded}`, `changed ${evChanged.id}`, `removed ${evRemoved.id}`].sort(),
			e2eTrigSsAccounts: [`added ${refOf(ssAdded.id)}`, `changed ${refOf(ssChanged.id)}`, `removed ${refOf(ssRemoved.id)}`].sort(),
			e2eTrigSsAbsences: [`added ${today}|${ssAbsent.id}`],
			e2eTrigOneRoster: [`changed ${orChanged}`, `deleted ${orDeleted}`, `new ${orNew}`].sort(),
			e2eTrigEduix: [`changed ${exChanged}`, `joined ${employeeKey(joined.employee)}`, `left ${exGone}`].sort(),
		},
	};
}

beforeAll(async () => {
	suite = await setUpPlatforms(FIXTURES, 'triggers-');
	for (const id of WORKFLOWS) await runN8nOrThrow(suite.install, ['publish:workflow', `--id=${id}`], suite.folder.env);
}, 20 * 60_000);

afterAll(async () => {
	await server?.stop();
	await tearDownSuite(suite);
});

describe(`every trigger active in real n8n, polling once a minute`, () => {
	it('activation polls each trigger once, records its baseline and emits nothing', async () => {
		const before = pollCounts();
		await startServer();
		// n8n 2.8 activates the workflows before it reports ready; newer lines may finish activating just after.
		const unpolled = () => WORKFLOWS.filter((id) => pollCounts()[id] <= before[id]);
		await waitFor('every trigger\'s activation poll', () => (unpolled().length === 0 ? true : undefined), 120_000).catch((error: Error) => {
			throw new Error(`${error.message}; not polled: ${unpolled().join(', ')}\nn8n said:\n${server?.output().slice(-6000)}`);
		});
		for (const id of WORKFLOWS) expect({ id, executions: await finished(id) }).toEqual({ id, executions: [] });
		await stopServer();
	});

	it('after a restart, emits exactly what changed while n8n was down: the state survived in the database', async () => {
		const { expected } = changePlatforms(0);
		await startServer();
		const newest = await newestExecutions(1, 120_000);
		for (const id of WORKFLOWS) expect({ id, events: await emitted(id, newest[id]) }).toEqual({ id, events: expected[id] });
	});

	it('polls on its schedule: the next cron minute emits exactly the next change, and nothing leaks a secret', async () => {
		const { expected } = changePlatforms(1);
		// Within two minutes: the next minute's poll, plus the time n8n takes to start the execution.
		const newest = await newestExecutions(2, 150_000);
		for (const id of WORKFLOWS) expect({ id, events: await emitted(id, newest[id]) }).toEqual({ id, events: expected[id] });

		const output = server!.output();
		for (const secret of [API_KEY, ACCESS_CODE, CLIENT_SECRET]) expect(output).not.toContain(secret);
		await stopServer();
	});
});
