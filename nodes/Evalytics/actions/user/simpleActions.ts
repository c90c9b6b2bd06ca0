import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { EvalyticsClient } from '../../transport';
import { userIdField } from '../common.descriptions';
import { readOrganisation, readUserId } from '../params';

/**
 * Delete, restore, block and unblock are the same call shape: one request on a user ID, an empty 200
 * answer, and `?undo=true` to reverse. Each operation file declares which one it is.
 */
export interface UserActionSpec {
	operation: string;
	method: 'DELETE' | 'POST';
	/** Extra path segment after the user ID, e.g. 'block'. */
	suffix?: string;
	undo: boolean;
	/** The output item, e.g. `{ deleted: true }`. */
	result: Record<string, boolean>;
}

export function userActionDescription(spec: UserActionSpec): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['user'], operation: [spec.operation] } }, [userIdField]);
}

export async function runUserAction(
	context: IExecuteFunctions,
	itemIndex: number,
	client: EvalyticsClient,
	spec: UserActionSpec,
) {
	const userId = requireString(readUserId(context, itemIndex), { node: context.getNode(), field: 'User ID', itemIndex });
	await client.request<unknown>({
		method: spec.method,
		path: spec.suffix ? ['user', userId, spec.suffix] : ['user', userId],
		query: spec.undo ? { undo: true } : {},
		organisation: readOrganisation(context, itemIndex),
		// DELETE (and its undo) may be retried; block is a POST write and never is.
		idempotent: spec.method === 'DELETE',
		itemIndex,
	});
	return { id: /^\d+$/.test(userId) ? Number(userId) : userId, ...spec.result };
}
