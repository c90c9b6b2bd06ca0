import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { booleanValue } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { describeCode } from '../../transport/errorCodes';
import { userLocator } from '../common.descriptions';
import { readCodeList, userIdentifierOf } from './helpers';
import { identifyByField } from './identify';

const show = { resource: ['user'], operation: ['setGroups'] };

export const description = updateDisplayOptions({ show }, [
	userLocator,
	identifyByField,
	{
		displayName: 'Group or Class Codes',
		name: 'groupCodes',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3B,schaakclub',
		description: 'Codes of the groups and classes the user should be in, separated by commas',
	},
	{
		displayName: 'Keep Current Memberships',
		name: 'keepOld',
		type: 'boolean',
		default: true,
		description:
			'Whether the user keeps the groups and classes they are in now. Off = Smartschool first removes every current membership, so the list becomes the complete set.',
	},
]);

export interface MembershipFailure {
	group?: string;
	code: number;
	meaning: string;
}

/**
 * The decoded CSV of failed memberships. Its layout is unverified (ref §2 only says "CSV of error codes"): lines of
 * `group;code`, or bare codes. A first field that is one of the codes sent marks the first layout.
 */
export function readFailures(rows: string[][], sent: string[]): MembershipFailure[] {
	const failures: MembershipFailure[] = [];
	for (const row of rows) {
		if (row.length === 2 && sent.includes(row[0]) && /^\d+$/.test(row[1])) {
			failures.push({ group: row[0], code: Number(row[1]), meaning: describeCode(Number(row[1])).meaning });
			continue;
		}
		for (const field of row) {
			if (field === '') continue;
			const code = Number(field);
			failures.push({ code, meaning: Number.isInteger(code) ? describeCode(code).meaning : field });
		}
	}
	return failures;
}

function partialFailure(node: INode, failures: MembershipFailure[], itemIndex: number): NodeApiError {
	const list = failures.map((failure) => `${failure.group ? `${failure.group}: ` : ''}${failure.meaning} (code ${failure.code})`);
	return new NodeApiError(node, { failures } as unknown as JsonObject, {
		message: `Smartschool refused ${failures.length} of the memberships: ${list.join('; ')}`,
		description:
			'The other memberships were saved. Check the codes listed (official classes, unknown codes) and run the item again with the corrected list.',
		httpCode: '200',
		itemIndex,
	});
}

/** saveUserToClassesAndGroups: sets memberships in one call; Smartschool lists the ones it refused as CSV. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const groups = readCodeList(this, 'groupCodes', 'Group or Class Codes', itemIndex);
	const keepOld = booleanValue(this.getNodeParameter('keepOld', itemIndex, true), { node, field: 'Keep Current Memberships', itemIndex });
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	const rows = (await client.call(
		'saveUserToClassesAndGroups',
		{ userIdentifier, csvList: groups.join(','), keepOld: keepOld ? 1 : 0 },
		{ itemIndex },
	)) as string[][] | null;
	const failures = readFailures(rows ?? [], groups);
	if (failures.length > 0) throw partialFailure(node, failures, itemIndex);
	return { success: true, userIdentifier, groups, keepOld };
}
