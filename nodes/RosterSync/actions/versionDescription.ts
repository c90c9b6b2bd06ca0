import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

const presetOptions = [
	{ name: 'CSV → Smartschool Account', value: 'csvToSmartschool', description: 'Username = gebruikersnaam; firstName, lastName, internalNumber = voornaam, naam, internnummer' },
	{ name: 'Custom', value: 'custom', description: 'Name the keys and the fields yourself' },
	{ name: 'CSV → Evalytics User', value: 'csvToEvalytics', description: 'ExternalId = externalId; firstName, prefix, lastName' },
	{ name: 'Edu-V Employee → Smartschool Account', value: 'eduvToSmartschool', description: 'The e-mail address before the @ = gebruikersnaam; givenName, familyName, email = voornaam, naam, emailadres; status tobedeleted is a leaver' },
	{ name: 'OneRoster User → Smartschool Account', value: 'oneRosterToSmartschool', description: 'Username = gebruikersnaam; givenName, familyName, identifier = voornaam, naam, internnummer; status tobedeleted or enabledUser false is a leaver' },
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Input 1 <b>Source</b>: the people as they should be (an SIS export, OneRoster, Edu-V). Input 2 <b>Platform</b>: the accounts as they are — read them independently of the source (e.g. from the trigger), so an empty source still reaches this node and stops it.',
		name: 'inputsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Mapping Preset',
		name: 'preset',
		type: 'options',
		noDataExpression: true,
		options: presetOptions,
		default: 'csvToSmartschool',
		description: 'Keys, compared fields, account status and leaver flags for a common sync; every part can be changed below',
	},
	{
		displayName: 'Source Key',
		name: 'sourceKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. username',
		description:
			"Field of the Source records that identifies a person (a dotted path such as name.login works), or an expression. Empty: the preset's key.",
	},
	{
		displayName: 'Platform Key',
		name: 'platformKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. gebruikersnaam',
		description:
			"Field of the Platform records holding the same key (a field name or dotted path; expressions would read the Source input, so they are refused). Empty: the preset's key.",
	},
	{
		displayName: 'Fields to Compare',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field Pair',
		default: {},
		description: "Added to the preset's pairs; a pair for a platform field the preset already compares replaces the preset's",
		options: [
			{
				displayName: 'Field Pair',
				name: 'pair',
				values: [
					{ displayName: 'Source Field', name: 'sourceField', type: 'string', default: '', placeholder: 'e.g. firstName' },
					{ displayName: 'Platform Field', name: 'platformField', type: 'string', default: '', placeholder: 'e.g. voornaam' },
				],
			},
		],
	},
	{
		displayName: 'Preset Fields Not Compared',
		name: 'skipFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. internnummer',
		description: 'Platform fields of the preset to leave out of the comparison, comma-separated. Password-like fields are never compared.',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to change nothing: the Report output gets one item with the counts, the lists, each guard’s verdict, a CSV per list and an HTML summary; the action outputs stay empty',
	},
	{
		displayName: 'Confirm Removals',
		name: 'confirmRemovals',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'To let one run through the removal and shrink guards: the exact number of removals the guard reported. A run with any other count stops again. 0: no confirmation.',
	},
	{
		displayName: 'Key Matching',
		name: 'keyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Case-Insensitive', name: 'caseInsensitive', type: 'boolean', default: true, description: 'Whether "JPeeters" and "jpeeters" are the same key' },
			{
				displayName: 'Fold Accents',
				name: 'foldAccents',
				type: 'boolean',
				default: false,
				description: 'Whether "noël" and "noel" are the same key',
			},
			{
				displayName: 'Key Is an E-Mail Address: Use the Part Before @',
				name: 'emailLocalPart',
				type: 'boolean',
				default: false,
				description: 'Whether to compare only what precedes the @ (on by default with the Edu-V preset): j.peeters@school.be matches the username j.peeters',
			},
			{
				displayName: 'Leading Zeros',
				name: 'leadingZeros',
				type: 'options',
				options: [
					{ name: 'Keep', value: 'keep', description: '"007" and "7" are different keys' },
					{ name: 'Ignore', value: 'ignore', description: '"007" and "7" are the same key (numbers read by a spreadsheet lose their zeros)' },
				],
				default: 'keep',
			},
			{ displayName: 'Trim', name: 'trim', type: 'boolean', default: true, description: 'Whether to ignore spaces around keys' },
		],
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Which platform accounts the sync manages. Accounts outside the scope (Scope Field without one of the Scope Values, Never Touch) are never removed or updated.',
		options: [
			{
				displayName: 'Active Values',
				name: 'activeValues',
				type: 'string',
				default: '',
				placeholder: 'e.g. actief',
				description: "Values of the status field that mean active, comma-separated, any case. Empty: the preset's.",
			},
			{
				displayName: 'Never Touch',
				name: 'neverTouch',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: 'e.g. admin, helpdesk, scanner',
				description: 'Platform keys the sync never removes or updates (staff, service accounts, co-accounts), comma- or line-separated',
			},
			{
				displayName: 'Remove Inactive Accounts Too',
				name: 'removeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether accounts already inactive that the source no longer lists also go to Remove (e.g. to delete them); off: they are left alone',
			},
			{
				displayName: 'Scope Field',
				name: 'scopeField',
				type: 'string',
				default: '',
				placeholder: 'e.g. basisrol',
				description: 'Platform field (role, group, class…) that must hold one of the Scope Values for an account to be managed; a list field matches when any entry does',
			},
			{
				displayName: 'Scope Values',
				name: 'scopeValues',
				type: 'string',
				default: '',
				placeholder: 'e.g. leerling',
				description: 'Values of the Scope Field that put an account in scope, comma-separated, any case',
			},
			{
				displayName: 'Status Field',
				name: 'statusField',
				type: 'string',
				default: '',
				placeholder: 'e.g. status',
				description:
					"Platform field holding the account status. An inactive account is never a removal, and a source person whose account is inactive is an Update (reactivate). Added but empty: every account counts as active. Not added: the preset's.",
			},
		],
	},
	{
		displayName: 'Leavers in the Source',
		name: 'leavers',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: "Source records flagged as leavers count as removals although present. Not set: the preset's rules (OneRoster status tobedeleted or enabledUser false; Edu-V status tobedeleted).",
		options: [
			{
				displayName: 'Leaver Field',
				name: 'leaverField',
				type: 'string',
				default: '',
				placeholder: 'e.g. status',
			},
			{
				displayName: 'Leaver Values',
				name: 'leaverValues',
				type: 'string',
				default: '',
				placeholder: 'e.g. tobedeleted',
				description: 'Comma-separated, any case',
			},
			{
				displayName: 'Is Leaver',
				name: 'isLeaver',
				type: 'boolean',
				default: false,
				description:
					'Whether the record is a leaver: drag in an expression, evaluated per source record — e.g. an Edu-V employee whose every organisationRoles endDate has passed',
			},
		],
	},
	{
		displayName: 'Guards',
		name: 'guards',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'All guards are on by default. When one trips the node stops with an error and sends nothing to any output.',
		options: [
			{
				displayName: 'Limit Removals',
				name: 'limitRemovals',
				type: 'boolean',
				default: true,
				description: 'Whether to stop when removals exceed the larger of the maximum count and the maximum share of the managed accounts',
			},
			{ displayName: 'Max Removals (% of Managed Accounts)', name: 'maxRemovalPercent', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 5 },
			{ displayName: 'Max Removals (Count)', name: 'maxRemovalCount', type: 'number', typeOptions: { minValue: 0 }, default: 25 },
			{ displayName: 'Max Source Shrink (%)', name: 'maxShrinkPercent', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 10 },
			{
				displayName: 'Stop on Missing or Duplicate Source Keys',
				name: 'stopOnKeyProblems',
				type: 'boolean',
				default: true,
				description: 'Whether to stop when a source record has no key or two share one',
			},
			{
				displayName: 'Stop When the Source Is Empty',
				name: 'stopOnEmptySource',
				type: 'boolean',
				default: true,
				description: 'Whether an empty Source input (an empty or header-only export) stops the sync instead of removing everyone',
			},
			{
				displayName: 'Stop When the Source Shrinks',
				name: 'stopOnShrink',
				type: 'boolean',
				default: true,
				description:
					'Whether to stop when the source has more than Max Source Shrink fewer records than at the last run that passed the guards (kept in the workflow’s static data: active workflows only)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Trim Values Before Comparing',
				name: 'trimValues',
				type: 'boolean',
				default: true,
				description: 'Whether "Jan " and "Jan" are equal',
			},
		],
	},
];

/**
 * The node's description but its icon and subtitle, which the node class sets beside it (n8n's lint rules look for
 * them there).
 */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle'> = {
	displayName: 'Roster Sync',
	name: 'rosterSync',
	group: ['transform'],
	version: 1,
	description: 'Compare a source of truth with the accounts on a platform: who to create, update, remove — with guards against mass removal',
	defaults: { name: 'Roster Sync' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	inputNames: ['Source', 'Platform'],
	// n8n runs the node as soon as one input has data, so an empty Source still reaches it and the guard can stop.
	requiredInputs: 1,
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: ['Create', 'Update', 'Remove', 'Unchanged', 'Report'],
	properties,
};
