/**
 * The Smartschool node inside a real n8n (each line of test/e2e/n8n-lines) (`npm run test:e2e`): one `n8n execute` of
 * workflows/smartschool-onboarding.json creates a student, puts them in a class, sets their photo from a file
 * read with Read/Write Files from Disk, sends them a message with a file attachment and reads it all back.
 */
import { nodeOutput } from '../../scripts/n8n-rest';
import { ACCESS_CODE, setUpSmartschoolSuite, type SmartschoolSuite } from './support/smartschool';
import { addFile, executeWorkflow, tearDownSuite } from './support/suite';

/**
 * A complete 1×1 grey baseline JPEG (JFIF, one quantisation table, one-code Huffman tables, one MCU), spelled
 * out so the test needs no image tool. Its bytes must come back unchanged.
 */
const PHOTO = Buffer.from(
	'ffd8ffe000104a46494600010100000100010000' + // SOI, APP0 JFIF 1.1
		`ffdb004300${'01'.repeat(64)}` + // DQT: table 0, all ones
		'ffc0000b080001000101011100' + // SOF0: 8 bit, 1×1, one component, table 0
		'ffc4001400' + '01' + '00'.repeat(15) + '00' + // DHT DC 0: one 1-bit code for category 0
		'ffc4001410' + '01' + '00'.repeat(15) + '00' + // DHT AC 0: one 1-bit code for end of block
		'ffda0008010100003f00' + // SOS
		'3f' + // DC diff 0, EOB, padded with ones
		'ffd9', // EOI
	'hex',
);
const ATTACHMENT = Buffer.from('Lessenrooster 3B — maandag: Frans, Wiskunde, Geschiedenis\n', 'utf8');
const USERNAME = 'e2e.lotte.peeters';
/** The password the workflow's Create node sets: a secret like the access code. */
const PASSWORD = 'E2e-Wachtwoord-71!x';

let suite: SmartschoolSuite;

beforeAll(async () => {
	suite = await setUpSmartschoolSuite();
	addFile(suite, 'e2e-photo.jpg', PHOTO);
	addFile(suite, 'welkom.txt', ATTACHMENT);
}, 20 * 60_000);

afterAll(async () => {
	await tearDownSuite(suite);
});

describe('n8n execute: onboarding a Smartschool student', () => {
	let execution: Awaited<ReturnType<typeof executeWorkflow>>;
	const output = (node: string) => nodeOutput(execution.run, node);

	beforeAll(async () => {
		execution = await executeWorkflow(suite, 'e2eSmartschoolOnboarding');
	});

	it('runs every node without an error and never prints the access code or the password', () => {
		expect({ code: execution.code, error: execution.run.resultData.error }).toEqual({ code: 0, error: undefined });
		expect(execution.run.resultData.lastNodeExecuted).toBe('Photo as base64');
		expect(execution.output).not.toContain(ACCESS_CODE);
		expect(execution.output).not.toContain(PASSWORD);
	});

	it('creates the student and puts them in class 3B', () => {
		expect(output('Create user')).toEqual([
			expect.objectContaining({ success: true, username: USERNAME, name: 'Lotte', surname: 'Peeters', basisrol: 'leerling' }),
		]);
		expect(output('Add to class')).toEqual([{ success: true, userIdentifier: USERNAME, group: '3B', officialDate: '2025-09-01' }]);

		const account = suite.sim.state.byUsername(USERNAME)!;
		expect(account).toMatchObject({ firstName: 'Lotte', lastName: 'Peeters', baseRole: 'leerling', internalNumber: 'E2E-0417' });
		const saved = suite.sim.calls('saveUser');
		expect(saved).toHaveLength(1);
		expect(saved[0].parts).toMatchObject({ username: USERNAME, basisrol: 'leerling' });
		expect(suite.sim.calls('saveUserToClass').map((call) => call.parts)).toEqual([
			expect.objectContaining({ userIdentifier: USERNAME, class: '3B', officialDate: '2025-09-01' }),
		]);
	});

	it('sets the photo from the file, byte for byte', () => {
		expect(output('Set photo')).toEqual([
			{ success: true, userIdentifier: USERNAME, fileName: 'e2e-photo.jpg', fileSize: PHOTO.length },
		]);
		expect(suite.sim.state.byUsername(USERNAME)!.photo?.equals(PHOTO)).toBe(true);
	});

	it('sends the message with the text file attached, byte for byte', () => {
		expect(output('Send message')).toEqual([
			expect.objectContaining({
				success: true,
				recipient: USERNAME,
				coaccount: 0,
				title: 'Welkom in 3B',
				attachments: [{ filename: 'welkom.txt', size: ATTACHMENT.length }],
			}),
		]);
		const account = suite.sim.state.byUsername(USERNAME)!;
		const messages = suite.sim.state.messages.filter((message) => message.to === account.id);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ coaccount: 0, title: 'Welkom in 3B', from: null, copyToLVS: false });
		expect(messages[0].body).toContain('welkom in <b>3B</b>');
		expect(messages[0].attachments.map(({ filename, data }) => ({ filename, text: data.toString('utf8') }))).toEqual([
			{ filename: 'welkom.txt', text: ATTACHMENT.toString('utf8') },
		]);
	});

	it('reads the student back: class 3B among the groups, and the photo as the same bytes', () => {
		const [user] = output('Get user');
		expect(user).toMatchObject({ gebruikersnaam: USERNAME, voornaam: 'Lotte', naam: 'Peeters', internnummer: 'E2E-0417' });
		expect(user.groups).toEqual(expect.arrayContaining([expect.objectContaining({ code: '3B' })]));

		expect(output('Get photo')).toEqual([
			expect.objectContaining({ userIdentifier: USERNAME, hasPhoto: true, fileSize: PHOTO.length }),
		]);
		const [photo] = output('Photo as base64');
		expect(Buffer.from(String(photo.photoBase64), 'base64').equals(PHOTO)).toBe(true);
	});
});
