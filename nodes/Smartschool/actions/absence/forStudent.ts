import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { identifyByField, readUserRef, resolveUserIdentifier } from '../user/identify';
import { studentYearItems } from './codes';
import { absenceOptions, absenceResult, readAbsenceOptions, readSchoolYear, schoolYearField } from './read';

/** The two per-student reads (getAbsents, getAbsentsWithAlias) differ only in their method. */
export function studentDescription(operation: string): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['absence'], operation: [operation] } }, [
		{ ...userLocator, displayName: 'Student', description: 'The student whose absences to read' },
		identifyByField,
		schoolYearField,
		absenceOptions(false),
	]);
}

export async function studentAbsences(
	context: IExecuteFunctions,
	itemIndex: number,
	client: SmartschoolClient,
	method: 'getAbsents' | 'getAbsentsWithAlias',
) {
	const userRef = readUserRef(context, itemIndex);
	const schoolYear = readSchoolYear(context, itemIndex);
	const options = readAbsenceOptions(context, itemIndex);
	const userIdentifier = await resolveUserIdentifier(context, client, userRef, itemIndex);
	const decoded = await client.call(method, { userIdentifier, schoolYear }, { itemIndex });
	return await absenceResult(client, itemIndex, options, decoded, studentYearItems(decoded, userIdentifier));
}
