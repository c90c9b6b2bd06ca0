import { ENDPOINTS, pathParameters, RESOURCES } from '../../../nodes/OneRoster/actions/endpoints';
import { loadSpec, operations, responseSchemaName } from './openapi';

/** Every row of the hand-written table against the official rostering OpenAPI file. */
describe('OneRoster endpoint table', () => {
	const spec = loadSpec();
	const specOps = operations(spec);

	it('has one row per rostering operation of the official file (41), nothing more but the marked extensions', () => {
		const standard = ENDPOINTS.filter((row) => row.service === 'rostering' && !row.extension);
		expect(standard).toHaveLength(41);
		expect(specOps).toHaveLength(41);
		expect(standard.map((row) => row.id).sort()).toEqual(specOps.map((op) => op.operation.operationId).sort());
	});

	it.each(ENDPOINTS.filter((row) => !row.extension).map((row) => [row.id, row] as const))('%s matches the file', (_id, row) => {
		const found = specOps.find((op) => op.operation.operationId === row.id)!;
		expect(found.method).toBe(row.method);
		expect(found.path).toBe(row.path);
		const schemaName = responseSchemaName(found.operation)!;
		const properties = Object.keys(spec.components.schemas[schemaName].properties ?? {});
		// The envelope is the single top-level property of the answer.
		expect(properties).toEqual([row.key]);
		const query = (found.operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name).sort();
		expect(query).toEqual(row.list ? ['fields', 'filter', 'limit', 'offset', 'orderBy', 'sort'] : ['fields']);
		const placeholders = (found.operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
		expect(pathParameters(row.path)).toEqual(placeholders);
		expect(row.idempotent).toBe(true);
	});

	it('marks the user writes and the demographics read as vendor extensions absent from the file', () => {
		const extensions = ENDPOINTS.filter((row) => row.extension);
		expect(extensions.map((row) => row.id).sort()).toEqual(['createUser', 'deleteUser', 'getUserWithDemographics', 'updateUser']);
		for (const row of extensions) {
			expect(specOps.some((op) => op.path === row.path && op.method === row.method)).toBe(false);
		}
		// Retry contract: a create is never repeated; PUT upserts and DELETEs may be.
		expect(ENDPOINTS.find((row) => row.id === 'createUser')!.idempotent).toBe(false);
		expect(ENDPOINTS.find((row) => row.id === 'updateUser')!.idempotent).toBe(true);
		expect(ENDPOINTS.find((row) => row.id === 'deleteUser')!.idempotent).toBe(true);
	});

	it('has unique resource/operation pairs, known resources, and a Get Many on every resource', () => {
		const pairs = ENDPOINTS.map((row) => `${row.resource}/${row.op}`);
		expect(new Set(pairs).size).toBe(pairs.length);
		const resources = new Set(RESOURCES.map((resource) => resource.value));
		for (const row of ENDPOINTS) expect(resources.has(row.resource)).toBe(true);
		for (const resource of resources) expect(ENDPOINTS.some((row) => row.resource === resource && row.op === 'getAll')).toBe(true);
	});
});
