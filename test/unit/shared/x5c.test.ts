import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { x5cFromPem } from '../../../nodes/shared/oauth2';

const fixtures = join(__dirname, '..', '..', 'simulators', 'eduix', 'fixtures');
const chain = readFileSync(join(fixtures, 'chain.pem'), 'utf8');

describe('x5cFromPem', () => {
	it('gives each certificate of a chain as base64 DER, leaf first', () => {
		const x5c = x5cFromPem(chain);
		expect(x5c).toHaveLength(2);
		expect(new X509Certificate(Buffer.from(x5c[0], 'base64')).subject).toContain('n8n-nodes-edu test client');
		expect(new X509Certificate(Buffer.from(x5c[1], 'base64')).subject).toContain('Test PKIoverheid-like CA');
		// Standard base64 (RFC 7515 §4.1.6), not base64url.
		expect(x5c.join('')).toMatch(/^[A-Za-z0-9+/=]+$/);
	});

	it('accepts CRLF line ends and text around the blocks', () => {
		expect(x5cFromPem(`subject=...\r\n${chain.replace(/\n/g, '\r\n')}`)).toEqual(x5cFromPem(chain));
	});

	it('refuses text without a certificate and a damaged one, without quoting it', () => {
		expect(() => x5cFromPem('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----')).toThrow(/holds no PEM certificate/);
		const damaged = '-----BEGIN CERTIFICATE-----\nc2VjcmV0LXRleHQ=\n-----END CERTIFICATE-----';
		expect(() => x5cFromPem(damaged)).toThrow('Certificate 1 of the chain could not be read as an X.509 certificate');
	});
});
