import type { INode } from 'n8n-workflow';

import { readCredentials } from '../../../nodes/OneRoster/transport/credentials';

const NODE: INode = { id: '1', name: 'OneRoster', type: 'n8n-nodes-edu.oneRoster', typeVersion: 1, position: [0, 0], parameters: {} };

describe('OneRoster credential: version 1.1 and OAuth 1.0a', () => {
	const oauth1 = { baseUrl: 'https://sis.example.org/campus/', authentication: 'oAuth1', consumerKey: 'k', consumerSecret: 's' };

	it('1.1 puts every service under /ims/oneroster/v1p1; an override still wins', () => {
		const read = readCredentials(NODE, { ...oauth1, version: '1.1', resourcesUrl: 'https://content.example.org/or/v1p1' });
		expect(read.version).toBe('1.1');
		expect(read.services).toEqual({
			rostering: 'https://sis.example.org/campus/ims/oneroster/v1p1',
			gradebook: 'https://sis.example.org/campus/ims/oneroster/v1p1',
			resources: 'https://content.example.org/or/v1p1',
		});
		expect(read.auth).toEqual({ kind: 'oAuth1', consumerKey: 'k', consumerSecret: 's', signatureMethod: 'HMAC-SHA256' });
	});

	it('1.2 stays the default with its three service paths; SHA-1 on request', () => {
		const read = readCredentials(NODE, { ...oauth1, signatureMethod: 'HMAC-SHA1' });
		expect(read.version).toBe('1.2');
		expect(read.services.gradebook).toBe('https://sis.example.org/campus/ims/oneroster/gradebook/v1p2');
		expect(read.auth).toMatchObject({ signatureMethod: 'HMAC-SHA1' });
	});

	it('OAuth 1.0a without a secret is refused, naming both fields, quoting nothing', () => {
		expect(() => readCredentials(NODE, { ...oauth1, consumerSecret: ' ' })).toThrow('The OneRoster credential needs a Consumer Key and Consumer Secret');
	});
});
