/**
 * The gradebook writes of the table: PUT (create or replace under the path's sourcedId; idempotent, may retry),
 * DELETE (idempotent) and POST (server-allocated ids; never retried). Bodies are checked before any request.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import type { OneRosterClient } from '../transport';
import type { Endpoint } from './endpoints';
import { buildGradebookObject, parseJsonParameter, type BodyContext, type GradebookType } from './gradebookBody';
import { gradebookFieldParameters, PATH_FIELDS, readGradebookFields } from './gradebookFields';

const EXAMPLES: Record<GradebookType, IDataObject> = {
	category: { title: 'Homework', weight: 0.25 },
	lineItem: { title: 'Essay 1', assignDate: '2026-09-01T08:00:00Z', dueDate: '2026-09-15T23:59:00Z', class: 'class-id', school: 'school-id', category: 'category-id', resultValueMin: 0, resultValueMax: 10 },
	result: { lineItem: 'line-item-id', student: 'student-id', scoreStatus: 'fully graded', score: 7.5, scoreDate: '2026-09-20', comment: 'Well argued' },
	scoreScale: { title: '1-10', type: 'numeric', class: 'class-id', scoreScaleValue: [{ itemValueLHS: '10', itemValueRHS: 'excellent' }] },
	assessmentLineItem: { title: 'Reading test', resultValueMin: 0, resultValueMax: 100 },
	assessmentResult: { assessmentLineItem: 'assessment-line-item-id', student: 'student-id', scoreStatus: 'fully graded', score: 81, scoreDate: '2026-09-20' },
};

const LABELS: Record<GradebookType, string> = {
	category: 'Category',
	lineItem: 'Line Item',
	result: 'Result',
	scoreScale: 'Score Scale',
	assessmentLineItem: 'Assessment Line Item',
	assessmentResult: 'Assessment Result',
};

const plural = (type: GradebookType) => (type === 'category' ? 'categories' : `${type}s`);

function parameterLabel(row: Endpoint): string {
	const label = LABELS[row.body!];
	return row.method === 'POST' ? `${label}s (JSON)` : `${label} (JSON)`;
}

export function writeParameters(row: Endpoint, show: Record<string, string[]>): INodeProperties[] {
	if (!row.body) return [];
	const many = row.method === 'POST';
	const example = EXAMPLES[row.body];
	const label = LABELS[row.body].toLowerCase();
	return [
		{
			displayName: 'Define Using',
			name: 'inputMode',
			type: 'options',
			noDataExpression: true,
			default: 'fields',
			options: [
				{ name: 'Fields Below', value: 'fields', description: many ? `One ${label} per input item` : `The ${label} from named fields` },
				{ name: 'JSON', value: 'json', description: many ? `A JSON list of ${plural(row.body)}: several in one request` : `The whole ${label} as JSON` },
			],
			displayOptions: { show },
		},
		...gradebookFieldParameters(row, { ...show, inputMode: ['fields'] }),
		{
			displayName: parameterLabel(row),
			name: many ? 'records' : 'record',
			type: 'json',
			required: true,
			default: JSON.stringify(many ? [example] : example, null, 2),
			description: many
				? `A JSON list (or one object) of ${plural(row.body)} to create; a sourcedId you leave out is generated as the one supplied. References may be a bare sourcedId. Checked before sending.`
				: `The whole ${label} (a PUT replaces it). References may be a bare sourcedId; status defaults to active and dateLastModified to now. Checked before sending.`,
			displayOptions: { show: { ...show, inputMode: ['json'] } },
		},
	];
}

interface PostAnswer {
	sourcedIdPairs?: Array<{ suppliedSourcedId?: string; allocatedSourcedId?: string }>;
}

export async function executeWrite(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OneRosterClient,
	row: Endpoint,
	path: string,
	ids: Record<string, string>,
): Promise<IDataObject | IDataObject[]> {
	const base = { method: row.method, path, service: row.service, idempotent: row.idempotent, itemIndex };
	if (row.method === 'DELETE') {
		await client.request(base);
		return { sourcedId: ids.sourcedId, deleted: true };
	}
	const type = row.body!;
	const ctx: BodyContext = { node: this.getNode(), itemIndex, label: parameterLabel(row), serviceUrl: (service) => client.serviceUrl(service) };
	const fromFields = this.getNodeParameter('inputMode', itemIndex, 'fields') === 'fields';
	const named = fromFields ? readGradebookFields(this, itemIndex, row) : undefined;
	if (named) ctx.fieldLabel = named.fieldLabel;
	if (row.method === 'PUT') {
		const input = named ? named.input : parseJsonParameter(this.getNodeParameter('record', itemIndex), ctx);
		const record = buildGradebookObject(type, input, { ...ctx, sourcedId: ids.sourcedId });
		await client.request({ ...base, body: { [type]: record } });
		// 201 with an empty body: the output is what was stored.
		return record;
	}
	// Named fields give one object per item; JSON may list several for one request.
	const parsed = named ? named.input : parseJsonParameter(this.getNodeParameter('records', itemIndex), ctx);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (list.length === 0) throw invalidParameter(ctx.node, { field: ctx.label, itemIndex, message: 'is an empty list', allowed: `at least one ${type}` });
	const records = list.map((entry, position) => {
		const withDefaults = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? { ...(entry as IDataObject) } : entry;
		if (withDefaults && typeof withDefaults === 'object') {
			const object = withDefaults as IDataObject;
			for (const [placeholder, field] of Object.entries(PATH_FIELDS)) {
				if (ids[placeholder] !== undefined && object[field] === undefined) object[field] = ids[placeholder];
			}
			object.sourcedId ??= randomUUID();
		}
		return buildGradebookObject(type, withDefaults, ctx, list.length > 1 || Array.isArray(parsed) ? position : undefined);
	});
	const { data } = await client.request<PostAnswer>({ ...base, body: { [plural(type)]: records } });
	const pairs = Array.isArray(data?.sourcedIdPairs) ? data.sourcedIdPairs : [];
	return records.map((record) => {
		const pair = pairs.find((entry) => entry.suppliedSourcedId === record.sourcedId);
		return { suppliedSourcedId: record.sourcedId as string, allocatedSourcedId: pair?.allocatedSourcedId ?? (record.sourcedId as string), [type]: record };
	});
}
