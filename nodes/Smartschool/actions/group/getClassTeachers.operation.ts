import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { booleanValue } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

const show = { resource: ['group'], operation: ['getClassTeachers'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'All Titulars',
		name: 'getAllOwners',
		type: 'boolean',
		default: false,
		description:
			'Whether to list every titular (klastitularis, the class teacher) of each class, not only the first one',
	},
]);

/**
 * getClassTeachers: the titulars of every class. The answer's layout is unverified (a list of rows, or an object
 * keyed by class); a keyed object gives one item per class with its key as `classKey`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const getAllOwners = booleanValue(this.getNodeParameter('getAllOwners', itemIndex, false), {
		node: this.getNode(),
		field: 'All Titulars',
		itemIndex,
	});
	const answer = (await client.call('getClassTeachers', { getAllOwners }, { itemIndex })) as IDataObject[] | IDataObject | null;
	if (Array.isArray(answer)) return answer;
	return Object.entries(answer ?? {}).map(([classKey, value]) =>
		value !== null && typeof value === 'object' && !Array.isArray(value)
			? { classKey, ...(value as IDataObject) }
			: { classKey, teachers: value },
	);
}
