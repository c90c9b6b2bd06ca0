import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userNotFound } from './errors';
import { readDetail } from './profileFields';

export type IdentifyBy = 'uniqueField' | 'username' | 'number';

/**
 * How the User value is read. The seed library guessed with `isNaN` (numeric usernames and alphanumeric internal
 * numbers went to the wrong method); here the workflow says it. Most methods take one `userIdentifier` that
 * Smartschool reads per its "Uniek veld" setting; for the other two choices the node first looks the user up.
 */
export const identifyByField: INodeProperties = {
	displayName: 'Identify By',
	name: 'identifyBy',
	type: 'options',
	default: 'uniqueField',
	description:
		'How Smartschool should read the User value. Ignored when the user is picked from the list (that gives the platform\'s own identifier).',
	options: [
		{
			name: 'Unique Field of the Platform',
			value: 'uniqueField',
			description:
				'Username or internal number, whichever the platform\'s "Uniek veld" setting (Algemene configuratie > Webservices) names — no extra call',
		},
		{
			name: 'Username',
			value: 'username',
			description: 'The gebruikersnaam, whatever the platform setting (may cost one extra lookup call)',
		},
		{
			name: 'Internal Number',
			value: 'number',
			description: 'The intern nummer, whatever the platform setting (may cost one extra lookup call)',
		},
	],
};

export interface UserRef {
	value: string;
	identifyBy: IdentifyBy;
}

/** The User locator and Identify By of an item; a value picked from the list is the platform's identifier. */
export function readUserRef(context: IExecuteFunctions, itemIndex: number): UserRef {
	const node = context.getNode();
	const locator = context.getNodeParameter('user', itemIndex, '', { extractValue: false }) as
		| { mode?: string; value?: unknown }
		| string;
	const raw = typeof locator === 'object' && locator !== null ? locator.value : locator;
	const value = requireString(raw, { node, field: 'User', itemIndex });
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	if (mode === 'list') return { value, identifyBy: 'uniqueField' };
	const identifyBy = context.getNodeParameter('identifyBy', itemIndex, 'uniqueField') as IdentifyBy;
	if (!['uniqueField', 'username', 'number'].includes(identifyBy)) {
		throw new NodeOperationError(node, `Identify By: "${String(identifyBy)}" is not supported`, {
			itemIndex,
			description: 'Allowed: uniqueField, username, number.',
		});
	}
	return { value, identifyBy };
}

/** The full account record (getUserDetails*); `notFound: 'null'` turns "user does not exist" into null. */
export async function fetchUser(
	node: INode,
	client: SmartschoolClient,
	user: UserRef,
	itemIndex: number,
	notFound: 'error' | 'null' = 'error',
): Promise<IDataObject | null> {
	const options = { itemIndex, notFound: 'null' as const };
	const result =
		user.identifyBy === 'username'
			? await client.call('getUserDetailsByUsername', { username: user.value }, options)
			: user.identifyBy === 'number'
				? await client.call('getUserDetailsByNumber', { number: user.value }, options)
				: await client.call('getUserDetails', { userIdentifier: user.value }, options);
	if ((result === null || result === undefined) && notFound === 'error') throw userNotFound(node, user, itemIndex);
	return (result ?? null) as IDataObject | null;
}

/**
 * The value to send as `userIdentifier`: as given when it already is what the platform's unique field expects,
 * otherwise read from the account (one lookup by the given key).
 */
export async function resolveUserIdentifier(
	context: IExecuteFunctions,
	client: SmartschoolClient,
	user: UserRef,
	itemIndex: number,
): Promise<string> {
	if (user.identifyBy === 'uniqueField') return user.value;
	const uniqueField = await client.uniqueField();
	if (uniqueField === user.identifyBy) return user.value;
	const details = (await fetchUser(context.getNode(), client, user, itemIndex)) ?? {};
	const key = uniqueField === 'number' ? 'internnummer' : 'gebruikersnaam';
	const identifier = readDetail(details, key);
	if (!identifier) {
		throw new NodeOperationError(
			context.getNode(),
			`User "${user.value}" has no ${uniqueField === 'number' ? 'internal number' : 'username'}`,
			{
				itemIndex,
				description: `This platform identifies users by ${uniqueField === 'number' ? 'internal number' : 'username'} (Uniek veld), and this account has none, so Smartschool cannot address it. Give the account one first.`,
			},
		);
	}
	return identifier;
}
