import type { INodeProperties } from 'n8n-workflow';

/** Which organisation a call acts on; empty means the credential's default organisation. */
export const organisationLocator: INodeProperties = {
	displayName: 'Organisation',
	name: 'organisation',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The organisation (instelling, faculteit or opleiding) to act on. Leave empty to use the credential's default organisation.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an organisation…',
			typeOptions: { searchListMethod: 'searchOrganisations', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 100 or an externalId',
			hint: 'Internal ID or externalId',
		},
	],
};

export const userIdField: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 567 or EMP-0042',
	description: 'The internal Evalytics ID or the externalId of the user',
};

const roleIdDescription =
	'Numeric role ID. Evalytics documents only 3 = teacher (docent); ask your functioneel beheerder for the others.';

/** The organisation + role pair of a role row; organisation ids in bodies must be internal ids. */
export const roleRowFields: INodeProperties[] = [
	{
		displayName: 'Organisation ID',
		name: 'organisation',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 1 },
		description: 'Internal ID of the organisation the role applies to (not the externalId)',
	},
	{
		displayName: 'Role ID',
		name: 'role',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 1 },
		description: roleIdDescription,
	},
];

export const propagateField: INodeProperties = {
	displayName: 'Propagate',
	name: 'propagate',
	type: 'boolean',
	default: false,
	description:
		'Whether to apply the role (and the organisation’s additional permission groups) to all current and future child organisations too (User Management 2.0; administrators only; not for the teacher role)',
};

export const permissionGroupsField: INodeProperties = {
	displayName: 'Additional Permission Groups',
	name: 'additionalPermissionGroups',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Permission Group',
	default: {},
	description: 'Extra permissions such as evaluatiebeheer, cursusbeheer or docentbeheer, per organisation',
	options: [
		{
			displayName: 'Permission Group',
			name: 'group',
			values: [
				{
					displayName: 'Organisation ID',
					name: 'organisation',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 1 },
					description: 'Internal ID of the organisation',
				},
				{
					displayName: 'Additional Permission Group ID',
					name: 'additionalPermissionGroup',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 1 },
				},
				{
					displayName: 'For Teacher Role',
					name: 'isTeacher',
					type: 'boolean',
					default: false,
					description:
						'Whether these permissions belong to the teacher role (User Management 2.0: set it for permissions of a teacher)',
				},
			],
		},
	],
};

export const userProfileFields: INodeProperties[] = [
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
	{
		displayName: 'No SURFconext',
		name: 'noSurf',
		type: 'boolean',
		default: false,
		description:
			'Whether the user cannot log in with SAML (SURFconext); they then get a login and password and an activation e-mail',
	},
	{
		displayName: 'Prefix',
		name: 'prefix',
		type: 'string',
		default: '',
		description: 'Tussenvoegsel, e.g. "van der"',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Dhr. or Mevr.' },
];

/** The user-list filters Get Many and the trigger share. */
export const userListFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Include Child Organisations',
			name: 'includeChildOrganisations',
			type: 'boolean',
			default: false,
			description: 'Whether to include users of the organisations below the chosen one (faculteiten, opleidingen)',
		},
		{
			displayName: 'Role IDs',
			name: 'roles',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3, 5',
			description: 'Only users with one of these role IDs, comma-separated (3 = teacher)',
		},
		{
			displayName: 'Search',
			name: 'q',
			type: 'string',
			default: '',
			description: 'Search in name, code and e-mail address',
		},
	],
};
