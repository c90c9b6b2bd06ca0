import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { changeItems, contentHash, pollSnapshot, selectedEvents, type FirstPollBehaviour } from '../shared/poll';
import { groupLocatorFor } from './actions/common.descriptions';
import * as nodeMethods from './methods';
import { createSmartschoolClient } from './transport/lazy';
import { absenceProperties, pollAbsences } from './trigger/absences';


type Account = Record<string, unknown>;

/**
 * A stable key per account: referenceIdentifier (`<platform>_<user id>_<co-account>`) survives a change of
 * username or internal number; older platforms without it fall back to those.
 */
function accountId(account: Account): string {
	for (const key of ['referenceIdentifier', 'internnummer', 'gebruikersnaam']) {
		const value = account[key];
		if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value).trim();
	}
	return contentHash(account);
}

/** Logins change the record on every sign-in; they are not a change of the account. */
function accountHash(account: Account): string {
	return contentHash(Object.fromEntries(Object.entries(account).filter(([key]) => !/login/i.test(key))));
}

export class SmartschoolTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Smartschool Trigger',
		name: 'smartschoolTrigger',
		icon: { light: 'file:smartschool.svg', dark: 'file:smartschool.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watch"] === "absences" ? "Absences: " + $parameter["absenceEvents"].join(", ") : "Accounts: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Smartschool accounts or absences are added, changed or removed',
		defaults: { name: 'Smartschool Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartschoolApi', required: true, testedBy: 'smartschoolApiTest' }],
		properties: [
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				default: 'accounts',
				options: [
					{ name: 'Accounts', value: 'accounts', description: 'Accounts added, changed or removed' },
					{ name: 'Absences', value: 'absences', description: 'Half-day absence registrations of a date range, new or changed' },
				],
			},
			...absenceProperties,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['added', 'changed', 'removed'],
				displayOptions: { show: { watch: ['accounts'] } },
				options: [
					{ name: 'Account Added', value: 'added', description: 'An account appeared since the last poll' },
					{
						name: 'Account Changed',
						value: 'changed',
						description: 'A field, status, group membership or co-account of an account changed (logins do not count)',
					},
					{
						name: 'Account Removed',
						value: 'removed',
						description: 'An account is no longer listed (deleted, or no longer in the group)',
					},
				],
			},
			{
				...groupLocatorFor('group', 'Group or Class', {
					description: 'Watch the accounts of this group or class. Leave empty to watch every account of the platform.',
				}),
				displayOptions: { show: { watch: ['accounts'] } },
			},
			{
				displayName: 'Include Subgroups',
				name: 'recursive',
				type: 'boolean',
				default: true,
				displayOptions: { show: { watch: ['accounts'] } },
				description: 'Whether to watch the accounts of every group and class below the chosen one too',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'First Poll',
						name: 'firstPoll',
						type: 'options',
						default: 'nothing',
						description: 'What the first poll after activating the workflow emits',
						options: [
							{ name: 'Emit Nothing (Record a Baseline)', value: 'nothing' },
							{ name: 'Emit Every Current Account or Absence as Added', value: 'all' },
						],
					},
				],
			},
		],
	};

	methods = { ...nodeMethods };

	/**
	 * V3 has no change feed: each poll reads the accounts (getAllAccountsExtended) and compares them with the
	 * previous poll's id → hash snapshot in the workflow's static data; no account data is stored.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('watch', 'accounts') === 'absences') {
			const emitted = await pollAbsences.call(this, await createSmartschoolClient(this));
			return emitted.length === 0 ? null : [this.helpers.returnJsonArray(emitted)];
		}
		const node = this.getNode();
		const events = selectedEvents(node, this.getNodeParameter('events', []));
		const code = String(this.getNodeParameter('group', '', { extractValue: true }) ?? '').trim();
		const recursive = this.getNodeParameter('recursive', true) !== false;
		const options = this.getNodeParameter('options', {}) as IDataObject;

		const client = await createSmartschoolClient(this);
		const listed = await client.call('getAllAccountsExtended', { code, recursive: recursive ? '1' : '0' });
		const accounts = Array.isArray(listed) ? (listed as Account[]) : [];

		const diff = pollSnapshot({
			staticData: this.getWorkflowStaticData('node'),
			records: accounts,
			idOf: accountId,
			hashOf: accountHash,
			manual: this.getMode() === 'manual',
			firstPoll: (options.firstPoll === 'all' ? 'all' : 'nothing') as FirstPollBehaviour,
		});
		const emitted = changeItems(diff, events, { recordKey: 'account', idOf: accountId });
		if (emitted.length === 0) return null;
		return [this.helpers.returnJsonArray(emitted)];
	}
}
