import { decodeJson, decodeJsonBytes } from '../../../nodes/Smartschool/transport/codecs';
import { closeAllPools } from '../../../nodes/shared/http';
import { SecretSet } from '../../../nodes/shared/errors';
import { readReturnBytes } from '../../../nodes/shared/soap';
import { LocalServer } from '../shared/localServer';
import { caught, clientFor, sendXml, soapAnswer } from './soapServer';

/** decodeJsonBytes parses latin1 and decodes non-ASCII strings again: it must agree with the plain UTF-8 way. */
function bothWays(json: string) {
	const bytes = Buffer.from(json, 'utf8');
	return { fast: decodeJsonBytes(bytes), plain: decodeJson(bytes.toString('utf8')) };
}

function errorOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected a failure');
}

describe('JSON from bytes', () => {
	const cases: Record<string, string> = {
		ascii: JSON.stringify([{ voornaam: 'Jan', basisrol: '1', geboortedatum: '0000-00-00', isKlas: '1' }]),
		accents: JSON.stringify([{ voornaam: 'Zoë', naam: 'Çelik-Müller', land: 'België', woonplaats: 'Liège', basisrol: '0' }]),
		// 4-byte UTF-8 and a euro sign, whose bytes (E2 82 AC) fall in latin1's C1 control range.
		emojiAndEuro: JSON.stringify([{ naam: 'Anaïs 😀', bedrag: '€ 12', groups: [{ name: 'Klas 1A 🎓', isOfficial: 0 }] }]),
		jsonEscapes: JSON.stringify([{ naam: 'quote " backslash \\ slash / tab \t newline \n', straat: 'Kerkstraat "Oud"' }]),
		nonAsciiKeys: JSON.stringify([{ 'Naam ouder/voogd': 'Els', 'Géén veld': 'Ré', isÉcht: '1' }]),
		stringsInArrays: JSON.stringify({ titularissen: ['Noël', 'Aïcha', '0000-00-00'], nested: [['é', 1, null, true]] }),
		topLevelString: JSON.stringify('Dreeëntwintig'),
	};

	it.each(Object.entries(cases))('gives what UTF-8 decoding gives: %s', (_name, json) => {
		const { fast, plain } = bothWays(json);
		expect(fast).toEqual(plain);
	});

	it('decodes accents, emoji and non-ASCII keys correctly', () => {
		expect(decodeJsonBytes(Buffer.from(cases.emojiAndEuro))).toEqual([{ naam: 'Anaïs 😀', bedrag: '€ 12', groups: [{ name: 'Klas 1A 🎓', isOfficial: false }] }]);
		expect(decodeJsonBytes(Buffer.from(cases.nonAsciiKeys))).toEqual([{ 'Naam ouder/voogd': 'Els', 'Géén veld': 'Ré', isÉcht: '1' }]);
		expect(Object.keys((decodeJsonBytes(Buffer.from(cases.nonAsciiKeys)) as object[])[0])).toEqual(['Naam ouder/voogd', 'Géén veld', 'isÉcht']);
	});

	it('keeps \\u escapes right, alone (ASCII payload) and mixed with raw UTF-8 (the UTF-8 way)', () => {
		// As PHP's json_encode writes them by default: every non-ASCII character escaped.
		const escaped = '[{"voornaam":"Zo\\u00eb","land":"Belgi\\u00eb","naam":"\\ud83d\\ude00 \\u20ac"}]';
		expect(decodeJsonBytes(Buffer.from(escaped))).toEqual([{ voornaam: 'Zoë', land: 'België', naam: '😀 €' }]);
		const mixed = '[{"voornaam":"Zo\\u00eb","land":"België"}]';
		expect(decodeJsonBytes(Buffer.from(mixed, 'utf8'))).toEqual([{ voornaam: 'Zoë', land: 'België' }]);
	});

	it('turns invalid UTF-8 into the replacement character, as UTF-8 decoding does', () => {
		const bytes = Buffer.concat([Buffer.from('["a'), Buffer.from([0xe9, 0x80]), Buffer.from('b"]')]);
		expect(decodeJsonBytes(bytes)).toEqual(decodeJson(bytes.toString('utf8')));
	});

	it('gives null for an empty payload and throws on broken JSON', () => {
		expect(decodeJsonBytes(Buffer.from(' \n'))).toBeNull();
		expect(() => decodeJsonBytes(Buffer.from('[{"naam":"Zoë", '))).toThrow(SyntaxError);
		// The error quotes the text as UTF-8, never as the latin1 the fast way parses.
		for (const broken of ['["Zoë" "Noël"]', '[Zoë]', '{"Zoë": }']) {
			expect(() => decodeJsonBytes(Buffer.from(broken))).toThrow(new SyntaxError(errorOf(() => JSON.parse(broken))));
		}
	});
});

