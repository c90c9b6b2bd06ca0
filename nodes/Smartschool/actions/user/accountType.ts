import type { INodeProperties } from 'n8n-workflow';

/** accountType / coaccount: 0 is the main account, 1–6 the co-accounts (parents, guardians…). */
export const accountTypeField: INodeProperties = {
	displayName: 'Account',
	name: 'accountType',
	type: 'options',
	default: 0,
	description: 'The main account or one of its co-accounts (co-accounts are usually parents or guardians)',
	options: [
		{ name: 'Main Account', value: 0 },
		...[1, 2, 3, 4, 5, 6].map((number) => ({ name: `Co-Account ${number}`, value: number })),
	],
};
