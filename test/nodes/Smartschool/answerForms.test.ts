import type { IDataObject } from 'n8n-workflow';

import type { SmartschoolReadings, SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, NODE_NAME, runSmartschool, soapCalls, startSimulator } from './setup';

/**
 * The reference does not say how the platform writes its answers' text, so the simulator writes every form a
 * SOAP server and PHP's json_encode may produce, and the node must read the same items, byte for byte, from each.
 */
type Form = Pick<SmartschoolReadings, 'answerQuotes' | 'answerNonAscii' | 'answerSlashes'>;

const FORMS: Form[] = [];
for (const answerQuotes of ['entity', 'raw', 'numeric'] as const) {
	for (const answerNonAscii of ['utf8', 'jsonEscape', 'numericEntity'] as const) {
		for (const answerSlashes of ['raw', 'escaped'] as const) FORMS.push({ answerQuotes, answerNonAscii, answerSlashes });
	}
}

/** Values that look like escapes of every layer, so a decoder that unescapes twice or not at all is caught. */
const TRICKY = {
	firstName: 'Zoë "Zo" O\'Neil',
	lastName: 'Ça &quot;va&quot; &amp; &#233; \\u00e9 \\"',
	street: 'Rue de l\'Église 1/2 <b>&</b> </return>',
	location: 'Sint-Genesius-Rode 😀 \\ \\\\ \\/ naïve',
	email: 'zoe/o.neil@example.be',
	extraNames: '\u00a0non-breaking\u2028line separator\ttab',
};
const TRICKY_FIELD = 'Geboorteland ouders (één/twee) 👪';

const DEFAULT_FORM: Form = { answerQuotes: 'entity', answerNonAscii: 'utf8', answerSlashes: 'raw' };
const formName = (form: Form) => `quotes ${form.answerQuotes}, non-ASCII ${form.answerNonAscii}, slashes ${form.answerSlashes}`;

describe('Smartschool › answer forms: the same items from every escaping a server may use', () => {
	let sim: SmartschoolSimulator;
	let expectedAll: IDataObject[];
	let expectedOne: IDataObject;
	beforeAll(async () => {
		sim = await startSimulator({ accounts: 12 });
		sim.state.addAccount({
			username: 'zoe.oneil',
			baseRole: 'leerling',
			internalNumber: '9001',
			customFields: { [TRICKY_FIELD]: 'België / Türkiye 🇧🇪' },
			...TRICKY,
		});
		sim.setReadings(DEFAULT_FORM);
		expectedAll = (await runSmartschool(sim, { operation: 'getAll', returnAll: true })).json(NODE_NAME);
		expectedOne = (await runSmartschool(sim, { operation: 'get', user: byId('zoe.oneil') })).json(NODE_NAME)[0];
	});
	afterAll(async () => {
		sim.setReadings(DEFAULT_FORM);
		await sim.close();
	});
	beforeEach(() => sim.clearRequests());

	it('reads the tricky values as they are in the platform (default form)', () => {
		expect(expectedOne).toMatchObject({ ...{ voornaam: TRICKY.firstName, naam: TRICKY.lastName }, straat: TRICKY.street });
		expect(expectedOne).toMatchObject({ woonplaats: TRICKY.location, emailadres: TRICKY.email, extravoornamen: TRICKY.extraNames });
		expect(expectedOne[TRICKY_FIELD]).toBe('België / Türkiye 🇧🇪');
		expect(expectedAll.find((user) => user.gebruikersnaam === 'zoe.oneil')).toEqual(expectedOne);
	});

	/** The answer's bytes as the simulator wrote them for the last recorded call (replayed: the simulator caches nothing it would change). */
	async function answerOf(method: string): Promise<string> {
		const call = soapCalls(sim, method)[0];
		const response = await fetch(sim.endpoint, {
			method: 'POST',
			headers: { 'content-type': String(call.headers['content-type']) },
			body: String(call.body),
		});
		return await response.text();
	}

	it.each(FORMS.map((form) => [formName(form), form] as const))('%s: Get Many and Get give the same items', async (_name, form) => {
		sim.setReadings(form);
		const all = (await runSmartschool(sim, { operation: 'getAll', returnAll: true })).json(NODE_NAME);
		expect(JSON.stringify(all)).toBe(JSON.stringify(expectedAll));
		const wire = await answerOf('getAllAccountsExtended');
		const one = (await runSmartschool(sim, { operation: 'get', user: byId('zoe.oneil') })).json(NODE_NAME)[0];
		expect(JSON.stringify(one)).toBe(JSON.stringify(expectedOne));

		// The simulator really wrote that form.
		const payload = wire.slice(wire.indexOf('<return'), wire.lastIndexOf('</return>'));
		expect(payload.includes('&quot;')).toBe(form.answerQuotes === 'entity');
		expect(payload.includes('&#34;')).toBe(form.answerQuotes === 'numeric');
		expect(payload.includes('"gebruikersnaam"')).toBe(form.answerQuotes === 'raw');
		expect(/[^\x00-\x7f]/.test(payload)).toBe(form.answerNonAscii === 'utf8');
		expect(payload.includes('\\ud83d\\ude00')).toBe(form.answerNonAscii === 'jsonEscape');
		expect(payload.includes('&#x1F600;')).toBe(form.answerNonAscii === 'numericEntity');
		expect(payload.includes('zoe\\/o.neil')).toBe(form.answerSlashes === 'escaped');
	});
});
