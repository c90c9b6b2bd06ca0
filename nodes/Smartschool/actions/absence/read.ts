/**
 * What the seven absence operations share: their date and school-year fields, the output options, and the step
 * from the decoded answer to items (optionally with the accounts' names and identifiers from one more call).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { booleanValue, oneOf, parseDate } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import type { AbsenceItem } from './codes';

export const dateField: INodeProperties = {
	displayName: 'Date',
	name: 'date',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2025-11-24',
	description: 'The school day, YYYY-MM-DD. For yesterday use an expression: {{ $today.minus({ days: 1 }).toFormat("yyyy-MM-dd") }}.',
};

export const schoolYearField: INodeProperties = {
	displayName: 'School Year',
	name: 'schoolYear',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2025',
	description: 'The start year of the school year (schooljaar): 2025 means 2025-2026 (1 September to 31 August). "2025-2026" is accepted too.',
};

const accountDetailsOption: INodeProperties = {
	displayName: 'Add Account Details',
	name: 'accountDetails',
	type: 'boolean',
	default: false,
	description:
		'Whether to add each student\'s username, internal number and name (one extra call listing the accounts), e.g. to message the parents next',
};

/** The Options collection; `withAccounts` adds "Add Account Details" (by-date answers name students by a key only). */
export function absenceOptions(withAccounts: boolean): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Only Absent',
				name: 'absentOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out students who were present or only late on both half-days',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'items',
				options: [
					{
						name: 'One Item per Student and Date',
						value: 'items',
						description: 'Am/pm codes (voormiddag/namiddag) with their meaning',
					},
					{ name: 'Raw Answer', value: 'raw', description: 'The decoded answer as Smartschool shapes it, in one item' },
				],
			},
			...(withAccounts ? [accountDetailsOption] : []),
		],
	};
}

export function readDate(context: IExecuteFunctions, itemIndex: number): string {
	return parseDate(context.getNodeParameter('date', itemIndex, ''), {
		node: context.getNode(),
		field: 'Date',
		itemIndex,
		accept: ['iso'],
		output: 'iso-date',
	});
}

export function readSchoolYear(context: IExecuteFunctions, itemIndex: number): string {
	const raw = String(context.getNodeParameter('schoolYear', itemIndex, '') ?? '').trim();
	const match = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(raw);
	if (!match || (match[2] !== undefined && Number(match[2]) !== Number(match[1]) + 1)) {
		throw invalidParameter(context.getNode(), {
			field: 'School Year',
			itemIndex,
			message: `School Year: "${raw}" is not a school year`,
			allowed: 'the start year, e.g. 2025 for 2025-2026 (or "2025-2026")',
		});
	}
	return match[1];
}

interface AbsenceOptions {
	output: 'items' | 'raw';
	absentOnly: boolean;
	accountDetails: boolean;
}

export function readAbsenceOptions(context: IExecuteFunctions, itemIndex: number): AbsenceOptions {
	const node = context.getNode();
	const raw = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const flag = (name: string, field: string) => (raw[name] === undefined ? false : booleanValue(raw[name], { node, field, itemIndex }));
	return {
		output: raw.output === undefined ? 'items' : oneOf(raw.output, ['items', 'raw'] as const, { node, field: 'Output', itemIndex }),
		absentOnly: flag('absentOnly', 'Only Absent'),
		accountDetails: flag('accountDetails', 'Add Account Details'),
	};
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** Names and identifiers of the students, from getAllAccountsExtended, keyed by user id, username and internal number. */
async function accountIndex(client: SmartschoolClient, groupCode: string, itemIndex: number): Promise<Map<string, IDataObject>> {
	const [uniqueField, accounts] = await Promise.all([
		client.uniqueField(),
		client.call('getAllAccountsExtended', { code: groupCode, recursive: '1' }, { itemIndex }),
	]);
	const index = new Map<string, IDataObject>();
	for (const account of Array.isArray(accounts) ? (accounts as IDataObject[]) : []) {
		const username = text(account.gebruikersnaam);
		const internalNumber = text(account.internnummer);
		// referenceIdentifier = <platform>_<user id>_<co-account> (ref §5.1).
		const userId = /_(\d+)_\d+$/.exec(text(account.referenceIdentifier))?.[1] ?? '';
		const details: IDataObject = {
			userIdentifier: uniqueField === 'number' ? internalNumber : username,
			username,
			internalNumber,
			firstName: text(account.voornaam),
			lastName: text(account.naam),
		};
		for (const key of [userId, username, internalNumber]) if (key !== '' && !index.has(key)) index.set(key, details);
	}
	return index;
}

/** The answer as items, filtered and enriched per the options; the raw shape in one item when asked. */
export async function absenceResult(
	client: SmartschoolClient,
	itemIndex: number,
	options: AbsenceOptions,
	decoded: unknown,
	items: AbsenceItem[],
	groupCode = '',
): Promise<IDataObject | IDataObject[]> {
	if (options.output === 'raw') {
		return decoded !== null && typeof decoded === 'object' && !Array.isArray(decoded) ? (decoded as IDataObject) : { absences: decoded as IDataObject[] };
	}
	const kept = options.absentOnly ? items.filter((entry) => entry.absent) : items;
	if (!options.accountDetails || kept.length === 0) return kept;
	const index = await accountIndex(client, groupCode, itemIndex);
	return kept.map((entry) => ({ ...entry, ...(index.get(entry.student) ?? { userIdentifier: null }) }));
}
