import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { accountListDescription, readAccountListRequest } from './accountList';
import { readDetail } from './profileFields';

export const description = accountListDescription('getAll');

/**
 * getAllAccountsExtended: one answer with every account (no paging exists in V3), so Limit cuts the decoded list.
 * An account that sits in several of the subgroups is listed once.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const { parts, limit } = readAccountListRequest(this, itemIndex);
	const users = (await client.call('getAllAccountsExtended', parts, { itemIndex })) as IDataObject[] | null;
	const out: IDataObject[] = [];
	const seen = new Set<string>();
	for (const user of users ?? []) {
		if (out.length >= limit) break;
		const key = readDetail(user, 'gebruikersnaam');
		if (key) {
			if (seen.has(key)) continue;
			seen.add(key);
		}
		out.push(user);
	}
	return out;
}
