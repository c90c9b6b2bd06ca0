/**
 * The gradebook writes with "Define Using: Fields Below" (the default): named fields per type, searchable pickers for
 * class, school and student, the picker's wall-clock dates given the workflow's time zone, one object per item on a
 * POST. What is sent is checked against the official request schemas.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, pathParameters } from '../../../nodes/OneRoster/actions/endpoints';
import { gradebookSchema } from '../../../nodes/OneRoster/actions/gradebookBody';
import { PATH_FIELDS } from '../../../nodes/OneRoster/actions/gradebookFields';
import type { OneRosterSimulator } from '../../simulators/oneroster';
import { GRADEBOOK_FILE, loadSpec, validatorFor } from '../../unit/oneroster/openapi';
import { harnessTypes } from '../../harness/nodeTypes';
import { sampleIds } from './fixtures';
import { locator, NODE_NAME, NODE_TYPE, requestsTo, runOneRoster, startSimulator } from './setup';

const GB = '/ims/oneroster/gradebook/v1p2';

const writeRows = ENDPOINTS.filter((row) => row.body !== undefined);

/** The parameters the editor shows for a write row in fields mode (display options matched by hand). */
function fieldsModeParameters(row: (typeof writeRows)[number]): INodeProperties[] {
	const properties = harnessTypes.nodeTypes.getByNameAndVersion(NODE_TYPE).description.properties;
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(row.resource) && show.operation?.includes(row.op) && show.inputMode?.includes('fields');
	});
}

