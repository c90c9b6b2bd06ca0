/**
 * Roster Sync inside a real n8n (`node test/e2e/run.js roster-sync`): the nightly Smartschool sync example
 * (workflows/roster-sync-nightly.json = examples/smartschool-nightly-account-sync.json with a Manual Trigger) run
 * night after night against one Smartschool simulator with `n8n execute`:
 * 1. a good CSV creates, updates, reactivates and deactivates exactly whom it should;
 * 2. a truncated CSV fails on the removal guard and changes no account;
 * 3. a header-only CSV fails on the empty-source guard and changes no account;
 * 4. the same truncated CSV with Confirm Removals = its removal count (roster-sync-confirmed.json) goes through;
 * 5. the next night, the same confirmation with a different truncation stops again.
 */
import { nodeOutput } from '../../scripts/n8n-rest';
import { startSmartschoolSimulator, type SmartschoolSimulator } from '../simulators/smartschool';
import type { SmartschoolAccount } from '../simulators/smartschool/types';
import { ACCESS_CODE, SMARTSCHOOL } from './support/smartschool';
import { addFile, executeWorkflow, setUpSuite, tearDownSuite, type CliExecution, type E2eSuite, type PlatformFixture } from './support/suite';

const ROSTER_SYNC: PlatformFixture<SmartschoolSimulator> = {
	workflowPrefix: 'roster-sync-',
	// About 135 students: a truncation of 30 trips the removal guard (limit: the larger of 25 and 5 %).
	start: () => startSmartschoolSimulator({ accounts: 150, seed: 15, accessCode: ACCESS_CODE }),
	credentials: SMARTSCHOOL.credentials,
};

const CONFIRMED = 30;
const NEW_PASSWORD = 'E2e-Welkom-2026!x';
const WRITES_ALLOWED_WHEN_STOPPED = ['getAllAccountsExtended'];

interface Row {
	username: string;
	firstName: string;
	lastName: string;
	role: string;
	internalNumber: string;
	class: string;
	password: string;
}

let suite: E2eSuite<SmartschoolSimulator>;
let students: SmartschoolAccount[];
let good: Row[];

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
function csv(rows: Row[]): string {
	const header = 'username,firstName,lastName,role,internalNumber,class,password';
	return [header, ...rows.map((row) => [row.username, row.firstName, row.lastName, row.role, row.internalNumber, row.class, row.password].map(csvCell).join(','))].join('\n') + '\n';
}

function accountOf(username: string): SmartschoolAccount {
	const account = suite.sim.state.byUsername(username);
	if (!account) throw new Error(`No account ${username}`);
	return account;
}

/** Everything a sync could change, per username. */
function accounts(): Map<string, string> {
	return new Map(
		[...suite.sim.state.accounts.values()].map((account) => [
			account.username,
			JSON.stringify([account.status, account.firstName, account.lastName, account.internalNumber, suite.sim.state.groupsOf(account).map((group) => group.code)]),
		]),
	);
}

function snapshot(): string {
	return JSON.stringify([...accounts()]);
}

/** Usernames whose account is new or differs from `before`. */
function changedSince(before: Map<string, string>): string[] {
	return [...accounts()].filter(([username, state]) => before.get(username) !== state).map(([username]) => username).sort();
}

async function night(workflowId: 'e2eRosterSyncNightly' | 'e2eRosterSyncConfirm', rows: Row[] | 'header-only'): Promise<CliExecution> {
	addFile(suite, 'smartschool-accounts.csv', rows === 'header-only' ? csv([]) : csv(rows));
	suite.sim.clearRequests();
	return await executeWorkflow(suite, workflowId);
}

function expectStoppedByGuard(execution: CliExecution, message: RegExp) {
	expect(execution.code).not.toBe(0);
	expect(execution.run.resultData.lastNodeExecuted).toBe('Roster Sync');
	expect(execution.run.resultData.error?.message).toMatch(message);
	// The guard sent nothing on: no node after Roster Sync ran, and Smartschool was only read.
	for (const node of ['Create account', 'Update account', 'Deactivate who left', 'Put in class', 'Set active']) {
		expect(execution.run.resultData.runData[node]).toBeUndefined();
	}
	expect([...new Set(suite.sim.calls('*').map((call) => call.soapMethod))].filter((method) => !WRITES_ALLOWED_WHEN_STOPPED.includes(method!))).toEqual([]);
}

