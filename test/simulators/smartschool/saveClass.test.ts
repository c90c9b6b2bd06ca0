import type { Client } from 'soap';

import { callV3, createV3Client } from './client';
import { DEFAULT_ACCESS_CODE, startSmartschoolSimulator, type SmartschoolSimulator } from './index';

describe('Smartschool simulator: saveClass', () => {
	let sim: SmartschoolSimulator;
	let client: Client;
	const save = async (fields: Record<string, string>) =>
		Number(
			(
				await callV3(client, 'saveClass', {
					accesscode: DEFAULT_ACCESS_CODE, name: '', desc: '', code: '', parent: '', untis: '', instituteNumber: '', adminNumber: '', schoolYearDate: '', ...fields,
				})
			).value,
		);

	beforeAll(async () => {
		sim = await startSmartschoolSimulator({ accounts: 30 });
		client = await createV3Client(sim.endpoint);
	});
	afterAll(async () => await sim.close());

	it('creates plain and official classes and refuses what the code table names', async () => {
		expect(await save({ name: 'X1', code: 'X1', parent: 'graad1' })).toBe(0);
		expect(sim.state.byCode('X1')).toMatchObject({ type: 'K', isOfficial: false, desc: 'X1' });
		expect(await save({ name: 'X2', code: 'X2', instituteNumber: '048413', adminNumber: '9', schoolYearDate: '2025-09-01' })).toBe(0);
		expect(sim.state.byCode('X2')).toMatchObject({ isOfficial: true, adminNumber: '9' });
		expect(await save({ name: '', code: 'X3' })).toBe(14);
		expect(await save({ name: 'X3', code: 'X3', adminNumber: '9' })).toBe(35);
		expect(await save({ name: 'X3', code: 'X3', instituteNumber: '111111' })).toBe(27);
		expect(await save({ name: 'X3', code: 'X3', schoolYearDate: '2025-13-01' })).toBe(56);
		expect(await save({ name: 'X3', code: 'X3', parent: 'nergens' })).toBe(53);
		expect(await save({ name: 'X3', code: 'X3', parent: '1A' })).toBe(54);
		expect(await save({ name: 'X3', code: 'X3', untis: '1A' })).toBe(57);
		expect(await save({ name: 'Leerlingen', code: sim.state.byName('Leerlingen')!.code })).toBe(47);
		expect(sim.state.byCode('X3')).toBeUndefined();
	});

	it('updates desc and untis only; an official class refuses a new name (40), administrative (41) or institute number (42)', async () => {
		const klas = sim.state.byCode('1A')!;
		const same = { name: klas.name, code: klas.code, desc: 'Klas 1A', untis: klas.untis };
		expect(await save({ ...same, name: 'Eerste A' })).toBe(40);
		expect(await save({ ...same, adminNumber: 'andere' })).toBe(41);
		expect(await save({ ...same, instituteNumber: '048413', adminNumber: klas.adminNumber })).toBe(0);
		expect(sim.state.byCode('1A')).toMatchObject({ desc: 'Klas 1A', name: klas.name });
		klas.instituteNumber = '048414';
		expect(await save({ ...same, instituteNumber: '048413' })).toBe(42);
	});
});