describe('<return> as bytes', () => {
	const context = { method: 'POST', url: 'https://school.smartschool.be/Webservices/V3', status: 200, secrets: new SecretSet() };

	it('unescapes entities in place (named and numeric) and leaves CDATA as it is', () => {
		const text = '[{"naam":"Peeters & Zonen <vzw>","voornaam":"Zoë"}]';
		const numeric = soapAnswer('m', text).replace('Zo\u00eb', 'Zo&#235;').replace('&amp;', '&#38;');
		expect(readReturnBytes(numeric, context).bytes.toString('utf8')).toBe(text);
		const cdata = `<soap:Envelope xmlns:soap="x"><soap:Body><mResponse><return><![CDATA[${text} &amp;]]></return></mResponse></soap:Body></soap:Envelope>`;
		expect(readReturnBytes(cdata, context).bytes.toString('utf8')).toBe(`${text} &amp;`);
	});
});

describe('large JSON answers through the client', () => {
	let server: LocalServer;
	beforeAll(async () => {
		server = await LocalServer.start();
	});
	afterAll(async () => {
		await closeAllPools();
		await server.close();
	});

	const accounts = [
		{ voornaam: 'Zoë', naam: 'Peeters & "Zonen"', land: 'België', bijnaam: '😀 <3', basisrol: '1', geboortedatum: '0000-00-00', isEmailVerified: '1' },
		{ voornaam: 'Noël', naam: 'Çelik', land: 'Türkiye', bijnaam: '€', basisrol: '0', geboortedatum: '2001-02-03', isEmailVerified: '0' },
	];
	const expected = [
		{ ...accounts[0], basisrol: 'leerling', geboortedatum: '', isEmailVerified: true },
		{ ...accounts[1], basisrol: 'leerkracht', isEmailVerified: false },
	];

	function answer(body: string) {
		server.reset((_request, response) => sendXml(response, 200, body));
	}

	it('decodes a long answer with entities, accents and emoji', async () => {
		// Quotes as &quot;, as PHP's SoapServer writes a JSON string.
		const escaped = JSON.stringify(accounts).replace(/[&<>"]/g, (char) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[char]};`);
		answer(soapAnswer('getAllAccountsExtended', 'X').replace('>X<', `>${escaped}<`));
		expect(await clientFor(server.url).call('getAllAccountsExtended', { code: '', recursive: '1' })).toEqual(expected);
	});

	it('decodes a long answer in CDATA and one with \\u escapes', async () => {
		const cdata = soapAnswer('getAllAccountsExtended', 'X').replace('>X<', `><![CDATA[${JSON.stringify(accounts)}]]><`);
		answer(cdata);
		expect(await clientFor(server.url).call('getAllAccountsExtended', { code: '', recursive: '1' })).toEqual(expected);
		const escaped = JSON.stringify(accounts).replace(/[^\x00-\x7f]/gu, (char) => char.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''));
		answer(soapAnswer('getAllAccountsExtended', escaped));
		expect(await clientFor(server.url).call('getAllAccountsExtended', { code: '', recursive: '1' })).toEqual(expected);
	});

	it('still reads an error code first, and reports a broken long answer with its size', async () => {
		answer(soapAnswer('getAllAccountsExtended', '12', 'xsd:int'));
		expect((await caught(clientFor(server.url).call('getAllAccountsExtended', { code: 'x', recursive: '1' }))).message).toContain('(code 12)');
		const broken = JSON.stringify(accounts).slice(0, -20);
		answer(soapAnswer('getAllAccountsExtended', broken));
		const error = await caught(clientFor(server.url).call('getAllAccountsExtended', { code: '', recursive: '1' }));
		expect(error.message).toContain("Smartschool's answer to getAllAccountsExtended could not be read");
		expect((error as Error & { description?: string }).description).toContain(`${Buffer.byteLength(broken)} bytes arrived`);
	});
});
