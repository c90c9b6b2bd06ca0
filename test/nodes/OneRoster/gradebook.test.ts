import type { INodeParameters } from 'n8n-workflow';

import { locatorKind } from '../../../nodes/OneRoster/actions/common.descriptions';
import { ENDPOINTS, pathParameters, type Endpoint } from '../../../nodes/OneRoster/actions/endpoints';
import type { OneRosterSimulator } from '../../simulators/oneroster';
import { GRADEBOOK_FILE, loadSpec, validatorFor } from '../../unit/oneroster/openapi';
import { sampleIds } from './fixtures';
import { locator, NODE_NAME, requestsTo, runOneRoster, startSimulator } from './setup';

const GB = '/ims/oneroster/gradebook/v1p2';
const RS = '/ims/oneroster/resources/v1p2';
const HREF = (sim: OneRosterSimulator) => ({ gb: sim.gradebookUrl, ro: sim.rosteringUrl });

/** The node parameters of a row's path placeholders, pickers as locators. */
function pathValues(row: Endpoint, values: Record<string, string>): INodeParameters {
	return Object.fromEntries(
		pathParameters(row.path).map((name) => [name, locatorKind(row.resource, name) === 'plain' ? values[name] : locator(values[name])]),
	);
}

const filled = (row: Endpoint, values: Record<string, string>) => row.path.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => encodeURIComponent(values[name]));
const base = (row: Endpoint) => (row.service === 'gradebook' ? GB : RS);

