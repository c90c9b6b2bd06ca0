import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyOption } from '../../../shared/descriptions';
import { collect } from '../../../shared/paginate';
import { booleanValue, optionalString } from '../../../shared/validate';
import { simplifyUser, type EvalyticsUser } from '../../helpers/users';
import { listUsers } from '../../listing';
import type { EvalyticsClient } from '../../transport';
import { userListFilters } from '../common.descriptions';
import { parseRoleIds, readOrganisation } from '../params';

const show = { resource: ['user'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	userListFilters,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Role Filter Format',
				name: 'roleFormat',
				type: 'options',
				default: 'repeat',
				description:
					'How several role IDs are sent. The documentation calls the parameter an array without showing its form; switch if your Evalytics filters on only one role.',
				options: [
					{ name: 'Repeated (Role=3&role=5)', value: 'repeat' },
					{ name: 'Comma-Separated (Role=3,5)', value: 'comma' },
				],
			},
		],
	},
];

export const description: INodeProperties[] = [
	...returnAllAndLimit(show, { defaultLimit: 50 }),
	...updateDisplayOptions({ show }, properties),
	simplifyOption(show, 'ID, externalId, names, e-mail, activation, roles and organisations'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: EvalyticsClient) {
	const node = this.getNode();
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const q = optionalString(filters.q, { node, field: 'Search', itemIndex });
	const roles = parseRoleIds(node, filters.roles, itemIndex);
	const includeChildOrganisations =
		filters.includeChildOrganisations === undefined
			? undefined
			: booleanValue(filters.includeChildOrganisations, { node, field: 'Include Child Organisations', itemIndex });

	const users = await collect(
		listUsers(client, {
			organisation: readOrganisation(this, itemIndex),
			q,
			roles,
			includeChildOrganisations,
			roleFormat: options.roleFormat === 'comma' ? 'comma' : 'repeat',
			maxRecords: limit,
			itemIndex,
		}),
		{ returnAll, limit },
	);
	return simplify ? users.map(simplifyUser) : (users as EvalyticsUser[]);
}
