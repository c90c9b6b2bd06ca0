import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { groupLocator, userLocator } from '../common.descriptions';
import { officialDateOptions, readOfficialDate } from './helpers';
import { identifyByField, readUserRef, resolveUserIdentifier } from './identify';

/** Add to Group and Remove from Group: the same parts (user, class code, optional official date), another method. */
export interface MembershipSpec {
	operation: 'addToGroup' | 'removeFromGroup';
	method: 'saveUserToClass' | 'removeUserFromGroup';
	groupDescription: string;
	dateDescription: string;
}

export function membershipDescription(spec: MembershipSpec): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['user'], operation: [spec.operation] } }, [
		userLocator,
		identifyByField,
		{ ...groupLocator, required: true, description: spec.groupDescription },
		officialDateOptions(spec.dateDescription),
	]);
}

export async function runMembership(
	context: IExecuteFunctions,
	itemIndex: number,
	client: SmartschoolClient,
	spec: MembershipSpec,
) {
	const node = context.getNode();
	const group = requireString(context.getNodeParameter('group', itemIndex, '', { extractValue: true }), {
		node,
		field: 'Group or Class',
		itemIndex,
	});
	const officialDate = readOfficialDate(context, itemIndex);
	const userIdentifier = await resolveUserIdentifier(context, client, readUserRef(context, itemIndex), itemIndex);
	// Without a date the part is left out, as the seed library does: Smartschool then registers the movement as
	// one to confirm by hand.
	await client.call(spec.method, { userIdentifier, class: group, officialDate }, { itemIndex });
	const result: IDataObject = { success: true, userIdentifier, group };
	if (officialDate) result.officialDate = officialDate;
	return result;
}
