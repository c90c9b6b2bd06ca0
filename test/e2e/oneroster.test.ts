/**
 * The OneRoster node inside a real n8n (each line of test/e2e/n8n-lines) (`npm run test:e2e`): one `n8n execute` of
 * workflows/oneroster-students.json lists a school's students with a filter (over a silent page cap), reads
 * the first with demographics and lists their classes.
 */
import { nodeOutput } from '../../scripts/n8n-rest';
import { CLIENT_SECRET, setUpOneRosterSuite, type OneRosterSuite } from './support/oneroster';
import { executeWorkflow, tearDownSuite } from './support/suite';

let suite: OneRosterSuite;

beforeAll(async () => {
	suite = await setUpOneRosterSuite();
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

describe('n8n execute: students of a school → one with demographics → their classes', () => {
	let execution: Awaited<ReturnType<typeof executeWorkflow>>;
	const output = (node: string) => nodeOutput(execution.run, node);

	beforeAll(async () => {
		execution = await executeWorkflow(suite, 'e2eOneRosterStudents');
	});

	it('runs every node without an error and never prints the client secret', () => {
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		expect(execution.run.resultData.lastNodeExecuted).toBe('Their classes');
		expect(execution.output).not.toContain(CLIENT_SECRET);
	});

	it('lists exactly the filtered students of the school, sorted, across capped pages', () => {
		const { state } = suite.sim;
		const expected = state
			.all('users')
			.filter((user) => (user.roles as Array<{ role: string }>).some((role) => role.role === 'student'))
			.filter((user) => (user.primaryOrg as { sourcedId: string }).sourcedId === 'school-0001')
			.filter((user) => user.status === 'active' && String(user.familyName).toLowerCase().includes('e'))
			.sort((a, b) => String(a.familyName).localeCompare(String(b.familyName)) || String(a.sourcedId).localeCompare(String(b.sourcedId)));
		expect(expected.length).toBeGreaterThan(4);
		expect(output('Students of the school').map((user) => user.sourcedId)).toEqual(expected.map((user) => user.sourcedId));
		const pages = suite.sim.requests.filter((request) => request.path.endsWith('/schools/school-0001/students'));
		expect(pages.length).toBeGreaterThan(1);
		expect(pages[0].query.filter).toEqual(["status='active' AND familyName~'e'"]);
	});

	it('reads the first student with demographics merged in, and lists their classes', () => {
		const [student] = output('Students of the school');
		const [withDemographics] = output('First with demographics');
		expect(withDemographics).toMatchObject({ sourcedId: student.sourcedId, demographics: { sourcedId: student.sourcedId } });
		const classes = output('Their classes').map((klass) => klass.sourcedId);
		expect(classes).toEqual(suite.sim.state.classesOfUser(String(student.sourcedId)).map((klass) => klass.sourcedId));
		expect(classes.length).toBeGreaterThan(0);
	});
});
