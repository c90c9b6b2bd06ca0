import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { integerInRange, parseDate } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { readUserRef, resolveUserIdentifier } from './identify';

/** The `userIdentifier` of an item: the User locator read as Identify By says (one lookup when it differs). */
export async function userIdentifierOf(context: IExecuteFunctions, itemIndex: number, client: SmartschoolClient): Promise<string> {
	return await resolveUserIdentifier(context, client, readUserRef(context, itemIndex), itemIndex);
}

/** An optional date parameter as YYYY-MM-DD, or undefined when left empty (the part is then not sent). */
export function optionalDate(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return parseDate(value, { node: context.getNode(), field, itemIndex, output: 'iso-date' });
}

/** The Official Date option of the operations that register a class movement. */
export function officialDateOptions(description: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Official Date',
				name: 'officialDate',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD',
				description,
			},
		],
	};
}

/** The Official Date of an item's Options, checked. */
export function readOfficialDate(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return optionalDate(context, options.officialDate, 'Official Date', itemIndex);
}

/** Account 0–6 (or 1–6 for co-account only operations), named as the UI shows it. */
export function readAccountType(context: IExecuteFunctions, itemIndex: number, min = 0): number {
	return integerInRange(context.getNodeParameter('accountType', itemIndex, min), {
		node: context.getNode(),
		field: min === 0 ? 'Account' : 'Co-Account',
		itemIndex,
		min,
		max: 6,
	});
}

/** A comma-separated list (group/class codes, user identifiers): trimmed, none empty, at least one. */
export function readCodeList(
	context: IExecuteFunctions,
	name: string,
	field: string,
	itemIndex: number,
	example = 'codes separated by commas, e.g. 1A,schaakclub',
): string[] {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const list = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',');
	const codes = list.map((code) => code.trim());
	if (codes.length === 0 || codes.some((code) => code === '')) {
		throw invalidList(context, field, itemIndex, String(raw ?? ''), example);
	}
	return codes;
}

function invalidList(context: IExecuteFunctions, field: string, itemIndex: number, raw: string, allowed: string): Error {
	return invalidParameter(context.getNode(), {
		field,
		itemIndex,
		message: raw.trim() === '' ? 'is required but empty' : `"${raw.slice(0, 60)}" has an empty entry`,
		allowed,
	});
}
