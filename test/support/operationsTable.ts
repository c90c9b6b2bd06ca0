import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

export const ROOT = join(__dirname, '..', '..');
export const TABLE_START = '<!-- operations:start (generated from the node descriptions; test/unit/readme.test.ts keeps it true) -->';
export const TABLE_END = '<!-- operations:end -->';

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

/** The built node descriptions, in package.json order. */
export function loadNodeDescriptions(): INodeTypeDescription[] {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
	return pkg.n8n.nodes.map((file) => {
		const module = require(join(ROOT, file)) as Record<string, new () => INodeType>;
		const className = file.split('/').pop()!.split('.')[0];
		return new module[className]().description;
	});
}

const isOption = (value: unknown): value is INodePropertyOptions =>
	typeof value === 'object' && value !== null && 'value' in value && 'name' in value;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []).filter(isOption);
}

/** One row per resource and operation (and per event for a trigger), as the user sees them. */
export function operationsTable(descriptions: INodeTypeDescription[]): string {
	const rows = ['| node | resource | operation | what it does |', '|---|---|---|---|'];
	for (const description of descriptions) {
		const resources = optionsOf(description.properties.find((p) => p.name === 'resource'));
		for (const resource of resources) {
			const operation = description.properties.find(
				(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource.value),
			);
			for (const op of optionsOf(operation)) {
				rows.push(`| ${description.displayName} | ${resource.name} | ${op.name} | ${op.description ?? op.action ?? ''} |`);
			}
		}
		if (description.polling) {
			// A trigger with several feeds has one events list per feed (e.g. `events` and `absenceEvents`).
			for (const property of description.properties.filter((p) => /^(\w+E|e)vents$/.test(p.name))) {
				for (const event of optionsOf(property)) {
					rows.push(`| ${description.displayName} | (polling trigger) | ${event.name} | ${event.description ?? ''} |`);
				}
			}
		}
	}
	return rows.join('\n');
}

export function readmeSection(readme: string): string | undefined {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	if (start < 0 || end < start) return undefined;
	return readme.slice(start + TABLE_START.length, end).trim();
}

export function withTable(readme: string, table: string): string {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
