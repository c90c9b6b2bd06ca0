import { readFileSync } from 'node:fs';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { closeAllPools } from '../../../nodes/shared/http';
import { readReturn, soapServiceCacheSize, unescapeXmlInPlace, xmlUnescape } from '../../../nodes/shared/soap';
import {
	normalisePlatformUrl,
	readCredentials,
	SMARTSCHOOL_METHODS,
	SMARTSCHOOL_WSDL_PATH,
	smartschoolService,
} from '../../../nodes/Smartschool/transport';
import { SecretSet } from '../../../nodes/shared/errors';
import { LocalServer } from '../shared/localServer';
import { ACCESS_CODE, caught, clientFor, NODE, sendXml, soapAnswer, soapMethodOf } from './soapServer';

function soapLoaded(): boolean {
	return Object.keys(require.cache).some((path) => /[\\/]node_modules[\\/]soap[\\/]/.test(path));
}

let server: LocalServer;

beforeAll(async () => {
	server = await LocalServer.start();
});

afterAll(async () => {
	await closeAllPools();
	await server.close();
});

describe('loading', () => {
	it('does not load soap when the transport is imported, only on the first call', async () => {
		expect(soapLoaded()).toBe(false);
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('getReferenceField', 'username')));
		await clientFor(server.url).call('getReferenceField', {});
		expect(soapLoaded()).toBe(true);
	});

	it('parses the WSDL once per endpoint, not per call or per access code', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('getReferenceField', 'number')));
		const before = soapServiceCacheSize();
		await clientFor(server.url, 'first-code').call('getReferenceField', {});
		await clientFor(server.url, 'other-code').call('getReferenceField', {});
		expect(soapServiceCacheSize()).toBe(before);
		await smartschoolService('https://other.smartschool.be');
		expect(soapServiceCacheSize()).toBe(before + 1);
	});
});

describe('envelopes', () => {
	it('sends the method in the platform namespace, SOAPAction, accesscode first, parts in WSDL order, escaped, with xsi:type', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('saveUserToClass', '0', 'xsd:int')));
		await clientFor(server.url).call('saveUserToClass', { officialDate: '2025-09-01', class: '1A & <B>', userIdentifier: 'jan.peeters' });
		const [request] = server.received;
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/Webservices/V3');
		expect(request.headers['content-type']).toBe('text/xml; charset=utf-8');
		expect(request.headers.soapaction).toBe(`"${server.url}/Webservices/V3#saveUserToClass"`);
		expect(request.body).toContain(`xmlns:tns="${server.url}/Webservices/V3"`);
		expect(request.body).not.toContain('sanctamaria');
		const call = /<soap:Body>(.*)<\/soap:Body>/.exec(request.body)?.[1];
		expect(call).toBe(
			'<tns:saveUserToClass>' +
				'<accesscode xsi:type="xsd:string">Geheim&amp;&lt;Code&gt;&quot;42&apos;/+=</accesscode>' +
				'<userIdentifier xsi:type="xsd:string">jan.peeters</userIdentifier>' +
				'<class xsi:type="xsd:string">1A &amp; &lt;B&gt;</class>' +
				'<officialDate xsi:type="xsd:string">2025-09-01</officialDate>' +
				'</tns:saveUserToClass>',
		);
	});

	it('sends a middle part left out as empty, leaves optional trailing parts out, types int and boolean parts', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('sendMsg', '0', 'xsd:int')));
		await clientFor(server.url).call('sendMsg', { userIdentifier: 'jan', title: 'T', body: '<p>Hi</p>', coaccount: 2, copyToLVS: false });
		const body = server.received[0].body;
		expect(body).toContain('<senderIdentifier xsi:type="xsd:string"></senderIdentifier><attachments xsi:type="xsd:string"></attachments>');
		expect(body).toContain('<coaccount xsi:type="xsd:int">2</coaccount><copyToLVS xsi:type="xsd:boolean">false</copyToLVS>');
		expect(body).toContain('<body xsi:type="xsd:string">&lt;p&gt;Hi&lt;/p&gt;</body>');

		server.reset((_request, response) => sendXml(response, 200, soapAnswer('delUser', '0', 'xsd:int')));
		await clientFor(server.url).call('delUser', { userIdentifier: 'jan' });
		expect(server.received[0].body).not.toContain('officialDate');
	});

	it('sends no accesscode to the return*Codes methods, and the augmented parts', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('returnJsonErrorCodes', '{"1":"x"}')));
		await clientFor(server.url).call('returnJsonErrorCodes', {});
		expect(server.received[0].body).toContain('<tns:returnJsonErrorCodes></tns:returnJsonErrorCodes>');
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('savePassword', '0', 'xsd:int')));
		await clientFor(server.url).call('savePassword', { userIdentifier: 'jan', password: 'Nieuw-W8woord!', accountType: 0, changePasswordAtNextLogin: 1 }, { secretParts: ['password'] });
		expect(server.received[0].body).toContain('<changePasswordAtNextLogin xsi:type="xsd:int">1</changePasswordAtNextLogin>');
	});

	it('refuses a part the method does not have, before any request', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('getUserDetails', '{}')));
		const error = await caught(clientFor(server.url).call('getUserDetails', { userId: 'jan' }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('userId');
		expect(server.received).toHaveLength(0);
	});
});

