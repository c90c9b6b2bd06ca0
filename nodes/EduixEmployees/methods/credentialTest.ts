import type { ICredentialsDecrypted, ICredentialTestFunctions, INode, INodeCredentialTestResult } from 'n8n-workflow';
import { NodeError } from 'n8n-workflow';

import { SecretSet } from '../../shared/errors';
import type * as Transport from '../transport';
import type { EduixClient } from '../transport';

const TEST_NODE: INode = {
	name: 'Edu-iX Employees',
	type: 'n8n-nodes-edu.eduixEmployees',
	typeVersion: 1,
	position: [0, 0],
	id: 'credential-test',
	parameters: {},
};

/**
 * The Test button, in two steps named in every message: (1) fetch a token from the Token URL (signing the
 * assertion), (2) GET /employees/school without a school. The Employees API has no call that needs no school
 * (the reference lists two endpoints, both per school), so step 2 can only prove that the source accepted the
 * token: an Edu-V 400 or 404 for the missing school is that proof, and the message says so. A 401 (with 0021
 * or without a body), a 403 (consent, authorisation), 0012 (version) or an unreachable host is a failure.
 */
export async function eduixApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secrets = new SecretSet();
	// The transport, OAuth and the HTTP layer (undici) load on the first test, not when n8n starts.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { EduixClient: Client, readCredentials } = require('../transport') as typeof Transport;
	let client: EduixClient;
	try {
		client = new Client(TEST_NODE, readCredentials(TEST_NODE, credential.data ?? {}, secrets), secrets);
	} catch (error) {
		return { status: 'Error', message: secrets.redact(explain(error)) };
	}
	const oauth = client.credentials.oauth !== undefined;
	const callStep = oauth ? 'Step 2 of 2, call to the Base URL with the token' : 'Call to the Base URL with the Bearer Token';
	if (oauth) {
		try {
			await client.fetchToken();
		} catch (error) {
			return { status: 'Error', message: secrets.redact(`Step 1 of 2, token from the Token URL: ${explain(error)}`) };
		}
	}
	try {
		await client.request({ method: 'GET', path: ['employees', 'school'] });
	} catch (error) {
		const failure = client.lastFailure;
		const schoolMissing = failure?.kind === 'http' && (failure.status === 400 || failure.status === 404) && failure.platformCode !== '0012';
		if (!schoolMissing) return { status: 'Error', message: secrets.redact(`${callStep}: ${explain(error)}`) };
		const code = failure.platformCode ? ` Edu-V ${failure.platformCode}` : '';
		return success(client, oauth, `it answered HTTP ${failure.status}${code} to the call without a school, as expected`);
	}
	return success(client, oauth, 'it answered the call without a school');
}

function success(client: EduixClient, oauth: boolean, answer: string): INodeCredentialTestResult {
	const version = client.apiVersion ? `, API-Version ${client.apiVersion}` : '';
	const token = oauth ? 'token fetched and accepted' : 'Bearer Token accepted';
	return {
		status: 'OK',
		message: `Connection successful: ${token} by the Employees API (${answer}${version}). Consent is given per school: the node shows Edu-V 0022 if a school has not activated it.`,
	};
}

function explain(error: unknown): string {
	if (error instanceof NodeError) return [error.message, error.description].filter(Boolean).join('. ');
	return error instanceof Error ? error.message : String(error);
}
