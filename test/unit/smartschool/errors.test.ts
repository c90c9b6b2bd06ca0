import { NodeApiError } from 'n8n-workflow';

import { closeAllPools } from '../../../nodes/shared/http';
import { describeCode, SMARTSCHOOL_ERROR_CODES } from '../../../nodes/Smartschool/transport';
import { LocalServer } from '../shared/localServer';
import { ACCESS_CODE, caught, clientFor, everythingIn, sendXml, soapAnswer, soapFault } from './soapServer';

let server: LocalServer;

beforeAll(async () => {
	server = await LocalServer.start();
});

afterAll(async () => {
	await closeAllPools();
	await server.close();
});

describe('code table', () => {
	it('has a meaning and what to check for every code 1–57', () => {
		for (let code = 1; code <= 57; code++) {
			expect(SMARTSCHOOL_ERROR_CODES[code]?.meaning.length).toBeGreaterThan(5);
			expect(SMARTSCHOOL_ERROR_CODES[code]?.check.length).toBeGreaterThan(5);
		}
		expect(describeCode(99).meaning).toContain('does not know');
	});

	it.each(Object.keys(SMARTSCHOOL_ERROR_CODES).map(Number).filter((code) => code > 0))('code %i becomes a NodeApiError naming it', async (code) => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('saveGroup', String(code), 'xsd:int')));
		const error = await caught(clientFor(server.url).call('saveGroup', { name: 'G', code: 'G' }, { itemIndex: 3 }));
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.message).toBe(`Smartschool refused saveGroup: ${SMARTSCHOOL_ERROR_CODES[code].meaning} (code ${code})`);
		expect(apiError.description).toContain(SMARTSCHOOL_ERROR_CODES[code].check);
		expect(apiError.httpCode).toBe('200');
		expect(apiError.context.itemIndex).toBe(3);
	});

	it('says what to check for a wrong access code', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('getUserDetails', '8', 'xsd:int')));
		const error = (await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' }))) as NodeApiError;
		expect(error.message).toContain('wrong web-services access code');
		expect(error.description).toContain('Algemene configuratie > Webservices');
	});
});

describe('faults and HTTP errors', () => {
	it('reads a SOAP Fault on HTTP 500', async () => {
		server.reset((_request, response) => sendXml(response, 500, soapFault('SOAP-ENV:Server', 'PHP Fatal error: Call to a member function &lt;b&gt;')));
		const error = (await caught(clientFor(server.url).call('delClass', { code: '1A' }))) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Smartschool failed on delClass with a SOAP Fault (HTTP 500): SOAP-ENV:Server: PHP Fatal error: Call to a member function <b>');
		expect(error.httpCode).toBe('500');
		expect(error.description).toContain('check in Smartschool before repeating it');
	});

	it('reads a SOAP Fault on HTTP 200', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapFault('SOAP-ENV:Client', 'Procedure \'x\' not present')));
		const error = (await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' }))) as NodeApiError;
		expect(error.message).toBe("Smartschool failed on getUserDetails with a SOAP Fault (HTTP 200): SOAP-ENV:Client: Procedure 'x' not present");
		expect(error.httpCode).toBe('200');
	});

	it('tells an HTML 502 from a proxy apart from Smartschool', async () => {
		server.reset((_request, response) => sendXml(response, 502, '<html><body>Bad Gateway</body></html>', 'text/html'));
		const error = (await caught(clientFor(server.url).call('saveGroup', { name: 'G', code: 'G' }))) as NodeApiError;
		expect(error.message).toContain('Smartschool had a server error (HTTP 502)');
		expect(error.description).toContain('proxy');
		expect(error.httpCode).toBe('502');
	});

	it('says when something else than SOAP answers with 200, and when the address has no web service', async () => {
		server.reset((_request, response) => sendXml(response, 200, '<html>Onderhoud</html>', 'text/html'));
		const notSoap = (await caught(clientFor(server.url).call('getReferenceField', {}))) as NodeApiError;
		expect(notSoap.description).toContain('is not a SOAP envelope');
		expect(notSoap.description).toContain('Platform URL');
		server.reset((_request, response) => sendXml(response, 404, 'Not found', 'text/plain'));
		const missing = (await caught(clientFor(server.url).call('getReferenceField', {}))) as NodeApiError;
		expect(missing.description).toContain('No Smartschool web service at this address');
	});
});

describe('redaction', () => {
	const PASSWORD = 'N!euw+Wachtwoord/2025&<x>';
	const forms = (value: string) => [
		value,
		encodeURIComponent(value),
		Buffer.from(value).toString('base64'),
		value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char),
	];
	const echo = (body: string) => body.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char);

	it('keeps the access code and password parts out of a fault that echoes the envelope', async () => {
		for (const status of [200, 500]) {
			server.reset((request, response) => {
				const echoed = `${echo(request.body)} ${forms(ACCESS_CODE).join(' ')} ${forms(PASSWORD).join(' ')}`;
				sendXml(response, status, soapFault('SOAP-ENV:Server', echoed));
			});
			const error = await caught(
				clientFor(server.url).call('savePassword', { userIdentifier: 'jan', password: PASSWORD, accountType: 0 }, { secretParts: ['password'] }),
			);
			const shown = everythingIn(error);
			for (const form of [...forms(ACCESS_CODE), ...forms(PASSWORD)]) expect(shown).not.toContain(form);
			// On 500 the shared transport keeps only the start of the body, so the echo may be cut before any secret.
			if (status === 200) expect(shown).toContain('[redacted]');
		}
	});

	it('keeps them out of an HTML error page that echoes them', async () => {
		server.reset((request, response) => sendXml(response, 502, `<html>${request.body} ${forms(ACCESS_CODE).join(' ')}</html>`, 'text/html'));
		const error = await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' }));
		for (const form of forms(ACCESS_CODE)) expect(everythingIn(error)).not.toContain(form);
	});

	it('keeps them out of an unreadable-payload error', async () => {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer('getUserDetails', `{broken ${ACCESS_CODE}`)));
		const error = await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' }));
		for (const form of forms(ACCESS_CODE)) expect(everythingIn(error)).not.toContain(form);
	});
});
