import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { allowUnencryptedHttpField } from '../nodes/shared/credentialFields';

/**
 * One credential for every OneRoster provider. Authentication is chosen apart from the version because vendors
 * mix them (Aeries serves 1.1 behind OAuth 2). The node's own transport (undici) fetches and caches the token
 * through nodes/shared/oauth2.ts; the Test button (`oneRosterApiTest`) fetches a token, reads one record and says
 * which step failed.
 */
export class OneRosterApi implements ICredentialType {
	name = 'oneRosterApi';

	displayName = 'OneRoster API';

	icon: Icon = { light: 'file:../icons/oneroster.svg', dark: 'file:../icons/oneroster.dark.svg' };

	documentationUrl = 'https://www.1edtech.org/standards/oneroster';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://sis.example.org/campus/api',
			description:
				'The address up to (not including) /ims/oneroster. The node adds /ims/oneroster/rostering/v1p2 and the like.',
		},
		{
			displayName: 'OneRoster Version',
			name: 'version',
			type: 'options',
			default: '1.2',
			options: [
				{ name: '1.2', value: '1.2', description: 'Services under /ims/oneroster/rostering/v1p2, /gradebook/v1p2, /resources/v1p2' },
				{ name: '1.1', value: '1.1', description: 'Every service under /ims/oneroster/v1p1; usually OAuth 1.0a signed' },
			],
			description: 'The version the provider serves',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'oAuth2',
			options: [
				{ name: 'OAuth 2.0 Client Credentials', value: 'oAuth2' },
				{ name: 'Static Bearer Token', value: 'bearerToken' },
				{ name: 'OAuth 1.0a Signed Requests (OneRoster 1.1)', value: 'oAuth1' },
			],
		},
		// The key identifies the district's connection; masked as n8n's key rule asks, so this other rule is silenced.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Consumer Key',
			name: 'consumerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The key the provider issued for OneRoster 1.1 (ClassLink: per district)',
			displayOptions: { show: { authentication: ['oAuth1'] } },
		},
		{
			displayName: 'Consumer Secret',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['oAuth1'] } },
		},
		{
			displayName: 'Signature Method',
			name: 'signatureMethod',
			type: 'options',
			default: 'HMAC-SHA256',
			options: [
				{ name: 'HMAC-SHA256', value: 'HMAC-SHA256', description: 'What the OneRoster 1.1 specification asks for' },
				{ name: 'HMAC-SHA1', value: 'HMAC-SHA1', description: 'For servers that only check SHA-1 signatures (ClassLink\'s library)' },
			],
			displayOptions: { show: { authentication: ['oAuth1'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://sis.example.org/oauth2/token',
			description: 'Where client credentials are exchanged for an access token; the provider\'s OneRoster setup page shows it',
			displayOptions: { show: { authentication: ['oAuth2'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['oAuth2'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['oAuth2'] } },
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: '',
			placeholder: 'https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly',
			description:
				'Space-separated. Some providers require at least one (Aeries), most ignore them. Demographics need roster-demographics.readonly.',
			displayOptions: { show: { authentication: ['oAuth2'] } },
		},
		{
			displayName: 'Client Authentication',
			name: 'clientAuthentication',
			type: 'options',
			default: 'basic',
			options: [
				{ name: 'Basic Auth Header', value: 'basic' },
				{ name: 'In the Request Body', value: 'body' },
			],
			description: 'How the client ID and secret go to the token URL; providers differ',
			displayOptions: { show: { authentication: ['oAuth2'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'A token the provider issued for this connection (e.g. a ClassLink proxy token); sent as a Bearer token',
			displayOptions: { show: { authentication: ['bearerToken'] } },
		},
		// Values such as Infinite Campus' vendorKey:vendorSecret are secrets.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Extra Headers',
			name: 'extraHeaders',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: '{"x-vendor-authorization": "key:secret"}',
			description:
				'A JSON object of headers sent on every call, for providers that require one (Infinite Campus gradebook). Values are treated as secrets.',
		},
		{
			displayName: 'Vendor Supports User Writes',
			name: 'allowUserWrites',
			type: 'boolean',
			default: false,
			description:
				'Whether the provider lets clients create, update and delete users and read a user with demographics. These are vendor extensions, not part of the OneRoster standard.',
		},
		{
			displayName: 'Rostering URL Override',
			name: 'rosteringUrl',
			type: 'string',
			default: '',
			placeholder: 'https://roster.example.org/ims/oneroster/rostering/v1p2',
			description: 'Full base URL of the rostering service when the provider hosts it apart; empty = Base URL + standard path',
		},
		{
			displayName: 'Gradebook URL Override',
			name: 'gradebookUrl',
			type: 'string',
			default: '',
			description: 'Full base URL of the gradebook service when hosted apart; empty = Base URL + standard path',
		},
		{
			displayName: 'Resources URL Override',
			name: 'resourcesUrl',
			type: 'string',
			default: '',
			description: 'Full base URL of the resources service when hosted apart; empty = Base URL + standard path',
		},
		allowUnencryptedHttpField,
	];
}
