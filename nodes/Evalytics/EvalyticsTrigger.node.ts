import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { changeItems, contentHash, pollSnapshot, selectedEvents, type FirstPollBehaviour } from '../shared/poll';
import { organisationLocator, userListFilters } from './actions/common.descriptions';
import { parseRoleIds } from './actions/params';
import type { EvalyticsUser } from './helpers/users';
import type * as Listing from './listing';
import { credentialTest, listSearch } from './methods';
import type * as Transport from './transport';


export class EvalyticsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Evalytics Trigger',
		name: 'evalyticsTrigger',
		icon: { light: 'file:evalytics.svg', dark: 'file:evalytics.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Users: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Evalytics users are added, changed or removed',
		defaults: { name: 'Evalytics Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'evalyticsApi', required: true, testedBy: 'evalyticsApiTest' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['added', 'changed', 'removed'],
				options: [
					{ name: 'User Added', value: 'added', description: 'A user appeared since the last poll' },
					{ name: 'User Changed', value: 'changed', description: 'Any field, role or organisation of a user changed' },
					{
						name: 'User Removed',
						value: 'removed',
						description: 'A user is no longer listed (deleted, or no longer matching the filters)',
					},
				],
			},
			organisationLocator,
			userListFilters,
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
							{ name: 'Emit Every User as Added', value: 'all' },
						],
					},
				],
			},
		],
	};

	methods = { listSearch, credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const events = selectedEvents(node, this.getNodeParameter('events', []));
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const organisation = String(this.getNodeParameter('organisation', '', { extractValue: true }) ?? '').trim();
		// A trigger has no input items; errors name item 0, the poll itself.
		const roles = parseRoleIds(node, filters.roles, 0);

		// The transport and the HTTP layer (undici) load on the first poll, not when n8n starts.
		/* eslint-disable @typescript-eslint/no-require-imports */
		const { createEvalyticsClient } = require('./transport') as typeof Transport;
		const { listUsers } = require('./listing') as typeof Listing;
		/* eslint-enable @typescript-eslint/no-require-imports */
		const client = await createEvalyticsClient(this);
		const users: EvalyticsUser[] = [];
		for await (const user of listUsers(client, {
			organisation,
			q: typeof filters.q === 'string' && filters.q.trim() ? filters.q.trim() : undefined,
			roles,
			includeChildOrganisations:
				filters.includeChildOrganisations === undefined ? undefined : filters.includeChildOrganisations === true,
		})) {
			// A record marked deleted counts as gone, the same as one no longer listed.
			if (user.deleted !== true) users.push(user);
		}

		const changes = pollSnapshot({
			staticData: this.getWorkflowStaticData('node'),
			records: users,
			idOf: (user) => String(user.id),
			hashOf: (user) => contentHash(user),
			manual: this.getMode() === 'manual',
			firstPoll: (options.firstPoll ?? 'nothing') as FirstPollBehaviour,
		});
		const emitted = changeItems(changes, events, {
			recordKey: 'user',
			idOf: (user) => user.id,
			removedId: (id) => (/^\d+$/.test(id) ? Number(id) : id),
		});
		if (emitted.length === 0) return null;
		return [this.helpers.returnJsonArray(emitted)];
	}
}
