import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyOption } from '../../../shared/descriptions';
import { invalidParameter } from '../../../shared/errors';
import { oneOf, requireString } from '../../../shared/validate';
import { simplifyEmployee, USER_ID_TYPES, type Employee, type UserId } from '../../helpers/employees';
import type { EduixClient } from '../../transport';
import { schoolFields } from '../common.descriptions';
import { readSchool } from '../params';

const show = { resource: ['employee'], operation: ['get'] };

const properties: INodeProperties[] = [
	...schoolFields,
	{
		displayName: 'Employee Identified By',
		name: 'employeeIdentifiedBy',
		type: 'options',
		default: 'userIds',
		options: [
			{ name: 'User IDs', value: 'userIds', description: 'Secondary identifiers; employees always have these' },
			{ name: 'User Master Identifier', value: 'userMasterIdentifier', description: 'The primary identifier; Edu-V leaves it empty for employees' },
		],
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add User ID',
		displayOptions: { show: { employeeIdentifiedBy: ['userIds'] } },
		options: [
			{
				displayName: 'User ID',
				name: 'id',
				values: [
					{
						displayName: 'User ID Type',
						name: 'userIdType',
						type: 'options',
						default: 'ASI',
						options: USER_ID_TYPES.map((value) => ({ name: value, value })),
						description: 'ASI is the administration system\'s own ID (the same one other Edu-V APIs use)',
					},
					{ displayName: 'User ID', name: 'userId', type: 'string', default: '', description: 'The identifier of that type, as the employee\'s userIds list shows it' },
				],
			},
		],
	},
	{
		displayName: 'User Master Identifier',
		name: 'userMasterIdentifier',
		type: 'string',
		default: '',
		required: true,
		description: 'Edu-V has no primary identifier for employees and leaves this empty; use it only if your source fills it',
		displayOptions: { show: { employeeIdentifiedBy: ['userMasterIdentifier'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Person Reference in Body',
				name: 'personField',
				type: 'options',
				default: 'employee',
				options: [
					{ name: 'Nested Under "Employee"', value: 'employee', description: '{ school, employee: { userIds } } — as the Edu-V Association API names it' },
					{ name: 'Top Level', value: 'topLevel', description: '{ school, userIds } — for sources that expect the identifiers beside school' },
				],
				description: 'How the lookup body carries the person; the published spec does not show its name, so match your source',
			},
		],
	},
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, properties),
	simplifyOption(show, 'identifiers, name, e-mail and organisation roles'),
];

function readUserIds(this: IExecuteFunctions, itemIndex: number): UserId[] {
	const node = this.getNode();
	const raw = this.getNodeParameter('userIds', itemIndex, {}) as { id?: IDataObject[] };
	const entries = Array.isArray(raw?.id) ? raw.id : [];
	if (entries.length === 0) {
		throw invalidParameter(node, { field: 'User IDs', itemIndex, message: 'User IDs: add at least one user ID', allowed: `one or more { User ID Type (${USER_ID_TYPES.join(', ')}), User ID }` });
	}
	return entries.map((entry, index) => ({
		userIdType: oneOf(entry.userIdType, USER_ID_TYPES, { node, field: `User IDs #${index + 1} User ID Type`, itemIndex }),
		userId: requireString(entry.userId, { node, field: `User IDs #${index + 1} User ID`, itemIndex }),
	}));
}

/** POST /employees: a read sent as POST so identifiers travel in the body, not in the URL. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: EduixClient) {
	const node = this.getNode();
	const school = readSchool(this, itemIndex);
	const by = oneOf(this.getNodeParameter('employeeIdentifiedBy', itemIndex, 'userIds'), ['userIds', 'userMasterIdentifier'] as const, {
		node,
		field: 'Employee Identified By',
		itemIndex,
	});
	const person: IDataObject =
		by === 'userIds'
			? { userIds: readUserIds.call(this, itemIndex) as unknown as IDataObject[] }
			: { userMasterIdentifier: requireString(this.getNodeParameter('userMasterIdentifier', itemIndex, ''), { node, field: 'User Master Identifier', itemIndex }) };
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const personField = oneOf(options.personField ?? 'employee', ['employee', 'topLevel'] as const, { node, field: 'Person Reference in Body', itemIndex });
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const reference = school.reference as IDataObject;
	const body: IDataObject = personField === 'employee' ? { school: reference, employee: person } : { school: reference, ...person };
	const employee = await client.request<Employee>({ method: 'POST', path: ['employees'], body, itemIndex });
	return simplify ? simplifyEmployee(employee) : employee;
}
