import { leaksSecret } from '../../harness';
import { DEFAULT_CLIENT_ID, NO_CONSENT_SCHOOL, type EduixSimulator } from '../../simulators/eduix';
import { apiRequests, NODE_NAME, PO_SCHOOL, runEduix, startSimulator, tokenRequests } from './setup';

const list = (orgMasterId = PO_SCHOOL, options = {}) => ({ operation: 'getAll', orgMasterId, returnAll: true, options });

describe('Edu-iX Employees › errors', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
		sim.setReadings({ statusFormat: 'string', unknownSchoolCode: '0023' });
	});

	const codes: Array<[number, string, RegExp, RegExp]> = [
		[400, '0011', /Edu-V 0011 Schema incorrect/, /did not match the API schema/],
		[400, '0012', /Edu-V 0012 Version not supported/, /major version in the credential's Base URL/],
		[401, '0021', /Edu-V 0021 Scope required/, /Check the Scopes in the credential/],
		[403, '0022', /Edu-V 0022 Consent required/, /has not activated \(given consent for\) the Employees data service/],
		[400, '0023', /Edu-V 0023 School unknown/, /orgMasterId \(the RIO OnderwijsaanbiederId\)/],
		[400, '2001', /Edu-V 2001 School unknown/, /orgMasterId \(the RIO OnderwijsaanbiederId\)/],
		[400, '2008', /Edu-V 2008 School period unknown/, /schoolPeriodId is unknown/],
		[400, '0099', /Edu-V 0099 Other error \(Teacher import running\)/, /reason in its message/],
		[409, '3001', /Edu-V status 3001 \(Something new\)/, /Edu-V Employees API documentation/],
	];

	describe.each(['string', 'number'] as const)('with status as a %s', (statusFormat) => {
		it.each(codes)('HTTP %i with %s: NodeApiError with the real HTTP code, the meaning and what to do', async (http, code, message, description) => {
			sim.setReadings({ statusFormat });
			const said = code === '0099' ? 'Teacher import running' : code === '3001' ? 'Something new' : undefined;
			sim.failWith(http, code, { times: 2, message: said });
			const result = await runEduix(sim, list());
			const error = result.nodeError(NODE_NAME)!;
			expect(error.message).toMatch(message);
			expect(error.message).toContain(`(HTTP ${http})`);
			expect((error as { httpCode?: string }).httpCode).toBe(String(http));
			expect(error.description).toMatch(description);
			// A 401 gets one new token and one more try; the others are not retried.
			expect(apiRequests(sim)).toHaveLength(http === 401 ? 2 : 1);
		});
	});

	it('consent is per client and school: the school without consent answers 403 0022, readable', async () => {
		const result = await runEduix(sim, list(NO_CONSENT_SCHOOL));
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('Edu-iX: Edu-V 0022 Consent required (HTTP 403)');
		expect(error.description).toContain('Ask the school to activate it in its consent management');
		expect(error.description).toContain('API-Version 1.1.0');
		sim.state.setConsent(DEFAULT_CLIENT_ID, NO_CONSENT_SCHOOL, true);
		expect((await runEduix(sim, list(NO_CONSENT_SCHOOL))).status).toBe('success');
		sim.state.setConsent(DEFAULT_CLIENT_ID, NO_CONSENT_SCHOOL, false);
	});

	it.each(['0023', '2001'] as const)('an unknown school is %s as the source reads it', async (unknownSchoolCode) => {
		sim.setReadings({ unknownSchoolCode, statusFormat: 'number' });
		const error = (await runEduix(sim, list('999X999'))).nodeError(NODE_NAME)!;
		expect(error.message).toContain(`Edu-V ${unknownSchoolCode} School unknown`);
	});

	it('an unknown school period is 2008', async () => {
		const error = (await runEduix(sim, list(PO_SCHOOL, { schoolPeriodId: '1999-2000' }))).nodeError(NODE_NAME)!;
		expect(error.message).toBe('Edu-iX: Edu-V 2008 School period unknown (HTTP 400)');
	});

	it('a token without the basic scope gets 0021', async () => {
		const result = await runEduix(sim, list(), { credentials: { scopes: ['eduv.employee.roles'] } });
		expect(result.nodeError(NODE_NAME)?.message).toBe('Edu-iX: Edu-V 0021 Scope required (HTTP 401)');
	});

	it('leaves out communication and roles attributes the token has no scope for', async () => {
		const result = await runEduix(sim, { ...list(), simplify: false }, { credentials: { scopes: ['eduv.employee.basic'] } });
		const out = result.json(NODE_NAME);
		expect(out.length).toBeGreaterThan(0);
		expect(out.some((employee) => 'email' in employee || 'organisationRoles' in employee)).toBe(false);
	});

	it('retries reads on 429 with Retry-After and on 503, then succeeds', async () => {
		sim.faults.add({ match: { path: /^\/v1\// }, fault: { kind: 'status', status: 429, retryAfter: '0' } });
		sim.faults.add({ match: { path: /^\/v1\// }, fault: { kind: 'status', status: 503 } });
		const result = await runEduix(sim, list());
		expect(result.status).toBe('success');
		expect(apiRequests(sim)).toHaveLength(3);
	});

	it('retries the POST lookup too: it is a read', async () => {
		const userId = sim.state.employeesOf(PO_SCHOOL)[0].employee.userIds[0].userId;
		sim.faults.add({ match: { path: '/v1/employees' }, fault: { kind: 'reset' } });
		const result = await runEduix(sim, { operation: 'get', orgMasterId: PO_SCHOOL, userIds: { id: [{ userIdType: 'ASI', userId }] } });
		expect(result.status).toBe('success');
		expect(apiRequests(sim, 'POST')).toHaveLength(2);
	});

	it('never shows the private key, the assertion or an access token', async () => {
		sim.failWith(403, '0022');
		const result = await runEduix(sim, list(), { continueOnFail: true });
		const token = String(apiRequests(sim)[0].headers.authorization).slice('Bearer '.length);
		const assertion = new URLSearchParams(String(tokenRequests(sim).at(-1)?.body ?? '')).get('client_assertion');
		for (const secret of [token, assertion].filter((value): value is string => Boolean(value))) {
			expect(leaksSecret([result.logs, result.run], secret)).toBe(false);
		}
	});
});
