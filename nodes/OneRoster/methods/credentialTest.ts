import type { ICredentialsDecrypted, ICredentialTestFunctions, INode, INodeCredentialTestResult } from 'n8n-workflow';

import { SecretSet } from '../../shared/errors';
import type * as Transport from '../transport';
import type { OneRosterClient } from '../transport';

const TEST_NODE: INode = { name: 'OneRoster', type: 'n8n-nodes-edu.oneRoster', typeVersion: 1, position: [0, 0], id: 'credential-test', parameters: {} };

function describe(error: unknown, secrets: SecretSet): string {
	const { message, description } = error as { message?: string; description?: string };
	return secrets.redact([message, description].filter(Boolean).join(' — ') || String(error));
}

/** The Test button: (1) fetch a token (never from the cache), (2) read one org; the message names the step that failed. */
export async function oneRosterApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secrets = new SecretSet();
	// The transport, OAuth and the HTTP layer (undici) load on the first test, not when n8n starts.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { OneRosterClient: Client, readCredentials } = require('../transport') as typeof Transport;
	let client: OneRosterClient;
	try {
		const credentials = readCredentials(TEST_NODE, credential.data ?? {});
		client = new Client(TEST_NODE, credentials);
	} catch (error) {
		return { status: 'Error', message: describe(error, secrets) };
	}
	const { auth } = client.credentials;
	if (auth.kind === 'oAuth2') {
		try {
			await client.fetchToken();
		} catch (error) {
			return { status: 'Error', message: `Step 1 of 2, getting a token from ${client.secrets.redact(auth.tokenUrl)}, failed: ${describe(error, client.secrets)}` };
		}
	}
	try {
		await client.request({ method: 'GET', path: '/orgs', query: { limit: 1 }, idempotent: true });
	} catch (error) {
		return { status: 'Error', message: `Step 2 of 2, reading one org from ${client.serviceUrl()}/orgs, failed: ${describe(error, client.secrets)}` };
	}
	const how = client.credentials.auth.kind === 'oAuth1' ? 'signed request accepted' : 'token obtained';
	return { status: 'OK', message: `Connection successful: ${how} and one org read` };
}
