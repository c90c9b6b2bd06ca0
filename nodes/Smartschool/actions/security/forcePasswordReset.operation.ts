import type { IExecuteFunctions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { accountActionDescription, runAccountAction, type AccountActionSpec } from './accountAction';

const spec: AccountActionSpec = { operation: 'forcePasswordReset', method: 'forcePasswordReset', result: { mustChangePassword: true } };

export const description = accountActionDescription(spec);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	return await runAccountAction(this, itemIndex, client, spec);
}
