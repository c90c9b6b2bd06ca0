import { loadOptions, testCredential } from '../../harness';
import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { API_KEY, NODE_TYPE, credentialsFor, startSimulator } from './setup';

describe('Evalytics › credential Test button and organisation picker', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());

	const test = async (data: Record<string, unknown>) =>
		await testCredential({
			nodeType: NODE_TYPE,
			credentialType: 'evalyticsApi',
			data: { apiKey: API_KEY, organisation: '100', baseUrl: sim.url, ...data },
		});

	it('says OK for a working key', async () => {
		expect(await test({})).toMatchObject({ status: 'OK', message: 'Connection successful' });
		const request = sim.requests.at(-1)!;
		expect(request.path).toBe('/organisation');
		expect(request.query).toMatchObject({ organisation: ['100'], limit: ['1'] });
	});

	it('tells a refused key, an unknown organisation and an unreachable host apart', async () => {
		const wrongKey = await test({ apiKey: 'not-the-key-000' });
		expect(wrongKey.status).toBe('Error');
		expect(wrongKey.message).toMatch(/API key was refused/);
		expect(wrongKey.message).not.toContain('not-the-key-000');

		const unknownOrganisation = await test({ organisation: '424242' });
		expect(unknownOrganisation.message).toMatch(/does not know organisation "424242"/);

		const unreachable = await test({ baseUrl: 'http://127.0.0.1:9' });
		expect(unreachable.message).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9/);

		const invalid = await test({ baseUrl: 'not a url' });
		expect(invalid.message).toMatch(/not a valid URL/);
	});

	it('lists organisations for the picker, searchable', async () => {
		const all = (await loadOptions({
			nodeType: NODE_TYPE,
			method: 'searchOrganisations',
			kind: 'listSearch',
			parameters: { resource: 'user', operation: 'getAll' },
			credentials: credentialsFor(sim),
		})) as { results: Array<{ name: string; value: string }> };
		expect(all.results.length).toBeGreaterThan(1);
		expect(all.results.map((result) => result.value)).toContain('100');

		const organisation = sim.state.organisations.find((candidate) => candidate.parent)!;
		const found = (await loadOptions({
			nodeType: NODE_TYPE,
			method: 'searchOrganisations',
			kind: 'listSearch',
			parameters: { resource: 'user', operation: 'getAll' },
			credentials: credentialsFor(sim),
			filter: String(organisation.name).slice(0, 6),
		})) as { results: Array<{ name: string; value: string }> };
		expect(found.results.map((result) => result.value)).toContain(String(organisation.id));
		expect(sim.requests.at(-1)?.query.q).toEqual([String(organisation.name).slice(0, 6)]);
	});
});
