import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['getClassHistory'] };

export const description = updateDisplayOptions({ show }, [userLocator, identifyByField]);

/**
 * getStudentCareer (schoolloopbaan): one item per registered class movement, oldest first as Smartschool sends
 * them, each with the user identifier so items of many students stay apart.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	const rows = (await client.call('getStudentCareer', { userIdentifier }, { itemIndex })) as IDataObject[] | IDataObject | null;
	const list = Array.isArray(rows) ? rows : rows ? Object.values(rows) : [];
	return list.map((row) => ({ userIdentifier, ...(row as IDataObject) }));
}
