import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { membershipDescription, runMembership, type MembershipSpec } from './membership';

const spec: MembershipSpec = {
	operation: 'removeFromGroup',
	method: 'removeUserFromGroup',
	groupDescription: 'The group or class to take the user out of, by its unique code',
	dateDescription:
		'For an official class: the date the student leaves it. Without it, Smartschool records the change as one to confirm by hand.',
};

export const description = membershipDescription(spec);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await runMembership(this, itemIndex, client, spec);
}
