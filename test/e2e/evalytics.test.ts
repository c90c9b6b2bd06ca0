/**
 * The Evalytics node and trigger inside a real n8n 2.8.4 (`npm run test:e2e`): installed from `npm pack`
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

describe('n8n start with an active Schedule Trigger workflow and an active Evalytics Trigger', () => {
	let server: N8nServer | undefined;
	let rest: N8nRestClient;
	/** GET /user calls made with a given key: the trigger and the scheduled workflow use different keys. */
	const listCalls = (key: string) =>
		suite.sim.requests.filter((request) => request.method === 'GET' && request.path === '/user' && request.headers['api-key'] === key).length;
	const finished = async (workflowId: string): Promise<ExecutionSummary[]> =>
		(await rest.listExecutions(workflowId)).filter((execution) => execution.status !== 'running' && execution.status !== 'new');
	const triggerItems = async (execution: ExecutionSummary) =>
		nodeOutput((await rest.getExecution(execution.id)).data, 'Evalytics Trigger').map(({ event, id }) => ({ event, id }));
	let added: number;
	/** Calls with the trigger's key before n8n started (the CRUD workflow's Get Many). */
	let earlierCalls: number;

	beforeAll(async () => {
		for (const id of ['e2eSchedule', 'e2eTrigger']) {
			await runN8nOrThrow(suite.install, ['publish:workflow', `--id=${id}`], suite.folder.env);
		}
		earlierCalls = listCalls(API_KEY);
		server = await startN8n(suite.install, suite.folder.env, { port: await freePort() });
		await server.ready();
		rest = new N8nRestClient(server.url, suite.install);
		await rest.setupOwner({ email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: 'E2e-password-1' });
	}, 5 * 60_000);

	afterAll(async () => {
		await server?.stop();
	});

	it('runs the scheduled Get Many again and again', async () => {
		const runs = await waitFor('two scheduled executions', async () => {
			const executions = await finished('e2eSchedule');
			return executions.length >= 2 ? executions : undefined;
		});
		expect(runs.every((execution) => execution.status === 'success' && execution.mode === 'trigger')).toBe(true);
		const listed = nodeOutput((await rest.getExecution(runs[0].id)).data, 'List users');
		expect(listed).toHaveLength(5);
		expect(listed.every((user) => typeof user.id === 'number' && typeof user.email === 'string')).toBe(true);
		expect(listCalls(SCHEDULE_API_KEY)).toBeGreaterThanOrEqual(2);
	});

	it('emits nothing for the baseline, then exactly the users added, changed and removed between polls', async () => {
		// n8n reports ready only after activation, whose poll records the baseline; waiting for one cron
		// poll more also shows the schedule works and emits nothing while nothing changes.
		await waitFor('the baseline poll and one more', () => (listCalls(API_KEY) >= earlierCalls + 2 ? true : undefined));
		expect(await finished('e2eTrigger')).toEqual([]);

		const users = [...suite.sim.state.users.values()].filter((user) => !user.deleted);
		const [changed, removed] = users;
		added = suite.sim.state.addUser({
			email: 'e2e.polled@example.nl',
			firstName: 'Piet',
			lastName: 'Poller',
			organisation: 100,
			roles: [{ organisation: 100, role: 5 }],
		}).id;
		suite.sim.state.updateUser(changed.id, { lastName: `${changed.lastName}-gewijzigd` });
		suite.sim.state.deleteUser(removed.id);

		const [execution] = await waitFor('the trigger execution', async () => {
			const executions = await finished('e2eTrigger');
			return executions.length ? executions : undefined;
		});
		expect(execution.status).toBe('success');
		const byEvent = (a: { event: unknown }, b: { event: unknown }) => String(a.event).localeCompare(String(b.event));
		expect((await triggerItems(execution)).sort(byEvent)).toEqual([
			{ event: 'added', id: added },
			{ event: 'changed', id: changed.id },
			{ event: 'removed', id: removed.id },
		]);
	});

	it('emits only the next change, nothing when nothing changed, and n8n stops cleanly', async () => {
		suite.sim.state.updateUser(added, { firstName: 'Pieter' });
		const executions = await waitFor('the second trigger execution', async () => {
			const all = await finished('e2eTrigger');
			return all.length >= 2 ? all : undefined;
		});
		expect(await triggerItems(executions[0])).toEqual([{ event: 'changed', id: added }]);

		// Two more polls without changes must not add an execution.
		const polls = listCalls(API_KEY);
		await waitFor('two more polls', () => (listCalls(API_KEY) >= polls + 2 ? true : undefined));
		expect(await finished('e2eTrigger')).toHaveLength(2);

		const code = await server!.stop();
		server = undefined;
		expect(code).toBe(0);
	});
});
