import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { accountListDescription, readAccountListRequest } from './accountList';

export const description = accountListDescription('getAllBasic');

/**
 * getAllAccounts: the short list (voornaam, naam, gebruikersnaam, internnummer, status, klasnummer), much lighter
 * than Get Many. The transport decodes the base64 XML; an empty group is an empty list.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const { parts, limit } = readAccountListRequest(this, itemIndex);
	const accounts = (await client.call('getAllAccounts', parts, { itemIndex })) as IDataObject[] | null;
	return (accounts ?? []).slice(0, limit);
}
