/**
 * The Evalytics node and trigger inside a real n8n (each line of test/e2e/n8n-lines) (`npm run test:e2e`): installed from `npm pack`
 * like a community package, driven by n8n's own CLI and server against the Evalytics simulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, REPO_ROOT, runN8nOrThrow, startN8n, type N8nServer } from '../../scripts/n8n';
import { N8nRestClient, nodeOutput, type ExecutionSummary } from '../../scripts/n8n-rest';
import { loadInsideN8n, n8nWorkflowDir, verifyInstalledPackage } from '../../scripts/package-install';
import { API_KEY, SCHEDULE_API_KEY, setUpEvalyticsSuite, type EvalyticsSuite } from './support/evalytics';
import { executeWorkflow, tearDownSuite, waitFor } from './support/suite';

let suite: EvalyticsSuite;

beforeAll(async () => {
	suite = await setUpEvalyticsSuite();
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

describe('the package installed the way n8n installs a community package', () => {
	it('holds every file of its n8n block, with codex and icons', async () => {
		expect(suite.pkg.entryFiles.length).toBeGreaterThan(0);
		expect(await verifyInstalledPackage(suite.install, suite.pkg)).toEqual([]);
	});

	it("loads n8n's own n8n-workflow through n8n's NODE_PATH, never a second copy", async () => {
		const report = await loadInsideN8n(suite.install, suite.pkg);
		const own = n8nWorkflowDir(suite.install);
		expect(report.errors).toEqual([]);
		expect(report.workflowFromPackage.startsWith(`${own}/`)).toBe(true);
		expect(report.workflowCopies).toHaveLength(1);
		// Every node and credential of the package.json n8n block, by its name (file stem, first letter lower-case).
		const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		const expected = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => {
			const stem = file.split('/').pop()!.split('.')[0];
			return stem.charAt(0).toLowerCase() + stem.slice(1);
		});
		expect(report.loaded.map((entry) => entry.name).sort()).toEqual(expected.sort());
	});
});

describe('n8n execute', () => {
	it('creates, gets, finds, blocks, unblocks, deletes and restores a user', async () => {
		const { code, run, output } = await executeWorkflow(suite, 'e2eCrud');
		expect({ code, error: run.resultData.error }).toEqual({ code: 0, error: undefined });
		expect(output).not.toContain(API_KEY);

		const [created] = nodeOutput(run, 'Create user');
		expect(created).toMatchObject({
			email: 'e2e.new.user@example.nl',
			firstName: 'Eva',
			prefix: 'van',
			lastName: 'Testdata',
			externalId: 'E2E-0001',
		});
		const id = created.id as number;
		expect(typeof id).toBe('number');
		expect(nodeOutput(run, 'Get user')).toEqual([expect.objectContaining({ id, email: 'e2e.new.user@example.nl' })]);
		expect(nodeOutput(run, 'Find by e-mail').map((user) => user.id)).toEqual([id]);
		expect(nodeOutput(run, 'Block')).toEqual([{ id, blocked: true }]);
		expect(nodeOutput(run, 'Unblock')).toEqual([{ id, blocked: false }]);
		expect(nodeOutput(run, 'Delete')).toEqual([{ id, deleted: true }]);
		expect(nodeOutput(run, 'Restore')).toEqual([{ id, deleted: false }]);

		expect(suite.sim.state.users.get(id)).toMatchObject({
			email: 'e2e.new.user@example.nl',
			externalId: 'E2E-0001',
			blocked: false,
			deleted: false,
			roleSpecs: [expect.objectContaining({ organisation: 100, role: 5 })],
		});
		expect(suite.sim.count('POST', '/user')).toBe(1);
		expect(suite.sim.count('POST', `/user/${id}/block`)).toBe(2);
		expect(suite.sim.count('DELETE', `/user/${id}`)).toBe(2);
	});

	it("stops on a duplicate e-mail with the platform's own message in the execution result", async () => {
		const { code, run, output } = await executeWorkflow(suite, 'e2eDuplicate');
		expect(code).toBe(1);
		expect(nodeOutput(run, 'Create user')).toEqual([expect.objectContaining({ email: 'e2e.twice@example.nl' })]);
		expect(run.resultData.lastNodeExecuted).toBe('Create the same user again');
		const error = run.resultData.error;
		expect(`${error?.message} ${error?.description}`).toContain('A user with this e-mail address already exists');
		expect(output).not.toContain(API_KEY);
		expect([...suite.sim.state.users.values()].filter((user) => user.email === 'e2e.twice@example.nl')).toHaveLength(1);
	});
});

describe('n8n start with an active Schedule Trigger workflow', () => {
	// The Evalytics Trigger, active in n8n, is tested with the other triggers in triggers.test.ts.
	let server: N8nServer | undefined;
	let rest: N8nRestClient;
	/** GET /user calls made with the scheduled workflow's own key. */
	const listCalls = (key: string) =>
		suite.sim.requests.filter((request) => request.method === 'GET' && request.path === '/user' && request.headers['api-key'] === key).length;
	const finished = async (workflowId: string): Promise<ExecutionSummary[]> =>
		(await rest.listExecutions(workflowId)).filter((execution) => execution.status !== 'running' && execution.status !== 'new');

	beforeAll(async () => {
		await runN8nOrThrow(suite.install, ['publish:workflow', '--id=e2eSchedule'], suite.folder.env);
		server = await startN8n(suite.install, suite.folder.env, { port: await freePort() });
		await server.ready();
		rest = new N8nRestClient(server.url, suite.install);
		await rest.setupOwner({ email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: 'E2e-password-1' });
	}, 5 * 60_000);

	afterAll(async () => {
		await server?.stop();
	});

	it('runs the scheduled Get Many again and again, and n8n stops cleanly', async () => {
		const runs = await waitFor('two scheduled executions', async () => {
			const executions = await finished('e2eSchedule');
			return executions.length >= 2 ? executions : undefined;
		});
		expect(runs.every((execution) => execution.status === 'success' && execution.mode === 'trigger')).toBe(true);
		const listed = nodeOutput((await rest.getExecution(runs[0].id)).data, 'List users');
		expect(listed).toHaveLength(5);
		expect(listed.every((user) => typeof user.id === 'number' && typeof user.email === 'string')).toBe(true);
		expect(listCalls(SCHEDULE_API_KEY)).toBeGreaterThanOrEqual(2);
		expect(server!.output()).not.toContain(SCHEDULE_API_KEY);

		const code = await server!.stop();
		server = undefined;
		expect(code).toBe(0);
	});
});
