import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { leaksSecret } from '../../harness';
import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId as code, methodsCalled, NODE_NAME as NODE, runSmartschool, startSimulator } from './setup';

describe('Smartschool › Group/Class', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 7 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const run = async (parameters: INodeParameters, options: { inputItems?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		await runSmartschool(sim, { resource: 'group', ...parameters }, options);
	const methods = () => methodsCalled(sim);
	const groups = () => [...sim.state.groups.values()].filter((group) => group.parentId !== null);
	const classWithParent = () => groups().find((group) => group.type === 'K')!;

	it('lists every group and class flat, with parent links, from one tree download', async () => {
		const result = await run({ operation: 'getAll', returnAll: true });
		const out = result.json(NODE);
		expect(out).toHaveLength(groups().length);
		expect(methods()).toEqual(['getAllGroupsAndClasses']);
		const klas = classWithParent();
		const parent = sim.state.groups.get(klas.parentId!)!;
		expect(out.find((group) => group.code === klas.code)).toMatchObject({
			name: klas.name,
			type: 'class',
			parentCode: parent.parentId === null ? null : parent.code,
		});
		expect(leaksSecret([result.logs, result.run], ACCESS_CODE)).toBe(false);
	});

	it('filters by type and honours Limit', async () => {
		const classes = (await run({ operation: 'getAll', type: 'class', returnAll: true })).json(NODE);
		expect(classes.map((group) => group.code).sort()).toEqual(
			groups().filter((group) => group.type === 'K').map((group) => group.code).sort(),
		);
		const onlyGroups = (await run({ operation: 'getAll', type: 'group', returnAll: true })).json(NODE);
		expect(onlyGroups.every((group) => group.type === 'group')).toBe(true);
		expect((await run({ operation: 'getAll', returnAll: false, limit: 3 })).json(NODE)).toHaveLength(3);
	});

	it('returns the tree, whole or from one group down', async () => {
		const whole = (await run({ operation: 'getAll', output: 'tree' })).json(NODE);
		expect(whole).toHaveLength(1);
		expect(whole[0]).toMatchObject({ name: 'Iedereen', code: '' });
		const parent = groups().find((group) => sim.state.childrenOf(group).length > 0)!;
		const sub = (await run({ operation: 'getAll', output: 'tree', startFrom: code(parent.code) })).json(NODE);
		expect(sub[0].code).toBe(parent.code);
		expect((sub[0].children as IDataObject[]).map((child) => child.code).sort()).toEqual(
			sim.state.childrenOf(parent).map((child) => child.code).sort(),
		);
	});

	it('gets groups by code for many items with one tree download; an unknown code is a clear error', async () => {
		const [a, b] = groups();
		const result = await run(
			{ operation: 'get', group: code('={{ $json.code }}') },
			{ inputItems: [{ code: a.code }, { code: b.code }, { code: 'bestaat-niet' }], continueOnFail: true },
		);
		const out = result.output(NODE);
		expect(out[0].json).toMatchObject({ code: a.code, name: a.name });
		expect(out[1].json).toMatchObject({ code: b.code, name: b.name });
		expect(out[2]).toMatchObject({ json: { error: expect.stringContaining('"bestaat-niet"') }, pairedItem: { item: 2 } });
		expect(methods()).toEqual(['getAllGroupsAndClasses']);
	});

	it('creates a group with saveGroup after checking that its code is free', async () => {
		const parent = groups().find((group) => group.type === 'G' && !group.isOfficial)!;
		const result = await run({
			operation: 'create',
			code: 'schaakclub',
			parent: code(parent.code),
			additionalFields: { name: 'Schaakclub', description: 'Schaken op woensdag', untis: 'SCHAAK' },
		});
		expect(result.json(NODE)).toEqual([
			{ code: 'schaakclub', name: 'Schaakclub', desc: 'Schaken op woensdag', type: 'group', untis: 'SCHAAK', parentCode: parent.code, parentName: parent.name },
		]);
		expect(methods()).toEqual(['getAllGroupsAndClasses', 'saveGroup']);
		expect(sim.requests[1].parts).toEqual({
			accesscode: ACCESS_CODE,
			name: 'Schaakclub',
			desc: 'Schaken op woensdag',
			code: 'schaakclub',
			parent: parent.code,
			untis: 'SCHAAK',
		});
		expect(sim.state.byCode('schaakclub')).toMatchObject({ name: 'Schaakclub', parentId: parent.id });
	});

	it('refuses to create a code that exists, also one created by an earlier item, without calling saveGroup', async () => {
		const existing = groups()[0];
		const result = await run(
			{ operation: 'create', code: '={{ $json.code }}' },
			{ inputItems: [{ code: existing.code }, { code: 'dubbel' }, { code: 'dubbel' }], continueOnFail: true },
		);
		const out = result.output(NODE);
		expect(out[0].json.error).toMatch(/already exists/);
		expect(out[1].json).toMatchObject({ code: 'dubbel', name: 'dubbel', desc: 'dubbel', parentCode: null });
		expect(out[2].json.error).toMatch(/already exists/);
		expect(methods()).toEqual(['getAllGroupsAndClasses', 'saveGroup']);
	});

	it('updates a group from its current values (read-modify-write), sending the parent it has', async () => {
		const group = groups().find((candidate) => candidate.type === 'G' && candidate.code !== 'schaakclub')!;
		const parent = sim.state.groups.get(group.parentId!)!;
		const result = await run({ operation: 'update', group: code(group.code), updateFields: { description: 'Nieuw' } });
		expect(result.json(NODE)[0]).toMatchObject({ code: group.code, desc: 'Nieuw', name: group.name });
		expect(sim.requests.find((request) => request.soapMethod === 'saveGroup')?.parts).toEqual({
			accesscode: ACCESS_CODE,
			name: group.name,
			desc: 'Nieuw',
			code: group.code,
			parent: parent.code,
			untis: group.untis,
		});
		expect(sim.state.byCode(group.code)?.desc).toBe('Nieuw');
	});
});
