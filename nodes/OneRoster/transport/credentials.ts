/** The OneRoster credential read once per execution, checked, with service base URLs resolved. */
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { allowsUnencryptedHttp, checkCredentialUrl, credentialIdentity } from '../../shared/kit';
import type { OAuth1SignatureMethod } from '../../shared/oauth1';
import type { ClientAuthMethod } from '../../shared/oauth2';
import type { OneRosterService } from '../actions/endpoints';

export type OneRosterAuth =
	| { kind: 'oAuth2'; tokenUrl: string; clientId: string; clientSecret: string; scopes: string[]; clientAuth: ClientAuthMethod; credentialIdentity: string }
	| { kind: 'bearerToken'; accessToken: string }
	| { kind: 'oAuth1'; consumerKey: string; consumerSecret: string; signatureMethod: OAuth1SignatureMethod };

export type OneRosterVersion = '1.1' | '1.2';

export interface OneRosterCredentials {
	version: OneRosterVersion;
	auth: OneRosterAuth;
	/** Base URL per service, without a trailing slash. */
	services: Record<OneRosterService, string>;
	extraHeaders: Record<string, string>;
	allowUserWrites: boolean;
}

const SERVICE_PATHS: Record<OneRosterService, string> = {
	rostering: '/ims/oneroster/rostering/v1p2',
	gradebook: '/ims/oneroster/gradebook/v1p2',
	resources: '/ims/oneroster/resources/v1p2',
};

/** 1.1 serves every service under one root (§4 of the reference). */
const V1P1_PATH = '/ims/oneroster/v1p1';

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A base or service URL: the shared https rule, then without trailing slash (paths are appended to it). */
function checkUrl(node: INode, field: string, value: string, allowUnencryptedHttp: boolean): string {
	const url = checkCredentialUrl(node, value, { field, platform: 'OneRoster', allowUnencryptedHttp, example: 'https://sis.example.org' });
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The Token URL whole: a query string such as ?appName=district1 (Infinite Campus) is part of the address. */
function checkTokenUrl(node: INode, value: string, allowUnencryptedHttp: boolean): string {
	const url = checkCredentialUrl(node, value, { field: 'Token URL', platform: 'OneRoster', allowUnencryptedHttp, example: 'https://sis.example.org/oauth2/token' });
	url.hash = '';
	return url.href;
}

function fail(node: INode, message: string, description: string): never {
	throw new NodeOperationError(node, message, { description });
}

function readExtraHeaders(node: INode, raw: unknown): Record<string, string> {
	const source = str(raw);
	if (!source) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(source);
	} catch {
		// The text may hold a secret: never quote it.
		return fail(node, 'The credential\'s Extra Headers are not valid JSON', 'Write a JSON object, e.g. {"x-vendor-authorization": "key:secret"}');
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return fail(node, 'The credential\'s Extra Headers must be a JSON object', 'e.g. {"x-vendor-authorization": "key:secret"}');
	}
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
		if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
			fail(node, `The credential's Extra Headers contain an invalid header name "${name}"`, 'Header names are letters, digits and - only');
		}
		if (/^(authorization|host|content-length)$/i.test(name)) {
			fail(node, `The credential's Extra Headers may not set "${name}"`, 'The node sets it itself');
		}
		headers[name.toLowerCase()] = String(value);
	}
	return headers;
}

export function readCredentials(node: INode, data: ICredentialDataDecryptedObject): OneRosterCredentials {
	const baseUrl = str(data.baseUrl);
	const overrides: Record<OneRosterService, string> = {
		rostering: str(data.rosteringUrl),
		gradebook: str(data.gradebookUrl),
		resources: str(data.resourcesUrl),
	};
	if (!baseUrl && !overrides.rostering) {
		fail(node, 'The OneRoster credential has no Base URL', 'Enter the address up to /ims/oneroster, e.g. https://sis.example.org');
	}
	const allowHttp = allowsUnencryptedHttp(data);
	const root = baseUrl ? checkUrl(node, 'Base URL', baseUrl, allowHttp) : '';
	const version: OneRosterVersion = data.version === '1.1' ? '1.1' : '1.2';
	const services = {} as Record<OneRosterService, string>;
	for (const service of Object.keys(SERVICE_PATHS) as OneRosterService[]) {
		const override = overrides[service];
		const standard = version === '1.1' ? V1P1_PATH : SERVICE_PATHS[service];
		services[service] = override ? checkUrl(node, `${service} URL override`, override, allowHttp) : root ? `${root}${standard}` : '';
	}
	let auth: OneRosterAuth;
	if (data.authentication === 'bearerToken') {
		const accessToken = str(data.accessToken);
		if (!accessToken) fail(node, 'The OneRoster credential has no access token', 'Paste the token the provider issued, or choose OAuth 2.0');
		auth = { kind: 'bearerToken', accessToken };
	} else if (data.authentication === 'oAuth1') {
		const consumerKey = str(data.consumerKey);
		const consumerSecret = str(data.consumerSecret);
		if (!consumerKey || !consumerSecret) fail(node, 'The OneRoster credential needs a Consumer Key and Consumer Secret', 'Both come from the provider\'s OneRoster 1.1 setup (ClassLink: the district\'s key and secret)');
		auth = { kind: 'oAuth1', consumerKey, consumerSecret, signatureMethod: data.signatureMethod === 'HMAC-SHA1' ? 'HMAC-SHA1' : 'HMAC-SHA256' };
	} else {
		const tokenUrl = str(data.tokenUrl);
		const clientId = str(data.clientId);
		const clientSecret = str(data.clientSecret);
		if (!tokenUrl) fail(node, 'The OneRoster credential has no Token URL', 'Enter the provider\'s OAuth 2.0 token address');
		if (!clientId || !clientSecret) fail(node, 'The OneRoster credential needs a Client ID and Client Secret', 'Both come from the provider\'s OneRoster setup');
		auth = {
			kind: 'oAuth2',
			tokenUrl: checkTokenUrl(node, tokenUrl, allowHttp),
			clientId,
			clientSecret,
			scopes: str(data.scopes).split(/\s+/).filter(Boolean),
			clientAuth: data.clientAuthentication === 'body' ? 'body' : 'basic',
			credentialIdentity: credentialIdentity(data),
		};
	}
	return {
		version,
		auth,
		services,
		extraHeaders: readExtraHeaders(node, data.extraHeaders),
		allowUserWrites: data.allowUserWrites === true,
	};
}
