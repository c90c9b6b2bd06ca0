import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { EduixClient, readCredentials } from '../../../nodes/EduixEmployees/transport';
import { SecretSet } from '../../../nodes/shared/errors';
import { clearTokenCache } from '../../../nodes/shared/oauth2';
import { fixturePath } from '../../simulators/eduix';
import { LocalServer, sendJson } from '../shared/localServer';

const node: INode = { id: '1', name: 'Edu-iX Employees', type: 'n8n-nodes-edu.eduixEmployees', typeVersion: 1, position: [0, 0], parameters: {} };
const read = (name: string) => readFileSync(fixturePath(name), 'utf8');
const clientCertificate = read('client.pem');
const clientFingerprint = new X509Certificate(clientCertificate).fingerprint256;

/**
 * Mutual TLS, for vendors that want it beside the token: a local HTTPS server that demands a client certificate
 * signed by the test CA sees the credential's TLS Client Certificate on the token request and on the API call.
 */
describe('Edu-iX transport over mutual TLS', () => {
	let server: LocalServer;
	beforeAll(async () => {
		server = await LocalServer.start({ key: read('server.key'), cert: read('server.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true });
		server.reset((request, response) => {
			if (request.url.startsWith('/oauth2/token')) sendJson(response, 200, { access_token: 'mtls-token', token_type: 'Bearer', expires_in: 600 });
			else sendJson(response, 200, [], { 'api-version': '1.1.0' });
		});
	});
	afterAll(async () => await server.close());
	beforeEach(() => clearTokenCache());

	const client = (tls: boolean) => {
		const secrets = new SecretSet();
		const credentials = readCredentials(
			node,
			{
				baseUrl: `${server.url}/v1`,
				authentication: 'clientSecret',
				tokenUrl: `${server.url}/oauth2/token`,
				clientId: 'c',
				clientSecret: 'mtls-secret',
				...(tls ? { tlsCertificate: clientCertificate, tlsPrivateKey: read('client.key') } : {}),
			},
			secrets,
		);
		// The test server's self-signed certificate; real vendors have publicly trusted ones.
		const trust = { ca: read('server.pem') };
		credentials.tls = { ...credentials.tls, ...trust };
		credentials.oauth!.tls = credentials.tls;
		return new EduixClient(node, credentials, secrets);
	};

	it('presents the client certificate to the token endpoint and the API', async () => {
		await expect(client(true).request({ method: 'GET', path: ['employees', 'school'], query: { orgMasterId: 'X' } })).resolves.toEqual([]);
		expect(server.received.map((request) => request.clientCert)).toEqual([clientFingerprint, clientFingerprint]);
	});

	it('fails readably when the vendor demands a certificate and none is set', async () => {
		const error = await client(false).request({ method: 'GET', path: ['employees', 'school'] }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toMatch(/^Could not reach Edu-iX token endpoint at 127\.0\.0\.1:\d+: the connection was closed by the other side/);
	});
});
