import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Evalytics authenticates every call with an `api-key` header and scopes it with a mandatory
 * `organisation` query parameter. The node's own transport (undici) adds both; `test` below is what
 * n8n runs for the credential's Test button.
 */
export class EvalyticsApi implements ICredentialType {
	name = 'evalyticsApi';

	displayName = 'Evalytics API';

	icon: Icon = { light: 'file:../icons/evalytics.svg', dark: 'file:../icons/evalytics.dark.svg' };

	documentationUrl = 'https://doc.evalytics.nl/algemeen/authenticatie';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in the Evalytics portal by a functioneel beheerder. Each key has its own rights and organisation restrictions.',
		},
		{
			displayName: 'Default Organisation',
			name: 'organisation',
			type: 'string',
			default: '',
			required: true,
			placeholder: '100',
			description:
				'Internal ID or external ID of the organisation (instelling, faculteit or opleiding) calls act on. Nodes can override it per call.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api-portal.evalytics.nl',
			description: 'Only change this for a test environment of Evalytics',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/organisation',
			headers: { 'api-key': '={{$credentials.apiKey}}' },
			qs: { organisation: '={{$credentials.organisation}}', limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The API key was refused: check it in the Evalytics portal' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The API key may not act on this organisation: check the key\'s organisation restrictions',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'Evalytics does not know this organisation ID' },
			},
		],
	};
}
