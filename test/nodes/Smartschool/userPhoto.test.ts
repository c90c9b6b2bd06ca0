import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, methodsCalled, NODE_NAME, runChain, runSmartschool, soapCalls, startSimulator } from './setup';

/** A tiny but real JPEG header + payload + end marker: the bytes must come back unchanged. */
const JPEG = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
	Buffer.from(Array.from({ length: 700 }, (_, index) => (index * 37) % 256)),
	Buffer.from([0xff, 0xd9]),
]);

describe('Smartschool › User › photos (binary)', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const accounts = () => [...sim.state.accounts.values()];

	it('Set Photo takes a binary input field and Get Photo gives it back as binary JPEG, byte for byte', async () => {
		const [from, to] = accounts();
		from.photo = JPEG;
		sim.state.touch(from.id);
		const result = await runChain(sim, [
			{ name: 'Get Photo', parameters: { operation: 'getPhoto', user: byId(from.username) } },
			{ name: 'Set Photo', parameters: { operation: 'setPhoto', user: byId(to.username), binaryPropertyName: 'data' } },
			{ name: 'Read Back', parameters: { operation: 'getPhoto', user: byId(to.username), binaryPropertyName: 'photo' } },
		]);
		expect(result.status).toBe('success');
		expect(await result.binary('Get Photo', 0)).toEqual(JPEG);
		expect(result.output('Get Photo')[0].binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: `${from.username}.jpg` });
		expect(result.json('Set Photo')[0]).toMatchObject({ success: true, userIdentifier: to.username, fileSize: JPEG.length });
		expect(sim.state.accounts.get(to.id)?.photo).toEqual(JPEG);
		expect(await result.binary('Read Back', 0, 'photo')).toEqual(JPEG);
		expect(methodsCalled(sim)).toEqual(['getAccountPhoto', 'setAccountPhoto', 'getAccountPhoto']);
		expect(soapCalls(sim, 'setAccountPhoto')[0].parts).toMatchObject({
			userIdentifier: to.username,
			photo: JPEG.toString('base64'),
		});
		// The item carries the file as binary data, not as base64 text.
		expect(JSON.stringify(result.json('Get Photo'))).not.toContain(JPEG.toString('base64').slice(0, 40));
	});

	it('Get Photo of an account without a photo gives an item without binary data', async () => {
		const account = accounts()[5];
		account.photo = null;
		sim.state.touch(account.id);
		const result = await runSmartschool(sim, { operation: 'getPhoto', user: byId(account.username) });
		expect(result.output(NODE_NAME)).toEqual([{ json: { userIdentifier: account.username, hasPhoto: false }, pairedItem: { item: 0 } }]);
	});

	it('Set Photo names the missing binary field before sending anything', async () => {
		const result = await runSmartschool(sim, { operation: 'setPhoto', user: byId(accounts()[0].username), binaryPropertyName: 'foto' });
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/Input Binary Field/);
		expect(error.message).toMatch(/foto/);
		expect(sim.requests).toHaveLength(0);
	});
});
