import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { classLocator, readLocator } from '../common.descriptions';

const show = { resource: ['group'], operation: ['getSchoolYearData'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [{ ...classLocator, required: true }]);

/**
 * getSchoolyearDataOfClass: the official registration of a class this school year — instituteNumber
 * (instellingsnummer), administrativeGroupNumber, residence (vestigingsplaats), domain, studyChoiceComponent, principal.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const classCode = readLocator(this, 'class', itemIndex, 'Class');
	const data = (await client.call('getSchoolyearDataOfClass', { classCode }, { itemIndex })) as IDataObject | null;
	return { classCode, ...(data ?? {}) };
}
