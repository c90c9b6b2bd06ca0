/** The user object that the vendor user writes send (`{ user: … }`), from the node's fields, checked first. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { requireString, validateEmail } from '../../../shared/validate';

const ROLES = [
	'aide', 'counselor', 'districtAdministrator', 'guardian', 'parent', 'principal', 'proctor',
	'relative', 'siteAdministrator', 'student', 'systemAdministrator', 'teacher',
] as const;

export function userFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{ displayName: 'Given Name', name: 'givenName', type: 'string', default: '', required: true, displayOptions: { show } },
		{ displayName: 'Family Name', name: 'familyName', type: 'string', default: '', required: true, displayOptions: { show } },
		{
			displayName: 'Roles',
			name: 'roles',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Role',
			default: {},
			description: 'At least one: the role the user has in an org; one primary role per org',
			displayOptions: { show },
			options: [
				{
					displayName: 'Role',
					name: 'role',
					values: [
						{
							displayName: 'Role',
							name: 'role',
							type: 'options',
							default: 'student',
							options: ROLES.map((role) => ({ name: role, value: role })),
						},
						{
							displayName: 'Role Type',
							name: 'roleType',
							type: 'options',
							default: 'primary',
							options: [
								{ name: 'Primary', value: 'primary' },
								{ name: 'Secondary', value: 'secondary' },
							],
						},
						{ displayName: 'Org sourcedId', name: 'org', type: 'string', default: '', description: 'The school or district' },
					],
				},
			],
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: [
				{ displayName: 'E-Mail', name: 'email', type: 'string', default: '', placeholder: 'name@email.com' },
				{ displayName: 'Enabled', name: 'enabledUser', type: 'boolean', default: true, description: 'Whether the user may log in' },
				{ displayName: 'Grades', name: 'grades', type: 'string', default: '', description: 'Comma-separated grade levels, e.g. 09,10' },
				{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '', description: 'The school\'s own ID of the user' },
				{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
				{ displayName: 'Preferred First Name', name: 'preferredFirstName', type: 'string', default: '' },
				{ displayName: 'Username', name: 'username', type: 'string', default: '' },
			],
		},
	];
}

export function readUserBody(context: IExecuteFunctions, itemIndex: number, orgHref: (id: string) => string): IDataObject {
	const node = context.getNode();
	const field = (name: string, label: string) =>
		requireString(context.getNodeParameter(name, itemIndex, ''), { node, field: label, itemIndex });
	const user: IDataObject = { givenName: field('givenName', 'Given Name'), familyName: field('familyName', 'Family Name') };
	const rows = ((context.getNodeParameter('roles', itemIndex, {}) as IDataObject).role ?? []) as IDataObject[];
	if (rows.length === 0) {
		throw invalidParameter(node, { field: 'Roles', itemIndex, message: 'Roles: add at least one role', allowed: ROLES.join(', ') });
	}
	user.roles = rows.map((row, index) => {
		const org = requireString(row.org, { node, field: `Roles › Org sourcedId (role ${index + 1})`, itemIndex });
		if (!ROLES.includes(row.role as (typeof ROLES)[number])) {
			throw invalidParameter(node, { field: 'Roles › Role', itemIndex, message: `unknown role "${String(row.role)}"`, allowed: ROLES.join(', ') });
		}
		return { roleType: row.roleType === 'secondary' ? 'secondary' : 'primary', role: row.role, org: { href: orgHref(org), sourcedId: org, type: 'org' } };
	});
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	// OneRoster booleans are the strings "true"/"false".
	user.enabledUser = extra.enabledUser === false ? 'false' : 'true';
	if (extra.email) user.email = validateEmail(extra.email, { node, field: 'E-Mail', itemIndex });
	if (extra.grades) user.grades = String(extra.grades).split(',').map((grade) => grade.trim()).filter(Boolean);
	for (const name of ['identifier', 'middleName', 'phone', 'preferredFirstName', 'username']) {
		const value = typeof extra[name] === 'string' ? (extra[name] as string).trim() : '';
		if (value) user[name] = value;
	}
	return user;
}
