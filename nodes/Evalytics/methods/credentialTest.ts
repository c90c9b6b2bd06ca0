import type { ICredentialsDecrypted, ICredentialTestFunctions, INode, INodeCredentialTestResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SecretSet } from '../../shared/errors';
import type * as Transport from '../transport';

const TEST_NODE: INode = { name: 'Evalytics', type: 'n8n-nodes-edu.evalytics', typeVersion: 1, position: [0, 0], id: 'credential-test', parameters: {} };

/**
 * The Test button: one cheap organisation read with the key and default organisation, with a message
 * per failure a school admin can act on.
 */
export async function evalyticsApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
	const organisation = data.organisation === undefined ? '' : String(data.organisation).trim();
	if (!apiKey) return { status: 'Error', message: 'Enter the API key' };
	if (!organisation) return { status: 'Error', message: 'Enter the default organisation (internal ID or externalId)' };
	const secrets = new SecretSet().add(apiKey);
	// The transport and the HTTP layer (undici) load on the first test, not when n8n starts.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { EvalyticsClient, readCredentials } = require('../transport') as typeof Transport;
	let client: InstanceType<typeof EvalyticsClient>;
	try {
		client = new EvalyticsClient(TEST_NODE, readCredentials(TEST_NODE, data), undefined, undefined, { maxAttempts: 2 });
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		return { status: 'Error', message: secrets.redact([message, description].filter(Boolean).join('. ')) };
	}
	const { baseUrl } = client.credentials;
	try {
		await client.request({ method: 'GET', path: ['organisation'], query: { limit: 1 }, idempotent: true });
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		const response = (error instanceof NodeApiError ? error.errorResponse : undefined) as { kind?: string; status?: number } | undefined;
		const failure = error as Error;
		const message = (() => {
			switch (response?.kind === 'http' ? response.status : response?.kind) {
				case 401:
					return 'The API key was refused by Evalytics: check the key (created in the Evalytics portal)';
				case 403:
					return `The API key may not act on organisation "${organisation}": check the key's organisation restrictions`;
				case 404:
					return `Evalytics does not know organisation "${organisation}", or the Base URL is not the Evalytics API`;
				case 'network':
				case 'timeout':
					return `Could not reach ${baseUrl}: check the Base URL and the network (${failure.message})`;
				default:
					return `Evalytics answered: ${failure.message}`;
			}
		})();
		return { status: 'Error', message: client.secrets.redact(secrets.redact(message)) };
	}
}
