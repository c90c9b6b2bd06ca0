import {
	decodeBase64Xml,
	decodeCsv,
	decodeJpeg,
	decodeJson,
	resultCode,
	unserializePhp,
	type GroupNode,
} from '../../../nodes/Smartschool/transport/codecs';
import { closeAllPools } from '../../../nodes/shared/http';
import { LocalServer } from '../shared/localServer';
import { caught, clientFor, sendXml, soapAnswer } from './soapServer';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('json', () => {
	it('keeps lower-case Dutch keys, empties 0000-00-00, names numeric roles, normalises is… flags', () => {
		const users = decodeJson(
			JSON.stringify([
				{ voornaam: 'Jan', naam: 'Peeters', basisrol: '1', geboortedatum: '0000-00-00', status: 'actief', isEmailVerified: '0', groups: [{ code: '1', isKlas: '1', isOfficial: 0 }] },
				{ voornaam: 'An', basisrol: '0', type_coaccount1: 0, 'Naam ouder/voogd': 'Els' },
				{ basisrol: '30' },
				{ basisrol: '13' },
				{ basisrol: '42' },
			]),
		);
		expect(users).toEqual([
			{ voornaam: 'Jan', naam: 'Peeters', basisrol: 'leerling', geboortedatum: '', status: 'actief', isEmailVerified: false, groups: [{ code: '1', isKlas: true, isOfficial: false }] },
			{ voornaam: 'An', basisrol: 'leerkracht', type_coaccount1: 0, 'Naam ouder/voogd': 'Els' },
			{ basisrol: 'directie' },
			{ basisrol: 'andere' },
			{ basisrol: '42' },
		]);
		expect(decodeJson('')).toBeNull();
	});
});

describe('base64xml', () => {
	const tree = `<?xml version="1.0" encoding="UTF-8"?>
<groups><group><name>Iedereen</name><desc>Iedereen</desc><type>G</type><code></code><untis></untis><visible>1</visible><isOfficial>0</isOfficial>
<children>
 <group><name>1A</name><desc>Klas 1A &amp; co</desc><type>K</type><code>1</code><untis>1A</untis><visible>1</visible><isOfficial>1</isOfficial>
  <coAccountLabel>Ouders</coAccountLabel><adminNumber>123</adminNumber><instituteNumber>045678</instituteNumber>
  <titu><user><username>els.claes</username></user><user><username>tom.maes</username></user></titu><children/></group>
 <group><name>Sport</name><desc><![CDATA[Sport <club>]]></desc><type>G</type><code>0</code><untis/><visible>0</visible><isOfficial>0</isOfficial></group>
</children></group></groups>`;

	it('decodes the group tree; code "1" and "0" stay strings', () => {
		const root = decodeBase64Xml(base64(tree)) as GroupNode;
		expect(root.name).toBe('Iedereen');
		expect(root.code).toBe('');
		expect(root.children.map((group) => group.code)).toEqual(['1', '0']);
		expect(root.children[0]).toEqual({
			name: '1A',
			desc: 'Klas 1A & co',
			type: 'class',
			code: '1',
			untis: '1A',
			visible: true,
			isOfficial: true,
			coAccountLabel: 'Ouders',
			adminNumber: '123',
			instituteNumber: '045678',
			titulars: ['els.claes', 'tom.maes'],
			children: [],
		});
		expect(root.children[1]).toMatchObject({ desc: 'Sport <club>', type: 'group', visible: false, untis: '', titulars: [] });
	});

	it('decodes accounts and courses as lists, and empty lists', () => {
		const accounts = `<accounts><account><voornaam>Jan</voornaam><naam>Peeters</naam><gebruikersnaam>jan.peeters</gebruikersnaam><internnummer>1</internnummer><status>actief</status><klasnummer>3</klasnummer></account></accounts>`;
		expect(decodeBase64Xml(base64(accounts))).toEqual([
			{ voornaam: 'Jan', naam: 'Peeters', gebruikersnaam: 'jan.peeters', internnummer: '1', status: 'actief', klasnummer: '3' },
		]);
		expect(decodeBase64Xml(base64('<accounts></accounts>'))).toEqual([]);
		const courses = '<courses><course><name>Wiskunde</name><teachers><teacher>a</teacher><teacher>b</teacher></teachers></course></courses>';
		expect(decodeBase64Xml(base64(courses))).toEqual([{ name: 'Wiskunde', teachers: { teacher: ['a', 'b'] } }]);
	});

	it('rejects broken XML', () => {
		expect(() => decodeBase64Xml(base64('<groups><group></groups>'))).toThrow('malformed XML');
	});
});

