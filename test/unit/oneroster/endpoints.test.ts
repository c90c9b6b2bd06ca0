import { ENDPOINTS, pathParameters, RESOURCES } from '../../../nodes/OneRoster/actions/endpoints';
import { GRADEBOOK_FILE, loadSpec, operations, RESOURCES_FILE, responseSchemaName, type OpenApiOperation } from './openapi';

/** Every row of the hand-written table against the official OpenAPI files (rostering, gradebook, resources). */
describe('OneRoster endpoint table', () => {
	const spec = loadSpec();
	const specOps = operations(spec);
	const files = { rostering: spec, gradebook: loadSpec(GRADEBOOK_FILE), resources: loadSpec(RESOURCES_FILE) };
	const opsOf = (service: keyof typeof files) => operations(files[service]);
	const requestSchemaName = (operation: OpenApiOperation) =>
		(operation as { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }).requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();

	it('has one row per rostering operation of the official file (41), nothing more but the marked extensions', () => {
		const standard = ENDPOINTS.filter((row) => row.service === 'rostering' && !row.extension);
		expect(standard).toHaveLength(41);
		expect(specOps).toHaveLength(41);
		expect(standard.map((row) => row.id).sort()).toEqual(specOps.map((op) => op.operation.operationId).sort());
	});

	it.each(['gradebook', 'resources'] as const)('has one row per %s operation of its official file', (service) => {
		const rows = ENDPOINTS.filter((row) => row.service === service);
		const ops = opsOf(service);
		expect(rows).toHaveLength(service === 'gradebook' ? 35 : 5);
		expect(rows.map((row) => row.id).sort()).toEqual(ops.map((op) => op.operation.operationId).sort());
	});

	it.each(ENDPOINTS.filter((row) => !row.extension).map((row) => [row.id, row] as const))('%s matches the file', (_id, row) => {
		const file = files[row.service];
		const found = opsOf(row.service).find((op) => op.operation.operationId === row.id)!;
		expect(found.method).toBe(row.method);
		expect(found.path).toBe(row.path);
		const placeholders = (found.operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
		expect(pathParameters(row.path)).toEqual(placeholders);
		const query = (found.operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name).sort();
		// Retry contract: reads, PUT upserts and DELETEs may be repeated; POST creates never.
		expect(row.idempotent).toBe(row.method !== 'POST');
		if (row.method === 'GET') {
			const schemaName = responseSchemaName(found.operation)!;
			// The envelope is the single top-level property of the answer.
			expect(Object.keys(file.components.schemas[schemaName].properties ?? {})).toEqual([row.key]);
			expect(query).toEqual(row.list ? ['fields', 'filter', 'limit', 'offset', 'orderBy', 'sort'] : ['fields']);
			return;
		}
		expect(query).toEqual([]);
		if (row.method === 'DELETE') {
			expect(Object.keys(found.operation.responses)).toContain('204');
			expect(row.body).toBeUndefined();
			return;
		}
		const bodyProperties = Object.keys(file.components.schemas[requestSchemaName(found.operation)!].properties ?? {});
		expect(bodyProperties).toEqual([row.method === 'PUT' ? row.body : row.body === 'result' ? 'results' : 'lineItems']);
		if (row.method === 'POST') {
			expect(Object.keys(file.components.schemas[responseSchemaName(found.operation, '201')!].properties ?? {})).toEqual([row.key]);
		} else expect(row.key).toBeUndefined();
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
