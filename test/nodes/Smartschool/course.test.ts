import type { INodeParameters } from 'n8n-workflow';

import { schoolOf, type SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › Course', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 31 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const run = async (parameters: INodeParameters, continueOnFail = false) =>
		await runSmartschool(sim, { resource: 'course', ...parameters }, { continueOnFail });
	const teachers = () => [...sim.state.accounts.values()].filter((account) => account.baseRole === 'leerkracht');
	const course = (name: string, desc: string) => schoolOf(sim.state).courses.find((entry) => entry.name === name && entry.desc === desc);

	it('Get Many decodes the base64 XML into one item per course with teachers and groups as lists', async () => {
		const result = await run({ operation: 'getAll' });
		expect(soapCalls(sim, 'getCourses').map((call) => call.parts)).toEqual([{ accesscode: ACCESS_CODE }]);
		const items = result.json(NODE_NAME);
		expect(items).toHaveLength(schoolOf(sim.state).courses.length);
		const first = schoolOf(sim.state).courses[0];
		const teacher = sim.state.accounts.get(first.teacher!)!;
		expect(items[0]).toMatchObject({ name: first.name, description: first.desc, active: true });
		expect(items[0].teachers).toEqual(expect.arrayContaining([expect.objectContaining({ username: teacher.username })]));
		expect((items[0].groups as Array<{ code: string }>).map((group) => group.code)).toEqual(first.groups);
	});

	it('Create sends the visibility part; Get Many with Only Active leaves a hidden course out', async () => {
		const result = await run({ operation: 'create', courseName: 'Informatica', courseDescription: 'Informatica 3e graad', visible: false });
		expect(soapCalls(sim, 'addCourse')[0].parts).toEqual({
			accesscode: ACCESS_CODE,
			coursename: 'Informatica',
			coursedesc: 'Informatica 3e graad',
			visibility: '0',
		});
		expect(result.json(NODE_NAME)).toEqual([{ success: true, courseName: 'Informatica', courseDescription: 'Informatica 3e graad', visible: false }]);
		expect(course('Informatica', 'Informatica 3e graad')).toMatchObject({ visible: false });
		const active = await run({ operation: 'getAll', activeOnly: true });
		expect(active.json(NODE_NAME).some((entry) => entry.name === 'Informatica')).toBe(false);

		const again = await run({ operation: 'create', courseName: 'Informatica', courseDescription: 'Informatica 3e graad' }, true);
		expect(again.json(NODE_NAME)[0].error).toMatch(/code 21/);
	});

	it('Add Students sends the class and group codes as one comma-separated part', async () => {
		await run({ operation: 'create', courseName: 'Latijn', courseDescription: 'Latijn 1e graad' });
		const result = await run({ operation: 'addStudents', courseName: 'Latijn', courseDescription: 'Latijn 1e graad', groupCodes: ' 1A, 1B ,1A' });
		expect(soapCalls(sim, 'addCourseStudents')[0].parts).toEqual({
			accesscode: ACCESS_CODE,
			coursename: 'Latijn',
			coursedesc: 'Latijn 1e graad',
			groupIds: '1A,1B',
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ success: true, groups: ['1A', '1B'] });
		expect(course('Latijn', 'Latijn 1e graad')!.groups).toEqual(['1A', '1B']);

		const empty = await run({ operation: 'addStudents', courseName: 'Latijn', courseDescription: 'Latijn 1e graad', groupCodes: ' , ' }, true);
		expect(empty.json(NODE_NAME)[0].error).toMatch(/Classes or Groups/);
		const unknown = await run({ operation: 'addStudents', courseName: 'Grieks', courseDescription: '', groupCodes: '1A' }, true);
		expect(unknown.json(NODE_NAME)[0].error).toMatch(/code 22/);
		expect(soapCalls(sim, 'addCourseStudents')).toHaveLength(2);
	});

	it('Add Teacher sends the main teacher as internnummer and the co-teachers as userlist', async () => {
		const [main, co1, co2] = teachers();
		const result = await run({
			operation: 'addTeacher',
			courseName: 'Wiskunde',
			courseDescription: 'Wiskunde 1e graad',
			user: byId(main.username),
			coTeachers: `${co1.username}, ${co2.username}`,
		});
		expect(soapCalls(sim, 'addCourseTeacher')[0].parts).toEqual({
			accesscode: ACCESS_CODE,
			coursename: 'Wiskunde',
			coursedesc: 'Wiskunde 1e graad',
			internnummer: main.username,
			userlist: `${co1.username},${co2.username}`,
		});
		expect(result.json(NODE_NAME)[0]).toMatchObject({ success: true, teacher: main.username, coTeachers: [co1.username, co2.username] });
		expect(course('Wiskunde', 'Wiskunde 1e graad')).toMatchObject({ teacher: main.id, coTeachers: expect.arrayContaining([co1.id, co2.id]) });
	});
});
