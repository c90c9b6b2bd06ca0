/**
 * Named fields for the gradebook writes, built from the same schema that checks the bodies (gradebookBody.ts):
 * the required fields of each type as parameters of their own (classes, schools and students with a searchable
 * picker), the rest under Additional Fields. Fields that the request path already names (the class of "Create for
 * Class", the line item of "Create for Line Item") are not asked again.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseDate, parseJson } from '../../shared/validate';
import { pathParameter } from './common.descriptions';
import type { Endpoint } from './endpoints';
import { gradebookSchema, type FieldSpec } from './gradebookBody';

/** Path placeholders that name a field of the object sent: filled in from the path, not asked for. */
export const PATH_FIELDS: Readonly<Record<string, string>> = { classSourcedId: 'class', schoolSourcedId: 'school', lineItemSourcedId: 'lineItem' };

interface FieldText {
	displayName: string;
	description?: string;
	placeholder?: string;
}

const ID = 'e.g. 9f1c2d3e-…';

/** What the editor shows for each field name; a name means the same in every gradebook type. */
const TEXT: Readonly<Record<string, FieldText>> = {
	sourcedId: { displayName: 'Supplied sourcedId', description: 'Your own identifier for the new record; generated when empty. The provider answers with the one it allocated.', placeholder: ID },
	status: { displayName: 'Status', description: 'Active, or tobedeleted to mark the record for deletion' },
	dateLastModified: { displayName: 'Date Last Modified', description: 'Defaults to now. Without a time zone, the workflow\'s time zone is used.' },
	metadata: { displayName: 'Metadata (JSON)', description: 'Vendor-specific extra data as a JSON object' },
	title: { displayName: 'Title', placeholder: 'e.g. Essay 1' },
	description: { displayName: 'Description' },
	weight: { displayName: 'Weight', description: 'The share of this category in the overall grade, e.g. 0.25' },
	assignDate: { displayName: 'Assign Date', description: 'When the work is given out. Without a time zone, the workflow\'s time zone is used.' },
	dueDate: { displayName: 'Due Date', description: 'When the work is due. Without a time zone, the workflow\'s time zone is used.' },
	class: { displayName: 'Class', description: 'The class (its sourcedId)' },
	school: { displayName: 'School', description: 'The school (its sourcedId)' },
	student: { displayName: 'Student', description: 'The student (their sourcedId)' },
	category: { displayName: 'Category sourcedId', description: 'The gradebook category, e.g. the one for Homework', placeholder: ID },
	gradingPeriod: { displayName: 'Grading Period sourcedId', description: 'The grading period the line item counts for', placeholder: ID },
	academicSession: { displayName: 'Academic Session sourcedId', description: 'The term or school year the line item belongs to', placeholder: ID },
	scoreScale: { displayName: 'Score Scale sourcedId', description: 'How scores translate into grades', placeholder: ID },
	course: { displayName: 'Course sourcedId', placeholder: ID },
	lineItem: { displayName: 'Line Item sourcedId', description: 'The assignment or test this result is for', placeholder: ID },
	assessmentLineItem: { displayName: 'Assessment Line Item sourcedId', description: 'The assessment this result is for', placeholder: ID },
	parentAssessmentLineItem: { displayName: 'Parent Assessment Line Item sourcedId', placeholder: ID },
	resultValueMin: { displayName: 'Result Value Min', description: 'Lowest possible score' },
	resultValueMax: { displayName: 'Result Value Max', description: 'Highest possible score' },
	learningObjectiveSet: { displayName: 'Learning Objective Set (JSON)', description: 'A JSON list of {"source": …, "learningObjectiveIds": […]} (line items) or with "learningObjectiveResults" (results)' },
	scoreStatus: { displayName: 'Score Status', description: 'How far the grading is. A provider-specific status can be given as ext:name through an expression.' },
	score: { displayName: 'Score', description: 'A number, with a dot for decimals (7.5). Leave empty to send no score, e.g. when not submitted.', placeholder: 'e.g. 7.5' },
	textScore: { displayName: 'Text Score', description: 'A score in words or letters, e.g. A- or "voldoende"' },
	scoreDate: { displayName: 'Score Date', description: 'The day the score was given (YYYY-MM-DD or DD-MM-YYYY; a time is ignored)' },
	scorePercentile: { displayName: 'Score Percentile' },
	comment: { displayName: 'Comment', description: 'The teacher\'s comment shown with the result' },
	inProgress: { displayName: 'In Progress', description: 'Whether the student is still working on it' },
	incomplete: { displayName: 'Incomplete', description: 'Whether the work is incomplete' },
	late: { displayName: 'Late', description: 'Whether the work was handed in late' },
	missing: { displayName: 'Missing', description: 'Whether the work is missing' },
	type: { displayName: 'Scale Type', description: 'Free text naming the kind of scale, e.g. numeric or letter', placeholder: 'e.g. numeric' },
	scoreScaleValue: { displayName: 'Scale Values', description: 'At least one: a score (or range) and what it means' },
};

