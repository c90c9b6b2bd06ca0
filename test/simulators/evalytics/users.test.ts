import { callSimulator, type CallOptions } from './client';
import { ERROR_CODES, startEvalyticsSimulator, type EvalyticsSimulator } from './index';

interface Role {
	id: number;
	role: number;
	organisation: number;
	enabled?: boolean;
	propagate?: boolean;
	propagated?: boolean;
}
interface User {
	id: number;
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	roles: Role[];
	[key: string]: unknown;
}

const WRITE_KEYS = [
	'deleted', 'createdBy', 'modifiedBy', 'name', 'title', 'firstName', 'prefix', 'lastName', 'email', 'altId',
	'externalId', 'activated', 'lastActivationMail', 'organisation', 'topOrganisation', 'id',
];

describe('Evalytics simulator: user writes', () => {
	let sim: EvalyticsSimulator;
	let serial = 0;
	const call = (path: string, options?: CallOptions) => callSimulator(sim.url, path, options);
	const newEmail = () => `nieuwe.gebruiker${++serial}@hs-zuiderlicht.nl`;
	const validUser = (extra: Record<string, unknown> = {}) => ({
		firstName: 'Nieuwe',
		lastName: 'Gebruiker',
		email: newEmail(),
		roles: [{ organisation: 101, role: 5 }],
		...extra,
	});
	const create = async (body: unknown, options: CallOptions = {}) => await call('/user', { method: 'POST', body, ...options });
	const getUser = async (id: number | string, options: CallOptions = {}) => (await call(`/user/${id}`, options)).json as User;
	const listedIds = async () =>
		((await call('/user', { query: { limit: 0 } })).json as { results: User[] }).results.map((user) => user.id);

	beforeAll(async () => {
		sim = await startEvalyticsSimulator({
			apiKeys: { 'test-api-key': { organisations: 'all' }, 'faculty-key': { organisations: [1] } },
		});
	});
	afterAll(async () => await sim.close());
	afterEach(() => {
		sim.faults.clear();
		sim.setReadings({ duplicateEmailStatus: 422, updateMethods: ['POST', 'PUT'], userManagement2: true });
	});

	describe('create', () => {
		it('creates a user and answers with the documented create shape; the user is then listed', async () => {
			const before = sim.state.modifications;
			sim.clearRequests();
			const response = await create(validUser({ prefix: 'van der', externalId: 'EXT-NEW-1', title: 'Mevr.' }));
			expect(response.status).toBe(200);
			const created = response.json as User;
			expect(Object.keys(created)).toEqual(WRITE_KEYS);
			expect(created).toMatchObject({ deleted: false, createdBy: '3', name: 'Nieuwe van der Gebruiker', organisation: 100, activated: false, lastActivationMail: null });
			expect(sim.count('POST', '/user')).toBe(1);
			expect(sim.state.modifications).toBeGreaterThan(before);
			expect(await listedIds()).toContain(created.id);
			expect((await getUser('EXT-NEW-1')).roles).toEqual([expect.objectContaining({ organisation: 101, role: 5, enabled: true, propagate: false, propagated: false })]);
		});

		it('accepts the deprecated name alone and splits it; noSurf users get an activation mail', async () => {
			const created = (await create({ name: 'Piet van Dijk', email: newEmail(), noSurf: true, roles: [{ organisation: 1, role: 8 }] })).json as User;
			expect(created).toMatchObject({ name: 'Piet van Dijk', firstName: 'Piet', lastName: 'van Dijk', activated: false });
			expect(typeof created.lastActivationMail).toBe('string');
		});

		it('refuses a duplicate e-mail address (any case) with the duplicateEmailStatus reading', async () => {
			const email = newEmail();
			expect((await create(validUser({ email }))).status).toBe(200);
			const duplicate = await create(validUser({ email: email.toUpperCase() }));
			expect(duplicate.status).toBe(422);
			expect(duplicate.json).toMatchObject({ errorCode: ERROR_CODES.duplicateEmail, status: 422, context: [{ email: email.toUpperCase() }] });
			for (const status of [409, 400] as const) {
				sim.setReadings({ duplicateEmailStatus: status });
				expect((await create(validUser({ email }))).status).toBe(status);
			}
		});

		const invalid: Array<[string, unknown, RegExp]> = [
			['no e-mail', { firstName: 'A', lastName: 'B', roles: [{ organisation: 101, role: 5 }] }, /email is required/],
			['a bad e-mail', { firstName: 'A', lastName: 'B', email: 'geen-adres', roles: [{ organisation: 101, role: 5 }] }, /valid e-mail/],
			['no names', { email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 101, role: 5 }] }, /firstName and lastName/],
			['only a first name', { firstName: 'A', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 101, role: 5 }] }, /firstName and lastName/],
			['no roles', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl' }, /At least one role/],
			['an empty role list', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [] }, /At least one role/],
			['a string organisation id', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: '101', role: 5 }] }, /integer id/],
			['a fractional role id', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 101, role: 3.5 }] }, /integer id/],
			['an unknown organisation', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 777, role: 5 }] }, /does not exist/],
			['enabled on a non-teacher role', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 101, role: 5, enabled: false }] }, /enabled can only/],
			['propagate on the teacher role', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 101, role: 3, propagate: true }] }, /propagate cannot/],
			['a role below a propagating organisation', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', roles: [{ organisation: 1, role: 13, propagate: true }, { organisation: 102, role: 5 }] }, /propagated from organisation 1/],
			['a non-boolean noSurf', { firstName: 'A', lastName: 'B', email: 'x.y@hs-zuiderlicht.nl', noSurf: 'ja', roles: [{ organisation: 101, role: 5 }] }, /noSurf/],
		];
		it.each(invalid)('refuses %s with 422 before creating anything', async (_label, body, message) => {
			const count = sim.state.users.size;
			const response = await create(body);
			expect(response.status).toBe(422);
			expect(response.json).toMatchObject({ userMessage: expect.stringMatching(message), errorCode: expect.any(String), status: 422 });
			expect(sim.state.users.size).toBe(count);
		});

		it('refuses a body that is not a JSON object with 400, and roles outside the key with 403', async () => {
			expect((await create([1, 2])).status).toBe(400);
			const outside = await create(validUser({ roles: [{ organisation: 111, role: 5 }] }), { apiKey: 'faculty-key', query: { organisation: 1 } });
			expect(outside.status).toBe(403);
		});

		it('UM 2.0: propagate copies all roles of that organisation to every child, and they show as propagated', async () => {
			const created = (await create(validUser({ roles: [{ organisation: 1, role: 13, propagate: true }, { organisation: 1, role: 8 }] }))).json as User;
			const roles = (await getUser(created.id)).roles;
			expect(roles.filter((role) => !role.propagated).map((role) => [role.role, role.propagate])).toEqual([[13, true], [8, true]]);
			const copies = roles.filter((role) => role.propagated).map((role) => `${role.role}@${role.organisation}`);
			expect(copies.sort()).toEqual(['13@101', '13@102', '13@103', '13@104', '8@101', '8@102', '8@103', '8@104']);
			expect((await getUser(created.id, { query: { showPropagatedRoles: false } })).roles).toHaveLength(2);
			// A child organisation added later gets the roles too.
			sim.state.addOrganisation({ id: 105, parent: 1, name: 'Technische Bedrijfskunde', code: 'tbk', type: 'department' });
			expect((await getUser(created.id)).roles.filter((role) => role.organisation === 105)).toHaveLength(2);
		});
	});

	describe('update', () => {
		it('changes names with POST or PUT and answers with the write shape', async () => {
			const created = (await create(validUser())).json as User;
			const post = await call(`/user/${created.id}`, { method: 'POST', body: { lastName: 'Anders' } });
			expect(post.status).toBe(200);
			expect(Object.keys(post.json as User)).toEqual(WRITE_KEYS);
			expect(post.json).toMatchObject({ name: 'Nieuwe Anders', lastName: 'Anders', email: created.email });
			const put = await call(`/user/${created.id}`, { method: 'PUT', body: { firstName: 'Opnieuw', email: created.email.toUpperCase() } });
			expect(put.json).toMatchObject({ name: 'Opnieuw Anders' });
		});

		it('refuses a changed e-mail address with 422', async () => {
			const created = (await create(validUser())).json as User;
			const response = await call(`/user/${created.id}`, { method: 'POST', body: { email: 'ander.adres@hs-zuiderlicht.nl' } });
			expect(response.status).toBe(422);
			expect(response.json).toMatchObject({ errorCode: ERROR_CODES.emailImmutable, status: 422 });
			expect((await getUser(created.id)).email).toBe(created.email);
		});

		it('replaces the whole role list when roles are given, keeping ids of roles that stay', async () => {
			const created = (await create(validUser({ roles: [{ organisation: 101, role: 5 }, { organisation: 102, role: 5 }] }))).json as User;
			const [kept] = (await getUser(created.id)).roles;
			await call(`/user/${created.id}`, { method: 'POST', body: { roles: [{ organisation: 101, role: 5 }, { organisation: 2, role: 8 }] } });
			const roles = (await getUser(created.id)).roles;
			expect(roles.map((role) => `${role.role}@${role.organisation}`)).toEqual(['5@101', '8@2']);
			expect(roles[0].id).toBe(kept.id);
			await call(`/user/${created.id}`, { method: 'POST', body: { firstName: 'Zonder', lastName: 'Rollen' } });
			expect((await getUser(created.id)).roles).toHaveLength(2);
		});

		it('UM 2.0: a teacher role left out comes back disabled while its teacher object exists', async () => {
			const teacher = [...sim.state.users.values()].find((user) => !user.deleted && user.roleSpecs.length === 1 && user.roleSpecs[0].role === 3)!;
			const organisation = teacher.roleSpecs[0].organisation;
			await call(`/user/${teacher.id}`, { method: 'POST', body: { roles: [{ organisation, role: 5 }] } });
			const roles = (await getUser(teacher.id)).roles;
			expect(roles.map((role) => [role.role, role.organisation, role.enabled])).toEqual([[5, organisation, true], [3, organisation, false]]);
		});

		it('accepts only the update methods of the updateMethods reading; others get 405', async () => {
			const created = (await create(validUser())).json as User;
			sim.setReadings({ updateMethods: ['POST'] });
			const put = await call(`/user/${created.id}`, { method: 'PUT', body: { lastName: 'X' } });
			expect(put.status).toBe(405);
			expect(put.headers.get('allow')).toBe('GET, DELETE, POST');
			sim.setReadings({ updateMethods: ['PUT'] });
			expect((await call(`/user/${created.id}`, { method: 'POST', body: { lastName: 'X' } })).status).toBe(405);
			expect((await call(`/user/${created.id}`, { method: 'PUT', body: { lastName: 'X' } })).status).toBe(200);
		});

		it('answers 404 for an unknown user and updates by externalId', async () => {
			expect((await call('/user/999999', { method: 'POST', body: { lastName: 'X' } })).status).toBe(404);
			await create(validUser({ externalId: 'EXT-UPD-1' }));
			expect((await call('/user/EXT-UPD-1', { method: 'POST', body: { lastName: 'Extern' } })).json).toMatchObject({ lastName: 'Extern' });
		});
	});

	describe('delete and block', () => {
		it('deletes with an empty 200, hides the user, keeps its e-mail taken, and undo restores it', async () => {
			const created = (await create(validUser())).json as User;
			const deleted = await call(`/user/${created.id}`, { method: 'DELETE' });
			expect(deleted.status).toBe(200);
			expect(deleted.text).toBe('');
			expect((await call(`/user/${created.id}`)).status).toBe(404);
			expect(await listedIds()).not.toContain(created.id);
			expect((await call(`/user/${created.id}`, { method: 'POST', body: { lastName: 'X' } })).status).toBe(404);
			expect((await create(validUser({ email: created.email }))).status).toBe(422);
			expect((await call(`/user/${created.id}`, { method: 'DELETE' })).status).toBe(200);
			expect((await call(`/user/${created.id}`, { method: 'DELETE', query: { undo: true } })).status).toBe(200);
			expect((await call(`/user/${created.id}`)).status).toBe(200);
			expect((await call('/user/999999', { method: 'DELETE' })).status).toBe(404);
		});

		it('blocks with an empty 200; a blocked user stays listed and shows no blocked field; undo unblocks', async () => {
			const created = (await create(validUser())).json as User;
			const blocked = await call(`/user/${created.id}/block`, { method: 'POST' });
			expect(blocked.status).toBe(200);
			expect(blocked.text).toBe('');
			expect(sim.state.findUser(created.id)?.blocked).toBe(true);
			expect(await listedIds()).toContain(created.id);
			expect(await getUser(created.id)).not.toHaveProperty('blocked');
			await call(`/user/${created.id}/block`, { method: 'POST', query: { undo: true } });
			expect(sim.state.findUser(created.id)?.blocked).toBe(false);
			expect((await call('/user/999999/block', { method: 'POST' })).status).toBe(404);
			expect((await call(`/user/${created.id}/block`, { method: 'GET' })).status).toBe(405);
		});
	});

	describe('faults on writes and state helpers', () => {
		it('afterHandler + reset applies the create, then drops the connection', async () => {
			const body = validUser();
			sim.clearRequests();
			sim.faults.add({ match: { method: 'POST', path: '/user' }, fault: { kind: 'afterHandler', then: { kind: 'reset' } } });
			await expect(create(body)).rejects.toThrow();
			expect(sim.count('POST', '/user')).toBe(1);
			expect(sim.state.findUser(body.email)).toBeDefined();
		});

		it('changes made through the state helpers show in the next read', async () => {
			const added = sim.state.addUser({ email: 'helper.gebruiker@hs-zuiderlicht.nl', firstName: 'Helper', lastName: 'Gebruiker', roles: [{ organisation: 101, role: 5 }] });
			expect(await listedIds()).toContain(added.id);
			expect((await getUser(added.id)).name).toBe('Helper Gebruiker');
			sim.state.updateUser(added.id, { lastName: 'Veranderd' });
			expect((await getUser(added.id)).name).toBe('Helper Veranderd');
			sim.state.deleteUser(added.id);
			expect(await listedIds()).not.toContain(added.id);
			expect(sim.state.findUser('helper.gebruiker@hs-zuiderlicht.nl')?.deleted).toBe(true);
		});
	});
});
