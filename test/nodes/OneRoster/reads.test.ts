import { locatorKind } from '../../../nodes/OneRoster/actions/common.descriptions';
import { ENDPOINTS, pathParameters } from '../../../nodes/OneRoster/actions/endpoints';
import type { OneRosterSimulator } from '../../simulators/oneroster';
import { simGet, simToken } from '../../simulators/oneroster/client';
import { sampleIds } from './fixtures';
import { BASE, locator, NODE_NAME, runOneRoster, startSimulator } from './setup';

/** Every standard rostering endpoint, one operation each: the request sent and the items out. */
describe('OneRoster › all 41 rostering reads', () => {
	let sim: OneRosterSimulator;
	let ids: ReturnType<typeof sampleIds>;
	let token: string;
	beforeAll(async () => {
		sim = await startSimulator({ users: 60, readings: { pageCap: 7 } });
		ids = sampleIds(sim);
		token = await simToken(sim);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const rows = ENDPOINTS.filter((row) => !row.extension && row.service === 'rostering');

	it.each(rows.map((row) => [`${row.resource} › ${row.op}`, row] as const))('%s', async (_label, row) => {
		const values = ids[row.resource];
		const parameters: Record<string, unknown> = { resource: row.resource, operation: row.op };
		for (const name of pathParameters(row.path)) {
			parameters[name] = locatorKind(row.resource, name) === 'plain' ? values[name] : locator(values[name]);
		}
		if (row.list) parameters.returnAll = true;
		const result = await runOneRoster(sim, parameters as never);
		expect(result.status).toBe('success');
		const path = row.path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => encodeURIComponent(values[name]));
		const sent = sim.requests.filter((request) => request.path.startsWith(BASE));
		expect(sent.length).toBeGreaterThan(0);
		for (const request of sent) expect(request.path).toBe(`${BASE}${path}`);

		// What the provider holds, read in one go straight from the simulator (the cap applies: read page by page).
		const expected: unknown[] = [];
		if (row.list) {
			for (let offset = 0; ; offset += 7) {
				const page = await simGet(sim, `${path}?limit=7&offset=${offset}`, token);
				const records = (page.body as Record<string, unknown[]>)[row.key!];
				expected.push(...records);
				if (records.length < 7) break;
			}
			expect(expected.length).toBeGreaterThan(0);
			expect(result.json(NODE_NAME)).toEqual(expected);
		} else {
			const page = await simGet(sim, path, token);
			expect(result.json(NODE_NAME)).toEqual([(page.body as Record<string, unknown>)[row.key!]]);
			expect(result.json(NODE_NAME)[0].sourcedId).toBe(values.sourcedId);
		}
	});

	it('an unknown sourcedId fails with the codeMinor meaning, and Continue On Fail pairs the error', async () => {
		const result = await runOneRoster(sim, { resource: 'class', operation: 'get', sourcedId: locator('no-such-class') }, { continueOnFail: true });
		const [item] = result.output(NODE_NAME);
		expect(item.json.error).toMatch(/HTTP 404/);
		expect(String(item.error?.description)).toMatch(/does not know this sourcedId.*unknownobject/);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('an empty path parameter is refused before any request', async () => {
		const result = await runOneRoster(sim, { resource: 'school', operation: 'getStudents', schoolSourcedId: locator('={{ " " }}') });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/schoolSourcedId/);
		expect(sim.requests.filter((request) => request.path.startsWith(BASE))).toHaveLength(0);
	});

	it('single reads send fields; lists always add sourcedId', async () => {
		await runOneRoster(sim, { resource: 'org', operation: 'get', sourcedId: locator('district-0001'), options: { fields: 'name,type' } });
		expect(sim.requests.at(-1)?.query.fields).toEqual(['name,type']);
		await runOneRoster(sim, { resource: 'org', operation: 'getAll', returnAll: false, limit: 3, options: { fields: 'name' } });
		expect(sim.requests.at(-1)?.query.fields).toEqual(['sourcedId,name']);
	});
});
