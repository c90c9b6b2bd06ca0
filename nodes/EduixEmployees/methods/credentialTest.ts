import type { ICredentialsDecrypted, ICredentialTestFunctions, INode, INodeCredentialTestResult } from 'n8n-workflow';
import { NodeApiError, NodeError } from 'n8n-workflow';

import { SecretSet } from '../../shared/errors';
import { EduixClient, readCredentials } from '../transport';

const TEST_NODE: INode = {
	name: 'Edu-iX Employees',
	type: 'n8n-nodes-edu.eduixEmployees',
	typeVersion: 1,
	position: [0, 0],
	id: 'credential-test',
	parameters: {},
};

/**
 * The Test button: fetches a token (signing the assertion) and asks GET /employees/school without a school.
 * That is the cheapest call the API has; an Edu-V 400 or 404 proves the source accepted the token, while a
 * 401 (explained even without a body) or a token endpoint refusal shows what to fix.
 */
export async function eduixApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secrets = new SecretSet();
	let client: EduixClient;
	try {
		client = new EduixClient(TEST_NODE, readCredentials(TEST_NODE, credential.data ?? {}, secrets), secrets);
	} catch (error) {
		return { status: 'Error', message: secrets.redact(explain(error)) };
	}
	try {
		await client.request({ method: 'GET', path: ['employees', 'school'] });
	} catch (error) {
		if (error instanceof NodeApiError && (error.httpCode === '400' || error.httpCode === '404')) return success(client);
		return { status: 'Error', message: secrets.redact(explain(error)) };
	}
	return success(client);
}

function success(client: EduixClient): INodeCredentialTestResult {
	const version = client.apiVersion ? ` (API-Version ${client.apiVersion})` : '';
	return { status: 'OK', message: `Connection successful: the source accepted the token${version}` };
}

function explain(error: unknown): string {
	if (error instanceof NodeError) return [error.message, error.description].filter(Boolean).join('. ');
	return error instanceof Error ? error.message : String(error);
}
