/**
 * The gradebook objects a PUT or POST sends, checked against the 1.2 data model (required fields, enums, dates,
 * numbers, string booleans, no unknown properties) before any request, with the item index and the field in the
 * error. References may be given as a bare sourcedId and are expanded into GUIDRefs {href, sourcedId, type}.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import { parseJson } from '../../shared/validate';
import type { OneRosterService } from './endpoints';

export type GradebookType = 'category' | 'lineItem' | 'result' | 'scoreScale' | 'assessmentLineItem' | 'assessmentResult';

export type RefType = 'class' | 'org' | 'category' | 'academicSession' | 'scoreScale' | 'lineItem' | 'user' | 'course' | 'assessmentLineItem';

type Kind =
	| { kind: 'string' }
	| { kind: 'number' }
	| { kind: 'date' }
	| { kind: 'dateTime' }
	| { kind: 'boolString' }
	| { kind: 'enum'; values: readonly string[]; extensible: boolean }
	| { kind: 'ref'; type: RefType }
	| { kind: 'array' }
	| { kind: 'scaleValues' }
	| { kind: 'object' };

export type FieldSpec = Kind & { required?: boolean };

export const SCORE_STATUSES = ['exempt', 'fully graded', 'not submitted', 'partially graded', 'submitted'] as const;

const str: FieldSpec = { kind: 'string' };
const num: FieldSpec = { kind: 'number' };
const flag: FieldSpec = { kind: 'boolString' };
const ref = (type: RefType, required = false): FieldSpec => ({ kind: 'ref', type, required });
const need = (spec: FieldSpec): FieldSpec => ({ ...spec, required: true });
const scoreStatus: FieldSpec = { kind: 'enum', values: SCORE_STATUSES, extensible: true, required: true };

const COMMON: Record<string, FieldSpec> = {
	sourcedId: str,
	status: { kind: 'enum', values: ['active', 'tobedeleted'], extensible: false },
	dateLastModified: { kind: 'dateTime' },
	metadata: { kind: 'object' },
};

const SCHEMAS: Record<GradebookType, Record<string, FieldSpec>> = {
	category: { title: need(str), weight: num },
	lineItem: {
		title: need(str), description: str, assignDate: need({ kind: 'dateTime' }), dueDate: need({ kind: 'dateTime' }),
		class: ref('class', true), school: ref('org', true), category: ref('category', true), gradingPeriod: ref('academicSession'),
		academicSession: ref('academicSession'), scoreScale: ref('scoreScale'), resultValueMin: num, resultValueMax: num,
		learningObjectiveSet: { kind: 'array' },
	},
	result: {
		lineItem: ref('lineItem', true), student: ref('user', true), class: ref('class'), scoreScale: ref('scoreScale'), scoreStatus,
		score: num, textScore: str, scoreDate: need({ kind: 'date' }), comment: str, learningObjectiveSet: { kind: 'array' },
		inProgress: flag, incomplete: flag, late: flag, missing: flag,
	},
	scoreScale: { title: need(str), type: need(str), course: ref('course'), class: ref('class', true), scoreScaleValue: need({ kind: 'scaleValues' }) },
	assessmentLineItem: {
		title: need(str), description: str, class: ref('class'), parentAssessmentLineItem: ref('assessmentLineItem'),
		scoreScale: ref('scoreScale'), resultValueMin: num, resultValueMax: num, learningObjectiveSet: { kind: 'array' },
	},
	assessmentResult: {
		assessmentLineItem: ref('assessmentLineItem', true), student: ref('user', true), score: num, textScore: str,
		scoreDate: need({ kind: 'date' }), scoreScale: ref('scoreScale'), scorePercentile: num, scoreStatus, comment: str,
		learningObjectiveSet: { kind: 'array' }, inProgress: flag, incomplete: flag, late: flag, missing: flag,
	},
};

/** Every field a gradebook object of this type may carry (the common ones first), with its kind. */
export function gradebookSchema(type: GradebookType): Readonly<Record<string, FieldSpec>> {
	return { ...COMMON, ...SCHEMAS[type] };
}

/** Where a reference's href points: the service and collection of the referenced type. */
const REF_PATHS: Record<RefType, [OneRosterService, string]> = {
	class: ['rostering', 'classes'],
	org: ['rostering', 'orgs'],
	user: ['rostering', 'users'],
	course: ['rostering', 'courses'],
	academicSession: ['rostering', 'academicSessions'],
	category: ['gradebook', 'categories'],
	scoreScale: ['gradebook', 'scoreScales'],
	lineItem: ['gradebook', 'lineItems'],
	assessmentLineItem: ['gradebook', 'assessmentLineItems'],
};

const EXTENSION = /^ext:[a-zA-Z0-9.\-_]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface BodyContext {
	node: INode;
	itemIndex: number;
	/** Display name of the parameter holding the object, for messages. */
	label: string;
	serviceUrl: (service: OneRosterService) => string;
	/** The UI name of one field when the object comes from named fields, e.g. "scoreDate" → "Score Date". */
	fieldLabel?: (name: string) => string;
	/** The path's sourcedId on a PUT: the body's must match it or be absent. */
	sourcedId?: string;
	now?: Date;
}

const fieldOf = (ctx: BodyContext, where: string, name: string): string => ctx.fieldLabel?.(name) ?? `${ctx.label} › ${where}${name}`;

const isPlainObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Parses the parameter value: a JSON object, or its text. */
export function parseJsonParameter(value: unknown, ctx: BodyContext): unknown {
	return parseJson(value, { node: ctx.node, field: ctx.label, itemIndex: ctx.itemIndex, allowed: 'a JSON object such as {"title": "Essay"}' });
}

