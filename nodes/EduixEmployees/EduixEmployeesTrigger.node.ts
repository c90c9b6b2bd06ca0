import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { contentHash, pollSnapshot, selectedEvents, type FirstPollBehaviour, type SnapshotEvent } from '../shared/poll';
import { listOptions, schoolFields } from './actions/common.descriptions';
import { readListOptions, readSchool } from './actions/params';
import { employeeKey, leftReason, type Employee } from './helpers/employees';
import { credentialTest } from './methods';
import type * as Transport from './transport';

const EVENT_NAMES: Record<SnapshotEvent, string> = { added: 'joined', changed: 'changed', removed: 'left' };

/** Today's date (YYYY-MM-DD) in the workflow's time zone: role end dates are school calendar dates. */
function today(timezone: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export class EduixEmployeesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Edu-iX Employees Trigger',
		name: 'eduixEmployeesTrigger',
		icon: { light: 'file:eduix.svg', dark: 'file:eduix.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Employees: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when employees join, change or leave a school (Edu-V Employees API)',
		defaults: { name: 'Edu-iX Employees Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'eduixApi', required: true, testedBy: 'eduixApiTest' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['added', 'changed', 'removed'],
				options: [
					{ name: 'Employee Changed', value: 'changed', description: 'Any field or organisation role of an employee changed' },
					{ name: 'Employee Joined', value: 'added', description: 'An employee appeared at the school since the last poll' },
					{
						name: 'Employee Left',
						value: 'removed',
						description: 'An employee is no longer listed, is marked tobedeleted, or all their roles have passed their end date',
					},
				],
			},
			...schoolFields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					...listOptions,
					{
						displayName: 'First Poll',
						name: 'firstPoll',
						type: 'options',
						default: 'nothing',
						description: 'What the first poll after activating the workflow emits',
						options: [
							{ name: 'Emit Nothing (Record a Baseline)', value: 'nothing' },
							{ name: 'Emit Every Current Employee as Joined', value: 'all' },
						],
					},
				],
			},
		],
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const events = selectedEvents(node, this.getNodeParameter('events', []));
		const options = this.getNodeParameter('options', {}) as IDataObject;
		// A trigger has no input items; errors name item 0, the poll itself.
		const school = readSchool(this, 0);
		const query = readListOptions(node, options, school, 0);
		// The transport, OAuth and the HTTP layer (undici) load on the first poll, not when n8n starts.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { createEduixClient } = require('./transport') as typeof Transport;
		const client = await createEduixClient(this);
		const listed = await client.listSchool({ ...school.query, ...query });

		const date = today(this.getTimezone());
		const byKey = new Map<string, Employee>();
		const present: Employee[] = [];
		for (const employee of listed) {
			const key = employeeKey(employee);
			if (!key || byKey.has(key)) continue;
			byKey.set(key, employee);
			// Marked tobedeleted or every role ended: gone for the snapshot, so it is reported as left once.
			if (!leftReason(employee, date)) present.push(employee);
		}
		const changes = pollSnapshot({
			staticData: this.getWorkflowStaticData('node'),
			records: present,
			idOf: employeeKey,
			hashOf: (employee) => contentHash(employee),
			manual: this.getMode() === 'manual',
			firstPoll: (options.firstPoll ?? 'nothing') as FirstPollBehaviour,
		});
		const items: IDataObject[] = [];
		const emit = (event: SnapshotEvent, id: string, employee?: Employee, reason?: string) => {
			if (!events.includes(event)) return;
			const item: IDataObject = { event: EVENT_NAMES[event], id };
			if (reason) item.reason = reason;
			if (employee) item.employee = employee;
			items.push(item);
		};
		for (const employee of changes.added) emit('added', employeeKey(employee), employee);
		for (const employee of changes.changed) emit('changed', employeeKey(employee), employee);
		for (const id of changes.removedIds) {
			const still = byKey.get(id);
			emit('removed', id, still, still ? leftReason(still, date) : 'gone');
		}
		if (items.length === 0) return null;
		return [this.helpers.returnJsonArray(items)];
	}
}
