import { callSimulator, type CallOptions } from './client';
import { demoUsers, ERROR_CODES, EvalyticsState, startEvalyticsSimulator, type EvalyticsSimulator } from './index';
import { seedState } from './seed';

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
	email: string;
	externalId: string | null;
	roles: Role[];
	organisations?: Array<{ id: number }>;
	linkedOrganisations?: Array<{ id: number }>;
}
interface Page<T> {
	metadata: { timestamp: string; resultSet: Record<string, number> };
	results: T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Evalytics simulator: reads, access and readings', () => {
	let sim: EvalyticsSimulator;
	const call = (path: string, options?: CallOptions) => callSimulator(sim.url, path, options);
	const page = async <T = User>(path: string, options?: CallOptions) => {
		const response = await call(path, options);
		expect(response.status).toBe(200);
		return response.json as Page<T>;
	};
	const live = () => [...sim.state.users.values()].filter((user) => !user.deleted).sort((a, b) => a.id - b.id);

	beforeAll(async () => {
		sim = await startEvalyticsSimulator({
			apiKeys: { 'test-api-key': { organisations: 'all' }, 'faculty-key': { organisations: [1] } },
		});
	});
	afterAll(async () => await sim.close());
	afterEach(() => {
		sim.faults.clear();
		sim.setReadings({ countMeaning: 'page', includeSkipInResultSet: false, roleQuery: 'both', userManagement2: true });
	});

	describe('api-key and organisation', () => {
		it('answers 401 with userMessage and a UUID errorCode when the key is missing or wrong', async () => {
			for (const apiKey of [null, 'wrong-key']) {
				const response = await call('/user', { apiKey });
				expect(response.status).toBe(401);
				expect(response.json).toEqual({ userMessage: expect.any(String), errorCode: ERROR_CODES.unauthorized });
				expect(ERROR_CODES.unauthorized).toMatch(UUID);
			}
		});

		it('answers 403 when the key is not linked to the organisation; a linked organisation covers its children', async () => {
			expect((await call('/user', { apiKey: 'faculty-key', query: { organisation: 1 } })).status).toBe(200);
			expect((await call('/user', { apiKey: 'faculty-key', query: { organisation: 'OPL-ICT' } })).status).toBe(200);
			for (const organisation of [2, 100]) {
				const response = await call('/user', { apiKey: 'faculty-key', query: { organisation } });
				expect(response.status).toBe(403);
				expect(response.json).toEqual({ userMessage: expect.any(String), errorCode: ERROR_CODES.forbidden });
			}
			expect((await call('/organisation/2', { apiKey: 'faculty-key', query: { organisation: 1 } })).status).toBe(403);
		});

		it('requires the organisation parameter (400) and knows it by id or externalId (else 404)', async () => {
			const missing = await call('/user', { query: { organisation: null } });
			expect(missing.status).toBe(400);
			expect(missing.json).toMatchObject({ errorCode: ERROR_CODES.organisationRequired, status: 400 });
			expect((await call('/organisation', { query: { organisation: null } })).status).toBe(400);
			expect((await call('/user', { query: { organisation: 999 } })).status).toBe(404);
			const byExternal = await page('/user', { query: { organisation: 'HZL', limit: 0 } });
			const byId = await page('/user', { query: { organisation: 100, limit: 0 } });
			expect(byExternal.results.map((user) => user.id)).toEqual(byId.results.map((user) => user.id));
		});

		it('answers unknown routes with 404 and a known path with another method with 405 and Allow', async () => {
			expect((await call('/users')).status).toBe(404);
			const patch = await call('/user/501', { method: 'PATCH', body: {} });
			expect(patch.status).toBe(405);
			expect(patch.headers.get('allow')).toBe('GET, DELETE, POST, PUT');
		});
	});

	describe('organisations', () => {
		it('lists the tree below the organisation with the documented fields and filters', async () => {
			const all = await page<Record<string, unknown>>('/organisation');
			expect(all.results).toHaveLength(18);
			expect(Object.keys(all.results[1])).toEqual(['parent', 'topOrganisation', 'name', 'code', 'type', 'availableModules', 'modules', 'externalId', 'id']);
			expect((await page('/organisation', { query: { type: 'faculty' } })).results).toHaveLength(4);
			const ids = async (query: CallOptions['query']) => (await page<{ id: number }>('/organisation', { query })).results.map((org) => org.id);
			expect(await ids({ parent: 1 })).toEqual([101, 102, 103, 104]);
			expect(await ids({ code: 'ict' })).toEqual([101]);
			expect(await ids({ externalId: 'FAC-GW' })).toEqual([2]);
			expect(await ids({ q: 'LERAREN' })).toEqual([132, 133]);
			expect(await ids({ organisation: 2 })).toEqual([2, 111, 112, 113]);
			expect(await ids({ limit: 2, skip: 1 })).toEqual([2, 3]);
		});

		it('returns one organisation with its children by internal id only', async () => {
			const faculty = await call('/organisation/1');
			expect(faculty.json).toMatchObject({ id: 1, parent: 100, type: 'faculty', externalId: 'FAC-TI' });
			expect((faculty.json as { children: Array<{ id: number }> }).children.map((child) => child.id)).toEqual([101, 102, 103, 104]);
			expect((await call('/organisation/FAC-TI')).status).toBe(404);
			expect((await call('/organisation/4242')).status).toBe(404);
		});
	});

