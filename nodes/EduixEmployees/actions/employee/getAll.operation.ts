import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyOption } from '../../../shared/descriptions';
import { integerInRange } from '../../../shared/validate';
import { simplifyEmployee } from '../../helpers/employees';
import type { EduixClient } from '../../transport';
import { listOptions, schoolFields } from '../common.descriptions';
import { readListOptions, readSchool } from '../params';

const show = { resource: ['employee'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	...schoolFields,
	// Edu-V has no paging: the whole school always arrives in one answer, so Limit can only cut it in n8n.
	...returnAllAndLimit({}).map((property) =>
		property.name === 'limit'
			? { ...property, description: 'Max number of results to return. The Edu-V API has no paging: the whole school is fetched and n8n keeps the first ones.' }
			: property,
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: listOptions,
	},
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, properties),
	simplifyOption(show, 'identifiers, name, e-mail and organisation roles'),
];

/** GET /employees/school: the whole school in one answer (the API has no paging); Limit cuts it here. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: EduixClient) {
	const node = this.getNode();
	const school = readSchool(this, itemIndex);
	const query = readListOptions(node, this.getNodeParameter('options', itemIndex, {}) as IDataObject, school, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : integerInRange(this.getNodeParameter('limit', itemIndex, 50), { node, field: 'Limit', itemIndex, min: 1 });
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const list = await client.listSchool({ ...school.query, ...query }, itemIndex);
	const chosen = limit === undefined ? list : list.slice(0, limit);
	return chosen.map((employee) => (simplify ? simplifyEmployee(employee) : employee));
}
