import { loadOptions } from '../../harness';
import { schoolOf, type SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId, credentialsFor, NODE_NAME, NODE_TYPE, runSmartschool, soapCalls, startSimulator } from './setup';

describe('Smartschool › Helpdesk', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 41 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const entries = () => schoolOf(sim.state).miniDbs.flatMap((db) => db.items.map((item) => ({ ...item, db })));

	it('Get Mini-Database Entries: one item per entry, or the tree as sent', async () => {
		const result = await runSmartschool(sim, { resource: 'helpdesk', operation: 'getMiniDbItems' });
		expect(soapCalls(sim, 'getHelpdeskMiniDbItems').map((call) => call.parts)).toEqual([{ accesscode: ACCESS_CODE }]);
		const [first] = entries();
		expect(result.json(NODE_NAME)).toHaveLength(entries().length);
		expect(result.json(NODE_NAME)[0]).toEqual({ itemId: first.itemId, name: first.name, miniDbId: first.db.itemId, miniDb: first.db.name });

		const tree = await runSmartschool(sim, { resource: 'helpdesk', operation: 'getMiniDbItems', output: 'tree' });
		expect(tree.json(NODE_NAME)[0]).toMatchObject({ name: first.db.name, kind: 'miniDb', children: expect.arrayContaining([expect.objectContaining({ itemId: first.itemId })]) });
	});

	it('offers the entries in the editor, by mini-database and name', async () => {
		const options = (await loadOptions({
			nodeType: NODE_TYPE,
			kind: 'loadOptions',
			method: 'getHelpdeskItems',
			parameters: { resource: 'helpdesk', operation: 'createTicket' },
			credentials: credentialsFor(sim),
		})) as Array<{ name: string; value: string }>;
		const [first] = entries();
		expect(options).toHaveLength(entries().length);
		expect(options).toContainEqual({ name: `${first.db.name}: ${first.name}`, value: first.itemId });
	});

	it('Create Ticket sends title, description, priority, entry and reporter in wire order', async () => {
		const reporter = [...sim.state.accounts.values()].find((account) => account.baseRole === 'leerkracht')!;
		const [, entry] = entries();
		const result = await runSmartschool(sim, {
			resource: 'helpdesk',
			operation: 'createTicket',
			title: 'Beamer doet het niet',
			description: 'Geen beeld in A101',
			miniDbItem: entry.itemId,
			priority: 4,
			user: byId(reporter.username),
		});
		const call = soapCalls(sim, 'addHelpdeskTicket')[0];
		expect(Object.keys(call.parts)).toEqual(['accesscode', 'title', 'description', 'priority', 'miniDbItem', 'userIdentifier']);
		expect(call.parts).toMatchObject({ title: 'Beamer doet het niet', priority: '4', miniDbItem: entry.itemId, userIdentifier: reporter.username });
		expect(result.json(NODE_NAME)).toEqual([{ success: true, title: 'Beamer doet het niet', miniDbItem: entry.itemId, priority: 4, reportedBy: reporter.username }]);
		expect(schoolOf(sim.state).tickets.at(-1)).toMatchObject({ title: 'Beamer doet het niet', description: 'Geen beeld in A101', priority: 4, from: reporter.id });
	});

	it('refuses a missing title before sending, and reports an unknown entry as Smartschool\'s code', async () => {
		const base = { resource: 'helpdesk', operation: 'createTicket', user: byId('x') };
		const noTitle = await runSmartschool(sim, { ...base, title: ' ', miniDbItem: entries()[0].itemId }, { continueOnFail: true });
		expect(noTitle.json(NODE_NAME)[0].error).toMatch(/Title/);
		const user = [...sim.state.accounts.values()][0];
		const unknown = await runSmartschool(sim, { ...base, title: 'T', miniDbItem: 'geen-item', user: byId(user.username) }, { continueOnFail: true });
		expect(unknown.json(NODE_NAME)[0].error).toMatch(/code 14/);
		expect(soapCalls(sim, 'addHelpdeskTicket')).toHaveLength(1);
	});
});
