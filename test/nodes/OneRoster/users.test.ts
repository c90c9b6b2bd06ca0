import type { OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, locator, NODE_NAME, requestsTo, runOneRoster, startSimulator } from './setup';

describe('OneRoster › User (the seed\'s seven operations)', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	it('Get Many: fields in the comma form, filter, sort, limit; envelope unwrapped, items paired', async () => {
		const result = await runOneRoster(sim, {
			resource: 'user',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filterConditions: { condition: [{ field: 'status', operator: 'eq', value: 'active' }] },
			options: { fields: 'givenName,familyName', sort: 'familyName', orderBy: 'desc' },
		});
		expect(result.status).toBe('success');
		const users = result.json(NODE_NAME);
		expect(users).toHaveLength(5);
		expect(Object.keys(users[0]).sort()).toEqual(['familyName', 'givenName', 'sourcedId']);
		const names = users.map((user) => String(user.familyName));
		expect([...names].sort((a, b) => b.localeCompare(a))).toEqual(names);
		expect(result.output(NODE_NAME).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const [request] = requestsTo(sim, 'GET', `${BASE}/users`);
		expect(request.query).toEqual({
			filter: ["status='active'"],
			fields: ['sourcedId,givenName,familyName'],
			sort: ['familyName'],
			orderBy: ['desc'],
			limit: ['5'],
			offset: ['0'],
		});
		expect(request.headers.authorization).toMatch(/^Bearer /);
	});

	it('Get Many with search sends the vendor search parameter', async () => {
		await runOneRoster(sim, { resource: 'user', operation: 'getAll', returnAll: false, limit: 2, options: { search: 'jan' } });
		expect(requestsTo(sim, 'GET', `${BASE}/users`)[0].query.search).toEqual(['jan']);
	});

	it('Get returns one user', async () => {
		const user = sim.state.all('users')[3];
		const result = await runOneRoster(sim, { resource: 'user', operation: 'get', sourcedId: locator(String(user.sourcedId)) });
		expect(result.json(NODE_NAME)).toEqual([user]);
		expect(requestsTo(sim, 'GET', `${BASE}/users/${String(user.sourcedId)}`)).toHaveLength(1);
	});

	it('Create posts {user} and returns the allocated sourcedIdPairs; never retried', async () => {
		sim.faults.add({ match: { method: 'POST' }, fault: { kind: 'status', status: 503, retryAfter: '0' } });
		const failed = await runOneRoster(sim, {
			resource: 'user', operation: 'create', givenName: 'Anna', familyName: 'de Vries',
			roles: { role: [{ role: 'student', roleType: 'primary', org: 'school-0001' }] },
		});
		expect(failed.status).toBe('error');
		expect(requestsTo(sim, 'POST', `${BASE}/users`)).toHaveLength(1);
		sim.clearRequests();

		const result = await runOneRoster(sim, {
			resource: 'user', operation: 'create', suppliedSourcedId: 'new-user-1', givenName: 'Anna', familyName: 'de Vries',
			roles: { role: [{ role: 'student', roleType: 'primary', org: 'school-0001' }] },
			additionalFields: { email: 'anna@school.example.org', grades: '10' },
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE_NAME)).toEqual([
			{ sourcedId: 'new-user-1', sourcedIdPairs: [{ suppliedSourcedId: 'new-user-1', allocatedSourcedId: 'new-user-1' }] },
		]);
		const [request] = requestsTo(sim, 'POST', `${BASE}/users`);
		expect(request.body).toEqual({
			user: {
				sourcedId: 'new-user-1', givenName: 'Anna', familyName: 'de Vries', enabledUser: 'true', email: 'anna@school.example.org', grades: ['10'],
				roles: [{ roleType: 'primary', role: 'student', org: { href: `${sim.rosteringUrl}/orgs/school-0001`, sourcedId: 'school-0001', type: 'org' } }],
			},
		});
		expect(sim.state.get('users', 'new-user-1')?.givenName).toBe('Anna');
	});

	it('Create reads a {user} answer too', async () => {
		sim.setReadings({ createAnswer: 'user' });
		try {
			const result = await runOneRoster(sim, {
				resource: 'user', operation: 'create', givenName: 'Bram', familyName: 'Peeters',
				roles: { role: [{ role: 'teacher', roleType: 'primary', org: 'school-0002' }] },
			});
			const [out] = result.json(NODE_NAME);
			expect(out.sourcedId).toEqual((out.user as { sourcedId: string }).sourcedId);
		} finally {
			sim.setReadings({ createAnswer: 'sourcedIdPairs' });
		}
	});

	it.each(['user', 'empty'] as const)('Update PUTs the whole {user} (answer %s) and returns the user', async (updateAnswer) => {
		sim.setReadings({ updateAnswer });
		const id = String(sim.state.all('users')[5].sourcedId);
		const result = await runOneRoster(sim, {
			resource: 'user', operation: 'update', sourcedId: locator(id), givenName: 'Changed', familyName: 'Name',
			roles: { role: [{ role: 'student', roleType: 'primary', org: 'school-0001' }] },
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE_NAME)[0]).toMatchObject({ sourcedId: id, givenName: 'Changed' });
		const [request] = requestsTo(sim, 'PUT', `${BASE}/users/${id}`);
		expect((request.body as { user: { sourcedId: string } }).user.sourcedId).toBe(id);
		sim.setReadings({ updateAnswer: 'user' });
	});

	it('Delete soft-deletes (status tobedeleted, still readable)', async () => {
		const id = String(sim.state.all('users')[6].sourcedId);
		const result = await runOneRoster(sim, { resource: 'user', operation: 'delete', sourcedId: locator(id) });
		expect(result.json(NODE_NAME)).toEqual([{ sourcedId: id, deleted: true, status: 'tobedeleted' }]);
		expect(requestsTo(sim, 'DELETE', `${BASE}/users/${id}`)).toHaveLength(1);
		expect(sim.state.get('users', id)?.status).toBe('tobedeleted');
	});

	it('Get With Demographics merges user and demographics into one item', async () => {
		const user = sim.state.all('users').find((candidate) => sim.state.get('demographics', String(candidate.sourcedId)))!;
		const id = String(user.sourcedId);
		const result = await runOneRoster(sim, { resource: 'user', operation: 'getWithDemographics', sourcedId: locator(id) });
		const [out] = result.json(NODE_NAME);
		expect(out).toMatchObject({ sourcedId: id, givenName: user.givenName, demographics: { birthDate: sim.state.get('demographics', id)!.birthDate } });
		expect(requestsTo(sim, 'GET', `${BASE}/users/${id}/demographics`)).toHaveLength(1);
	});

	it('Get Classes for User lists the classes the user is enrolled in', async () => {
		const id = String(sim.state.all('users')[0].sourcedId);
		const result = await runOneRoster(sim, { resource: 'user', operation: 'getClasses', userSourcedId: locator(id), returnAll: true });
		expect(result.json(NODE_NAME).map((klass) => klass.sourcedId)).toEqual(sim.state.classesOfUser(id).map((klass) => klass.sourcedId));
	});

	it('writes are refused before any request when the credential does not enable them', async () => {
		const result = await runOneRoster(
			sim,
			{ resource: 'user', operation: 'delete', sourcedId: locator('x-1') },
			{ credentials: { allowUserWrites: false } },
		);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/vendor extension/);
		expect(sim.requests.filter((request) => request.path.startsWith(BASE))).toHaveLength(0);
	});

	it('a provider without user writes: 405 says so, continueOnFail keeps going per item', async () => {
		sim.setReadings({ userWrites: false });
		try {
			const result = await runOneRoster(
				sim,
				{ resource: 'user', operation: 'delete', sourcedId: locator('={{ $json.id }}') },
				{ continueOnFail: true, inputItems: [{ id: 'a-1' }, { id: 'a-2' }] },
			);
			const items = result.output(NODE_NAME);
			expect(items).toHaveLength(2);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(String(items[0].error?.description)).toMatch(/may not support user writes/);
		} finally {
			sim.setReadings({ userWrites: true });
		}
	});

	it('Create refuses a missing role before any request, naming the field and item', async () => {
		const result = await runOneRoster(sim, { resource: 'user', operation: 'create', givenName: 'A', familyName: 'B' });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/Roles/);
		expect(error.description).toMatch(/Item 0/);
		expect(requestsTo(sim, 'POST', `${BASE}/users`)).toHaveLength(0);
	});
});
