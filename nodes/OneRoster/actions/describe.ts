/**
 * The node's parameters, built once from the endpoint table when the module loads (no spec parsing): the resource
 * picker, one operation picker per resource (sorted, each with an action), one parameter per path placeholder,
 * the shared list or single options, and an override's own fields.
 */
import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { listParameters, pathParameter, singleParameters } from './common.descriptions';
import { ENDPOINTS, pathParameters, RESOURCES, type Endpoint } from './endpoints';
import { overrideFor } from './overrides';
import { writeParameters } from './writes';

const RESOURCE_NAMES = new Map(RESOURCES.map((resource) => [resource.value, resource.name]));

/** "classSourcedId" → "Class"; "sourcedId" → the resource's own name. */
function placeholderName(row: Endpoint, placeholder: string): string {
	if (placeholder === 'sourcedId') return RESOURCE_NAMES.get(row.resource) ?? 'Record';
	const subject = placeholder.replace(/SourcedId$/, '');
	return RESOURCE_NAMES.get(subject) ?? subject.charAt(0).toUpperCase() + subject.slice(1);
}

function actionOf(row: Endpoint): string {
	const resource = (RESOURCE_NAMES.get(row.resource) ?? row.resource).toLowerCase();
	const many = resource === 'demographics' ? 'demographics records' : `${resource}s`.replace(/ss$/, 'sses').replace(/ys$/, 'ies');
	if (row.op === 'getAll') return `Get many ${many}`;
	const scoped = /^(Get Many|Create) for (.+)$/.exec(row.name);
	if (scoped) return `${scoped[1] === 'Create' ? 'Create' : 'Get many'} ${many} for ${scoped[2].toLowerCase()}`;
	if (row.op === 'upsert') return `Create or replace a${/^[aeiou]/.test(resource) ? 'n' : ''} ${resource}`;
	if (row.op === 'get') return `Get a${/^[aeiou]/.test(resource) ? 'n' : ''} ${resource}`;
	return `${row.name} of a${/^[aeiou]/.test(resource) ? 'n' : ''} ${resource}`.replace(/^(Create|Update|Delete) of (an?) /, '$1 $2 ');
}

function operationPicker(resource: string, rows: Endpoint[]): INodeProperties {
	const options = rows
		.map((row) => ({ name: row.name, value: row.op, description: row.description, action: actionOf(row) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		// Every resource has a Get Many (the endpoints test checks it).
		default: 'getAll',
		options,
	};
}

function rowParameters(row: Endpoint): INodeProperties[] {
	const show = { resource: [row.resource], operation: [row.op] };
	const properties = pathParameters(row.path).map((placeholder) => pathParameter(row.resource, placeholder, placeholderName(row, placeholder), show));
	if (row.list) properties.push(...listParameters(show, { search: row.id === 'getAllUsers' }));
	else if (row.method === 'GET') properties.push(...singleParameters(show));
	properties.push(...writeParameters(row, show));
	const override = overrideFor(row);
	if (override?.description) properties.push(...override.description(show));
	if (row.list) {
		// Return All / Limit right after the path parameters, as n8n's own nodes place them.
		const at = pathParameters(row.path).length;
		properties.splice(at, 0, ...returnAllAndLimit(show));
	}
	return properties;
}

export function describeEndpoints(): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: RESOURCES.map(({ name, value, description }) => ({ name, value, description })),
			default: 'user',
		},
	];
	for (const resource of RESOURCES) {
		const rows = ENDPOINTS.filter((row) => row.resource === resource.value);
		properties.push(operationPicker(resource.value, rows));
	}
	for (const row of ENDPOINTS) properties.push(...rowParameters(row));
	return properties;
}
