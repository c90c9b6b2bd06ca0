/**
 * "Message parents when a student is marked absent" inside a real n8n (each line of test/e2e/n8n-lines): one `n8n execute` of
 * workflows/smartschool-absences.json reads yesterday's absences of class 2B (in n8n's time zone) with the
 * students' identifiers and sends each absent student's co-account 1 a message (sendMsg coaccount=1).
 */
import { nodeOutput } from '../../scripts/n8n-rest';
import { recentSchoolDays, schoolOf } from '../simulators/smartschool';
import { ACCESS_CODE, setUpSmartschoolSuite, type SmartschoolSuite } from './support/smartschool';
import { executeWorkflow, tearDownSuite } from './support/suite';

const CLASS = '2B';
let suite: SmartschoolSuite;

beforeAll(async () => {
	suite = await setUpSmartschoolSuite();
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

describe('n8n execute: message parents when a student is marked absent', () => {
	let execution: Awaited<ReturnType<typeof executeWorkflow>>;
	const output = (node: string) => nodeOutput(execution.run, node);
	const students = { sick: 0, late: 0, away: 0 };

	beforeAll(async () => {
		const { state } = suite.sim;
		const life = schoolOf(state);
		const target = state.byCode(CLASS)!;
		// Three students with a parent in co-account 1 move into 2B; 2B's registrations are replaced by ours.
		const chosen = [...state.accounts.values()].filter((account) => account.baseRole === 'leerling' && account.coAccounts[0] !== null).slice(0, 3);
		for (const account of chosen) {
			for (const group of state.groupsOf(account)) if (group.isOfficial) state.removeMember(group, account);
			state.addMember(target, account);
		}
		for (const id of target.members) life.absences.delete(id);
		[students.sick, students.late, students.away] = chosen.map((account) => account.id);
		// "Yesterday" is n8n's, in its own time zone: every recent date gets the same registrations.
		for (const date of recentSchoolDays(3).concat(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10))) {
			life.setAbsence(students.sick, date, { am: 'Z', pm: 'Z' });
			life.setAbsence(students.late, date, { am: 'L', pm: '|' });
			life.setAbsence(students.away, date, { am: '|', pm: '-' });
		}
		execution = await executeWorkflow(suite, 'e2eSmartschoolAbsences');
	});

	it('runs without an error and never prints the access code', () => {
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		expect(execution.run.resultData.lastNodeExecuted).toBe('Message the parent');
		expect(execution.output).not.toContain(ACCESS_CODE);
	});

	it('reads yesterday\'s absences of the class, absent students only, with their identifiers', () => {
		const [call] = suite.sim.calls('getAbsentsByDateAndGroup');
		expect(call.parts).toMatchObject({ code: CLASS, date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
		const yesterday = call.parts.date!;
		const { state } = suite.sim;
		const absences = output("Yesterday's absences of the class");
		expect(absences.map((item) => item.userIdentifier).sort()).toEqual(
			[students.sick, students.away].map((id) => state.accounts.get(id)!.username).sort(),
		);
		expect(absences.find((item) => item.student === String(students.sick))).toMatchObject({ date: yesterday, am: 'Z', amMeaning: 'sick', absent: true });
	});

	it('sends each absent student\'s co-account 1 a message, and nobody else', () => {
		const { state } = suite.sim;
		const yesterday = suite.sim.calls('getAbsentsByDateAndGroup')[0].parts.date!;
		const sent = suite.sim.calls('sendMsg').map((call) => call.parts);
		expect(sent.map((parts) => parts.coaccount)).toEqual(['1', '1']);
		expect(state.messages.map((message) => [message.to, message.coaccount]).sort()).toEqual([
			[students.sick, 1],
			[students.away, 1],
		].sort());
		const sick = state.accounts.get(students.sick)!;
		const message = state.messages.find((entry) => entry.to === students.sick)!;
		expect(message.title).toBe(`Afwezigheid ${sick.firstName} op ${yesterday}`);
		expect(message.body).toContain('voormiddag Z (sick)');
		expect(output('Message the parent')).toEqual([
			expect.objectContaining({ success: true, coaccount: 1 }),
			expect.objectContaining({ success: true, coaccount: 1 }),
		]);
	});
});
