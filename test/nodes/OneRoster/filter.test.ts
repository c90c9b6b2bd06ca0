import type { OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, locator, NODE_NAME, requestsTo, runOneRoster, startSimulator } from './setup';

describe('OneRoster › filter builder against the simulator', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	it('students of a school whose family name contains a text: the provider filters, the node returns them', async () => {
		const result = await runOneRoster(sim, {
			resource: 'school',
			operation: 'getStudents',
			schoolSourcedId: locator('school-0001'),
			returnAll: true,
			filterConditions: { condition: [{ field: 'familyName', operator: 'contains', value: 'e' }, { field: 'status', operator: 'eq', value: 'active' }] },
		});
		const students = result.json(NODE_NAME);
		expect(students.length).toBeGreaterThan(0);
		for (const student of students) expect(String(student.familyName).toLowerCase()).toContain('e');
		expect(requestsTo(sim, 'GET', `${BASE}/schools/school-0001/students`)[0].query.filter).toEqual(["familyName~'e' AND status='active'"]);
	});

	it('a delta read: dateLastModified after a moment', async () => {
		const user = sim.state.touch('users', String(sim.state.all('users')[2].sourcedId))!;
		const result = await runOneRoster(sim, {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filterConditions: { condition: [{ field: 'dateLastModified', operator: 'gt', value: '2026-09-01T00:00:00Z' }] },
		});
		expect(result.json(NODE_NAME).map((record) => record.sourcedId)).toEqual([user.sourcedId]);
	});

	it('a raw filter with mixed AND/OR is refused before any request, naming item and field', async () => {
		const result = await runOneRoster(sim, {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			options: { rawFilter: "a='1' AND b='2' OR c='3'" },
		});
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/Filter: the raw filter is not valid: AND and OR cannot be mixed/);
		expect(sim.requests).toHaveLength(0);
	});

	it('a field the provider cannot filter on comes back as invalid_filter_field with its meaning', async () => {
		const result = await runOneRoster(sim, {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			options: { rawFilter: "shoeSize='42'" },
		});
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/HTTP 400/);
		expect(error.description).toMatch(/cannot filter on.*invalid_filter_field/);
		expect(requestsTo(sim, 'GET', `${BASE}/users`)).toHaveLength(1);
	});

	it('an unknown field in Fields: 400 invalid_selection_field, or all fields when the provider ignores it', async () => {
		const refused = await runOneRoster(sim, { resource: 'org', operation: 'getAll', returnAll: true, options: { fields: 'name,shoeSize' } });
		expect(refused.nodeError(NODE_NAME)?.description).toMatch(/invalid_selection_field/);
		sim.setReadings({ unknownFields: 'ignore' });
		try {
			const ignored = await runOneRoster(sim, { resource: 'org', operation: 'getAll', returnAll: true, options: { fields: 'name,shoeSize' } });
			expect(ignored.json(NODE_NAME)[0]).toHaveProperty('type');
		} finally {
			sim.setReadings({ unknownFields: 'error' });
		}
	});
});
