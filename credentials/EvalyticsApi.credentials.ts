import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { allowUnencryptedHttpField } from '../nodes/shared/credentialFields';

/**
 * Evalytics authenticates every call with an `api-key` header and scopes it with a mandatory
 * `organisation` query parameter. The node's own transport (undici) adds both. The Test button runs the
 * Evalytics node's `evalyticsApiTest` (testedBy): n8n would prefer a `test` request here, but that could only
 * say "failed", not which of key, organisation or host is wrong.
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
		allowUnencryptedHttpField,
	];
}
