import type { IExecuteFunctions } from 'n8n-workflow';

import type { EvalyticsClient } from '../../transport';
import { runUserAction, userActionDescription, type UserActionSpec } from './simpleActions';

const spec: UserActionSpec = { operation: 'delete', method: 'DELETE', undo: false, result: { deleted: true } };

export const description = userActionDescription(spec);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: EvalyticsClient) {
	return await runUserAction(this, itemIndex, client, spec);
}
