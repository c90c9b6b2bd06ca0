import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId as code, methodsCalled, NODE_NAME as NODE, runSmartschool, soapCalls, startSimulator } from './setup';

/** saveClass: Group › Create Class, and Group › Update on a class. */
describe('Smartschool › Group › classes (saveClass)', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 17 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const run = async (parameters: INodeParameters, options: { inputItems?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		await runSmartschool(sim, { resource: 'group', ...parameters }, options);
	const grade = () => [...sim.state.groups.values()].find((group) => group.type === 'G' && /graad/.test(group.name))!;
	const officialClass = () => [...sim.state.groups.values()].find((group) => group.type === 'K' && group.isOfficial)!;

	it('Create Class sends every saveClass part in order and returns the class; an official one with its numbers', async () => {
		const parent = grade();
		const result = await run({
			operation: 'createClass',
			code: '7A',
			parent: code(parent.code),
			additionalFields: { description: 'Klas 7A', instituteNumber: '048413', adminNumber: '7001', schoolYearDate: '2025-09-01', untis: '7A' },
		});
		expect(methodsCalled(sim)).toEqual(['getAllGroupsAndClasses', 'saveClass']);
		expect(soapCalls(sim, 'saveClass')[0].parts).toEqual({
			accesscode: ACCESS_CODE,
			name: '7A',
			desc: 'Klas 7A',
			code: '7A',
			parent: parent.code,
			untis: '7A',
			instituteNumber: '048413',
			adminNumber: '7001',
			schoolYearDate: '2025-09-01',
		});
		expect(result.json(NODE)).toEqual([
			{
				code: '7A', name: '7A', desc: 'Klas 7A', type: 'class', untis: '7A', isOfficial: true,
				instituteNumber: '048413', adminNumber: '7001', schoolYearDate: '2025-09-01', parentCode: parent.code,
			},
		]);
		expect(sim.state.byCode('7A')).toMatchObject({ type: 'K', isOfficial: true, instituteNumber: '048413', parentId: parent.id });
	});

	it('a plain class sends empty numbers; a used code stops before saveClass, also within one run', async () => {
		const result = await run(
			{ operation: 'createClass', code: '={{ $json.code }}' },
			{ inputItems: [{ code: 'Remediëring' }, { code: 'Remediëring' }, { code: officialClass().code }], continueOnFail: true },
		);
		const out = result.json(NODE);
		expect(out[0]).toMatchObject({ code: 'Remediëring', type: 'class', isOfficial: false, parentCode: null });
		expect(out[1].error).toBe('A class with code "Remediëring" already exists');
		expect(out[2].error).toMatch(/already exists/);
		expect(soapCalls(sim, 'saveClass').map((call) => call.parts)).toEqual([
			{ accesscode: ACCESS_CODE, name: 'Remediëring', desc: 'Remediëring', code: 'Remediëring', parent: '', untis: '', instituteNumber: '', adminNumber: '', schoolYearDate: '' },
		]);
		expect(sim.state.byCode('Remediëring')).toMatchObject({ type: 'K', isOfficial: false });
	});

	it('explains Smartschool\'s refusals (35, 27) and checks the date before sending', async () => {
		const missing = await run({ operation: 'createClass', code: '7B', additionalFields: { adminNumber: '7002' } }, { continueOnFail: true });
		expect(missing.json(NODE)[0].error).toMatch(/code 35/);
		const unknown = await run({ operation: 'createClass', code: '7C', additionalFields: { instituteNumber: '999999' } }, { continueOnFail: true });
		expect(unknown.json(NODE)[0].error).toMatch(/code 27/);
		sim.clearRequests();
		const date = await run({ operation: 'createClass', code: '7D', additionalFields: { schoolYearDate: '2025-02-30' } }, { continueOnFail: true });
		expect(date.json(NODE)[0].error).toMatch(/School Year Date/);
		expect(methodsCalled(sim)).toEqual([]);
		expect(sim.state.byCode('7B') ?? sim.state.byCode('7C')).toBeUndefined();
	});

	it('Update of an official class goes through saveClass with its name and numbers unchanged', async () => {
		const klas = officialClass();
		const parent = sim.state.groups.get(klas.parentId!)!;
		const result = await run({ operation: 'update', group: code(klas.code), updateFields: { description: 'Nieuwe omschrijving' } });
		expect(soapCalls(sim, 'saveClass')[0].parts).toEqual({
			accesscode: ACCESS_CODE,
			name: klas.name,
			desc: 'Nieuwe omschrijving',
			code: klas.code,
			parent: parent.code,
			untis: klas.untis,
			instituteNumber: klas.instituteNumber,
			adminNumber: klas.adminNumber,
		});
		expect(result.json(NODE)[0]).toMatchObject({ code: klas.code, desc: 'Nieuwe omschrijving', type: 'class' });
		expect(sim.state.byCode(klas.code)?.desc).toBe('Nieuwe omschrijving');
	});
});
