import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { booleanValue, integerInRange } from '../../../shared/validate';
import { groupLocator } from '../common.descriptions';

/** The fields of the two whole-list reads (getAllAccountsExtended, getAllAccounts): a group, its subgroups, a limit. */
export function accountListDescription(operation: string): INodeProperties[] {
	const show = { resource: ['user'], operation: [operation] };
	return [
		...updateDisplayOptions({ show }, [
			{
				...groupLocator,
				description: 'Only the accounts of this group or class. Leave empty for every account of the platform.',
			},
			{
				displayName: 'Include Subgroups',
				name: 'recursive',
				type: 'boolean',
				default: true,
				description:
					'Whether to include the accounts of every group and class below the chosen one (Smartschool\'s "recursive")',
			},
		]),
		...returnAllAndLimit(show, { defaultLimit: 50 }),
	];
}

export interface AccountListRequest {
	/** The parts both methods take: group code ('' = whole platform) and recursive as '1'/'0' (ref §6.5). */
	parts: { code: string; recursive: '1' | '0' };
	limit: number;
}

export function readAccountListRequest(context: IExecuteFunctions, itemIndex: number): AccountListRequest {
	const node = context.getNode();
	const code = String(context.getNodeParameter('group', itemIndex, '', { extractValue: true }) ?? '').trim();
	const recursive = booleanValue(context.getNodeParameter('recursive', itemIndex, true), { node, field: 'Include Subgroups', itemIndex });
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? Infinity
		: integerInRange(context.getNodeParameter('limit', itemIndex, 50), { node, field: 'Limit', itemIndex, min: 1 });
	return { parts: { code, recursive: recursive ? '1' : '0' }, limit };
}
