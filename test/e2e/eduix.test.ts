/**
 * The Edu-iX Employees node inside a real n8n (each line of test/e2e/n8n-lines) (`npm run test:e2e`): installed like a community package,
 * run with `n8n execute` against the Edu-V Employees simulator with a signed-JWT credential.
 */
import { nodeOutput } from '../../scripts/n8n-rest';
import { loadInsideN8n, verifyInstalledPackage } from '../../scripts/package-install';
import { NO_CONSENT_SCHOOL } from '../simulators/eduix';
import { PRIVATE_KEY, setUpEduixSuite, type EduixSuite } from './support/eduix';
import { executeWorkflow, tearDownSuite } from './support/suite';

let suite: EduixSuite;

beforeAll(async () => {
	suite = await setUpEduixSuite();
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

/** A line of the private key body, as it would appear if the key leaked anywhere. */
const keyLine = PRIVATE_KEY.split('\n')[3];

describe('the package installed the way n8n installs a community package', () => {
	it('holds the Edu-iX node, trigger and credential with codex and icons, and n8n loads them', async () => {
		expect(await verifyInstalledPackage(suite.install, suite.pkg)).toEqual([]);
		const report = await loadInsideN8n(suite.install, suite.pkg);
		expect(report.errors).toEqual([]);
		expect(report.loaded.map((entry) => entry.name)).toEqual(expect.arrayContaining(['eduixEmployees', 'eduixEmployeesTrigger', 'eduixApi']));
	});
});

describe('n8n execute', () => {
	it('lists a school by RIO id and by BRIN (OIE_CODE), and gets one employee', async () => {
		const { code, run, output } = await executeWorkflow(suite, 'e2eEduixList');
		expect({ code, error: run.resultData.error }).toEqual({ code: 0, error: undefined });

		const byRio = nodeOutput(run, 'By RIO id');
		const po = suite.sim.state.employeesOf('100B490').map((stored) => stored.employee);
		expect(byRio).toEqual(po);
		const byBrin = nodeOutput(run, 'By BRIN');
		expect(byBrin).toHaveLength(suite.sim.state.employeesOf('112C007').length);
		expect(byBrin[0]).toEqual(expect.objectContaining({ userIds: expect.any(Array), familyName: expect.any(String), fullName: expect.any(String) }));
		expect(byBrin[0]).not.toHaveProperty('dateCreated');
		expect(nodeOutput(run, 'Get one')).toEqual([expect.objectContaining({ userIds: po[0].userIds, email: po[0].email })]);

		const list = suite.sim.requests.filter((request) => request.path === '/v1/employees/school');
		expect(list.map((request) => request.query)).toEqual([{ orgMasterId: ['100B490'] }, { orgId: ['23CD'], orgIdType: ['OIE_CODE'] }]);
		// One token for the whole execution, obtained with a signed assertion.
		const tokens = suite.sim.requests.filter((request) => request.path === '/oauth2/token');
		expect(tokens).toHaveLength(1);
		expect(String(tokens[0].body)).toContain('client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer');
		expect(output).not.toContain(keyLine);
	});

	it('stops with a readable consent error for a school that has not activated the data service', async () => {
		const { code, run, output } = await executeWorkflow(suite, 'e2eEduixConsent');
		expect(code).toBe(1);
		expect(run.resultData.lastNodeExecuted).toBe('School without consent');
		const error = run.resultData.error;
		expect(error?.message).toBe('Edu-iX: Edu-V 0022 Consent required (HTTP 403)');
		expect(error?.description).toContain('has not activated (given consent for) the Employees data service for this application');
		expect(error?.description).toContain('API-Version 1.1.0');
		expect(suite.sim.state.hasConsent('n8n-edu-demo-client', NO_CONSENT_SCHOOL)).toBe(false);
		expect(output).not.toContain(keyLine);
	});
});
