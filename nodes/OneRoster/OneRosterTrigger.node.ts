import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { invalidParameter } from '../shared/errors';
import { contentHash, getHighWaterMark, loadSnapshot, saveSnapshot, setHighWaterMark } from '../shared/poll';
import type { OneRosterService } from './actions/endpoints';
import { checkRawFilter, quoteValue } from './actions/filter';
import type * as Listing from './listing';
import { credentialTest, listSearch } from './methods';
import type * as Transport from './transport';

const WATCHED: Record<string, { path: string; key: string; label: string; service?: OneRosterService }> = {
	user: { path: '/users', key: 'users', label: 'User' },
	enrollment: { path: '/enrollments', key: 'enrollments', label: 'Enrollment' },
	class: { path: '/classes', key: 'classes', label: 'Class' },
	org: { path: '/orgs', key: 'orgs', label: 'Org' },
	// Gradebook: new or changed grades and assignments since the last poll.
	result: { path: '/results', key: 'results', label: 'Result (Grade)', service: 'gradebook' },
	lineItem: { path: '/lineItems', key: 'lineItems', label: 'Line Item (Assignment)', service: 'gradebook' },
};
type ChangeEvent = 'new' | 'changed' | 'deleted';
const EVENTS: readonly ChangeEvent[] = ['new', 'changed', 'deleted'];

/**
 * Polls with `dateLastModified>'<mark − overlap>'`, so each poll reads only what changed. The overlap catches
 * records written with a timestamp just before the mark after the previous poll read; a compact id → hash of
 * (dateLastModified, status) snapshot de-duplicates them and tells new records from changed ones.
 */
export class OneRosterTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneRoster Trigger',
		name: 'oneRosterTrigger',
		icon: { light: 'file:oneroster.svg', dark: 'file:oneroster.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["resource"] + ": " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when OneRoster users, enrollments, classes, orgs, results or line items are new, changed or deleted',
		defaults: { name: 'OneRoster Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneRosterApi', required: true, testedBy: 'oneRosterApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'user',
				options: Object.entries(WATCHED).map(([value, { label }]) => ({ name: label, value })),
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['new', 'changed', 'deleted'],
				options: [
					{ name: 'Changed', value: 'changed', description: 'A known record got a newer dateLastModified' },
					{ name: 'Deleted', value: 'deleted', description: 'A record\'s status became tobedeleted' },
					{ name: 'New', value: 'new', description: 'A record not seen before' },
				],
			},
			{
				displayName: 'Additional Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "role='student'",
				description: 'One more condition in OneRoster syntax, joined with AND to the date condition',
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
							{ name: 'Emit Every Record as New', value: 'all' },
						],
					},
					{
						displayName: 'Overlap (Seconds)',
						name: 'overlapSeconds',
						type: 'number',
						default: 120,
						typeOptions: { minValue: 0 },
						description: 'How far before the last mark each poll reads again, for clocks and late writes; repeats are dropped',
					},
				],
			},
		],
	};

	methods = { listSearch, credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const resource = String(this.getNodeParameter('resource', 'user'));
		const watched = Object.hasOwn(WATCHED, resource) ? WATCHED[resource] : undefined;
		if (!watched) throw invalidParameter(node, { field: 'Resource', itemIndex: 0, message: `unknown resource "${resource}"`, allowed: Object.keys(WATCHED).join(', ') });
		const raw = this.getNodeParameter('events', []) as string[];
		const events = EVENTS.filter((event) => raw.includes(event));
		if (events.length === 0) throw invalidParameter(node, { field: 'Events', itemIndex: 0, message: 'choose at least one event', allowed: EVENTS.join(', ') });
		const extra = String(this.getNodeParameter('filter', '') ?? '').trim();
		if (extra) checkRawFilter(node, 0, extra);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const overlapMs = Math.max(0, Number(options.overlapSeconds ?? 120)) * 1000;

		const staticData = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';
		const mark = getHighWaterMark(staticData);
		const previous = loadSnapshot(staticData);
		const since = mark ? new Date(Date.parse(mark) - overlapMs).toISOString() : undefined;
		const filter = [since ? `dateLastModified>${quoteValue(since)}` : '', extra].filter(Boolean).join(' AND ') || undefined;

		// The transport and the HTTP layer (undici) load on the first poll, not when n8n starts.
		/* eslint-disable @typescript-eslint/no-require-imports */
		const { createOneRosterClient } = require('./transport') as typeof Transport;
		const { listRecords } = require('./listing') as typeof Listing;
		/* eslint-enable @typescript-eslint/no-require-imports */
		const client = await createOneRosterClient(this);
		const snapshot = previous ?? new Map<string, string>();
		const emitted: IDataObject[] = [];
		let newest = mark;
		for await (const record of listRecords(client, { service: watched.service, path: watched.path, key: watched.key, query: { filter }, maxRecords: manual && !mark ? 5 : undefined })) {
			const id = String(record.sourcedId);
			const modified = typeof record.dateLastModified === 'string' ? record.dateLastModified : '';
			const hash = contentHash(`${modified}|${String(record.status)}`);
			const before = snapshot.get(id);
			if (before === hash) continue; // read again through the overlap: already reported
			snapshot.set(id, hash);
			if (modified && (!newest || Date.parse(modified) > Date.parse(newest))) newest = modified;
			const event: ChangeEvent = record.status === 'tobedeleted' ? 'deleted' : before === undefined ? 'new' : 'changed';
			if (previous === undefined && !manual && options.firstPoll !== 'all') continue;
			if (events.includes(event)) emitted.push({ event, sourcedId: id, [resource]: record });
		}
		if (!manual) {
			saveSnapshot(staticData, snapshot);
			if (newest) setHighWaterMark(staticData, newest);
		}
		return emitted.length === 0 ? null : [this.helpers.returnJsonArray(emitted)];
	}
}
