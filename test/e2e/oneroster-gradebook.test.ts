/**
 * OneRoster gradebook and 1.1 inside a real n8n (each line of test/e2e/n8n-lines): workflows/oneroster-gradebook.json reads a class's line
 * items, writes results for three students (PUT) and reads them back; workflows/oneroster-v1p1.json lists users
 * over OneRoster 1.1 with OAuth 1.0a signed requests (HMAC-SHA1, as ClassLink signs).
 */
import { nodeOutput } from '../../scripts/n8n-rest';
import { CLIENT_SECRET, CONSUMER_SECRET, setUpOneRosterSuite, type OneRosterSuite } from './support/oneroster';
import { executeWorkflow, tearDownSuite } from './support/suite';

const CLASS = 'school-0001-course-1-class-1';
let suite: OneRosterSuite;

beforeAll(async () => {
	suite = await setUpOneRosterSuite();
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

describe('n8n execute: line items of a class → results for three students → read back', () => {
	let execution: Awaited<ReturnType<typeof executeWorkflow>>;
	const output = (node: string) => nodeOutput(execution.run, node);

	beforeAll(async () => {
		execution = await executeWorkflow(suite, 'e2eOneRosterGradebook');
	});

	it('runs every node without an error and never prints the client secret', () => {
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		expect(execution.run.resultData.lastNodeExecuted).toBe('Read back');
		expect(execution.output).not.toContain(CLIENT_SECRET);
	});

	it('wrote one result per student from named fields with PUT under the chosen sourcedId, and read exactly those back', () => {
		const [lineItem] = output('Line items of the class');
		expect(lineItem.sourcedId).toBe(`lineitem-${CLASS}-1`);
		const students = output('Three students').map((student) => String(student.sourcedId));
		expect(students).toHaveLength(3);
		const puts = suite.sim.requests.filter((request) => request.method === 'PUT');
		expect(puts.map((request) => request.path).sort()).toEqual(students.map((id) => `/ims/oneroster/gradebook/v1p2/results/e2e-${id}`).sort());
		const back = output('Read back');
		expect(back.map((result) => (result.student as { sourcedId: string }).sourcedId).sort()).toEqual([...students].sort());
		expect(back.map((result) => result.score).sort()).toEqual([6, 7, 8]);
		expect(back.every((result) => result.scoreStatus === 'fully graded' && (result.lineItem as { sourcedId: string }).sourcedId === lineItem.sourcedId)).toBe(true);
		// Written from named fields: the picker's date without its time, the comment from Additional Fields.
		expect(back.map((result) => [result.scoreDate, result.comment])).toEqual([['2026-10-01', 'e2e'], ['2026-10-01', 'e2e'], ['2026-10-01', 'e2e']]);
	});
});

describe('n8n execute: users over OneRoster 1.1 with OAuth 1.0a', () => {
	let execution: Awaited<ReturnType<typeof executeWorkflow>>;

	beforeAll(async () => {
		execution = await executeWorkflow(suite, 'e2eOneRosterV1p1');
	});

	it('lists every active user in the 1.1 shape from signed requests, and never prints the consumer secret', () => {
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		const users = nodeOutput(execution.run, 'Users over 1.1');
		expect(users).toHaveLength(suite.sim.state.all('users').filter((user) => user.status === 'active').length);
		expect(users[0]).toEqual(expect.objectContaining({ role: expect.any(String), orgs: expect.any(Array) }));
		const pages = suite.sim.requests.filter((request) => request.path === '/ims/oneroster/v1p1/users');
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.every((request) => /^OAuth .*oauth_signature_method="HMAC-SHA1"/.test(String(request.headers.authorization)))).toBe(true);
		expect(execution.output).not.toContain(CONSUMER_SECRET);
	});
});
