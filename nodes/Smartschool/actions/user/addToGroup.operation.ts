import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { membershipDescription, runMembership, type MembershipSpec } from './membership';

const spec: MembershipSpec = {
	operation: 'addToGroup',
	method: 'saveUserToClass',
	groupDescription:
		'The group or class to add the user to. For an official class this MOVES a student: Smartschool takes them out of their current official class.',
	dateDescription:
		'The date the class change takes effect for the official registration. Without it, Smartschool records the move as one to confirm by hand.',
};

export const description = membershipDescription(spec);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await runMembership(this, itemIndex, client, spec);
}
