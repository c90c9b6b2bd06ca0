import type { INodeParameters } from 'n8n-workflow';

import { leaksSecret } from '../../harness';
import { soapMethod, type SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › Advanced › Call Any Method', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 61 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
	});

	const call = async (method: string, parts: Record<string, string>, continueOnFail = false) =>
		await runSmartschool(
			sim,
			{ resource: 'advanced', operation: 'callMethod', method, parts: { part: Object.entries(parts).map(([name, value]) => ({ name, value })) } } as INodeParameters,
			{ continueOnFail },
		);

	it('calls a read with its parts and decodes the answer with the table\'s codec (JSON → one item per row)', async () => {
		const student = [...sim.state.accounts.values()].find((account) => account.baseRole === 'leerling')!;
		const result = await call('getUserDetails', { userIdentifier: student.username });
		expect(soapCalls(sim, 'getUserDetails')[0].parts).toEqual({ accesscode: ACCESS_CODE, userIdentifier: student.username });
		expect(result.json(NODE_NAME)).toEqual([expect.objectContaining({ gebruikersnaam: student.username, basisrol: 'leerling' })]);

		const courses = await call('getCourses', {});
		expect(courses.json(NODE_NAME).length).toBeGreaterThan(1);
		const text = await call('getReferenceField', {});
		expect(text.json(NODE_NAME)).toEqual([{ method: 'getReferenceField', result: 'username' }]);
	});

	it('retries a read on 503 but never a write', async () => {
		sim.faults.add({ match: soapMethod('getCourses'), fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
		await call('getCourses', {});
		expect(soapCalls(sim, 'getCourses')).toHaveLength(2);

		sim.faults.add({ match: soapMethod('addCourse'), fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
		const write = await call('addCourse', { coursename: 'Muziek', coursedesc: 'Muziek 1' }, true);
		expect(write.json(NODE_NAME)[0].error).toBeDefined();
		expect(soapCalls(sim, 'addCourse')).toHaveLength(1);
	});

	it('refuses a part the method does not have before sending, and keeps password parts secret', async () => {
		const wrong = await call('getCourses', { code: '1A' }, true);
		expect(wrong.json(NODE_NAME)[0].error).toBe('Parts: "code" is not a part of getCourses');
		expect(soapCalls(sim, 'getCourses')).toHaveLength(0);

		const student = [...sim.state.accounts.values()].find((account) => account.baseRole === 'leerling')!;
		const secret = 'Geheim-Wachtwoord-42!';
		const result = await call('savePassword', { userIdentifier: student.username, password: secret, accountType: '0' });
		expect(result.json(NODE_NAME)).toEqual([{ method: 'savePassword', result: 0 }]);
		expect(leaksSecret([result.logs, result.run], secret)).toBe(false);
		expect(leaksSecret([result.logs, result.run], ACCESS_CODE)).toBe(false);
	});
});
