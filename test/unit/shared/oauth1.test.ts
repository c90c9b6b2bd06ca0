import { createHmac } from 'node:crypto';

import {
	baseStringUri,
	hmacSignature,
	oauthEncode,
	parseOAuth1Header,
	signatureBaseString,
	signOAuth1,
} from '../../../nodes/shared/oauth1';

describe('shared/oauth1 (RFC 5849)', () => {
	it('§3.4.1.1: the published signature base string, query and form body included', () => {
		const url = new URL('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b');
		const base = signatureBaseString(
			'POST',
			url,
			{
				oauth_consumer_key: '9djdj82h48djs9d2',
				oauth_token: 'kkk9d7dh3k39sjv7',
				oauth_signature_method: 'HMAC-SHA1',
				oauth_timestamp: '137131201',
				oauth_nonce: '7d8f3e4a',
			},
			'c2&a3=2+q',
		);
		expect(base).toBe(
			'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
		);
	});

	it('HMAC-SHA256: a published third-party vector (Postman-generated, InterSystems community article "OAuth 1.0 Authorization sign process", 2023)', () => {
		// RFC 5849's vectors are all HMAC-SHA1; this one checks the SHA-256 path end to end, oauth_version included as Postman sends it.
		const base = signatureBaseString('GET', new URL('https://www.somerandom123.com/noplace/'), {
			oauth_consumer_key: 'cons123key321',
			oauth_token: 'acc999token456',
			oauth_signature_method: 'HMAC-SHA256',
			oauth_timestamp: '1696497844',
			oauth_nonce: 's3fr5drk83kde3',
			oauth_version: '1.0',
		});
		expect(oauthEncode(hmacSignature('HMAC-SHA256', 'conssecret123', 'toksec234234', base))).toBe('mdmQ6T%2BMSgWnKaRfjms4U89iBG9tgDudg15Q7%2FMNGwk%3D');
	});

	it('§1.2: the photos example signs to MdpQcU8iPSUjWoN/UDMsK2sui9I= with HMAC-SHA1', () => {
		const base = signatureBaseString('GET', new URL('http://photos.example.net/photos?file=vacation.jpg&size=original'), {
			oauth_consumer_key: 'dpf43f3p2l4k3l03',
			oauth_token: 'nnch734d00sl2jdk',
			oauth_signature_method: 'HMAC-SHA1',
			oauth_timestamp: '137131202',
			oauth_nonce: 'chapoH',
		});
		expect(hmacSignature('HMAC-SHA1', 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00', base)).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
	});

	it('§3.4.1.2: base string URI lower-cases scheme and host, keeps a non-default port, drops the query', () => {
		expect(baseStringUri(new URL('HTTP://EXAMPLE.COM:80/r%20v/X?id=123'))).toBe('http://example.com/r%20v/X');
		expect(baseStringUri(new URL('https://www.example.net:8080/?q=1'))).toBe('https://www.example.net:8080/');
		expect(baseStringUri(new URL('https://sis.example.org:443/ims/oneroster/v1p1/users'))).toBe('https://sis.example.org/ims/oneroster/v1p1/users');
	});

	it('§3.6: encodes everything but the unreserved set, upper-case hex', () => {
		expect(oauthEncode("status='active' AND x~*!()")).toBe('status%3D%27active%27%20AND%20x~%2A%21%28%29');
		expect(oauthEncode('é')).toBe('%C3%A9');
	});

	it('signs a OneRoster 1.1 read without a token: HMAC-SHA256 by default, filter quotes and spaces normalised', () => {
		const signed = signOAuth1(
			{ consumerKey: 'district-key', consumerSecret: 's3cr&t', signatureMethod: 'HMAC-SHA256' },
			{ method: 'get', url: "https://sis.example.org/ims/oneroster/v1p1/users?limit=2&offset=0&filter=role%3D'student'", timestamp: '1700000000', nonce: 'abc' },
		);
		expect(signed.baseString).toBe(
			'GET&https%3A%2F%2Fsis.example.org%2Fims%2Foneroster%2Fv1p1%2Fusers&filter%3Drole%253D%2527student%2527%26limit%3D2%26oauth_consumer_key%3Ddistrict-key%26oauth_nonce%3Dabc%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26oauth_version%3D1.0%26offset%3D0',
		);
		const expected = createHmac('sha256', 's3cr%26t&').update(signed.baseString).digest('base64');
		expect(signed.params.oauth_signature).toBe(expected);
		expect(signed.header).toBe(
			`OAuth oauth_consumer_key="district-key", oauth_nonce="abc", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1700000000", oauth_version="1.0", oauth_signature="${oauthEncode(expected)}"`,
		);
		expect(parseOAuth1Header(signed.header)).toEqual(signed.params);
	});

	it('a fresh nonce and timestamp per call; HMAC-SHA1 on request; ClassLink\'s "OAuth, " header form parses', () => {
		const config = { consumerKey: 'k', consumerSecret: 's', signatureMethod: 'HMAC-SHA1' as const };
		const a = signOAuth1(config, { method: 'GET', url: 'http://h/x' });
		const b = signOAuth1(config, { method: 'GET', url: 'http://h/x' });
		expect(a.params.oauth_nonce).not.toBe(b.params.oauth_nonce);
		expect(a.params.oauth_signature_method).toBe('HMAC-SHA1');
		expect(a.params.oauth_signature).toHaveLength(28);
		expect(parseOAuth1Header('OAuth, oauth_consumer_key="k", oauth_nonce="n%2B"')).toEqual({ oauth_consumer_key: 'k', oauth_nonce: 'n+' });
		expect(parseOAuth1Header('Bearer x')).toBeUndefined();
	});
});