const LOCATOR_PLACEHOLDER: Readonly<Record<string, string>> = { class: 'classSourcedId', school: 'schoolSourcedId', student: 'studentSourcedId' };

/** Fields the editor shows on their own besides the required ones: the score is what a result is about. */
const PROMINENT: ReadonlySet<string> = new Set(['score']);

const textOf = (name: string): FieldText => TEXT[name] ?? { displayName: name };

function defaultOf(spec: FieldSpec): string {
	if (spec.kind !== 'enum') return '';
	return spec.values.includes('fully graded') ? 'fully graded' : spec.values[0];
}

/** One field as an editor parameter; `topLevel` fields may use a searchable picker and keep numbers as text (empty = not sent). */
function fieldParameter(name: string, spec: FieldSpec, topLevel: boolean): INodeProperties {
	const text = textOf(name);
	const base = { displayName: text.displayName, name, description: text.description, placeholder: text.placeholder };
	switch (spec.kind) {
		case 'number':
			return topLevel ? { ...base, type: 'string', default: '' } : { ...base, type: 'number', default: 0, typeOptions: { numberPrecision: 4 } };
		case 'date':
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'boolString':
			return { ...base, type: 'boolean', default: false };
		case 'enum':
			return { ...base, type: 'options', default: defaultOf(spec), options: spec.values.map((value) => ({ name: value, value })) };
		case 'array':
			return { ...base, type: 'json', default: '[]' };
		case 'object':
			return { ...base, type: 'json', default: '{}' };
		case 'scaleValues':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Scale Value',
				default: {},
				options: [
					{
						displayName: 'Value',
						name: 'value',
						values: [
							{ displayName: 'Score or Range', name: 'itemValueLHS', type: 'string', default: '', placeholder: 'e.g. 90-100' },
							{ displayName: 'Meaning', name: 'itemValueRHS', type: 'string', default: '', placeholder: 'e.g. A' },
						],
					},
				],
			};
		default:
			return { ...base, type: 'string', default: '' };
	}
}

function sortByName(properties: INodeProperties[]): INodeProperties[] {
	return properties.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The fields a row asks for: everything of its type except what the path already names. */
function askedFields(row: Endpoint): Array<[string, FieldSpec]> {
	const fromPath = new Set(Object.entries(PATH_FIELDS).filter(([placeholder]) => row.path.includes(`{${placeholder}}`)).map(([, field]) => field));
	// A PUT's sourcedId is the one in its path.
	if (row.method === 'PUT') fromPath.add('sourcedId');
	return Object.entries(gradebookSchema(row.body!)).filter(([name]) => !fromPath.has(name));
}

const isTopLevel = (name: string, spec: FieldSpec) => spec.required === true || PROMINENT.has(name);

export function gradebookFieldParameters(row: Endpoint, show: Record<string, string[]>): INodeProperties[] {
	const fields = askedFields(row);
	const topLevel = fields
		.filter(([name, spec]) => isTopLevel(name, spec))
		.map(([name, spec]): INodeProperties => {
			const placeholder = LOCATOR_PLACEHOLDER[name];
			if (spec.kind === 'ref' && placeholder) {
				// The same searchable picker as the path parameters, under the field's own name.
				return { ...pathParameter(row.resource, placeholder, textOf(name).displayName, show), name, description: textOf(name).description };
			}
			return { ...fieldParameter(name, spec, true), required: spec.required === true, displayOptions: { show } };
		});
	const additional = sortByName(fields.filter(([name, spec]) => !isTopLevel(name, spec)).map(([name, spec]) => fieldParameter(name, spec, false)));
	return [
		...topLevel,
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show }, options: additional },
	];
}

/**
 * The object as the named fields give it, in the shape the JSON input takes: dates normalised (the picker's
 * wall-clock time gets the workflow's time zone), JSON fields parsed, scale values listed. The schema check follows.
 */
export function readGradebookFields(context: IExecuteFunctions, itemIndex: number, row: Endpoint): { input: IDataObject; fieldLabel: (name: string) => string } {
	const node = context.getNode();
	const fields = askedFields(row);
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const input: IDataObject = {};
	for (const [name, spec] of fields) {
		const raw = isTopLevel(name, spec) ? context.getNodeParameter(name, itemIndex, '', { extractValue: true }) : extra[name];
		if (raw === undefined || raw === null || raw === '') continue;
		const ctx = { node, field: textOf(name).displayName, itemIndex };
		switch (spec.kind) {
			case 'date':
				input[name] = parseDate(raw, { ...ctx, output: 'iso-date' });
				break;
			case 'dateTime':
				input[name] = parseDate(raw, { ...ctx, accept: ['iso'], output: 'iso-datetime', zone: context.getTimezone() });
				break;
			case 'array':
			case 'object':
				input[name] = parseJson(raw, { ...ctx, allowed: 'JSON, e.g. [] or {}' }) as IDataObject[string];
				break;
			case 'scaleValues':
				input[name] = ((raw as IDataObject).value ?? []) as IDataObject[];
				break;
			default:
				input[name] = raw as IDataObject[string];
		}
	}
	return { input, fieldLabel: (name) => textOf(name).displayName };
}
