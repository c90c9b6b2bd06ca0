import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INode,
	INodeCredentialTestResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SecretSet } from '../../shared/errors';
import type { SmartschoolClient } from '../transport';
import { loadTransport } from '../transport/lazy';

const TEST_NODE: INode = {
	id: 'credential-test',
	name: 'Smartschool',
	type: 'n8n-nodes-edu.smartschool',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * The Test button: one getReferenceField call — cheap, it checks the access code, and the node needs it anyway
 * (Identify By, Create) — with one message per failure a school admin can act on: a refused access code (code 8),
 * an address that is not a Smartschool platform, and a host that cannot be reached.
 */
export async function smartschoolApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const secrets = new SecretSet().add(typeof data.accessCode === 'string' ? data.accessCode : undefined);
	const transport = loadTransport();
	let client: SmartschoolClient;
	try {
		client = new transport.SmartschoolClient(TEST_NODE, transport.readCredentials(TEST_NODE, data));
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		return { status: 'Error', message: secrets.redact([message, description].filter(Boolean).join('. ')) };
	}
	const platform = client.credentials.platformUrl;
	try {
		const uniqueField = await client.uniqueField();
		return {
			status: 'OK',
			message: `Connection successful: the access code works, and the platform identifies users by ${uniqueField === 'number' ? 'internal number' : 'username'} (Uniek veld)`,
		};
	} catch (error) {
		return { status: 'Error', message: client.secrets.redact(secrets.redact(explain(error, platform))) };
	}
}

function explain(error: unknown, platform: string): string {
	if (!(error instanceof NodeApiError)) return `The test failed: ${error instanceof Error ? error.message : String(error)}`;
	const response = (error.errorResponse ?? {}) as JsonObject;
	if (typeof response.code === 'number') {
		if (response.code === 8) {
			return 'Smartschool refused the access code (code 8: wrong web-services password). Copy it again from Algemene configuratie > Webservices; a profile access code must also allow the method getReferenceField.';
		}
		return `${error.message}. ${error.description ?? ''}`.trim();
	}
	switch (response.kind) {
		case 'network':
		case 'timeout':
			return `Could not reach ${platform}: ${error.message}. Check the Platform URL and that this n8n server can reach it.`;
		case 'decode':
			return `${platform} did not answer like a Smartschool platform (the answer is not a SOAP message). Check the Platform URL: the platform's own address, e.g. https://myschool.smartschool.be.`;
		case 'http':
			if (typeof response.code === 'string') {
				return `Smartschool answered with a SOAP Fault: ${error.message}. Check that web services are enabled in Algemene configuratie > Webservices.`;
			}
			return `${platform} is not a Smartschool platform, or its web services are off (HTTP ${String(response.status ?? '?')}). Check the Platform URL, e.g. https://myschool.smartschool.be.`;
		default:
			return `${error.message}. ${error.description ?? ''}`.trim();
	}
}