function checkField(name: string, spec: FieldSpec, value: unknown, ctx: BodyContext, where: string): unknown {
	const fail = (message: string, allowed?: string): never => {
		throw invalidParameter(ctx.node, { field: fieldOf(ctx, where, name), itemIndex: ctx.itemIndex, message, allowed });
	};
	switch (spec.kind) {
		case 'string':
			if (typeof value !== 'string' || (spec.required && !value.trim())) fail(`"${name}" must be ${spec.required ? 'a non-empty' : 'a'} string`);
			return value;
		case 'number': {
			const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) fail(`"${name}" must be a number, got ${JSON.stringify(value)}`);
			return number;
		}
		case 'date':
			if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) fail(`"${name}" must be a date, got ${JSON.stringify(value)}`, 'YYYY-MM-DD');
			return value;
		case 'dateTime':
			if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
				fail(`"${name}" must be a date-time with a time zone, got ${JSON.stringify(value)}`, 'ISO 8601 such as 2026-09-01T08:00:00Z');
			}
			return value;
		case 'boolString':
			// OneRoster booleans are the strings "true"/"false".
			if (value === true || value === 'true') return 'true';
			if (value === false || value === 'false') return 'false';
			return fail(`"${name}" must be true or false`, '"true", "false"');
		case 'enum':
			if (typeof value !== 'string' || !(spec.values.includes(value) || (spec.extensible && EXTENSION.test(value)))) {
				fail(`"${name}" is ${JSON.stringify(value)}`, `${spec.values.map((entry) => `"${entry}"`).join(', ')}${spec.extensible ? ' or ext:<name>' : ''}`);
			}
			return value;
		case 'ref': {
			const id = typeof value === 'string' ? value.trim() : isPlainObject(value) && typeof value.sourcedId === 'string' ? value.sourcedId.trim() : '';
			if (!id) fail(`"${name}" must be a sourcedId or {"sourcedId": "…"}`);
			if (isPlainObject(value) && value.type !== undefined && value.type !== spec.type) fail(`"${name}.type" must be "${spec.type}"`);
			const [service, collection] = REF_PATHS[spec.type];
			const href = isPlainObject(value) && typeof value.href === 'string' && value.href ? value.href : `${ctx.serviceUrl(service)}/${collection}/${encodeURIComponent(id)}`;
			return { href, sourcedId: id, type: spec.type };
		}
		case 'array':
			if (!Array.isArray(value)) fail(`"${name}" must be a list`);
			return value;
		case 'object':
			if (!isPlainObject(value)) fail(`"${name}" must be an object`);
			return value;
		case 'scaleValues': {
			if (!Array.isArray(value) || value.length === 0) return fail(`"${name}" must list at least one {"itemValueLHS", "itemValueRHS"}`);
			return value.map((entry, index) => {
				if (!isPlainObject(entry) || typeof entry.itemValueLHS !== 'string' || typeof entry.itemValueRHS !== 'string') {
					return fail(`"${name}[${index}]" needs the strings itemValueLHS and itemValueRHS`);
				}
				return { itemValueLHS: entry.itemValueLHS, itemValueRHS: entry.itemValueRHS };
			});
		}
	}
}

/**
 * One object checked and completed: sourcedId (from the path on a PUT), status `active` and dateLastModified now
 * unless given. `position` names the object inside a POST list in messages.
 */
export function buildGradebookObject(type: GradebookType, input: unknown, ctx: BodyContext, position?: number): IDataObject {
	const where = position === undefined ? '' : `[${position}] `;
	if (!isPlainObject(input)) {
		throw invalidParameter(ctx.node, { field: ctx.label, itemIndex: ctx.itemIndex, message: `${where}must be a JSON object`, allowed: `the fields of a ${type}` });
	}
	const schema = gradebookSchema(type);
	const output: IDataObject = {};
	for (const [name, value] of Object.entries(input)) {
		if (!Object.hasOwn(schema, name)) {
			throw invalidParameter(ctx.node, {
				field: fieldOf(ctx, where, name),
				itemIndex: ctx.itemIndex,
				message: `"${name}" is not a field of a ${type}`,
				allowed: Object.keys(schema).join(', '),
			});
		}
		if (value === undefined || value === null || value === '') continue;
		output[name] = checkField(name, schema[name], value, ctx, where) as IDataObject[string];
	}
	if (ctx.sourcedId !== undefined) {
		if (output.sourcedId !== undefined && output.sourcedId !== ctx.sourcedId) {
			throw invalidParameter(ctx.node, { field: fieldOf(ctx, '', 'sourcedId'), itemIndex: ctx.itemIndex, message: `"sourcedId" ${JSON.stringify(output.sourcedId)} differs from the ${type} sourcedId "${ctx.sourcedId}" of the path` });
		}
		output.sourcedId = ctx.sourcedId;
	}
	output.status ??= 'active';
	output.dateLastModified ??= (ctx.now ?? new Date()).toISOString();
	for (const [name, spec] of Object.entries(schema)) {
		if (spec.required && output[name] === undefined) {
			throw invalidParameter(ctx.node, {
				field: fieldOf(ctx, where, name),
				itemIndex: ctx.itemIndex,
				message: `"${name}" is required for a ${type}`,
				allowed: `required: ${Object.entries(schema).filter(([, entry]) => entry.required).map(([key]) => key).join(', ')}`,
			});
		}
	}
	return output;
}
