import { leaksSecret } from '../../harness';
import type { EduixSimulator } from '../../simulators/eduix';
import { apiRequests, keys, NODE_NAME, PO_SCHOOL, runEduix, startSimulator, VO_SCHOOL } from './setup';

describe('Edu-iX Employees › Employee › Get Many', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const schoolEmployees = (school: string) => sim.state.employeesOf(school);

	it('lists a school by RIO id with every field, nested collections intact, paired', async () => {
		const result = await runEduix(sim, { operation: 'getAll', orgMasterId: PO_SCHOOL, returnAll: true, simplify: false });
		const out = result.output(NODE_NAME);
		expect(out).toHaveLength(schoolEmployees(PO_SCHOOL).length);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(out.map((item) => item.json)).toEqual(schoolEmployees(PO_SCHOOL).map((stored) => stored.employee));
		const [request] = apiRequests(sim);
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/v1/employees/school');
		expect(request.query).toEqual({ orgMasterId: [PO_SCHOOL] });
		expect(request.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(request.headers['api-version']).toBeUndefined();
		expect(leaksSecret([result.logs, result.run], keys.privateKey)).toBe(false);
	});

	it('simplifies to identifiers, name, e-mail and organisation roles', async () => {
		const result = await runEduix(sim, { operation: 'getAll', orgMasterId: PO_SCHOOL, returnAll: false, limit: 3 });
		const out = result.json(NODE_NAME);
		expect(out).toHaveLength(3);
		const first = schoolEmployees(PO_SCHOOL)[0].employee;
		expect(Object.keys(out[0]).every((key) =>
			['userMasterIdentifier', 'userIds', 'givenName', 'preferredFirstName', 'familyNamePrefix', 'familyName', 'email', 'organisationRoles', 'fullName'].includes(key),
		)).toBe(true);
		expect(out[0]).toMatchObject({ userIds: first.userIds, givenName: first.givenName, email: first.email, organisationRoles: first.organisationRoles });
		expect(out[0]).not.toHaveProperty('dateCreated');
	});

	it('lists by BRIN (OIE_CODE) with the server default: VO returns the whole Onderwijsaanbieder, nothing extra sent', async () => {
		const result = await runEduix(sim, { operation: 'getAll', schoolIdentifiedBy: 'orgId', orgIdType: 'OIE_CODE', orgId: '23CD', returnAll: true });
		expect(result.json(NODE_NAME)).toHaveLength(schoolEmployees(VO_SCHOOL).length);
		expect(apiRequests(sim)[0].query).toEqual({ orgId: ['23CD'], orgIdType: ['OIE_CODE'] });
	});

	it('by vestiging (V_ID): PO filters by default, VO only with filterByOrgId=true, false covers all', async () => {
		const run = async (orgId: string, filterByOrgId?: string) =>
			(await runEduix(sim, { operation: 'getAll', schoolIdentifiedBy: 'orgId', orgIdType: 'V_ID', orgId, returnAll: true, options: filterByOrgId ? { filterByOrgId } : {} })).json(NODE_NAME);
		const atLocation = (school: string, location: number) => schoolEmployees(school).filter((stored) => stored.location === location).length;
		expect(await run('12AB01')).toHaveLength(atLocation(PO_SCHOOL, 1));
		expect(await run('23CD01')).toHaveLength(schoolEmployees(VO_SCHOOL).length);
		expect(await run('23CD01', 'true')).toHaveLength(atLocation(VO_SCHOOL, 1));
		expect(await run('12AB01', 'false')).toHaveLength(schoolEmployees(PO_SCHOOL).length);
		expect(apiRequests(sim).map((request) => request.query.filterByOrgId)).toEqual([undefined, undefined, ['true'], ['false']]);
	});

	it('sends schoolPeriodId and filterByOrgId=false with a RIO id when set', async () => {
		const result = await runEduix(sim, { operation: 'getAll', orgMasterId: PO_SCHOOL, returnAll: true, options: { schoolPeriodId: '2024-2025', filterByOrgId: 'false' } });
		expect(result.status).toBe('success');
		expect(apiRequests(sim)[0].query).toEqual({ orgMasterId: [PO_SCHOOL], filterByOrgId: ['false'], schoolPeriodId: ['2024-2025'] });
		const inPeriod = schoolEmployees(PO_SCHOOL).filter((stored) => stored.periods.includes('2024-2025')).length;
		expect(result.json(NODE_NAME)).toHaveLength(inPeriod);
	});

	it('runs once per input item with each item\'s school', async () => {
		const result = await runEduix(
			sim,
			{ operation: 'getAll', orgMasterId: '={{ $json.school }}', returnAll: false, limit: 2 },
			{ inputItems: [{ school: PO_SCHOOL }, { school: VO_SCHOOL }] },
		);
		expect(result.output(NODE_NAME).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		expect(apiRequests(sim).map((request) => request.query.orgMasterId)).toEqual([[PO_SCHOOL], [VO_SCHOOL]]);
	});

	it('refuses an answer that is not a bare list instead of returning nothing', async () => {
		sim.faults.add({ match: { path: /^\/v1\/employees\/school/ }, times: 1, fault: { kind: 'status', status: 200, body: { employees: [] } } });
		const result = await runEduix(sim, { operation: 'getAll', orgMasterId: PO_SCHOOL, returnAll: true }, { continueOnFail: true });
		const [out] = result.output(NODE_NAME);
		expect(out.json.error).toBe('Edu-iX answered the employee list with an object with employees instead of a list');
		expect(out.error?.description).toMatch(/bare JSON array.*Base URL/);
		expect(out.pairedItem).toEqual({ item: 0 });
	});

	describe('parameter rules, checked before anything is sent', () => {
		const cases: Array<[string, Record<string, unknown>, RegExp]> = [
			['an empty RIO id', { orgMasterId: '  ' }, /RIO ID \(OrgMasterId\).*required/],
			['an empty organisation ID', { schoolIdentifiedBy: 'orgId', orgIdType: 'OIE_CODE', orgId: '={{ $json.missing }}' }, /Organisation ID.*required/],
			['an unknown orgIdType', { schoolIdentifiedBy: 'orgId', orgIdType: 'BRIN', orgId: '12AB' }, /Organisation ID Type.*not one of the allowed/],
			['an unknown identification mode', { schoolIdentifiedBy: 'both' }, /School Identified By/],
			['filterByOrgId=true with a RIO id', { orgMasterId: PO_SCHOOL, options: { filterByOrgId: 'true' } }, /Filter by Organisation ID cannot be .* with a RIO ID/],
			['a limit of 0', { orgMasterId: PO_SCHOOL, returnAll: false, limit: 0 }, /Limit/],
		];
		it.each(cases)('refuses %s with the field and item index', async (_name, parameters, message) => {
			sim.clearRequests();
			const result = await runEduix(sim, { operation: 'getAll', returnAll: true, ...parameters }, { inputItems: [{}, {}], continueOnFail: true });
			const out = result.output(NODE_NAME);
			expect(out).toHaveLength(2);
			expect(String(out[1].json.error)).toMatch(message);
			expect(out[1].error?.description).toContain('Item 1');
			expect(out[1].pairedItem).toEqual({ item: 1 });
			expect(sim.requests).toHaveLength(0);
		});

		it('only warns when a V_ID does not look like BRIN6', async () => {
			const result = await runEduix(sim, { operation: 'getAll', schoolIdentifiedBy: 'orgId', orgIdType: 'V_ID', orgId: 'DUMMY1', returnAll: true }, { continueOnFail: true });
			expect(result.logs.some((line) => line.level === 'warn' && /does not look like a BRIN6/.test(line.message))).toBe(true);
			expect(apiRequests(sim)).toHaveLength(1);
		});
	});
});
