/** UI builders shared by all nodes, worded the way n8n's own nodes and lint rules expect. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type Show = IDisplayOptions['show'];

/** Return All + Limit; Limit is shown only while Return All is off. */
export function returnAllAndLimit(show: Show, options: { maxLimit?: number; defaultLimit?: number } = {}): INodeProperties[] {
	const limit: INodeProperties = {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, ...(options.maxLimit !== undefined ? { maxValue: options.maxLimit } : {}) },
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	};
	if (options.defaultLimit !== undefined) limit.default = options.defaultLimit;
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { ...show } },
		},
		limit,
	];
}

/** Simplify switch; `what` says which fields the simplified output keeps. */
export function simplifyOption(show: Show, what: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data (keeps ${what})`,
		displayOptions: { show: { ...show } },
	};
}
