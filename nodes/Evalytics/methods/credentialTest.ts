import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { allowsUnencryptedHttp } from '../../shared/credentialFields';
import { SecretSet, TransportError } from '../../shared/errors';
import type * as Http from '../../shared/http';
import type * as Transport from '../transport';

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
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { normaliseBaseUrl } = require('../transport') as typeof Transport;
	const { httpRequest } = require('../../shared/http') as typeof Http;
	/* eslint-enable @typescript-eslint/no-require-imports */
	let baseUrl: string;
	try {
		const node = { name: 'Evalytics', type: 'n8n-nodes-edu.evalytics', typeVersion: 1, position: [0, 0] as [number, number], id: 'credential-test', parameters: {} };
		baseUrl = normaliseBaseUrl(node, data.baseUrl, allowsUnencryptedHttp(data));
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		return { status: 'Error', message: [message, description].filter(Boolean).join('. ') };
	}
	try {
		await httpRequest(
			{
				method: 'GET',
				url: `${baseUrl}/organisation`,
				query: { organisation, limit: 1 },
				headers: { 'api-key': apiKey, accept: 'application/json' },
				idempotent: true,
				retry: { maxAttempts: 2 },
			},
			{ secrets },
		);
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (!(error instanceof TransportError)) return { status: 'Error', message: secrets.redact(String(error)) };
		const message = (() => {
			switch (error.kind === 'http' ? error.status : error.kind) {
				case 401:
					return 'The API key was refused by Evalytics: check the key (created in the Evalytics portal)';
				case 403:
					return `The API key may not act on organisation "${organisation}": check the key's organisation restrictions`;
				case 404:
					return `Evalytics does not know organisation "${organisation}", or the Base URL is not the Evalytics API`;
				case 'network':
				case 'timeout':
					return `Could not reach ${baseUrl}: check the Base URL and the network (${error.message})`;
				default:
					return `Evalytics answered: ${error.platformMessage ?? error.message}`;
			}
		})();
		return { status: 'Error', message: secrets.redact(message) };
	}
}
