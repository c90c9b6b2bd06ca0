import type { Client } from 'soap';

import { callV3, createV3Client } from './client';
import { DEFAULT_ACCESS_CODE, ERROR_TEXTS, soapMethod, startSmartschoolSimulator, type SmartschoolSimulator } from './index';
import { SmartschoolState } from './state';
import { seedState } from './seed';

const RAW_ENVELOPE = (method: string, inner: string) =>
	`<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
	`<ns1:${method} xmlns:ns1="https://elsewhere.smartschool.be/Webservices/V3">${inner}</ns1:${method}></soap:Body></soap:Envelope>`;

describe('Smartschool simulator: SOAP host, access, faults, seed', () => {
	let sim: SmartschoolSimulator;
	let client: Client;
	const v3 = (method: string, parts: Record<string, unknown> = {}) => callV3(client, method, { accesscode: DEFAULT_ACCESS_CODE, ...parts });
	const post = (body: string) => fetch(sim.endpoint, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' }, body });

	beforeAll(async () => {
		sim = await startSmartschoolSimulator({ accounts: 60, profiles: { 'profile-code': ['getUserDetails', 'getReferenceField'] } });
		client = await createV3Client(sim.endpoint);
	});
	afterAll(async () => await sim.close());
	afterEach(() => {
		sim.faults.clear();
		sim.soapFaults.clear();
		sim.clearRequests();
		sim.setReadings({ forbiddenMethodCode: 8 });
	});

	it('answers the code tables without an access code, typed xsd:string', async () => {
		const json = await callV3(client, 'returnJsonErrorCodes', null);
		expect(json.type).toBe('xsd:string');
		const table = JSON.parse(json.value) as Record<string, string>;
		expect(Object.keys(table)).toHaveLength(57);
		expect(table['8']).toBe(ERROR_TEXTS[8]);
		expect(table['4']).toContain('&lt;br&gt;');
		const csv = await callV3(client, 'returnCsvErrorCodes', null);
		expect(csv.value.split('\n')).toHaveLength(57);
		expect(csv.value.split('\n')[11]).toMatch(/^12;"/);
	});

	it('checks the access code: wrong → 8 as xsd:int; a profile code only for its ticked methods', async () => {
		expect(await callV3(client, 'getReferenceField', { accesscode: 'wrong' })).toEqual({ value: '8', type: 'xsd:int' });
		expect(await callV3(client, 'getUserDetails', { accesscode: '', userIdentifier: 'x' })).toEqual({ value: '8', type: 'xsd:int' });
		expect(await callV3(client, 'getReferenceField', { accesscode: 'profile-code' })).toEqual({ value: 'username', type: 'xsd:string' });
		expect((await callV3(client, 'getClassListJson', { accesscode: 'profile-code' })).value).toBe('8');
		sim.setReadings({ forbiddenMethodCode: 10 });
		expect((await callV3(client, 'getClassListJson', { accesscode: 'profile-code' })).value).toBe('10');
	});

	it('records the SOAP method and parts; dispatches by element name whatever namespace or SOAPAction say', async () => {
		await v3('getUserDetails', { userIdentifier: 'a & <b>' });
		const [request] = sim.calls('getUserDetails');
		expect(request.parts).toEqual({ accesscode: DEFAULT_ACCESS_CODE, userIdentifier: 'a & <b>' });
		expect(String(request.headers.soapaction)).toContain('sanctamaria-aarschot.smartschool.be/Webservices/V3#getUserDetails');
		const raw = await post(RAW_ENVELOPE('getReferenceField', `<accesscode>${DEFAULT_ACCESS_CODE}</accesscode>`));
		expect(raw.status).toBe(200);
		expect(raw.headers.get('content-type')).toBe('text/xml; charset=utf-8');
		const xml = await raw.text();
		expect(xml).toContain('<SOAP-ENV:Envelope');
		expect(xml).toMatch(/<(\w+:)?return [^>]*xsi:type="xsd:string"[^>]*>username<\/(\w+:)?return>/);
		expect(xml).toContain(`xmlns:tns="${sim.url}/Webservices/V3"`);
		expect(sim.count('getReferenceField')).toBe(1);
		expect(sim.count('*')).toBe(2);
	});

	it('answers an unknown method and a non-SOAP body with a fault on HTTP 500; serves the WSDL with its own host', async () => {
		const unknown = await post(RAW_ENVELOPE('getEverything', ''));
		expect(unknown.status).toBe(500);
		expect(await unknown.text()).toMatch(/<faultstring>Procedure 'getEverything' not present<\/faultstring>/);
		expect((await post('not xml')).status).toBe(500);
		const wsdl = await (await fetch(`${sim.endpoint}?wsdl`)).text();
		expect(wsdl).toContain(`location="${sim.url}/Webservices/V3"`);
		expect(wsdl).not.toContain('sanctamaria-aarschot');
		expect((await fetch(`${sim.url}/elsewhere`)).status).toBe(404);
	});

	it('injects SOAP faults on HTTP 500 and on HTTP 200, for one method, optionally after applying the call', async () => {
		sim.soapFaults.add({ method: 'getClassListJson', faultstring: 'PHP Fatal error' });
		await expect(v3('getClassListJson')).rejects.toMatchObject({ message: 'SOAP-ENV:Server: PHP Fatal error', response: { status: 500 } });
		sim.soapFaults.add({ statusCode: 200, faultcode: 'SOAP-ENV:Client', faultstring: 'Bad' });
		await expect(v3('getClassListJson')).rejects.toMatchObject({ message: 'SOAP-ENV:Client: Bad', response: { status: 200 } });
		sim.soapFaults.add({ method: 'saveGroup', afterHandler: true });
		await expect(v3('saveGroup', { name: 'Na fout', desc: 'x', code: 'nafout', parent: '', untis: '' })).rejects.toThrow(/Server/);
		expect(sim.state.byCode('nafout')).toBeDefined();
		expect((await v3('getClassListJson')).type).toBe('xsd:string');
	});

	it('injects HTTP faults on one V3 method: 503 HTML, reset, malformed, truncated, slow', async () => {
		sim.faults.add({ match: soapMethod('getClassListJson'), fault: { kind: 'status', status: 503, retryAfter: '1' } });
		const error = (await v3('getClassListJson').catch((caught: unknown) => caught)) as { response?: { status: number; headers: Record<string, string>; data: string } };
		expect(error.response?.status).toBe(503);
		expect(error.response?.headers['content-type']).toMatch(/text\/html/);
		expect(error.response?.data).toContain('<h1>503</h1>');
		expect((await v3('getReferenceField')).value).toBe('username');
		sim.faults.add({ match: soapMethod('getReferenceField'), fault: { kind: 'reset' } });
		await expect(v3('getReferenceField')).rejects.toMatchObject({ code: 'ECONNRESET' });
		sim.faults.add({ match: soapMethod('getReferenceField'), fault: { kind: 'malformed', body: '<SOAP-ENV:Envelope><broken', contentType: 'text/xml' } });
		expect(await v3('getReferenceField').catch(() => 'failed')).not.toEqual({ value: 'username', type: 'xsd:string' });
		sim.faults.add({ match: soapMethod('getReferenceField'), fault: { kind: 'truncated' } });
		await expect(v3('getReferenceField')).rejects.toThrow();
		sim.faults.add({ match: soapMethod('getReferenceField'), fault: { kind: 'slow', delayMs: 20 } });
		expect((await v3('getReferenceField')).value).toBe('username');
		expect(sim.count('getReferenceField')).toBe(5);
	});

	it('serves the Uniek veld setting', async () => {
		const numbered = await startSmartschoolSimulator({ accounts: 5, uniqueField: 'number' });
		try {
			const numberedClient = await createV3Client(numbered.endpoint);
			expect((await callV3(numberedClient, 'getReferenceField', { accesscode: DEFAULT_ACCESS_CODE })).value).toBe('number');
		} finally {
			await numbered.close();
		}
	});
});

describe('Smartschool demo data', () => {
	const seeded = (accounts: number, seed: number) => {
		const state = new SmartschoolState();
		seedState(state, { accounts, seed });
		return state;
	};
	const dump = (state: SmartschoolState) => JSON.stringify([...state.accounts.values()].map((account) => ({ ...account, photo: null })));

	it('is deterministic per seed and differs between seeds', () => {
		expect(dump(seeded(60, 7))).toBe(dump(seeded(60, 7)));
		expect(dump(seeded(60, 7))).not.toBe(dump(seeded(60, 8)));
	});

	it('makes a Belgian school: classes 1A–6D, one official class per student, roles, co-accounts, unique usernames', () => {
		const state = seeded(5000, 42);
		const accounts = [...state.accounts.values()];
		expect(accounts).toHaveLength(5000);
		const count = (role: string) => accounts.filter((account) => account.baseRole === role).length;
		expect(count('leerkracht')).toBe(400);
		expect(count('directie')).toBe(25);
		expect(count('andere')).toBe(75);
		expect(count('leerling')).toBe(4500);
		const classes = [...state.groups.values()].filter((group) => group.isOfficial).map((group) => group.code);
		expect(classes).toEqual(['1A', '1B', '1C', '1D', '2A', '2B', '2C', '2D', '3A', '3B', '3C', '3D', '4A', '4B', '4C', '4D', '5A', '5B', '5C', '5D', '6A', '6B', '6C', '6D']);
		for (const student of accounts.filter((account) => account.baseRole === 'leerling').slice(0, 300)) {
			expect(state.groupsOf(student).filter((group) => group.isOfficial)).toHaveLength(1);
		}
		expect(new Set(accounts.map((account) => account.username)).size).toBe(5000);
		const mothers = accounts.filter((account) => account.coAccounts[0]?.type === 'Moeder').length;
		expect(mothers / 4500).toBeGreaterThan(0.9);
		expect(accounts.some((account) => /^P\d{4}$/.test(account.internalNumber))).toBe(true);
		expect(accounts.some((account) => account.baseRole !== 'leerling' && account.internalNumber === '')).toBe(true);
		expect([...state.groups.values()].filter((group) => group.isOfficial).every((group) => group.titulars.length >= 1)).toBe(true);
	});
});
