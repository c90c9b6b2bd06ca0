import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { accountActionDescription, runAccountAction, type AccountActionSpec } from './accountAction';

const spec: AccountActionSpec = { operation: 'deactivateTwoFactor', method: 'deactivateTwoFactorAuthentication', result: { twoFactorDeactivated: true } };

export const description = accountActionDescription(spec, [
	{
		displayName:
			'Deprecated: Smartschool dropped this method from its manual; it is in the WSDL and may still work on your platform. Two-factor settings are otherwise managed in Smartschool itself.',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await runAccountAction(this, itemIndex, client, spec);
}