beforeAll(async () => {
	suite = await setUpSuite(ROSTER_SYNC);
	const studentGroups = new Set(suite.sim.state.subtree(suite.sim.state.byCode('leerlingen')!).map((group) => group.id));
	students = [...suite.sim.state.accounts.values()]
		.filter((account) => account.status === 'actief' && suite.sim.state.groupsOf(account).some((group) => studentGroups.has(group.id)))
		.sort((a, b) => a.id - b.id);
	const row = (account: SmartschoolAccount): Row => ({
		username: account.username,
		firstName: account.firstName,
		lastName: account.lastName,
		role: 'leerling',
		internalNumber: account.internalNumber,
		class: suite.sim.state.officialClassOf(account)?.code ?? '',
		password: NEW_PASSWORD,
	});
	// Night 1's CSV: two students left (0, 1), one changed name (2), one came back (3: inactive on the platform),
	// two are new.
	good = students.slice(2).map(row);
	good[0] = { ...good[0], lastName: `${good[0].lastName}-Nieuw` };
	const classCode = good.find((entry) => entry.class)!.class;
	good.push(
		{ username: 'e2e.nieuw.een', firstName: 'Nieuw', lastName: 'Een', role: 'leerling', internalNumber: 'E2E-901', class: classCode, password: NEW_PASSWORD },
		{ username: 'e2e.nieuw.twee', firstName: 'Nieuw', lastName: 'Twee', role: 'leerling', internalNumber: 'E2E-902', class: classCode, password: NEW_PASSWORD },
	);
	suite.sim.state.updateAccount(students[3], { status: 'uitgeschakeld' });
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

describe('n8n execute: the nightly Smartschool sync on Roster Sync', () => {
	it('has enough students for the guard to matter', () => {
		expect(students.length).toBeGreaterThan(100);
	});

	it('night 1, a good CSV: creates, updates, reactivates and deactivates exactly whom it should', async () => {
		const before = accounts();
		const execution = await night('e2eRosterSyncNightly', good);
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		expect(execution.output).not.toContain(ACCESS_CODE);
		// The CSV rows carry passwords (n8n prints every node's data); Roster Sync's diffs and report never do.
		const sync = execution.run.resultData.runData['Roster Sync'][0].data?.main ?? [];
		const updates = (sync[1] ?? []).map((item) => item.json.changes);
		expect(updates.length).toBeGreaterThan(0);
		expect(JSON.stringify([updates, sync[4]])).not.toContain(NEW_PASSWORD);

		expect(nodeOutput(execution.run, 'Create account').map((item) => item.username)).toEqual(['e2e.nieuw.een', 'e2e.nieuw.twee']);
		expect(accountOf('e2e.nieuw.een')).toMatchObject({ status: 'actief', firstName: 'Nieuw', lastName: 'Een', internalNumber: 'E2E-901' });
		expect(suite.sim.state.officialClassOf(accountOf('e2e.nieuw.twee'))?.code).toBe(good.at(-1)!.class);

		expect(accountOf(students[2].username).lastName).toBe(good[0].lastName);
		expect(accountOf(students[3].username).status).toBe('actief');
		expect(accountOf(students[0].username).status).toBe('uitgeschakeld');
		expect(accountOf(students[1].username).status).toBe('uitgeschakeld');
		expect(suite.sim.calls('setAccountStatus').map((call) => call.parts.userIdentifier).sort()).toEqual(
			[students[0].username, students[1].username, students[3].username].sort(),
		);
		// Everyone else is untouched.
		expect(changedSince(before)).toEqual(
			['e2e.nieuw.een', 'e2e.nieuw.twee', students[0].username, students[1].username, students[2].username, students[3].username].sort(),
		);
	});

	it(`night 2, a truncated CSV (${CONFIRMED} students cut off): fails on the guard, no account changed`, async () => {
		const before = snapshot();
		const execution = await night('e2eRosterSyncNightly', good.slice(0, good.length - CONFIRMED));
		expectStoppedByGuard(execution, new RegExp(`${CONFIRMED} removals of \\d+ managed accounts`));
		expect(snapshot()).toBe(before);
	});

	it('night 3, a header-only CSV: fails on the empty-source guard, no account changed', async () => {
		const before = snapshot();
		const execution = await night('e2eRosterSyncNightly', 'header-only');
		expectStoppedByGuard(execution, /the Source input is empty/);
		expect(snapshot()).toBe(before);
	});

	it(`night 4, the truncated CSV again with Confirm Removals = ${CONFIRMED}: goes through`, async () => {
		const before = accounts();
		const execution = await night('e2eRosterSyncConfirm', good.slice(0, good.length - CONFIRMED));
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		const cut = good.slice(good.length - CONFIRMED).map((row) => row.username);
		expect(nodeOutput(execution.run, 'Deactivate who left').map((item) => item.userIdentifier).sort()).toEqual([...cut].sort());
		for (const username of cut) expect(accountOf(username).status).toBe('uitgeschakeld');
		expect(changedSince(before)).toEqual([...cut].sort());
	});

	it('night 5, the same confirmation with a different truncation: stops again, no account changed', async () => {
		const before = snapshot();
		const execution = await night('e2eRosterSyncConfirm', good.slice(CONFIRMED + 1));
		expectStoppedByGuard(execution, new RegExp(`${CONFIRMED + 1} removals of \\d+ managed accounts`));
		expect(execution.run.resultData.error?.description).toContain(`Confirm Removals is ${CONFIRMED}, but this run would make ${CONFIRMED + 1} removals`);
		expect(snapshot()).toBe(before);
	});
});
