import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { accountTypeField } from '../user/accountType';
import { readAccountType, userIdentifierOf } from '../user/helpers';
import { identifyByField } from '../user/identify';

/** The security operations all send (userIdentifier, accountType) to one method and answer a code. */
export interface AccountActionSpec {
	operation: string;
	method: 'forcePasswordReset' | 'changePasswordAtNextLogin' | 'deactivateTwoFactorAuthentication';
	/** What the output says was done, e.g. { mustChangePassword: true }. */
	result: Record<string, boolean>;
}

export function accountActionDescription(spec: AccountActionSpec, extra: INodeProperties[] = []): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['security'], operation: [spec.operation] } }, [
		...extra,
		userLocator,
		identifyByField,
		accountTypeField,
	]);
}

export async function runAccountAction(context: IExecuteFunctions, itemIndex: number, client: SmartschoolClient, spec: AccountActionSpec) {
	const accountType = readAccountType(context, itemIndex);
	const userIdentifier = await userIdentifierOf(context, itemIndex, client);
	await client.call(spec.method, { userIdentifier, accountType }, { itemIndex });
	return { success: true, userIdentifier, accountType, ...spec.result };
}