	describe('GET /user', () => {
		it('pages 30 by default in id order, in the documented envelope and item shape', async () => {
			const first = await page('/user');
			expect(first.results).toHaveLength(30);
			expect(first.metadata.resultSet).toEqual({ count: 30, limit: 30 });
			expect(new Date(first.metadata.timestamp).toISOString()).toBe(first.metadata.timestamp);
			expect(first.results.map((user) => user.id)).toEqual(live().slice(0, 30).map((user) => user.id));
			expect(Object.keys(first.results[0])).toEqual([
				'organisations', 'roles', 'organisation', 'topOrganisation', 'name', 'title', 'firstName', 'prefix',
				'lastName', 'email', 'altId', 'externalId', 'activated', 'lastActivationMail', 'id',
			]);
			expect(Object.keys(first.results[0].roles[0])).toEqual(['id', 'user', 'evaluator', 'role', 'organisation', 'enabled', 'propagate', 'propagated']);
		});

		it('honours limit and skip (stable pages) and limit=0 for everything', async () => {
			const ten = await page('/user', { query: { limit: 10 } });
			const window = await page('/user', { query: { limit: 5, skip: 3 } });
			expect(window.results.map((user) => user.id)).toEqual(ten.results.slice(3, 8).map((user) => user.id));
			const all = await page('/user', { query: { limit: 0 } });
			expect(all.results).toHaveLength(40);
			expect(all.metadata.resultSet).toEqual({ count: 40, limit: 0 });
			const tail = await page('/user', { query: { limit: 30, skip: 30 } });
			expect(tail.results).toHaveLength(10);
			expect((await page('/user', { query: { skip: 100 } })).results).toEqual([]);
			expect((await call('/user', { query: { limit: -1 } })).status).toBe(400);
			expect((await call('/user', { query: { skip: 'x' } })).status).toBe(400);
		});

		it('searches name, e-mail and externalId case-insensitively', async () => {
			const target = live()[4];
			for (const q of [target.lastName.toUpperCase(), target.email.slice(0, 8), target.externalId ?? target.email]) {
				const found = await page('/user', { query: { q, limit: 0 } });
				expect(found.results.map((user) => user.id)).toContain(target.id);
				expect(found.results.length).toBeLessThan(40);
			}
			expect((await page('/user', { query: { q: 'niemand-heet-zo' } })).results).toEqual([]);
		});

		it('filters on role ids, repeated or comma-separated as the roleQuery reading allows', async () => {
			const hasRole = (user: User, roles: number[]) => user.roles.some((role) => roles.includes(role.role));
			const teachers = await page('/user', { query: { role: 3, limit: 0 } });
			expect(teachers.results.length).toBeGreaterThan(0);
			expect(teachers.results.every((user) => hasRole(user, [3]))).toBe(true);
			const repeated = await page('/user', { query: { role: [5, 13], limit: 0 } });
			const comma = await page('/user', { query: { role: '5,13', limit: 0 } });
			expect(repeated.results.every((user) => hasRole(user, [5, 13]))).toBe(true);
			expect(comma.results).toEqual(repeated.results);

			sim.setReadings({ roleQuery: 'repeat' });
			expect((await call('/user', { query: { role: '5,13' } })).status).toBe(400);
			expect((await call('/user', { query: { role: [5, 13] } })).status).toBe(200);
			sim.setReadings({ roleQuery: 'comma' });
			expect((await call('/user', { query: { role: [5, 13] } })).status).toBe(400);
			expect((await call('/user', { query: { role: '5,13' } })).status).toBe(200);
			expect((await call('/user', { query: { role: 'teacher' } })).status).toBe(400);
		});

		it('lists users of child organisations only with includeChildOrganisations=true', async () => {
			const own = await page('/user', { query: { organisation: 1, limit: 0 } });
			const withChildren = await page('/user', { query: { organisation: 1, includeChildOrganisations: true, limit: 0 } });
			const explicitFalse = await page('/user', { query: { organisation: 1, includeChildOrganisations: false, limit: 0 } });
			expect(explicitFalse.results).toEqual(own.results);
			expect(withChildren.results.length).toBeGreaterThan(own.results.length);
			const below = new Set([1, 101, 102, 103, 104]);
			for (const user of own.results) expect(user.roles.some((role) => role.organisation === 1)).toBe(true);
			for (const user of withChildren.results) expect(user.roles.some((role) => below.has(role.organisation))).toBe(true);
			expect((await call('/user', { query: { includeChildOrganisations: 'yes' } })).status).toBe(400);
		});
	});