describe('OneRoster › Gradebook and Resources', () => {
	// What the node sends is checked against the official request schemas.
	const validate = validatorFor(loadSpec(GRADEBOOK_FILE));
	const schemaOf = (type: string) => `Single${type.charAt(0).toUpperCase()}${type.slice(1)}DType`;
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
	});

	const reads = ENDPOINTS.filter((row) => row.service !== 'rostering' && row.method === 'GET');

	it.each(reads.map((row) => [row.id, row] as const))('%s: GET on its service path, envelope unwrapped', async (_id, row) => {
		const values = sampleIds(sim)[row.resource];
		const parameters: INodeParameters = { resource: row.resource, operation: row.op, ...pathValues(row, values), ...(row.list ? { returnAll: true } : {}) };
		const result = await runOneRoster(sim, parameters);
		expect(result.status).toBe('success');
		const items = result.json(NODE_NAME);
		expect(items.length).toBeGreaterThan(0);
		const [request] = requestsTo(sim, 'GET', `${base(row)}${filled(row, values)}`);
		expect(request).toBeDefined();
		if (row.list) expect(request.query).toMatchObject({ limit: [expect.any(String)], offset: ['0'] });
		else expect(items[0].sourcedId).toBe(values.sourcedId);
	});

	it('Get Many for Line Item with a filter and fields, as the standard sends them', async () => {
		const values = sampleIds(sim).result;
		const result = await runOneRoster(sim, {
			resource: 'result', operation: 'getForLineItem', classSourcedId: locator(values.classSourcedId), lineItemSourcedId: values.lineItemSourcedId,
			returnAll: false, limit: 2, filterConditions: { condition: [{ field: 'scoreStatus', operator: 'eq', value: 'fully graded' }] }, options: { fields: 'score,student' },
		});
		expect(result.json(NODE_NAME)).toHaveLength(2);
		expect(Object.keys(result.json(NODE_NAME)[0]).sort()).toEqual(['score', 'sourcedId', 'student']);
		const [request] = requestsTo(sim, 'GET', `${GB}/classes/${values.classSourcedId}/lineItems/${values.lineItemSourcedId}/results`);
		expect(request.query).toEqual({ filter: ["scoreStatus='fully graded'"], fields: ['sourcedId,score,student'], limit: ['2'], offset: ['0'] });
	});

	it('Result › Create or Replace: PUT {result} with GUIDRefs built from bare ids, 201 empty → the stored result; retried on 503', async () => {
		const values = sampleIds(sim).result;
		sim.faults.add({ match: { method: 'PUT' }, fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
		const result = await runOneRoster(sim, {
			resource: 'result', operation: 'upsert', sourcedId: 'result-new-1',
			inputMode: 'json', record: JSON.stringify({ lineItem: values.lineItemSourcedId, student: values.studentSourcedId, scoreStatus: 'fully graded', score: '8.5', scoreDate: '2026-10-01', late: true }),
		});
		expect(result.status).toBe('success');
		const puts = requestsTo(sim, 'PUT', `${GB}/results/result-new-1`);
		expect(puts).toHaveLength(2);
		const { gb, ro } = HREF(sim);
		const sent = (puts[1].body as { result: Record<string, unknown> }).result;
		expect(sent).toEqual({
			sourcedId: 'result-new-1', status: 'active', dateLastModified: expect.stringMatching(/Z$/),
			lineItem: { href: `${gb}/lineItems/${values.lineItemSourcedId}`, sourcedId: values.lineItemSourcedId, type: 'lineItem' },
			student: { href: `${ro}/users/${values.studentSourcedId}`, sourcedId: values.studentSourcedId, type: 'user' },
			scoreStatus: 'fully graded', score: 8.5, scoreDate: '2026-10-01', late: 'true',
		});
		expect(result.json(NODE_NAME)).toEqual([sent]);
		expect(sim.state.get('results', 'result-new-1')?.score).toBe(8.5);
	});

	it.each([
		['scoreStatus', { scoreStatus: 'graded' }, /scoreStatus.*"graded"/, /"exempt", "fully graded", "not submitted", "partially graded", "submitted" or ext:/],
		['scoreDate', { scoreDate: '01-10-2026' }, /scoreDate.*must be a date/, /YYYY-MM-DD/],
		['a missing student', { student: undefined }, /"student" is required/, /lineItem, student, scoreStatus, scoreDate/],
		['an unknown field', { grade: 'A' }, /"grade" is not a field of a result/, /textScore/],
		['score', { score: 'eight' }, /"score" must be a number/, /field "Result \(JSON\) › score"/],
	])('Result › Create or Replace refuses %s before any request, naming the field and the item', async (_name, change, message, description) => {
		const values = sampleIds(sim).result;
		const record = { lineItem: values.lineItemSourcedId, student: values.studentSourcedId, scoreStatus: 'fully graded', scoreDate: '2026-10-01', ...change };
		const result = await runOneRoster(sim, { resource: 'result', operation: 'upsert', sourcedId: 'result-bad', inputMode: 'json', record: JSON.stringify(record) }, { inputItems: [{}, {}] });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(message);
		expect(`${error.description ?? ''}`).toMatch(description);
		expect(error.description).toMatch(/Item 0/);
		expect(requestsTo(sim, 'PUT', /\/results\//)).toHaveLength(0);
	});

	it('Line Item › Create or Replace refuses a due date without a time zone; continueOnFail keeps the other items', async () => {
		const values = sampleIds(sim).lineItem;
		const good = { title: 'Essay 2', assignDate: '2026-09-01T08:00:00Z', dueDate: '2026-09-15T23:59:00Z', class: values.classSourcedId, school: values.schoolSourcedId, category: 'category-homework' };
		const result = await runOneRoster(
			sim,
			{ resource: 'lineItem', operation: 'upsert', sourcedId: '={{ $json.id }}', inputMode: 'json', record: '={{ JSON.stringify($json.body) }}' },
			{ continueOnFail: true, inputItems: [{ id: 'li-a', body: good }, { id: 'li-b', body: { ...good, dueDate: '2026-09-15 23:59' } }] },
		);
		const items = result.json(NODE_NAME);
		expect(items[0].sourcedId).toBe('li-a');
		expect(String(items[1].error)).toMatch(/dueDate.*date-time with a time zone/);
		expect(requestsTo(sim, 'PUT', /\/lineItems\//).map((request) => request.path)).toEqual([`${GB}/lineItems/li-a`]);
		expect(sim.state.get('lineItems', 'li-a')?.class).toEqual({ href: `${sim.rosteringUrl}/classes/${values.classSourcedId}`, sourcedId: values.classSourcedId, type: 'class' });
	});

	const writeBodies = (values: Record<string, string>): Record<string, Record<string, unknown>> => ({
		category: { title: 'Projects', weight: 0.2 },
		lineItem: { title: 'Quiz', assignDate: '2026-09-01T08:00:00Z', dueDate: '2026-09-02T08:00:00+02:00', class: values.classSourcedId, school: values.schoolSourcedId, category: 'category-tests', scoreScale: `scale-${values.classSourcedId}` },
		result: { lineItem: values.lineItemSourcedId, student: values.studentSourcedId, scoreStatus: 'ext:absent', scoreDate: '2026-10-02' },
		scoreScale: { title: 'Letters', type: 'letter', class: values.classSourcedId, scoreScaleValue: [{ itemValueLHS: 'A', itemValueRHS: 'excellent' }] },
		assessmentLineItem: { title: 'Maths test', parentAssessmentLineItem: 'assessment-reading', resultValueMin: 0, resultValueMax: 50 },
		assessmentResult: { assessmentLineItem: 'assessment-reading', student: values.studentSourcedId, scoreStatus: 'submitted', scoreDate: '2026-10-02', scorePercentile: 71 },
	});

	it.each(ENDPOINTS.filter((row) => row.method === 'PUT' && !row.extension).map((row) => [row.id, row] as const))('%s, then Delete: stored, then gone; DELETE retried on 503', async (_id, row) => {
		const values = sampleIds(sim)[row.resource];
		const body = writeBodies(values)[row.body!];
		const put = await runOneRoster(sim, { resource: row.resource, operation: 'upsert', sourcedId: `${row.resource}-x`, inputMode: 'json', record: JSON.stringify(body) });
		expect(put.status).toBe('success');
		const plural = row.path.split('/')[1];
		expect(requestsTo(sim, 'PUT', `${GB}/${plural}/${row.resource}-x`)[0].body).toEqual({ [row.body!]: expect.objectContaining({ sourcedId: `${row.resource}-x`, status: 'active' }) });
		expect(sim.state.get(plural as 'results', `${row.resource}-x`)).toBeDefined();
		expect(validate(schemaOf(row.body!), requestsTo(sim, 'PUT', `${GB}/${plural}/${row.resource}-x`)[0].body)).toEqual([]);
		sim.faults.add({ match: { method: 'DELETE' }, fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
		const deleted = await runOneRoster(sim, { resource: row.resource, operation: 'delete', sourcedId: `${row.resource}-x` });
		expect(deleted.json(NODE_NAME)).toEqual([{ sourcedId: `${row.resource}-x`, deleted: true }]);
		expect(requestsTo(sim, 'DELETE', `${GB}/${plural}/${row.resource}-x`)).toHaveLength(2);
		expect(sim.state.get(plural as 'results', `${row.resource}-x`)).toBeUndefined();
	});

	it('Delete of an unknown sourcedId is a NodeApiError with the codeMinor meaning', async () => {
		const result = await runOneRoster(sim, { resource: 'category', operation: 'delete', sourcedId: 'nope' });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/404/);
		expect(error.description).toMatch(/does not know this sourcedId.*unknownobject/);
	});

	it('Result › Create for Line Item: POST {results:[…]} with the path\'s line item filled in; one item per sourcedIdPair; never retried', async () => {
		const values = sampleIds(sim).result;
		sim.faults.add({ match: { method: 'POST' }, fault: { kind: 'status', status: 503, retryAfter: '0' }, times: 1 });
		const records = [
			{ sourcedId: 'r-1', student: values.studentSourcedId, scoreStatus: 'fully graded', score: 9, scoreDate: '2026-10-03' },
			{ sourcedId: 'r-2', student: values.userSourcedId, scoreStatus: 'not submitted', scoreDate: '2026-10-03', missing: 'true' },
		];
		const parameters = { resource: 'result', operation: 'createForLineItem', lineItemSourcedId: values.lineItemSourcedId, inputMode: 'json', records: JSON.stringify(records) };
		const failed = await runOneRoster(sim, parameters);
		expect(failed.status).toBe('error');
		expect(failed.nodeError(NODE_NAME)?.message).toMatch(/503/);
		expect(requestsTo(sim, 'POST', /results$/)).toHaveLength(1);
		sim.clearRequests();

		sim.setReadings({ allocateIds: 'new' });
		const result = await runOneRoster(sim, parameters);
		const [request] = requestsTo(sim, 'POST', `${GB}/lineItems/${values.lineItemSourcedId}/results`);
		const sent = (request.body as { results: Array<Record<string, unknown>> }).results;
		expect(sent.map((entry) => (entry.lineItem as { sourcedId: string }).sourcedId)).toEqual([values.lineItemSourcedId, values.lineItemSourcedId]);
		expect(validate('ResultSetDType', request.body)).toEqual([]);
		const items = result.json(NODE_NAME);
		expect(items.map((item) => item.suppliedSourcedId)).toEqual(['r-1', 'r-2']);
		expect(items[0].allocatedSourcedId).not.toBe('r-1');
		expect(sim.state.get('results', String(items[0].allocatedSourcedId))?.score).toBe(9);
	});

	it.each([
		['lineItem', 'createForClass', 'classSourcedId', '/classes/{id}/lineItems'],
		['lineItem', 'createForSchool', 'schoolSourcedId', '/schools/{id}/lineItems'],
	])('Line Item › %s %s: POST {lineItems}, keeping supplied ids when the provider does', async (resource, operation, placeholder, path) => {
		sim.setReadings({ allocateIds: 'supplied' });
		const values = sampleIds(sim).lineItem;
		const record = { title: 'Oral', assignDate: '2026-10-01T08:00:00Z', dueDate: '2026-10-08T08:00:00Z', class: values.classSourcedId, school: values.schoolSourcedId, category: 'category-tests' };
		const parameters: INodeParameters = { resource, operation, [placeholder]: locator(values[placeholder]), inputMode: 'json', records: JSON.stringify({ sourcedId: `oral-${operation}`, ...record }) };
		const result = await runOneRoster(sim, parameters);
		expect(result.json(NODE_NAME)).toEqual([expect.objectContaining({ suppliedSourcedId: `oral-${operation}`, allocatedSourcedId: `oral-${operation}` })]);
		const posts = requestsTo(sim, 'POST', `${GB}${path.replace('{id}', values[placeholder])}`);
		expect(posts).toHaveLength(1);
		expect(validate('LineItemSetDType', posts[0].body)).toEqual([]);
	});

	it('Result › Create for Class and Session: the class comes from the path, a sourcedId is generated when left out', async () => {
		const values = sampleIds(sim).result;
		const result = await runOneRoster(sim, {
			resource: 'result', operation: 'createForAcademicSession', classSourcedId: locator(values.classSourcedId), academicSessionSourcedId: 'term-1',
			inputMode: 'json', records: JSON.stringify([{ lineItem: values.lineItemSourcedId, student: values.studentSourcedId, scoreStatus: 'exempt', scoreDate: '2026-10-04' }]),
		});
		const [request] = requestsTo(sim, 'POST', `${GB}/classes/${values.classSourcedId}/academicSessions/term-1/results`);
		const [sent] = (request.body as { results: Array<Record<string, unknown>> }).results;
		expect(sent.class).toEqual({ href: `${sim.rosteringUrl}/classes/${values.classSourcedId}`, sourcedId: values.classSourcedId, type: 'class' });
		expect(sent.sourcedId).toMatch(/^[0-9a-f-]{36}$/);
		expect(result.json(NODE_NAME)[0].suppliedSourcedId).toBe(sent.sourcedId);
	});

	it('a POST list names the position of the bad object', async () => {
		const values = sampleIds(sim).result;
		const result = await runOneRoster(sim, {
			resource: 'result', operation: 'createForLineItem', lineItemSourcedId: values.lineItemSourcedId,
			inputMode: 'json', records: JSON.stringify([{ student: 's', scoreStatus: 'exempt', scoreDate: '2026-10-04' }, { student: 's', scoreStatus: 'late', scoreDate: '2026-10-04' }]),
		});
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/\[1\] scoreStatus/);
		expect(requestsTo(sim, 'POST', /results$/)).toHaveLength(0);
	});
});
