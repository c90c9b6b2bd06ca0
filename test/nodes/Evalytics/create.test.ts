import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

describe('Evalytics › User › Create', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const base = {
		operation: 'create',
		email: 'nieuwe.docent@hogeschool-demo.nl',
		firstName: 'Nieuwe',
		lastName: 'Collega',
		roles: { role: [{ organisation: 101, role: 5, propagate: false }] },
	};

	it('creates a user with the documented body and returns the created user', async () => {
		const result = await runEvalytics(sim, {
			...base,
			additionalFields: { prefix: 'van', externalId: 'EMP-NEW-1', noSurf: true, title: 'Dhr.' },
			additionalPermissionGroups: { group: [{ organisation: 101, additionalPermissionGroup: 2, isTeacher: false }] },
		});
		expect(result.status).toBe('success');
		const [request] = requestsTo(sim, 'POST', '/user');
		expect(request.body).toEqual({
			email: 'nieuwe.docent@hogeschool-demo.nl',
			firstName: 'Nieuwe',
			lastName: 'Collega',
			prefix: 'van',
			externalId: 'EMP-NEW-1',
			noSurf: true,
			title: 'Dhr.',
			roles: [{ organisation: 101, role: 5 }],
			additionalPermissionGroups: [{ organisation: 101, additionalPermissionGroup: 2 }],
		});
		const [created] = result.json(NODE_NAME);
		expect(created).toMatchObject({ email: base.email, externalId: 'EMP-NEW-1', firstName: 'Nieuwe' });
		expect(sim.state.findUser('EMP-NEW-1')).toBeDefined();
	});

	it('shows the platform message for a duplicate e-mail, whatever status Evalytics uses', async () => {
		for (const status of [400, 409, 422] as const) {
			sim.setReadings({ duplicateEmailStatus: status });
			const result = await runEvalytics(sim, base);
			expect(result.status).toBe('error');
			const error = result.nodeError(NODE_NAME)!;
			expect(`${error.message} ${error.description ?? ''}`).toMatch(/e-?mail/i);
			expect((error as { httpCode?: string }).httpCode ?? error.context?.httpCode ?? String(status)).toBe(String(status));
		}
		sim.setReadings({ duplicateEmailStatus: 422 });
	});

	it.each([
		['an invalid e-mail', { email: 'not-an-address' }, /E-mail/],
		// A literally empty required field is caught by n8n itself; an expression that resolves empty reaches the node.
		['no first name', { firstName: '={{ "" }}' }, /First Name/],
		['no roles', { roles: {} }, /at least one role/],
		['a teacher role', { roles: { role: [{ organisation: 101, role: 3 }] } }, /teacher role \(3\)/],
		['a role ID that is not a number', { roles: { role: [{ organisation: 101, role: 'docent' }] } }, /Role ID/],
	])('refuses %s before sending, naming the field and the item', async (_label, change, message) => {
		const result = await runEvalytics(sim, { ...base, ...change });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(message);
		expect(error.context?.itemIndex).toBe(0);
		expect(requestsTo(sim, 'POST', '/user')).toHaveLength(0);
	});

	it('explains why teacher roles are refused', async () => {
		const result = await runEvalytics(sim, { ...base, roles: { role: [{ organisation: 101, role: 3 }] } });
		expect(result.nodeError(NODE_NAME)?.description).toMatch(/User Management 2\.0/);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others are created', async () => {
		const result = await runEvalytics(
			sim,
			{ ...base, email: '={{ $json.email }}', additionalFields: { externalId: '={{ $json.ext }}' } },
			{
				continueOnFail: true,
				inputItems: [
					{ email: 'eerste@hogeschool-demo.nl', ext: 'COF-1' },
					{ email: 'kapot', ext: 'COF-2' },
					{ email: 'derde@hogeschool-demo.nl', ext: 'COF-3' },
				],
			},
		);
		const out = result.output(NODE_NAME);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.error).toMatch(/E-mail/);
		expect(out[0].json.email).toBe('eerste@hogeschool-demo.nl');
		expect(out[2].json.email).toBe('derde@hogeschool-demo.nl');
		expect(requestsTo(sim, 'POST', '/user')).toHaveLength(2);
	});
});
