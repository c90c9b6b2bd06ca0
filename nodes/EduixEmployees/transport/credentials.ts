/**
 * The Edu-iX credential read once per execution: every field checked with a message that names it, the
 * OAuth 2.0 client-credentials config for the shared token cache, the TLS identity, and every secret
 * registered for redaction before anything can fail.
 */
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SecretSet } from '../../shared/errors';
import { allowsUnencryptedHttp, checkCredentialUrl, credentialIdentity } from '../../shared/kit';
import type { TlsIdentity } from '../../shared/http';
import { normalisePem } from '../../shared/pem';
import { clientAssertionClaims, signJwt, x5cFromPem, type ClientCredentialsConfig, type JwtAlgorithm } from '../../shared/oauth2';

export const EDUIX_CREDENTIAL = 'eduixApi';
export const EMPLOYEE_SCOPES = ['eduv.employee.basic', 'eduv.employee.communication', 'eduv.employee.roles'] as const;
const ALGORITHMS: readonly JwtAlgorithm[] = ['RS256', 'PS256', 'ES256'];

export type EduixAuthentication = 'privateKeyJwt' | 'clientSecret' | 'bearerToken';

export interface EduixCredentials {
	baseUrl: string;
	authentication: EduixAuthentication;
	/** For privateKeyJwt and clientSecret. */
	oauth?: ClientCredentialsConfig;
	bearerToken?: string;
	tls?: TlsIdentity;
	apiVersion?: string;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

/** Keys and certificates pasted into password fields lose their line breaks in the editor: restore them. */
function pem(value: unknown): string {
	const raw = text(value);
	return raw ? normalisePem(raw) : '';
}

function fail(node: INode, message: string, description: string): never {
	throw new NodeOperationError(node, message, { description });
}

/**
 * A base or token URL under the shared https rule, without trailing slash; `what` names the credential field. The
 * Base URL takes no query (paths are appended to it); a Token URL keeps its query string whole.
 */
export function normaliseUrl(node: INode, raw: unknown, what: string, example: string, allowUnencryptedHttp = false): string {
	const value = text(raw);
	if (!value) fail(node, `The Edu-iX credential has no ${what}`, `Enter the ${what}, for example ${example}`);
	const url = checkCredentialUrl(node, value, { field: what, platform: 'Edu-iX', allowUnencryptedHttp, example });
	if (url.hash || (url.search && what !== 'Token URL')) fail(node, `The credential's ${what} must not contain ${what === 'Token URL' ? '#' : '? or #'}`, `Got "${value}"`);
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** Edu-V puts the major version in the URI (Versiebeheer 1.0.0), so the base URL must end in it. */
function checkVersionPath(node: INode, baseUrl: string): void {
	if (!/\/v\d+$/i.test(new URL(baseUrl).pathname)) {
		fail(
			node,
			`The credential's Base URL must end with the API's major version, such as /v1`,
			`Got "${baseUrl}". Edu-V APIs carry their major version in the path; use the address the vendor gives, e.g. https://api.vendor.example/eduv/v1`,
		);
	}
}

function readScopes(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw.map(text) : text(raw).split(/[\s,]+/);
	return list.filter((scope) => scope !== '');
}

export function readCredentials(node: INode, data: ICredentialDataDecryptedObject, secrets: SecretSet): EduixCredentials {
	// Registered first: whatever fails below can never quote them.
	secrets.add(text(data.privateKey), text(data.passphrase), text(data.clientSecret), text(data.bearerToken), text(data.tlsPrivateKey));
	secrets.add(pem(data.privateKey), pem(data.tlsPrivateKey));
	const baseUrl = normaliseUrl(node, data.baseUrl, 'Base URL', 'https://api.vendor.example/eduv/v1', allowsUnencryptedHttp(data));
	checkVersionPath(node, baseUrl);
	const authentication = (text(data.authentication) || 'privateKeyJwt') as EduixAuthentication;
	const credentials: EduixCredentials = { baseUrl, authentication, tls: readTls(node, data), apiVersion: text(data.apiVersion) || undefined };
	switch (authentication) {
		case 'bearerToken': {
			const token = text(data.bearerToken);
			if (!token) fail(node, 'The Edu-iX credential has no Bearer Token', 'Paste the access token the vendor issued, or choose another authentication');
			credentials.bearerToken = token;
			return credentials;
		}
		case 'clientSecret':
		case 'privateKeyJwt':
			credentials.oauth = readOAuth(node, data, authentication, credentials.tls, secrets);
			return credentials;
		default:
			return fail(node, `The credential's Authentication "${String(authentication)}" is not supported`, 'Allowed: privateKeyJwt, clientSecret, bearerToken');
	}
}

function readTls(node: INode, data: ICredentialDataDecryptedObject): TlsIdentity | undefined {
	const cert = pem(data.tlsCertificate);
	const key = pem(data.tlsPrivateKey);
	if (!cert && !key) return undefined;
	if (!cert || !key) {
		fail(node, 'The TLS client certificate needs both the certificate and its key', 'Fill in TLS Client Certificate and TLS Client Key, or leave both empty');
	}
	return { cert, key };
}

function readOAuth(
	node: INode,
	data: ICredentialDataDecryptedObject,
	authentication: 'clientSecret' | 'privateKeyJwt',
	tls: TlsIdentity | undefined,
	secrets: SecretSet,
): ClientCredentialsConfig {
	const tokenUrl = normaliseUrl(node, data.tokenUrl, 'Token URL', 'https://auth.vendor.example/oauth2/token', allowsUnencryptedHttp(data));
	const clientId = text(data.clientId);
	if (!clientId) fail(node, 'The Edu-iX credential has no Client ID', 'Enter the client_id the vendor registered for this application');
	const scopes = readScopes(data.scopes);
	const base = { tokenUrl, clientId, scopes, tls, secrets, credentialIdentity: credentialIdentity(data) };
	if (authentication === 'clientSecret') {
		const clientSecret = text(data.clientSecret);
		if (!clientSecret) fail(node, 'The Edu-iX credential has no Client Secret', 'Enter the client secret, or choose Signed JWT');
		return { ...base, clientSecret, clientAuth: text(data.clientAuthMethod) === 'body' ? 'body' : 'basic' };
	}
	const privateKeyPem = pem(data.privateKey);
	if (!privateKeyPem) fail(node, 'The Edu-iX credential has no Private Key', 'Paste the PEM private key that belongs to the public key the vendor knows (JWKS)');
	const algorithm = (text(data.algorithm) || 'RS256') as JwtAlgorithm;
	if (!ALGORITHMS.includes(algorithm)) fail(node, `The credential's Signing Algorithm "${algorithm}" is not supported`, `Allowed: ${ALGORITHMS.join(', ')}`);
	const keyId = text(data.kid);
	const chain = pem(data.certificateChain);
	let x5c: string[] | undefined;
	if (chain) {
		try {
			x5c = x5cFromPem(chain);
		} catch (error) {
			fail(node, `The credential's Certificate Chain is not usable: ${(error as Error).message}`, 'Paste PEM certificates (-----BEGIN CERTIFICATE-----), your own first');
		}
	}
	// RFC 7523: the audience names the token endpoint; a query string the vendor needs is not part of its name.
	const audience = text(data.audience) || tokenUrl.replace(/\?.*$/, '');
	const passphrase = text(data.passphrase) || undefined;
	const header: Record<string, unknown> = {};
	if (keyId) header.kid = keyId;
	if (x5c) header.x5c = x5c;
	const createAssertion = () => {
		try {
			return signJwt({ privateKeyPem, passphrase, algorithm, header, claims: clientAssertionClaims({ clientId, audience }) });
		} catch (error) {
			// signJwt's messages never quote the key; they say which key type the algorithm needs.
			return fail(node, `The client assertion could not be signed: ${(error as Error).message}`, 'Check Private Key, its passphrase and the Signing Algorithm in the credential');
		}
	};
	return {
		...base,
		clientAuth: 'private_key_jwt',
		createAssertion,
		assertionKeyIdentity: JSON.stringify([privateKeyPem, algorithm, keyId, chain, audience]),
	};
}
