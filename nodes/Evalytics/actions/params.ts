import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { integerInRange } from '../../shared/validate';

/** The organisation chosen in the node for item `itemIndex`; empty means the credential's default. */
export function readOrganisation(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('organisation', itemIndex, '', { extractValue: true });
	return value === undefined || value === null ? '' : String(value).trim();
}

export function readUserId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('userId', itemIndex, '');
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Parses a comma-separated list of role IDs ("3, 5") into integers, naming the field on error. */
export function parseRoleIds(node: INode, raw: unknown, itemIndex: number): number[] {
	if (Array.isArray(raw)) return raw.map((value) => toRoleId(node, value, itemIndex));
	if (raw === undefined || raw === null || String(raw).trim() === '') return [];
	return String(raw)
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => toRoleId(node, part, itemIndex));
}

function toRoleId(node: INode, value: unknown, itemIndex: number): number {
	return integerInRange(value, { node, field: 'Role IDs', itemIndex, min: 1 });
}

/** The rows of a fixedCollection (`{ role: [...] }`) as an array. */
export function fixedCollectionRows(value: unknown, key: string): IDataObject[] {
	if (!value || typeof value !== 'object') return [];
	const rows = (value as IDataObject)[key];
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}