describe('php', () => {
	it('unserializes a class list with UTF-8 byte lengths, ints, floats, bools and null', () => {
		// As PHP's serialize() writes it: s:<bytes>:"…"; "Élève" is 7 bytes in UTF-8.
		const text =
			'a:2:{i:0;a:5:{s:4:"name";s:2:"1A";s:4:"desc";s:7:"Élève";s:4:"code";s:1:"1";s:10:"isOfficial";b:1;s:7:"visible";i:1;}' +
			'i:1;a:4:{s:4:"name";s:5:"Sport";s:4:"desc";N;s:5:"ratio";d:0.5;s:4:"tags";a:1:{s:1:"x";b:0;}}}';
		expect(unserializePhp(text)).toEqual([
			{ name: '1A', desc: 'Élève', code: '1', isOfficial: true, visible: 1 },
			{ name: 'Sport', desc: null, ratio: 0.5, tags: { x: false } },
		]);
	});

	it('refuses objects, wrong lengths and trailing data', () => {
		expect(() => unserializePhp('O:8:"stdClass":0:{}')).toThrow('not supported');
		expect(() => unserializePhp('s:3:"Élève";')).toThrow('malformed');
		expect(() => unserializePhp('i:1;i:2;')).toThrow('trailing');
	});
});

describe('jpeg, csv and codes', () => {
	it('decodes a photo to bytes; empty is no photo', () => {
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
		expect(decodeJpeg(jpeg.toString('base64'))?.equals(jpeg)).toBe(true);
		expect(decodeJpeg('')).toBeNull();
		expect(() => decodeJpeg('<html>')).toThrow('base64');
	});

	it('reads CSV rows', () => {
		expect(decodeCsv('1A,31\r\n"Sport, club";53\n')).toEqual([['1A', '31'], ['Sport, club', '53']]);
	});

	it('tells a result code from a payload', () => {
		expect(resultCode('12', 'xsd:int')).toBe(12);
		expect(resultCode('8', 'xsd:string')).toBe(8);
		expect(resultCode('{"a":1}', 'xsd:string')).toBeUndefined();
		expect(resultCode('true', 'xsd:boolean')).toBe(0);
		expect(resultCode('username', undefined)).toBeUndefined();
	});
});

describe('through the client', () => {
	let server: LocalServer;
	beforeAll(async () => {
		server = await LocalServer.start();
	});
	afterAll(async () => {
		await closeAllPools();
		await server.close();
	});

	function answer(method: string, text: string, type = 'xsd:string') {
		server.reset((_request, response) => sendXml(response, 200, soapAnswer(method, text, type)));
	}

	it('decodes each return shape once', async () => {
		const client = clientFor(server.url);
		answer('getUserDetails', JSON.stringify({ naam: 'Peeters & Zonen', basisrol: '1' }));
		expect(await client.call('getUserDetails', { userIdentifier: 'jan' })).toEqual({ naam: 'Peeters & Zonen', basisrol: 'leerling' });
		answer('getAllGroupsAndClasses', base64('<groups><group><name>Iedereen</name><code></code><type>G</type></group></groups>'));
		expect(await client.call('getAllGroupsAndClasses', {})).toMatchObject({ name: 'Iedereen', children: [] });
		answer('getClassList', 'a:1:{i:0;a:1:{s:4:"code";s:1:"1";}}');
		expect(await client.call('getClassList', {})).toEqual([{ code: '1' }]);
		answer('getAccountPhoto', Buffer.from('JPEG').toString('base64'));
		expect(await client.call('getAccountPhoto', { userIdentifier: 'jan' })).toEqual(Buffer.from('JPEG'));
		answer('saveUser', '0', 'xsd:int');
		expect(await client.call('saveUser', { username: 'jan', basisrol: 'leerling' })).toBe(0);
		answer('getReferenceField', 'username');
		expect(await client.call('getReferenceField', {})).toBe('username');
		answer('saveUserToClassesAndGroups', '1A,31');
		expect(await client.call('saveUserToClassesAndGroups', { userIdentifier: 'jan', csvList: '1A', keepOld: 1 })).toEqual([['1A', '31']]);
		answer('saveUserToClassesAndGroups', '0', 'xsd:int');
		expect(await client.call('saveUserToClassesAndGroups', { userIdentifier: 'jan', csvList: '1A', keepOld: 1 })).toEqual([]);
		answer('saveSignature', 'true', 'xsd:boolean');
		expect(await client.call('saveSignature', { userIdentifier: 'jan', accountType: 0, signature: 's' })).toBe(0);
	});

	it('checks for a code before decoding base64 XML: an error code is never parsed as a tree', async () => {
		answer('getAllGroupsAndClasses', '8', 'xsd:int');
		const error = await caught(clientFor(server.url).call('getAllGroupsAndClasses', {}));
		expect(error.message).toContain('(code 8)');
	});

	it('gives an empty list for 19 on getAllAccountsExtended, null for not-found when asked', async () => {
		answer('getAllAccountsExtended', '19', 'xsd:int');
		expect(await clientFor(server.url).call('getAllAccountsExtended', { code: 'leeg', recursive: '0' })).toEqual([]);
		for (const code of ['9', '12', '25']) {
			answer('getUserDetails', code, 'xsd:int');
			expect(await clientFor(server.url).call('getUserDetails', { userIdentifier: 'x' }, { notFound: 'null' })).toBeNull();
			const error = await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'x' }));
			expect(error.message).toContain('does not exist');
		}
	});

	it('reports an unreadable payload clearly', async () => {
		answer('getUserDetails', '{"naam": ');
		const error = await caught(clientFor(server.url).call('getUserDetails', { userIdentifier: 'jan' }));
		expect(error.message).toContain("Smartschool's answer to getUserDetails could not be read");
	});
});
