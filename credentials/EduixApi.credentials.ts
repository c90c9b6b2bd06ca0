import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

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
				{ name: 'Client Secret', value: 'clientSecret', description: 'Client credentials with a client ID and secret' },
				{ name: 'Bearer Token', value: 'bearerToken', description: 'A fixed access token issued by the vendor' },
			],
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://auth.vendor.example/oauth2/token',
			description: "The vendor's OAuth 2.0 token endpoint; every vendor runs its own",
			displayOptions: oauth,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'The client_id the vendor registered for this application',
			displayOptions: oauth,
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: 'PEM private key of your (PKIoverheid) certificate; it signs the client assertion and never leaves n8n',
			displayOptions: jwt,
		},
		{
			displayName: 'Private Key Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for an encrypted private key',
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
			description: 'Sent as "kid" in the assertion header: the key ID of your public key in the JWKS you published',
			displayOptions: jwt,
		},
		{
			displayName: 'Certificate Chain',
			name: 'certificateChain',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'Optional PEM certificates, yours first; when set they are sent as "x5c" in the assertion header',
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
			displayOptions: { show: { authentication: ['clientSecret'] } },
		},
		{
			displayName: 'Send Client Secret As',
			name: 'clientAuthMethod',
			type: 'options',
			default: 'basic',
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
			displayOptions: { show: { authentication: ['bearerToken'] } },
		},
		{
			displayName: 'TLS Client Certificate',
			name: 'tlsCertificate',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'Optional: only for vendors that also require mutual TLS. PEM certificate (chain) presented on every connection.',
		},
		{
			displayName: 'TLS Client Key',
			name: 'tlsPrivateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: 'PEM private key of the TLS client certificate',
		},
		{
			displayName: 'API-Version Header',
			name: 'apiVersion',
			type: 'string',
			default: '',
			placeholder: '1.1.0',
			description: 'Leave empty: Edu-V puts the major version in the URL and no request header is needed. Set it only if the vendor asks for one.',
		},
	];
}
