/** The official 1EdTech OpenAPI files, read in tests only (the node never parses them). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';

/** The copy kept in the repository (so a clean clone can run the checks); ONEROSTER_SPEC_DIR points elsewhere. */
export const SPEC_DIR = process.env.ONEROSTER_SPEC_DIR ?? join(__dirname, '..', '..', 'fixtures', 'oneroster-openapi');
export const ROSTERING_FILE = 'onerosterv1p2rostersservice_openapi3_v1p0.json';
export const GRADEBOOK_FILE = 'onerosterv1p2gradebookservice_openapi3_v1p0.json';
export const RESOURCES_FILE = 'onerosterv1p2resourcesservice_openapi3_v1p0.json';

export interface OpenApiOperation {
	operationId: string;
	parameters?: Array<{ name: string; in: string }>;
	responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

export interface OpenApiDocument {
	paths: Record<string, Record<string, OpenApiOperation>>;
	components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

export function loadSpec(file = ROSTERING_FILE): OpenApiDocument {
	return JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as OpenApiDocument;
}

export function operations(spec: OpenApiDocument): Array<{ method: string; path: string; operation: OpenApiOperation }> {
	return Object.entries(spec.paths).flatMap(([path, methods]) =>
		Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
	);
}

export function responseSchemaName(operation: OpenApiOperation, status = '200'): string | undefined {
	return operation.responses[status]?.content?.['application/json']?.schema?.$ref?.split('/').pop();
}

/** An ajv validator for one component schema, with the whole document loaded so its $refs resolve. */
export function validatorFor(spec: OpenApiDocument) {
	const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', schemaId: 'auto' });
	ajv.addSchema({ components: spec.components }, 'spec');
	return (schemaName: string, value: unknown): string[] => {
		const validate = ajv.getSchema(`spec#/components/schemas/${schemaName}`);
		if (!validate) throw new Error(`No schema ${schemaName}`);
		return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.dataPath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
	};
}
