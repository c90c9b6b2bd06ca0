import { ENDPOINTS } from '../../../nodes/OneRoster/actions/endpoints';
import { sampleIds } from '../../nodes/OneRoster/fixtures';
import { GRADEBOOK_FILE, loadSpec, operations, RESOURCES_FILE, responseSchemaName, validatorFor } from '../../unit/oneroster/openapi';
import { simGet, simToken } from './client';
import { startOneRosterSimulator, statusInfo, type OneRosterSimulator } from './index';

/** The simulator's answers against the official OpenAPI schemas (ajv), so it cannot drift from the standard. */
describe('OneRoster simulator › answers conform to the official OpenAPI file', () => {
	const spec = loadSpec();
	const validate = validatorFor(spec);
	let sim: OneRosterSimulator;
	let token: string;
	beforeAll(async () => {
		sim = await startOneRosterSimulator({ users: 40 });
		token = await simToken(sim);
	});
	afterAll(async () => await sim.close());

	it.each(operations(spec).map((op) => [op.operation.operationId, op] as const))('%s', async (operationId, op) => {
		const row = ENDPOINTS.find((candidate) => candidate.id === operationId)!;
		const values = sampleIds(sim)[row.resource];
		const path = op.path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => encodeURIComponent(values[name]));
		const answer = await simGet(sim, path, token);
		expect(answer.status).toBe(200);
		expect(validate(responseSchemaName(op.operation)!, answer.body)).toEqual([]);
	});

	describe.each([
		['gradebook', GRADEBOOK_FILE],
		['resources', RESOURCES_FILE],
	] as const)('%s GETs', (service, file) => {
		const serviceSpec = loadSpec(file);
		const validateService = validatorFor(serviceSpec);
		const gets = operations(serviceSpec).filter((op) => op.method === 'GET');
		it.each(gets.map((op) => [op.operation.operationId, op] as const))('%s', async (operationId, op) => {
			const row = ENDPOINTS.find((candidate) => candidate.id === operationId)!;
			const values = sampleIds(sim)[row.resource];
			const path = op.path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => encodeURIComponent(values[name]));
			const answer = await simGet(sim, path, token, service === 'gradebook' ? sim.gradebookUrl : sim.resourcesUrl);
			expect(answer.status).toBe(200);
			const body = answer.body as Record<string, unknown>;
			// Every seeded endpoint has something to show.
			expect(Array.isArray(body[row.key!]) ? (body[row.key!] as unknown[]).length : 1).toBeGreaterThan(0);
			expect(validateService(responseSchemaName(op.operation)!, body)).toEqual([]);
		});
	});

	it('error bodies are imsx_StatusInfo', async () => {
		const answer = await simGet(sim, '/users/nobody', token);
		expect(answer.status).toBe(404);
		expect(validate('imsx_StatusInfoDType', answer.body)).toEqual([]);
		expect(validate('imsx_StatusInfoDType', statusInfo(400, 'invalid_filter_field'))).toEqual([]);
	});

	it('a user created through the vendor write validates as a 1.2 user', async () => {
		const created = sim.state.all('users')[0];
		expect(validate('UserDType', created)).toEqual([]);
	});
});
