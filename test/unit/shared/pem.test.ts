import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { normalisePem } from '../../../nodes/shared/pem';

const fixtures = join(__dirname, '../../simulators/eduix/fixtures');
/** What a browser leaves of pasted PEM in a single-line password input: the line breaks removed. */
const oneLine = (pem: string) => pem.replace(/\r?\n/g, '');

describe('normalisePem', () => {
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const pkcs8 = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;

	it('leaves well-formed PEM as it is (bar surrounding whitespace)', () => {
		expect(normalisePem(`\n${pkcs8}\n`)).toBe(pkcs8.trim());
	});

	it('restores a private key pasted into a password field without its line breaks', () => {
		expect(() => createPrivateKey(oneLine(pkcs8))).toThrow();
		expect(normalisePem(oneLine(pkcs8))).toBe(pkcs8.trim());
		expect(createPrivateKey(normalisePem(oneLine(pkcs8))).asymmetricKeyType).toBe('ec');
	});

	it('restores keys with literal \\n and lines joined by spaces', () => {
		expect(normalisePem(pkcs8.trim().replace(/\n/g, '\\n'))).toBe(pkcs8.trim());
		expect(normalisePem(pkcs8.trim().replace(/\n/g, ' '))).toBe(pkcs8.trim());
	});

	it('restores a certificate chain joined on one line, one block per line', () => {
		const chain = readFileSync(join(fixtures, 'chain.pem'), 'utf8');
		const restored = normalisePem(oneLine(chain));
		const blocks = restored.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
		expect(blocks).toHaveLength(2);
		expect(blocks.map((block) => new X509Certificate(block).raw.toString('base64'))).toEqual(
			(chain.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((block) => new X509Certificate(block).raw.toString('base64')),
		);
		expect(restored).toMatch(/-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----/);
	});

	it('leaves a legacy encrypted key with RFC 1421 headers untouched', () => {
		const legacy = '-----BEGIN RSA PRIVATE KEY-----Proc-Type: 4,ENCRYPTEDDEK-Info: AES-128-CBC,00FF-----END RSA PRIVATE KEY-----';
		expect(normalisePem(legacy)).toBe(legacy);
	});
});