describe('retry contract', () => {
	it('retries a read on 503, never a write', async () => {
		let calls = 0;
		server.reset((request, response) => {
			calls++;
			if (calls === 1) return sendXml(response, 503, '<html>busy</html>', 'text/html');
			sendXml(response, 200, soapAnswer(soapMethodOf(request.body) ?? 'x', '{"naam":"Peeters"}'));
		});
		await expect(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' })).resolves.toEqual({ naam: 'Peeters' });
		expect(server.received).toHaveLength(2);

		calls = 0;
		server.reset((_request, response) => sendXml(response, 503, '<html>busy</html>', 'text/html'));
		const error = await caught(clientFor(server.url).call('saveGroup', { name: 'G', desc: 'd', code: 'G', parent: '', untis: '' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(server.received).toHaveLength(1);
		expect((error as NodeApiError).description).toContain('Not retried');
	});

	it('does not retry a read on a SOAP Fault on HTTP 500', async () => {
		server.reset((_request, response) => sendXml(response, 500, '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>boom</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>'));
		await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' }));
		expect(server.received).toHaveLength(1);
	});
});

describe('uniqueField', () => {
	it('asks getReferenceField once per client', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('getReferenceField', 'number')));
		const client = clientFor(server.url);
		expect(await client.uniqueField()).toBe('number');
		expect(await client.uniqueField()).toBe('number');
		expect(server.received.map((request) => soapMethodOf(request.body))).toEqual(['getReferenceField']);
	});
});

describe('credentials', () => {
	it('normalises the platform URL to its origin', () => {
		expect(normalisePlatformUrl(NODE, 'school.smartschool.be')).toBe('https://school.smartschool.be');
		expect(normalisePlatformUrl(NODE, ' https://school.smartschool.be/ ')).toBe('https://school.smartschool.be');
		expect(normalisePlatformUrl(NODE, 'https://school.smartschool.be/Webservices/V3?wsdl')).toBe('https://school.smartschool.be');
		expect(normalisePlatformUrl(NODE, 'http://127.0.0.1:8080/Webservices/V3')).toBe('http://127.0.0.1:8080');
	});

	it.each(['', 'http://school.smartschool.be', 'ftp://school.smartschool.be', 'not a url', 'https://user:pw@school.smartschool.be', 'https://school'])(
		'rejects %p',
		(value) => {
			expect(() => normalisePlatformUrl(NODE, value)).toThrow(NodeOperationError);
		},
	);

	it('needs an access code', () => {
		expect(() => readCredentials(NODE, { platformUrl: 'school.smartschool.be', accessCode: ' ' })).toThrow('no access code');
		expect(readCredentials(NODE, { platformUrl: 'school.smartschool.be', accessCode: ACCESS_CODE })).toEqual({
			platformUrl: 'https://school.smartschool.be',
			accessCode: ACCESS_CODE,
		});
	});
});

describe('method table', () => {
	it('matches the augmented WSDL: every method exists with the same parts in the same order', async () => {
		const service = await smartschoolService('https://school.smartschool.be');
		for (const row of Object.values(SMARTSCHOOL_METHODS)) {
			const operation = service.operation(row.name);
			expect({ name: row.name, parts: operation?.parts.map((part) => part.name) }).toEqual({
				name: row.name,
				parts: row.noAccessCode ? [...row.parts] : ['accesscode', ...row.parts],
			});
			expect(operation?.soapAction).toBe(`https://school.smartschool.be/Webservices/V3#${row.name}`);
		}
		const published = readFileSync(SMARTSCHOOL_WSDL_PATH.replace('V3.augmented.wsdl', 'V3.wsdl'), 'utf8');
		for (const row of Object.values(SMARTSCHOOL_METHODS)) {
			const inPublished = published.includes(`<wsdl:operation name="${row.name}">`) && row.parts.every((part) => published.includes(`name="${part}"`));
			if (!row.inAugmentedOnly) expect({ name: row.name, inPublished }).toEqual({ name: row.name, inPublished: true });
		}
		// 60 methods of the manual plus deactivateTwoFactorAuthentication (WSDL only); returnErrorCodes is left out.
		expect(Object.keys(SMARTSCHOOL_METHODS)).toHaveLength(61);
	});

	it('makes reads idempotent and writes not', () => {
		for (const row of Object.values(SMARTSCHOOL_METHODS)) {
			const read = /^(get|check|return)/.test(row.name);
			expect({ name: row.name, idempotent: row.idempotent }).toEqual({ name: row.name, idempotent: read });
		}
	});
});

describe('reading <return>', () => {
	const context = { method: 'POST', url: 'https://school.smartschool.be/Webservices/V3', status: 200, secrets: new SecretSet() };

	it('reads prefixed and unprefixed returns, types, self-closing, nil and CDATA', () => {
		expect(readReturn(soapAnswer('m', 'a&b<c>"é"', 'xsd:string'), context)).toEqual({ text: 'a&b<c>"é"', type: 'xsd:string', nil: false });
		expect(readReturn(soapAnswer('m', '12', 'xsd:int', 'tns:'), context)).toEqual({ text: '12', type: 'xsd:int', nil: false });
		const selfClosing = '<soap:Envelope xmlns:soap="x"><soap:Body><tns:mResponse><return xsi:nil="true"/></tns:mResponse></soap:Body></soap:Envelope>';
		expect(readReturn(selfClosing, context)).toEqual({ text: '', type: undefined, nil: true });
		const cdata = '<soap:Envelope xmlns:soap="x"><soap:Body><mResponse><return><![CDATA[a &amp; <b>]]></return></mResponse></soap:Body></soap:Envelope>';
		expect(readReturn(cdata, context).text).toBe('a &amp; <b>');
	});

	it('unescapes named and numeric entities once, in place', () => {
		const text = '&quot;x&quot; &amp;lt; &lt;&gt;&apos; &#233;&#x1F600;&#39; &unknown; & &#xZZ;';
		const expected = '"x" &lt; <>\' é😀\' &unknown; & &#xZZ;';
		expect(xmlUnescape(text)).toBe(expected);
		const bytes = Buffer.from(text);
		const end = unescapeXmlInPlace(bytes);
		expect(bytes.toString('utf8', 0, end)).toBe(expected);
	});

	it('unescapes in place alike whether entities are dense or sparse (long plain runs moved natively), within a range', () => {
		// A deterministic mix: runs of plain text of every length around the 32-byte switch, entities, a stray &.
		let seed = 7;
		const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % below;
		const pieces = ['&quot;', '&amp;', '&lt;', '&#233;', '&#x1F600;', '&', 'é', '"'];
		for (let round = 0; round < 200; round++) {
			let text = '';
			while (text.length < 400) {
				text += 'x'.repeat([0, 1, 5, 31, 32, 33, 64, 100][random(8)]);
				text += pieces[random(pieces.length)];
			}
			const framed = Buffer.from(`<return>${text}</return>`);
			const end = unescapeXmlInPlace(framed, 8, framed.length - 9);
			expect(framed.toString('utf8', 8, end)).toBe(xmlUnescape(text));
		}
		// A range ending right before an `&`, and an answer with a single entity far from the start.
		const tail = Buffer.from(`${'a'.repeat(100)}&amp;${'b'.repeat(100)}&quot;`);
		expect(tail.toString('utf8', 0, unescapeXmlInPlace(tail, 0, 205))).toBe(`${'a'.repeat(100)}&${'b'.repeat(100)}`);
	});
});
