import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeCode } from '../../transport/errorCodes';
import type { UserRef } from './identify';

/**
 * The account Create was asked for exists already. The platform answered fine (HTTP 200); the refusal is the
 * node's, made before saveUser could overwrite the account, so it reads like Smartschool's own code 26.
 */
export function alreadyExists(node: INode, uniqueField: 'username' | 'number', key: string, itemIndex: number): NodeApiError {
	const what = uniqueField === 'number' ? 'internal number' : 'username';
	const message = `A Smartschool account with ${what} "${key}" already exists`;
	return new NodeApiError(
		node,
		{ code: 26, message },
		{
			message,
			description: `Create never overwrites an account (Smartschool code 26: ${describeCode(26).meaning}). Use Update for an existing account, or check the ${what}: it is the platform's unique field (Uniek veld).`,
			httpCode: '200',
			itemIndex,
		},
	);
}

const LOOKED_UP_BY: Record<UserRef['identifyBy'], string> = {
	uniqueField: "the platform's unique field (Uniek veld)",
	username: 'username',
	number: 'internal number',
};

/**
 * Smartschool answered "user does not exist" (9, 12 or 25). Not the seed library's null: an error naming the
 * value and how it was read; Continue On Fail or Always Output Data give a workflow its "no such user" branch.
 */
export function userNotFound(node: INode, user: UserRef, itemIndex: number): NodeApiError {
	const message = `No Smartschool account "${user.value}" (looked up by ${LOOKED_UP_BY[user.identifyBy]})`;
	return new NodeApiError(
		node,
		{ code: 12, message },
		{
			message,
			description: `Smartschool answered that the user does not exist. Check the value and Identify By: with "Unique Field of the Platform" it is read as a username or an internal number, whichever "Uniek veld" in Algemene configuratie > Webservices names. Item ${itemIndex}.`,
			httpCode: '200',
			itemIndex,
		},
	);
}