	describe('GET /user/:id', () => {
		it('finds a user by internal or external id, with linkedOrganisations and roles', async () => {
			const target = live().find((user) => user.externalId)!;
			const byId = await call(`/user/${target.id}`);
			const byExternal = await call(`/user/${target.externalId}`);
			expect(byId.status).toBe(200);
			expect(byExternal.json).toEqual(byId.json);
			const item = byId.json as User;
			expect(Object.keys(item).slice(0, 2)).toEqual(['linkedOrganisations', 'roles']);
			expect(item.linkedOrganisations!.map((org) => org.id)).toEqual([...new Set(item.roles.map((role) => role.organisation))].sort((a, b) => a - b));
		});

		it('answers 404 with the error shape for an unknown id', async () => {
			const response = await call('/user/999999');
			expect(response.status).toBe(404);
			expect(response.json).toEqual({ userMessage: 'User 999999 not found', errorCode: ERROR_CODES.userNotFound });
		});

		it('shows propagated roles unless showPropagatedRoles=false, and disabled teacher roles (UM 2.0)', async () => {
			const manager = live().find((user) => user.roleSpecs.some((spec) => spec.propagate))!;
			const full = (await call(`/user/${manager.id}`)).json as User;
			const own = (await call(`/user/${manager.id}`, { query: { showPropagatedRoles: false } })).json as User;
			const faculty = manager.roleSpecs[0].organisation;
			expect(own.roles).toEqual([expect.objectContaining({ organisation: faculty, propagate: true, propagated: false })]);
			const copies = full.roles.filter((role) => role.propagated);
			expect(copies.length).toBe(sim.state.childrenOf(faculty).length);
			expect(copies.every((role) => role.role === own.roles[0].role && !role.propagate)).toBe(true);

			const teacher = live().find((user) => user.teacherOrganisations.length > user.roleSpecs.length)!;
			const roles = ((await call(`/user/${teacher.id}`)).json as User).roles;
			expect(roles.filter((role) => role.role === 3).map((role) => role.enabled)).toEqual([true, false]);
		});

		it('leaves the UM 2.0 fields, copies and disabled teacher roles out when userManagement2 is off', async () => {
			sim.setReadings({ userManagement2: false });
			const manager = live().find((user) => user.roleSpecs.some((spec) => spec.propagate))!;
			const roles = ((await call(`/user/${manager.id}`)).json as User).roles;
			expect(roles).toHaveLength(1);
			expect(Object.keys(roles[0])).toEqual(['id', 'user', 'evaluator', 'role', 'organisation']);
			const teacher = live().find((user) => user.teacherOrganisations.length > user.roleSpecs.length)!;
			expect(((await call(`/user/${teacher.id}`)).json as User).roles).toHaveLength(1);
		});
	});

	describe('readings', () => {
		it("countMeaning 'total' puts the number of matches in resultSet.count", async () => {
			sim.setReadings({ countMeaning: 'total' });
			expect((await page('/user', { query: { limit: 5 } })).metadata.resultSet).toEqual({ count: 40, limit: 5 });
		});

		it('includeSkipInResultSet adds skip', async () => {
			sim.setReadings({ includeSkipInResultSet: true });
			expect((await page('/user', { query: { limit: 5, skip: 10 } })).metadata.resultSet).toEqual({ count: 5, limit: 5, skip: 10 });
		});
	});

	describe('faults and request log', () => {
		it('gives injected status faults the Evalytics error shape and counts every request', async () => {
			sim.clearRequests();
			sim.faults.add({ match: { method: 'GET', path: '/user' }, fault: { kind: 'status', status: 503, retryAfter: '1' } });
			const failed = await call('/user');
			expect(failed.status).toBe(503);
			expect(failed.json).toEqual({ userMessage: expect.any(String), errorCode: ERROR_CODES.injected });
			expect((await call('/user')).status).toBe(200);
			expect(sim.count('GET', '/user')).toBe(2);
			expect(sim.requests[0].query.organisation).toEqual(['100']);
		});
	});

	describe('demo data', () => {
		it('is the same for the same seed and differs for another', () => {
			const first = demoUsers({ users: 25, seed: 42 });
			expect(demoUsers({ users: 25, seed: 42 })).toEqual(first);
			expect(demoUsers({ users: 25, seed: 7 }).map((user) => user.email)).not.toEqual(first.map((user) => user.email));
			expect(live().slice(0, 25).map((user) => user.email)).toEqual(first.map((user) => user.email));
			for (const user of first) expect(user.email).toMatch(/^[a-z]+\.[a-z]+\d*@hs-zuiderlicht\.nl$/);
		});

		it('generates 20,000 users with unique e-mails and externalIds, all listed under the top organisation', () => {
			const state = new EvalyticsState();
			seedState(state, { users: 20_000, seed: 42 });
			const users = [...state.users.values()];
			expect(users).toHaveLength(20_000);
			expect(new Set(users.map((user) => user.email)).size).toBe(20_000);
			const externalIds = users.map((user) => user.externalId).filter((id) => id !== null);
			expect(new Set(externalIds).size).toBe(externalIds.length);
			expect(users.some((user) => !user.activated)).toBe(true);
			expect(users.some((user) => user.lastActivationMail !== null)).toBe(true);
			expect(state.listUsers({ organisation: 100, includeChildOrganisations: false })).toHaveLength(20_000);
		});
	});
});
