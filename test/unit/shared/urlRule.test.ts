/** Issue 14, point 2: one https rule for every base and token URL of the four credentials. */
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { readCredentials as readEduix } from '../../../nodes/EduixEmployees/transport/credentials';
import { readCredentials as readEvalytics } from '../../../nodes/Evalytics/transport';
import { readCredentials as readOneRoster } from '../../../nodes/OneRoster/transport/credentials';
import { SecretSet } from '../../../nodes/shared/errors';
import { readCredentials as readSmartschool } from '../../../nodes/Smartschool/transport';

const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

type Reader = (data: ICredentialDataDecryptedObject) => unknown;

const readers: Array<[string, Reader, (url: string) => ICredentialDataDecryptedObject]> = [
	['Evalytics Base URL', (data) => readEvalytics(node, data), (url) => ({ apiKey: 'key-1234', baseUrl: url })],
	['Smartschool Platform URL', (data) => readSmartschool(node, data), (url) => ({ accessCode: 'code-1234', platformUrl: url })],
	['OneRoster Base URL', (data) => readOneRoster(node, data), (url) => ({ baseUrl: url, tokenUrl: 'https://sis.example.org/token', clientId: 'id', clientSecret: 'secret-1234' })],
	['OneRoster Token URL', (data) => readOneRoster(node, data), (url) => ({ baseUrl: 'https://sis.example.org', tokenUrl: url, clientId: 'id', clientSecret: 'secret-1234' })],
	['Edu-iX Base URL', (data) => readEduix(node, data, new SecretSet()), (url) => ({ baseUrl: `${url}/v1`, tokenUrl: 'https://auth.example.org/token', authentication: 'bearerToken', bearerToken: 'token-1234' })],
	['Edu-iX Token URL', (data) => readEduix(node, data, new SecretSet()), (url) => ({ baseUrl: 'https://api.example.org/v1', tokenUrl: url, authentication: 'clientSecret', clientId: 'id', clientSecret: 'secret-1234' })],
];

describe('credential URLs: https, or plain http only on loopback or with Allow Unencrypted HTTP', () => {
	it.each(readers)('%s: http:// on another host is refused with how to fix it', (_name, read, data) => {
		expect(() => read(data('http://sis.school.internal'))).toThrow(/https/);
		try {
			read(data('http://sis.school.internal'));
		} catch (error) {
			const { message, description } = error as { message: string; description?: string };
			expect(`${message} ${description ?? ''}`).toMatch(/Allow Unencrypted HTTP/);
		}
	});

	it.each(readers)('%s: http:// on another host passes with Allow Unencrypted HTTP on', (_name, read, data) => {
		expect(() => read({ ...data('http://sis.school.internal'), allowUnencryptedHttp: true })).not.toThrow();
	});

	it.each(readers)('%s: loopback hosts (the simulators) and https pass without the switch', (_name, read, data) => {
		for (const url of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080', 'https://sis.example.org']) {
			expect(() => read(data(url))).not.toThrow();
		}
	});

	it.each(readers)('%s: other schemes are refused even with the switch', (_name, read, data) => {
		expect(() => read({ ...data('ftp://sis.example.org'), allowUnencryptedHttp: true })).toThrow(/https/);
	});
});
