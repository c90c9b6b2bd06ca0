import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, requestsTo, runEvalytics, startSimulator } from './setup';

type Role = { organisation: number; role: number; enabled?: boolean; propagate?: boolean; propagated?: boolean };

describe('Evalytics › User › Update', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const userWith = (predicate: (roles: Role[]) => boolean) =>
		[...sim.state.users.values()].find((user) => !user.deleted && predicate((user.roles ?? []) as Role[]))!;

	it('changes names without reading the user or touching roles', async () => {
		const user = userWith(() => true);
		const result = await runEvalytics(sim, {
			operation: 'update',
			userId: String(user.id),
			updateFields: { firstName: 'Anna', lastName: 'Jansen' },
		});
		expect(result.status).toBe('success');
		expect(requestsTo(sim, 'GET', `/user/${user.id}`)).toHaveLength(0);
		const [request] = requestsTo(sim, 'POST', `/user/${user.id}`);
		expect(request.body).toEqual({ firstName: 'Anna', lastName: 'Jansen' });
		expect(result.json(NODE_NAME)[0]).toMatchObject({ id: user.id, firstName: 'Anna', lastName: 'Jansen' });
	});

	it('adds a role and keeps every role not mentioned, because Evalytics replaces the list', async () => {
		const user = userWith((roles) => roles.filter((role) => !role.propagated).length >= 1);
		const before = ((sim.state.findUser(String(user.id))!.roles ?? []) as Role[]).filter((role) => !role.propagated);
		await runEvalytics(sim, {
			operation: 'update',
			userId: String(user.id),
			roles: { role: [{ change: 'add', organisation: 102, role: 7 }] },
		});
		expect(requestsTo(sim, 'GET', `/user/${user.id}`)).toHaveLength(1);
		const [request] = requestsTo(sim, 'POST', `/user/${user.id}`);
		const sent = (request.body as { roles: Role[] }).roles;
		for (const role of before) expect(sent).toContainEqual(expect.objectContaining({ organisation: role.organisation, role: role.role }));
		expect(sent).toContainEqual({ organisation: 102, role: 7 });
		const after = (sim.state.findUser(String(user.id))!.roles ?? []) as Role[];
		expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ organisation: 102, role: 7 })]));
	});

	it('removes a role, and removing a role the user lacks changes nothing', async () => {
		const user = userWith((roles) => roles.some((role) => role.role !== 3 && !role.propagated));
		const victim = ((user.roles ?? []) as Role[]).find((role) => role.role !== 3 && !role.propagated)!;
		await runEvalytics(sim, {
			operation: 'update',
			userId: String(user.id),
			roles: {
				role: [
					{ change: 'remove', organisation: victim.organisation, role: victim.role },
					{ change: 'remove', organisation: 999, role: 99 },
				],
			},
		});
		const [request] = requestsTo(sim, 'POST', `/user/${user.id}`);
		expect((request.body as { roles: Role[] }).roles).not.toContainEqual(
			expect.objectContaining({ organisation: victim.organisation, role: victim.role }),
		);
	});

	it('disables an existing teacher role, and refuses to add one', async () => {
		const teacher = userWith((roles) => roles.some((role) => role.role === 3));
		const teacherRole = ((teacher.roles ?? []) as Role[]).find((role) => role.role === 3)!;
		await runEvalytics(sim, {
			operation: 'update',
			userId: String(teacher.id),
			roles: { role: [{ change: 'disable', organisation: teacherRole.organisation, role: 3 }] },
		});
		const [request] = requestsTo(sim, 'POST', `/user/${teacher.id}`);
		expect((request.body as { roles: Role[] }).roles).toContainEqual({
			organisation: teacherRole.organisation,
			role: 3,
			enabled: false,
		});

		sim.clearRequests();
		const refused = await runEvalytics(sim, {
			operation: 'update',
			userId: String(teacher.id),
			roles: { role: [{ change: 'add', organisation: 101, role: 3 }] },
		});
		expect(refused.nodeError(NODE_NAME)?.message).toMatch(/teacher role \(3\)/);
		expect(requestsTo(sim, 'POST', `/user/${teacher.id}`)).toHaveLength(0);
	});

	it('refuses an e-mail change and an empty update before sending', async () => {
		const user = userWith(() => true);
		const empty = await runEvalytics(sim, { operation: 'update', userId: String(user.id) });
		expect(empty.nodeError(NODE_NAME)?.message).toMatch(/Nothing to update/);
		expect(sim.requests).toHaveLength(0);
	});

	it('uses PUT when chosen, for an Evalytics that only accepts PUT (both readings of the docs)', async () => {
		const user = userWith(() => true);
		sim.setReadings({ updateMethods: ['PUT'] });
		try {
			const refused = await runEvalytics(sim, { operation: 'update', userId: String(user.id), updateFields: { title: 'Dr.' } });
			expect(refused.status).toBe('error');
			const accepted = await runEvalytics(sim, {
				operation: 'update',
				userId: String(user.id),
				updateFields: { title: 'Dr.' },
				options: { updateMethod: 'PUT' },
			});
			expect(accepted.status).toBe('success');
			expect(requestsTo(sim, 'PUT', `/user/${user.id}`)).toHaveLength(1);
		} finally {
			sim.setReadings({ updateMethods: ['POST', 'PUT'] });
		}
		sim.setReadings({ updateMethods: ['POST'] });
		try {
			const accepted = await runEvalytics(sim, { operation: 'update', userId: String(user.id), updateFields: { title: 'Ir.' } });
			expect(accepted.status).toBe('success');
		} finally {
			sim.setReadings({ updateMethods: ['POST', 'PUT'] });
		}
	});
});