describe('OneRoster › Gradebook writes from named fields', () => {
	const validate = validatorFor(loadSpec(GRADEBOOK_FILE));
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.clearRequests();
		sim.faults.clear();
	});

	it.each(writeRows.map((row) => [row.id, row] as const))('%s asks for every required field the path does not name, the rest under Additional Fields', (_id, row) => {
		const parameters = fieldsModeParameters(row);
		const names = parameters.map((property) => property.name);
		const additional = parameters.find((property) => property.name === 'additionalFields')!;
		const optional = (additional.options as INodeProperties[]).map((option) => option.name);
		const fromPath = pathParameters(row.path).map((placeholder) => PATH_FIELDS[placeholder]).filter(Boolean);
		for (const [name, spec] of Object.entries(gradebookSchema(row.body!))) {
			const expected = fromPath.includes(name) || (name === 'sourcedId' && row.method === 'PUT') ? 'none' : spec.required ? 'own' : 'either';
			if (expected === 'none') expect([name, names.includes(name) || optional.includes(name)]).toEqual([name, false]);
			if (expected === 'own') expect([name, names.includes(name)]).toEqual([name, true]);
			if (expected === 'either') expect([name, names.includes(name) !== optional.includes(name)]).toEqual([name, true]);
		}
		expect(parameters.filter((property) => property.required).every((property) => property.displayName !== '')).toBe(true);
	});

	it('Result › Create or Replace: picker, text score, picked date and Additional Fields become the standard result', async () => {
		const values = sampleIds(sim).result;
		const result = await runOneRoster(sim, {
			resource: 'result', operation: 'upsert', sourcedId: 'result-fields-1',
			lineItem: values.lineItemSourcedId, student: locator(values.studentSourcedId), score: '7.5', scoreDate: '2026-10-01T00:00:00',
			additionalFields: { comment: 'Goed gedaan', late: true, textScore: 'voldoende', metadata: '{"source": "n8n"}' },
		});
		expect(result.status).toBe('success');
		const [request] = requestsTo(sim, 'PUT', `${GB}/results/result-fields-1`);
		expect(request.body).toEqual({
			result: {
				sourcedId: 'result-fields-1', status: 'active', dateLastModified: expect.stringMatching(/Z$/),
				lineItem: { href: `${sim.gradebookUrl}/lineItems/${values.lineItemSourcedId}`, sourcedId: values.lineItemSourcedId, type: 'lineItem' },
				student: { href: `${sim.rosteringUrl}/users/${values.studentSourcedId}`, sourcedId: values.studentSourcedId, type: 'user' },
				// The editor's default status; the score from text; the date without the picker's time.
				scoreStatus: 'fully graded', score: 7.5, scoreDate: '2026-10-01',
				comment: 'Goed gedaan', late: 'true', textScore: 'voldoende', metadata: { source: 'n8n' },
			},
		});
		expect(validate('SingleResultDType', request.body)).toEqual([]);
		expect(result.json(NODE_NAME)).toEqual([(request.body as { result: unknown }).result]);
	});

	it('Result › an empty score is not sent, a DD-MM-YYYY date is read day first', async () => {
		const values = sampleIds(sim).result;
		await runOneRoster(sim, {
			resource: 'result', operation: 'upsert', sourcedId: 'result-fields-2',
			lineItem: values.lineItemSourcedId, student: locator(values.studentSourcedId), scoreStatus: 'not submitted', score: '', scoreDate: '02-10-2026',
		});
		const sent = (requestsTo(sim, 'PUT', `${GB}/results/result-fields-2`)[0].body as { result: Record<string, unknown> }).result;
		expect(sent).not.toHaveProperty('score');
		expect(sent).toMatchObject({ scoreStatus: 'not submitted', scoreDate: '2026-10-02' });
	});

	it.each([
		['a student left empty by an expression', { student: locator('={{ $json.missing }}') }, /^Student: .*required/, /field "Student"/],
		['a score that is not a number', { score: '7,5' }, /^Score: "score" must be a number, got "7,5"/, /field "Score"/],
		['an impossible score date', { scoreDate: '31-02-2026' }, /^Score Date: "31-02-2026" is not a real date/, /field "Score Date"/],
		['a status outside the standard', { scoreStatus: 'graded' }, /^Score Status: "scoreStatus" is "graded"/, /or ext:<name>/],
		['metadata that is not JSON', { additionalFields: { metadata: '{source' } }, /^Metadata \(JSON\): is not valid JSON/, /field "Metadata \(JSON\)"/],
	])('Result › refuses %s before any request, naming the field as the editor shows it and the item', async (_name, change, message, description) => {
		const values = sampleIds(sim).result;
		const parameters: INodeParameters = {
			resource: 'result', operation: 'upsert', sourcedId: 'result-bad',
			lineItem: values.lineItemSourcedId, student: locator(values.studentSourcedId), score: '8', scoreDate: '2026-10-01', ...change,
		};
		const result = await runOneRoster(sim, parameters, { inputItems: [{}, {}] });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(message);
		expect(`${error.description ?? ''}`).toMatch(description);
		expect(error.description).toMatch(/Item 0/);
		expect(sim.requests.filter((request) => request.method !== 'POST' || !request.path.endsWith('/token'))).toHaveLength(0);
	});

	it('Line Item › Create or Replace: picked date-times get the workflow\'s time zone (summer and winter), a given zone is kept', async () => {
		const values = sampleIds(sim).lineItem;
		const result = await runOneRoster(
			sim,
			{
				resource: 'lineItem', operation: 'upsert', sourcedId: 'li-fields-1', title: 'Essay 3',
				assignDate: '2026-09-01T08:00:00', dueDate: '2026-11-02T23:59:00', class: locator(values.classSourcedId), school: locator(values.schoolSourcedId), category: 'category-homework',
				additionalFields: { description: 'Betoog over duurzaamheid', resultValueMin: 0, resultValueMax: 20, gradingPeriod: 'gp-1-1' },
			},
			{ timezone: 'Europe/Brussels' },
		);
		expect(result.status).toBe('success');
		const [request] = requestsTo(sim, 'PUT', `${GB}/lineItems/li-fields-1`);
		const sent = (request.body as { lineItem: Record<string, unknown> }).lineItem;
		expect(sent).toMatchObject({
			title: 'Essay 3', assignDate: '2026-09-01T08:00:00+02:00', dueDate: '2026-11-02T23:59:00+01:00',
			class: { href: `${sim.rosteringUrl}/classes/${values.classSourcedId}`, sourcedId: values.classSourcedId, type: 'class' },
			school: { sourcedId: values.schoolSourcedId, type: 'org' }, category: { sourcedId: 'category-homework', type: 'category' },
			gradingPeriod: { sourcedId: 'gp-1-1', type: 'academicSession' }, description: 'Betoog over duurzaamheid', resultValueMin: 0, resultValueMax: 20,
		});
		expect(validate('SingleLineItemDType', request.body)).toEqual([]);

		await runOneRoster(sim, {
			resource: 'lineItem', operation: 'upsert', sourcedId: 'li-fields-2', title: 'Essay 4',
			assignDate: '2026-09-01T08:00:00Z', dueDate: '2026-09-15T23:59:00-05:00', class: locator(values.classSourcedId), school: locator(values.schoolSourcedId), category: 'category-homework',
		}, { timezone: 'Europe/Brussels' });
		expect((requestsTo(sim, 'PUT', `${GB}/lineItems/li-fields-2`)[0].body as { lineItem: Record<string, unknown> }).lineItem).toMatchObject({
			assignDate: '2026-09-01T08:00:00Z', dueDate: '2026-09-15T23:59:00-05:00',
		});
	});

	it('Line Item › Create for Class: one POST per input item, the class from the path, results paired with their items', async () => {
		sim.setReadings({ allocateIds: 'new' });
		const values = sampleIds(sim).lineItem;
		const result = await runOneRoster(
			sim,
			{
				resource: 'lineItem', operation: 'createForClass', classSourcedId: locator(values.classSourcedId),
				title: '={{ $json.title }}', assignDate: '2026-10-01T08:00:00Z', dueDate: '2026-10-08T08:00:00Z', school: locator(values.schoolSourcedId), category: 'category-tests',
			},
			{ inputItems: [{ title: 'Oral A' }, { title: 'Oral B' }] },
		);
		const posts = requestsTo(sim, 'POST', `${GB}/classes/${values.classSourcedId}/lineItems`);
		expect(posts).toHaveLength(2);
		for (const post of posts) expect(validate('LineItemSetDType', post.body)).toEqual([]);
		const sent = posts.map((post) => (post.body as { lineItems: Array<Record<string, unknown>> }).lineItems);
		expect(sent.map((list) => list.length)).toEqual([1, 1]);
		expect(sent.map(([item]) => [item.title, (item.class as { sourcedId: string }).sourcedId])).toEqual([['Oral A', values.classSourcedId], ['Oral B', values.classSourcedId]]);
		const items = result.json(NODE_NAME);
		expect(items.map((item) => (item.lineItem as { title: string }).title)).toEqual(['Oral A', 'Oral B']);
		expect(items.every((item) => item.allocatedSourcedId !== item.suppliedSourcedId)).toBe(true);
		expect(result.output(NODE_NAME).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Result › Create for Line Item: the line item from the path, a Supplied sourcedId kept', async () => {
		sim.setReadings({ allocateIds: 'supplied' });
		const values = sampleIds(sim).result;
		await runOneRoster(sim, {
			resource: 'result', operation: 'createForLineItem', lineItemSourcedId: values.lineItemSourcedId,
			student: locator(values.studentSourcedId), scoreStatus: 'submitted', scoreDate: '2026-10-05', additionalFields: { sourcedId: 'my-result-9', missing: false },
		});
		const [post] = requestsTo(sim, 'POST', `${GB}/lineItems/${values.lineItemSourcedId}/results`);
		expect(validate('ResultSetDType', post.body)).toEqual([]);
		expect((post.body as { results: Array<Record<string, unknown>> }).results).toEqual([
			expect.objectContaining({ sourcedId: 'my-result-9', lineItem: expect.objectContaining({ sourcedId: values.lineItemSourcedId }), missing: 'false', scoreStatus: 'submitted' }),
		]);
		expect(sim.state.get('results', 'my-result-9')).toBeDefined();
	});

	it('Score Scale › Create or Replace: the scale values from a list of pairs', async () => {
		const values = sampleIds(sim).scoreScale;
		await runOneRoster(sim, {
			resource: 'scoreScale', operation: 'upsert', sourcedId: 'scale-fields', title: 'Letters', type: 'letter', class: locator(values.classSourcedId),
			scoreScaleValue: { value: [{ itemValueLHS: '90-100', itemValueRHS: 'A' }, { itemValueLHS: '0-89', itemValueRHS: 'B' }] },
		});
		const [put] = requestsTo(sim, 'PUT', `${GB}/scoreScales/scale-fields`);
		expect(validate('SingleScoreScaleDType', put.body)).toEqual([]);
		expect((put.body as { scoreScale: Record<string, unknown> }).scoreScale.scoreScaleValue).toEqual([
			{ itemValueLHS: '90-100', itemValueRHS: 'A' },
			{ itemValueLHS: '0-89', itemValueRHS: 'B' },
		]);

		const empty = await runOneRoster(sim, { resource: 'scoreScale', operation: 'upsert', sourcedId: 'scale-empty', title: 'Letters', type: 'letter', class: locator(values.classSourcedId) });
		expect(empty.nodeError(NODE_NAME)?.message).toMatch(/^Scale Values: .*at least one/);
	});

	it.each([
		['category', { title: 'Projects', additionalFields: { weight: 0.2 } }, 'SingleCategoryDType'],
		['assessmentLineItem', { title: 'Maths test', additionalFields: { class: 'class-x', resultValueMax: 50, parentAssessmentLineItem: 'assessment-reading' } }, 'SingleAssessmentLineItemDType'],
		['assessmentResult', { assessmentLineItem: 'assessment-reading', scoreDate: '2026-10-02', score: '41', additionalFields: { scorePercentile: 71, incomplete: true } }, 'SingleAssessmentResultDType'],
	])('%s › Create or Replace from named fields is a valid standard object', async (resource, fields, schema) => {
		const values = sampleIds(sim)[resource];
		const extra = resource === 'assessmentResult' ? { student: locator(values.studentSourcedId) } : {};
		const result = await runOneRoster(sim, { resource, operation: 'upsert', sourcedId: `${resource}-fields`, ...fields, ...extra } as INodeParameters);
		expect(result.status).toBe('success');
		const [put] = requestsTo(sim, 'PUT', new RegExp(`/${resource}-fields$`));
		expect(validate(schema, put.body)).toEqual([]);
		expect(result.json(NODE_NAME)[0].sourcedId).toBe(`${resource}-fields`);
	});
});
