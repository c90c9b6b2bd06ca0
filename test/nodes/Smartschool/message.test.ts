import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { leaksSecret, MANUAL_TRIGGER_NAME, runWorkflow, singleNodeWorkflow } from '../../harness';
import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, byId as user, CREDENTIAL_TYPE, credentialsFor, NODE_NAME as NODE, NODE_TYPE, startSimulator } from './setup';

describe('Smartschool › Message › Send', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ seed: 11 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const run = async (parameters: INodeParameters, options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}) => {
		const workflow = singleNodeWorkflow({
			type: NODE_TYPE,
			nodeName: NODE,
			parameters: { resource: 'message', operation: 'send', ...parameters },
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Smartschool test' } },
			continueOnFail: options.continueOnFail,
		});
		// Binary input is pinned inline (base64), the way n8n keeps pinned files.
		if (options.items) workflow.pinData = { [MANUAL_TRIGGER_NAME]: options.items };
		return await runWorkflow({ workflow, credentials: credentialsFor(sim) });
	};
	const accounts = () => [...sim.state.accounts.values()];

	it('sends to a main account with an HTML body, no sender and no attachments', async () => {
		const recipient = accounts()[0];
		const result = await run({ user: user(recipient.username), title: 'Welkom', body: '<p>Dag <b>allemaal</b></p>' });
		expect(result.json(NODE)).toEqual([
			{ success: true, recipient: recipient.username, coaccount: 0, title: 'Welkom', sender: null, attachments: [], copyToLVS: false },
		]);
		const request = sim.requests.find((candidate) => candidate.soapMethod === 'sendMsg')!;
		expect(request.parts).toMatchObject({ userIdentifier: recipient.username, title: 'Welkom', body: '<p>Dag <b>allemaal</b></p>', coaccount: '0' });
		// No sender and no attachments: both parts go out empty, never as "Null" or "[]".
		expect(request.parts.senderIdentifier ?? '').toBe('');
		expect(request.parts.attachments ?? '').toBe('');
		expect(sim.state.messages.at(-1)).toMatchObject({ to: recipient.id, coaccount: 0, from: null, body: '<p>Dag <b>allemaal</b></p>', copyToLVS: false });
		expect(leaksSecret([result.logs, result.run], ACCESS_CODE)).toBe(false);
	});

	it('sends attachments from binary properties, byte for byte, to a co-account with a sender and copyToLVS', async () => {
		const recipient = accounts().find((account) => account.coAccounts[0] !== null)!;
		const sender = accounts().find((account) => account !== recipient)!;
		const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
		const text = Buffer.from('Rapport van Céline — 1ste trimester\n', 'utf8');
		const result = await run(
			{
				user: user(recipient.username),
				coaccount: 1,
				title: 'Rapport',
				body: 'Zie bijlage',
				sender: 'user',
				senderUser: user(sender.username),
				options: { attachments: 'rapport, nota', copyToLVS: true },
			},
			{
				items: [
					{
						json: {},
						binary: {
							rapport: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'rapport.pdf' },
							nota: { data: text.toString('base64'), mimeType: 'text/plain', fileName: 'nota.txt' },
						},
					},
				],
			},
		);
		expect(result.json(NODE)[0]).toMatchObject({
			coaccount: 1,
			sender: sender.username,
			copyToLVS: true,
			attachments: [
				{ filename: 'rapport.pdf', size: pdf.length },
				{ filename: 'nota.txt', size: text.length },
			],
		});
		const message = sim.state.messages.at(-1)!;
		expect(message).toMatchObject({ to: recipient.id, coaccount: 1, from: sender.id, copyToLVS: true });
		expect(message.attachments.map((attachment) => attachment.filename)).toEqual(['rapport.pdf', 'nota.txt']);
		expect(message.attachments[0].data.equals(pdf)).toBe(true);
		expect(message.attachments[1].data.equals(text)).toBe(true);
		const parts = sim.requests.find((candidate) => candidate.soapMethod === 'sendMsg')!.parts;
		expect(parts).toMatchObject({ senderIdentifier: sender.username, coaccount: '1', copyToLVS: 'true' });
	});

	it('can send the literal "Null" sender of the manual', async () => {
		await run({ user: user(accounts()[1].username), title: 'T', body: 'B', sender: 'nullText' });
		expect(sim.requests.find((candidate) => candidate.soapMethod === 'sendMsg')!.parts).toMatchObject({ senderIdentifier: 'Null' });
	});

	it('names a missing binary property before any request, and a Smartschool code after one', async () => {
		const result = await run(
			{ user: user('={{ $json.to }}'), title: 'T', body: 'B', options: { attachments: '={{ $json.files }}' } },
			{
				continueOnFail: true,
				items: [
					{ json: { to: accounts()[2].username, files: 'ontbreekt' }, binary: {} },
					{ json: { to: 'niemand.hier', files: '' } },
				],
			},
		);
		const out = result.output(NODE);
		expect(out[0].json.error).toMatch(/Attachments \(Binary Properties\).*"ontbreekt"/);
		expect(out[1].json.error).toMatch(/12|does not exist/);
		expect(sim.requests.filter((request) => request.soapMethod === 'sendMsg')).toHaveLength(1);
	});
});
