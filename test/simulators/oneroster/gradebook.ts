/**
 * The gradebook and resources services: reads of every 1.2 endpoint, PUT (201 empty), DELETE (204) and POST
 * (201 sourcedIdPairs) with the standard's required fields checked (422 invaliddata), and the seeded data.
 */
import { randomUUID } from 'node:crypto';

import { emptyResponse, jsonResponse, type SimRequest, type SimResponse } from '../common/server';
import { errorResponse } from './errors';
import type { OneRosterState } from './state';
import { ref, serviceRef, type GradebookCollection, type Json, type Single, type Source } from './types';

const SINGULAR: Record<GradebookCollection | 'resources', string> = {
	categories: 'category',
	lineItems: 'lineItem',
	results: 'result',
	scoreScales: 'scoreScale',
	assessmentLineItems: 'assessmentLineItem',
	assessmentResults: 'assessmentResult',
	resources: 'resource',
};

const REQUIRED: Record<GradebookCollection, string[]> = {
	categories: ['title'],
	lineItems: ['title', 'assignDate', 'dueDate', 'class', 'school', 'category'],
	results: ['lineItem', 'student', 'scoreStatus', 'scoreDate'],
	scoreScales: ['title', 'type', 'class', 'scoreScaleValue'],
	assessmentLineItems: ['title'],
	assessmentResults: ['assessmentLineItem', 'student', 'scoreDate', 'scoreStatus'],
};

const SCORE_STATUS = /^(exempt|fully graded|not submitted|partially graded|submitted|ext:[a-zA-Z0-9.\-_]+)$/;

/** Which gradebook endpoints OneRoster 1.1 has (§4 of the reference): no POST, score scales or assessments. */
export const V1P1_GRADEBOOK: ReadonlySet<string> = new Set(['categories', 'lineItems', 'results']);

const sid = (record: Json, field: string) => (record[field] as Json | undefined)?.sourcedId;

export function resolveGradebook(state: OneRosterState, s: string[]): Source | Single | undefined {
	const all = (collection: GradebookCollection | 'resources', where?: (record: Json) => boolean): Source => ({
		collection,
		key: collection,
		records: () => (where ? state.all(collection).filter(where) : state.all(collection)),
	});
	const [a, id, b, id2, c] = s;
	if (s.length === 1 && a in SINGULAR) return all(a as GradebookCollection);
	if (s.length === 2 && a in SINGULAR) return { collection: a as GradebookCollection, key: SINGULAR[a as GradebookCollection], id };
	const classOf = (lineItemId: unknown) => sid(state.get('lineItems', String(lineItemId)) ?? {}, 'class');
	const linked = (owner: Json | undefined) => new Set(((owner?.resources as Json[] | undefined) ?? []).map((entry) => entry.sourcedId));
	switch (s.length === 5 ? `${a}/${b}/${c}` : `${a}/${b}`) {
		case 'classes/categories': {
			const used = () => new Set(state.all('lineItems').filter((item) => sid(item, 'class') === id).map((item) => sid(item, 'category')));
			return { ...all('categories'), records: () => state.all('categories').filter((category) => used().has(category.sourcedId)) };
		}
		case 'classes/lineItems': return all('lineItems', (item) => sid(item, 'class') === id);
		case 'classes/results': return all('results', (result) => classOf(sid(result, 'lineItem')) === id);
		case 'classes/scoreScales': return all('scoreScales', (scale) => sid(scale, 'class') === id);
		case 'classes/lineItems/results': return all('results', (result) => sid(result, 'lineItem') === id2 && classOf(id2) === id);
		case 'classes/students/results': return all('results', (result) => sid(result, 'student') === id2 && classOf(sid(result, 'lineItem')) === id);
		case 'schools/scoreScales': return all('scoreScales', (scale) => sid(state.get('classes', String(sid(scale, 'class'))) ?? {}, 'school') === id);
		case 'classes/resources': return all('resources', (resource) => linked(state.get('classes', id)).has(resource.sourcedId));
		case 'courses/resources': return all('resources', (resource) => linked(state.get('courses', id)).has(resource.sourcedId));
		case 'users/resources': return all('resources', (resource) => linked(state.get('users', id)).has(resource.sourcedId));
	}
	return undefined;
}

function invalid(collection: GradebookCollection, record: unknown): string | undefined {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return `${SINGULAR[collection]} must be an object`;
	const object = record as Json;
	const missing = ['sourcedId', 'status', 'dateLastModified', ...REQUIRED[collection]].filter((field) => object[field] === undefined);
	if (missing.length) return `${SINGULAR[collection]} lacks ${missing.join(', ')}`;
	if ('scoreStatus' in object && !SCORE_STATUS.test(String(object.scoreStatus))) return `scoreStatus "${String(object.scoreStatus)}" is not allowed`;
	return undefined;
}

