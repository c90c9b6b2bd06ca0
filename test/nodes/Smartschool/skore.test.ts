import { createHash } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow } from '../../harness';
import { schoolOf, type SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, CREDENTIAL_TYPE, credentialsFor, NODE_NAME, NODE_TYPE, runSmartschool, soapCalls, startSimulator } from './setup';

/** The key the node files the last start under in the workflow's global static data. */
const platformKey = (url: string) => createHash('sha256').update(new URL(url).origin).digest('base64url').slice(0, 16);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Smartschool › Skore', () => {
	const sims: SmartschoolSimulator[] = [];
	/** Each platform its own simulator: the 15-minute memory is per platform URL, in this process. */
	const fresh = async () => {
		const sim = await startSimulator({ seed: 51 });
		sims.push(sim);
		return sim;
	};
	afterAll(async () => await Promise.all(sims.map((sim) => sim.close())));

	const runWith = async (sim: SmartschoolSimulator, parameters: INodeParameters, staticData?: IDataObject) => {
		const workflow = singleNodeWorkflow({
			type: NODE_TYPE,
			nodeName: NODE_NAME,
			parameters: { resource: 'skore', ...parameters },
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Smartschool test' } },
			continueOnFail: true,
		});
		workflow.staticData = staticData;
		return await runWorkflow({ workflow, credentials: credentialsFor(sim) });
	};

	it('Start Sync returns the job\'s service ID, and refuses a second start within 15 minutes without sending it', async () => {
		const sim = await fresh();
		const first = await runSmartschool(sim, { resource: 'skore', operation: 'startSync' });
		expect(soapCalls(sim, 'startSkoreSync').map((call) => call.parts)).toEqual([{ accesscode: ACCESS_CODE }]);
		const [started] = first.json(NODE_NAME);
		expect(started.serviceId).toMatch(UUID);
		expect(schoolOf(sim.state).skoreJobs.has(String(started.serviceId))).toBe(true);
		expect(Date.parse(String(started.nextAllowedAt)) - Date.parse(String(started.startedAt))).toBe(15 * 60_000);

		const second = await runWith(sim, { operation: 'startSync' });
		expect(second.json(NODE_NAME)[0].error).toMatch(/Skore sync may run again at \d{4}-\d\d-\d\dT.*\(in 1[45] minutes\)/);
		expect(soapCalls(sim, 'startSkoreSync')).toHaveLength(1);
	});

	it('also remembers the last start in the workflow\'s static data (e.g. after a restart)', async () => {
		const sim = await fresh();
		const at = (minutesAgo: number) => ({ global: { smartschoolSkoreSyncStarts: { [platformKey(sim.url)]: new Date(Date.now() - minutesAgo * 60_000).toISOString() } } });
		const refused = await runWith(sim, { operation: 'startSync' }, at(5));
		expect(refused.json(NODE_NAME)[0].error).toMatch(/may run again .*\(in 10 minutes\)/);
		expect(soapCalls(sim, 'startSkoreSync')).toHaveLength(0);

		// Second precision (ISO string without a clock race): the start is stamped between the call and its answer.
		const before = Math.floor(Date.now() / 1000) * 1000;
		const allowed = await runWith(sim, { operation: 'startSync' }, at(16));
		const after = Date.now();
		expect(allowed.json(NODE_NAME)[0].serviceId).toMatch(UUID);
		const stored = (allowed.staticData.global as IDataObject).smartschoolSkoreSyncStarts as IDataObject;
		const storedAt = Date.parse(String(stored[platformKey(sim.url)]));
		expect(storedAt).toBeGreaterThanOrEqual(before);
		expect(storedAt).toBeLessThanOrEqual(after);
		expect(JSON.stringify(allowed.staticData)).not.toContain(sim.url);
	});

	it('reads the service ID whether startSkoreSync answers an object or a bare JSON string', async () => {
		const sim = await fresh();
		schoolOf(sim.state).setReadings({ skoreSyncAnswer: 'string' });
		const result = await runSmartschool(sim, { resource: 'skore', operation: 'startSync' });
		expect(result.json(NODE_NAME)[0].serviceId).toBe([...schoolOf(sim.state).skoreJobs.keys()][0]);
	});

	it('Check Status follows a job from busy to done; an unknown ID has no status', async () => {
		const sim = await fresh();
		const serviceId = schoolOf(sim.state).startSkoreJob().serviceId;
		schoolOf(sim.state).skoreJobs.get(serviceId)!.status = 'busy';
		const check = async (id: string) => (await runSmartschool(sim, { resource: 'skore', operation: 'checkStatus', serviceId: id })).json(NODE_NAME)[0];
		expect(await check(serviceId)).toEqual({ serviceId, status: 'busy', meaning: 'the sync is running', done: false });
		expect(await check(serviceId)).toMatchObject({ status: 'done', done: true });
		expect(await check('00000000-0000-4000-a000-000000000000')).toMatchObject({ status: 'no_status', done: false });
		expect(soapCalls(sim, 'checkStatus')[0].parts).toEqual({ accesscode: ACCESS_CODE, serviceId });
	});

	it.each(['base64', 'plain'] as const)('Get Class-Teacher-Course Links decodes the XML (%s) into one item per link', async (encoding) => {
		const sim = await fresh();
		schoolOf(sim.state).setReadings({ skoreRelationEncoding: encoding });
		const result = await runSmartschool(sim, { resource: 'skore', operation: 'getClassTeacherCourseRelation' });
		expect(soapCalls(sim, 'getSkoreClassTeacherCourseRelation')).toHaveLength(1);
		const items = result.json(NODE_NAME);
		const course = schoolOf(sim.state).courses[0];
		const link = items.find((item) => item.class === course.groups[0] && item.course === course.name)!;
		const members = [...sim.state.byCode(course.groups[0])!.members].map((id) => sim.state.accounts.get(id)!.username);
		expect(link.teacher).toMatchObject({ username: sim.state.accounts.get(course.teacher!)!.username });
		expect((link.students as IDataObject[]).map((student) => student.username).sort()).toEqual(members.sort());
	});

	it.each([10, 23])('a start made elsewhere within 15 minutes: the platform\'s refusal (reading %i) says why', async (tooSoon) => {
		const sim = await fresh();
		const life = schoolOf(sim.state);
		life.setReadings({ skoreTooSoonCode: tooSoon });
		life.lastSkoreSync = life.now() - 60_000;
		const result = await runSmartschool(sim, { resource: 'skore', operation: 'startSync' });
		expect(soapCalls(sim, 'startSkoreSync').map((call) => call.parts)).toEqual([{ accesscode: ACCESS_CODE }]);
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(new RegExp(`startSkoreSync: .*\\(code ${tooSoon}\\)$`));
		expect(error.description).toMatch(/started elsewhere in the last 15 minutes/);
	});

	it('explains code 50 when the Skore module is off', async () => {
		const sim = await fresh();
		schoolOf(sim.state).setReadings({ skoreEnabled: false });
		for (const parameters of [{ operation: 'getClassTeacherCourseRelation' }, { operation: 'startSync' }, { operation: 'checkStatus', serviceId: 'x' }]) {
			const result = await runWith(sim, parameters);
			expect(result.json(NODE_NAME)[0].error).toBe(`Smartschool refused ${soapCalls(sim).at(-1)!.soapMethod}: the Skore module is not active (code 50)`);
		}
	});
});
