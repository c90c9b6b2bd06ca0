/** Resource locators and the list parameters shared by every collection endpoint. */
import type { INodeProperties } from 'n8n-workflow';

import { OPERATOR_NAMES } from './filter';

type LocatorKind = 'user' | 'org' | 'class' | 'plain';

const SEARCH_METHOD: Record<Exclude<LocatorKind, 'plain'>, string> = {
	user: 'searchUsers',
	org: 'searchOrgs',
	class: 'searchClasses',
};

/** Which picker a path placeholder gets: users, orgs and classes are searchable, the rest take an ID. */
export function locatorKind(resource: string, placeholder: string): LocatorKind {
	const subject = placeholder === 'sourcedId' ? resource : placeholder.replace(/SourcedId$/, '');
	if (['user', 'student', 'teacher'].includes(subject)) return 'user';
	if (['org', 'school'].includes(subject)) return 'org';
	if (subject === 'class') return 'class';
	return 'plain';
}

const ID_HINT = 'The sourcedId, the provider\'s stable identifier of the record';

export function pathParameter(resource: string, placeholder: string, displayName: string, show: Record<string, string[]>): INodeProperties {
	const kind = locatorKind(resource, placeholder);
	const base = { displayName, name: placeholder, required: true, description: ID_HINT, displayOptions: { show } };
	// A plain text field says what to type; a picker's modes ("By sourcedId") already do.
	if (kind === 'plain') return { ...base, displayName: `${displayName} sourcedId`, type: 'string', default: '', placeholder: 'e.g. 9f1c2d3e-…' };
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: SEARCH_METHOD[kind], searchable: true },
			},
			{ displayName: 'By sourcedId', name: 'id', type: 'string', placeholder: 'e.g. 9f1c2d3e-…' },
		],
	};
}

export function listParameters(show: Record<string, string[]>, options: { search: boolean }): INodeProperties[] {
	const optionFields: INodeProperties[] = [
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'sourcedId,givenName,familyName',
			description: 'Comma-separated fields to return; sourcedId is always added because paging needs it',
		},
		{
			displayName: 'Order By',
			name: 'orderBy',
			type: 'options',
			default: 'asc',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			description: 'Direction of Sort',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			default: 500,
			typeOptions: { minValue: 2 },
			description: 'Records asked per request with Return All; the provider may serve fewer (the node notices)',
		},
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			default: 8,
			typeOptions: { minValue: 1, maxValue: 16 },
			description:
				'Most pages fetched at once with Return All. When the provider answers 429 (too many requests), the node halves the pages in flight, waits as long as Retry-After asks, and adds one back after each run of calm pages (never above this number).',
		},
		{
			displayName: 'Raw Filter',
			name: 'rawFilter',
			type: 'string',
			default: '',
			placeholder: "role='student' AND status='active'",
			description:
				"A filter written in OneRoster's syntax (field op 'value', joined by AND or OR, not both). Joined with AND to the conditions above.",
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'string',
			default: '',
			placeholder: 'familyName',
			description: 'One field to sort by',
		},
	];
	if (options.search) {
		optionFields.push({
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Free-text search; a vendor extension (TimeBack and others), ignored or refused by other providers',
		});
	}
	optionFields.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [
		{
			displayName: 'Filter',
			name: 'filterConditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			description: 'Conditions the provider applies before paging. Many providers accept at most two.',
			displayOptions: { show },
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{ displayName: 'Field', name: 'field', type: 'string', default: 'status', placeholder: 'familyName' },
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							default: 'eq',
							options: Object.entries(OPERATOR_NAMES).map(([value, operator]) => ({
								name: operator === '~' ? '~ (Contains)' : operator,
								value,
							})),
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Dates as 2024-01-31 or 2024-01-31T08:00:00Z; booleans as true or false',
						},
					],
				},
			],
		},
		{
			displayName: 'Combine Conditions With',
			name: 'filterCombine',
			type: 'options',
			default: 'AND',
			options: [
				{ name: 'AND', value: 'AND' },
				{ name: 'OR', value: 'OR' },
			],
			displayOptions: { show },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: optionFields,
		},
	];
}

export function singleParameters(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Fields',
					name: 'fields',
					type: 'string',
					default: '',
					placeholder: 'sourcedId,givenName,familyName',
					description: 'Comma-separated fields to return',
				},
			],
		},
	];
}
