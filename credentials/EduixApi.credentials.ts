import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { allowUnencryptedHttpField } from '../nodes/shared/credentialFields';

const jwt = { show: { authentication: ['privateKeyJwt'] } };
const oauth = { show: { authentication: ['privateKeyJwt', 'clientSecret'] } };

/**
 * An Edu-V API source (the school's staff administration system) as its vendor hosts it: its own base URL with
 * the major version, its own token endpoint. Edu-V's OAuth profile asks for client credentials with a signed
 * JWT assertion (private_key_jwt); a client secret and a fixed bearer token cover vendors that differ. The
 * node's undici transport signs, caches and sends the token itself, so there is no `authenticate` here; the
 * Test button is the node's `eduixApiTest` (testedBy), which can tell a refused assertion, a missing scope and
 * a missing consent apart.
 */
export class EduixApi implements ICredentialType {
	name = 'eduixApi';

	displayName = 'Edu-iX API';

	icon: Icon = { light: 'file:../icons/eduix.svg', dark: 'file:../icons/eduix.dark.svg' };

	documentationUrl = 'https://edu-v.atlassian.net/wiki/spaces/AFSPRAKENS/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.vendor.example/eduv/v1',
			description:
				"The vendor's Edu-V API address including the major-version path (such as /v1), as the vendor of the staff administration system gives it. There is no central host.",
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'privateKeyJwt',
			options: [
				{
					name: 'Signed JWT (Private_key_jwt)',
					value: 'privateKeyJwt',
					description: 'Edu-V OAuth profile: client credentials with a client assertion signed by your private key',
				},
				{ name: 'Client Secret', value: 'clientSecret', description: 'Client credentials with a client ID and a secret the vendor issued' },
				{ name: 'Bearer Token', value: 'bearerToken', description: 'A fixed access token issued by the vendor' },
			],
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://auth.vendor.example/oauth2/token',
			description: "The vendor's OAuth 2.0 token endpoint, from the vendor's Edu-V onboarding documentation; every vendor runs its own",
			displayOptions: oauth,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description:
				'The client_id the vendor of the administration system registered for your application when you joined its Edu-V connection (ask the vendor; the school does not have it)',
			displayOptions: oauth,
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description:
				'PEM private key of your PKIoverheid certificate, the whole block from -----BEGIN to -----END (line breaks lost while pasting are restored). It signs the client assertion and never leaves n8n.',
			displayOptions: jwt,
		},
		{
			displayName: 'Private Key Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for an encrypted private key (-----BEGIN ENCRYPTED PRIVATE KEY-----)',
			displayOptions: jwt,
		},
		{
			displayName: 'Signing Algorithm',
			name: 'algorithm',
			type: 'options',
			default: 'RS256',
			options: [
				{ name: 'ES256 (EC P-256)', value: 'ES256' },
				{ name: 'PS256 (RSA-PSS)', value: 'PS256' },
				{ name: 'RS256 (RSA)', value: 'RS256' },
			],
			displayOptions: jwt,
		},
		{
			displayName: 'Key ID',
			name: 'kid',
			type: 'string',
			default: '',
			description:
				'Sent as "kid" in the assertion header: the key ID of your public key in the JWKS (jwks_uri) you registered with the vendor. Leave empty only if the vendor finds your key by the certificate chain.',
			displayOptions: jwt,
		},
		{
			displayName: 'Certificate Chain',
			name: 'certificateChain',
			type: 'string',
			// A password field (n8n's lint asks it of certificates) is one line in the editor: breaks are restored.
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'Optional: your PKIoverheid certificate and its intermediates as PEM, yours first. When set they are sent as "x5c" in the assertion header; only some vendors need it.',
			displayOptions: jwt,
		},
		{
			displayName: 'Assertion Audience',
			name: 'audience',
			type: 'string',
			default: '',
			description: 'The "aud" claim of the assertion. Leave empty to use the Token URL (RFC 7523); set it only when the vendor asks for another value.',
			displayOptions: jwt,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The secret the vendor issued with the Client ID',
			displayOptions: { show: { authentication: ['clientSecret'] } },
		},
		{
			displayName: 'Send Client Secret As',
			name: 'clientAuthMethod',
			type: 'options',
			default: 'basic',
			description: 'How the token request carries the secret; Basic Auth unless the vendor says otherwise',
			options: [
				{ name: 'Basic Auth Header', value: 'basic' },
				{ name: 'Form Body', value: 'body' },
			],
			displayOptions: { show: { authentication: ['clientSecret'] } },
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			default: ['eduv.employee.basic', 'eduv.employee.communication', 'eduv.employee.roles'],
			options: [
				{ name: 'Basic (Identifiers, Names, Status)', value: 'eduv.employee.basic' },
				{ name: 'Communication (E-Mail, Phone, Mobile)', value: 'eduv.employee.communication' },
				{ name: 'Roles (Organisation Roles)', value: 'eduv.employee.roles' },
			],
			description: 'Scopes requested with the token; the answer contains only the attributes of the scopes granted',
			displayOptions: oauth,
		},
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'A fixed access token the vendor issued; n8n cannot renew it, so ask for a new one when it expires',
			displayOptions: { show: { authentication: ['bearerToken'] } },
		},
		{
			displayName: 'TLS Client Certificate',
			name: 'tlsCertificate',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'Optional: only for vendors that also require mutual TLS. PEM certificate (chain) presented on every connection; line breaks lost while pasting are restored.',
		},
		{
			displayName: 'TLS Client Key',
			name: 'tlsPrivateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: 'Only with a TLS Client Certificate: its PEM private key (line breaks lost while pasting are restored)',
		},
		{
			displayName: 'API-Version Header',
			name: 'apiVersion',
			type: 'string',
			default: '',
			placeholder: '1.1.0',
			description: 'Leave empty: Edu-V puts the major version in the URL and no request header is needed. Set it only if the vendor asks for one.',
		},
		allowUnencryptedHttpField,
	];
}
