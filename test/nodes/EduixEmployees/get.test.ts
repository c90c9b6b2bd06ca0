import type { EduixSimulator } from '../../simulators/eduix';
import { apiRequests, NODE_NAME, PO_SCHOOL, runEduix, startSimulator, VO_SCHOOL } from './setup';

describe('Edu-iX Employees › Employee › Get', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.setReadings({ personField: 'employee' });
	});

	const employeeAt = (school: string, index = 0) => sim.state.employeesOf(school)[index].employee;
	const asi = (school: string, index = 0) => employeeAt(school, index).userIds.find((id) => id.userIdType === 'ASI')!.userId;
	const byAsi = (userId: string) => ({ id: [{ userIdType: 'ASI', userId }] });

	it('looks one employee up with POST /employees, the person nested under "employee"', async () => {
		const result = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, userIds: byAsi(asi(PO_SCHOOL, 2)), simplify: false });
		expect(result.output(NODE_NAME)).toEqual([{ json: employeeAt(PO_SCHOOL, 2), pairedItem: { item: 0 } }]);
		const [request] = apiRequests(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/employees');
		expect(request.body).toEqual({ school: { organisationMasterIdentifier: PO_SCHOOL }, employee: { userIds: [{ userIdType: 'ASI', userId: asi(PO_SCHOOL, 2) }] } });
	});

	it('sends the person beside school when the source reads it there (reading topLevel)', async () => {
		sim.setReadings({ personField: 'topLevel' });
		const result = await runEduix(sim, {
			operation: 'get',
			schoolIdentifiedBy: 'orgId',
			orgIdType: 'V_ID',
			orgId: '23CD00',
			userIds: byAsi(asi(VO_SCHOOL, 1)),
			options: { personField: 'topLevel' },
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ userIds: employeeAt(VO_SCHOOL, 1).userIds, fullName: expect.any(String) });
		expect(apiRequests(sim)[0].body).toEqual({
			school: { organisationIds: [{ organisationId: '23CD00', organisationIdType: 'V_ID' }] },
			userIds: [{ userIdType: 'ASI', userId: asi(VO_SCHOOL, 1) }],
		});
	});

	it('shows the source\'s schema error when the body shape does not match its reading', async () => {
		sim.setReadings({ personField: 'topLevel' });
		const result = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, userIds: byAsi(asi(PO_SCHOOL)) });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toContain('Edu-V 0011 Schema incorrect');
		expect(error.description).toMatch(/did not match the API schema/);
	});

	it('looks up by userMasterIdentifier and by several user IDs', async () => {
		sim.state.updateEmployee(`ASI:${asi(PO_SCHOOL, 3)}`, { userMasterIdentifier: 'MASTER-3' });
		const byMaster = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, employeeIdentifiedBy: 'userMasterIdentifier', userMasterIdentifier: 'MASTER-3' });
		expect(byMaster.json(NODE_NAME)[0]).toMatchObject({ userMasterIdentifier: 'MASTER-3' });
		expect(apiRequests(sim)[0].body).toEqual({ school: { organisationMasterIdentifier: PO_SCHOOL }, employee: { userMasterIdentifier: 'MASTER-3' } });
		const two = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, userIds: { id: [{ userIdType: 'NEPPI', userId: 'nobody' }, { userIdType: 'ASI', userId: asi(PO_SCHOOL, 4) }] } });
		expect(two.json(NODE_NAME)[0]).toMatchObject({ userIds: employeeAt(PO_SCHOOL, 4).userIds });
	});

	it('reports an unknown employee as HTTP 404 with the source\'s message, per item with continueOnFail', async () => {
		const result = await runEduix(
			sim,
			{ operation: 'get', orgMasterId: PO_SCHOOL, userIds: { id: [{ userIdType: 'ASI', userId: '={{ $json.id }}' }] } },
			{ inputItems: [{ id: asi(PO_SCHOOL) }, { id: 'not-there' }], continueOnFail: true },
		);
		const out = result.output(NODE_NAME);
		expect(out[0].json).toMatchObject({ userIds: employeeAt(PO_SCHOOL).userIds });
		expect(out[1].json.error).toBe('Edu-iX: Edu-V 0099 Other error (Employee not found) (HTTP 404)');
		expect(out[1].error?.description).toContain('API-Version 1.1.0');
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});

	it('explains a 404 without body for an unknown employee (reading notFound: empty)', async () => {
		sim.setReadings({ notFound: 'empty' });
		try {
			const result = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, userIds: { id: [{ userIdType: 'ASI', userId: 'not-there' }] } }, { continueOnFail: true });
			const [out] = result.output(NODE_NAME);
			expect(out.json.error).toBe('Edu-iX refused the request (HTTP 404)');
			expect(out.error?.description).toMatch(/does not know this employee at this school/);
		} finally {
			sim.setReadings({ notFound: 'eduv' });
		}
	});

	describe('parameter rules, checked before anything is sent', () => {
		const cases: Array<[string, Record<string, unknown>, RegExp]> = [
			['no user IDs', { userIds: {} }, /User IDs: add at least one/],
			['an unknown user ID type', { userIds: { id: [{ userIdType: 'BSN', userId: '1' }] } }, /User IDs #1 User ID Type.*not one of the allowed/],
			['an empty user ID', { userIds: { id: [{ userIdType: 'ASI', userId: ' ' }] } }, /User IDs #1 User ID.*required/],
			['an empty master identifier', { employeeIdentifiedBy: 'userMasterIdentifier', userMasterIdentifier: '={{ "" }}' }, /User Master Identifier.*required/],
			['an unknown body shape', { userIds: byAsi('x'), options: { personField: 'person' } }, /Person Reference in Body/],
			['an unknown school ID type', { schoolIdentifiedBy: 'orgId', orgIdType: 'XX', orgId: '1', userIds: byAsi('x') }, /Organisation ID Type/],
		];
		it.each(cases)('refuses %s', async (_name, parameters, message) => {
			sim.clearRequests();
			const result = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, ...parameters }, { inputItems: [{}, {}], continueOnFail: true });
			const out = result.output(NODE_NAME);
			expect(String(out[1].json.error)).toMatch(message);
			expect(out[1].error?.description).toContain('Item 1');
			expect(sim.requests).toHaveLength(0);
		});
	});
});