/** PUT/DELETE /{collection}/{id} and the three POSTs; undefined when the path is no gradebook write. */
export function gradebookWrite(state: OneRosterState, request: SimRequest, s: string[]): SimResponse | undefined {
	const body = (request.body ?? {}) as Json;
	if (s.length === 2 && s[0] in REQUIRED && (request.method === 'PUT' || request.method === 'DELETE')) {
		const collection = s[0] as GradebookCollection;
		if (request.method === 'DELETE') return state.remove(collection, s[1]) ? emptyResponse(204) : errorResponse(404, 'unknownobject', `${SINGULAR[collection]} ${s[1]} not found`);
		const record = body[SINGULAR[collection]] as Json | undefined;
		const problem = invalid(collection, record);
		if (problem) return errorResponse(422, 'invaliddata', problem);
		if (record!.sourcedId !== s[1]) return errorResponse(422, 'invaliddata', 'sourcedId differs from the path');
		state.insert(collection, { ...record, dateLastModified: new Date().toISOString() });
		return emptyResponse(201);
	}
	if (request.method !== 'POST') return undefined;
	const route = s.length === 3 ? `${s[0]}/${s[2]}` : s.length === 5 ? `${s[0]}/${s[2]}/${s[4]}` : '';
	const target: GradebookCollection | undefined = { 'classes/lineItems': 'lineItems', 'schools/lineItems': 'lineItems', 'lineItems/results': 'results', 'classes/academicSessions/results': 'results' }[route] as GradebookCollection | undefined;
	if (!target) return undefined;
	const records = body[target];
	if (!Array.isArray(records) || records.length === 0) return errorResponse(422, 'invaliddata', `body needs a non-empty ${target} list`);
	for (const record of records) {
		const problem = invalid(target, record);
		if (problem) return errorResponse(422, 'invaliddata', problem);
	}
	const pairs = (records as Json[]).map((record) => {
		const supplied = String(record.sourcedId);
		// The server allocates: the supplied id when free (or as the readings say), else a new one.
		const allocated = state.readings.allocateIds === 'supplied' && !state.get(target, supplied) ? supplied : randomUUID();
		state.insert(target, { ...record, sourcedId: allocated, dateLastModified: new Date().toISOString() });
		return { suppliedSourcedId: supplied, allocatedSourcedId: allocated };
	});
	return jsonResponse(201, { sourcedIdPairs: pairs });
}

/** Gradebook and resources for the first classes of the seeded district (after the rostering data is sorted). */
export function seedGradebook(state: OneRosterState, stamp: () => string): void {
	const base = (sourcedId: string): Json => ({ sourcedId, status: 'active', dateLastModified: stamp() });
	const gb = (type: string, collection: string, id: string) => serviceRef('gradebook', type, collection, id);
	state.insert('categories', { ...base('category-homework'), title: 'Homework', weight: 0.4 });
	state.insert('categories', { ...base('category-tests'), title: 'Tests', weight: 0.6 });
	const classes = state.all('classes').slice(0, 3);
	for (const [index, klass] of classes.entries()) {
		const classId = String(klass.sourcedId);
		const classRef = ref('class', 'classes', classId);
		state.insert('scoreScales', { ...base(`scale-${classId}`), title: '1 to 10', type: 'numeric', class: classRef, course: klass.course, scoreScaleValue: [{ itemValueLHS: '10', itemValueRHS: 'excellent' }, { itemValueLHS: '5.5', itemValueRHS: 'pass' }] });
		const students = state.enrolledUsers(classId, 'student');
		for (const n of [1, 2]) {
			const lineItemId = `lineitem-${classId}-${n}`;
			state.insert('lineItems', {
				...base(lineItemId), title: n === 1 ? 'Essay' : 'Test', assignDate: '2026-09-01T08:00:00Z', dueDate: '2026-09-15T23:59:00Z', class: classRef,
				school: klass.school, category: gb('category', 'categories', n === 1 ? 'category-homework' : 'category-tests'), resultValueMin: 1, resultValueMax: 10,
			});
			if (n === 2) continue;
			for (const [s, student] of students.slice(0, 4).entries()) {
				state.insert('results', {
					...base(`result-${lineItemId}-${String(student.sourcedId)}`), lineItem: gb('lineItem', 'lineItems', lineItemId), student: ref('user', 'users', String(student.sourcedId)),
					class: classRef, scoreStatus: 'fully graded', score: 5 + ((index + s) % 5), scoreDate: '2026-09-20',
				});
			}
		}
	}
	state.insert('assessmentLineItems', { ...base('assessment-reading'), title: 'Reading test', resultValueMin: 0, resultValueMax: 100 });
	const firstStudent = state.enrolledUsers(String(classes[0].sourcedId), 'student')[0];
	state.insert('assessmentResults', { ...base('assessment-reading-1'), assessmentLineItem: gb('assessmentLineItem', 'assessmentLineItems', 'assessment-reading'), student: ref('user', 'users', String(firstStudent.sourcedId)), score: 81, scoreDate: '2026-09-20', scoreStatus: 'fully graded' });
	for (const n of [1, 2, 3]) state.insert('resources', { ...base(`resource-${n}`), title: `Reader ${n}`, vendorResourceId: `VR-${n}`, importance: n === 1 ? 'primary' : 'secondary', roles: ['student'] });
	// Classes, courses and users point at their resources (the 1.2 `resources` GUIDRef lists).
	const link = (ids: number[]) => ids.map((n) => serviceRef('resources', 'resource', 'resources', `resource-${n}`));
	classes[0].resources = link([1, 2]);
	state.get('courses', String(sid(classes[0], 'course')))!.resources = link([3]);
	firstStudent.resources = link([1]);
}
