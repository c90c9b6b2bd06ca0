/** Credential fields every platform's credential shares; types only, so n8n's start-up loads nothing more. */
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

export const ALLOW_UNENCRYPTED_HTTP = 'allowUnencryptedHttp';

/** Off by default: saved credentials keep the https rule, and a plain-http one gets an error saying how to fix it. */
export const allowUnencryptedHttpField: INodeProperties = {
	displayName: 'Allow Unencrypted HTTP',
	name: ALLOW_UNENCRYPTED_HTTP,
	type: 'boolean',
	default: false,
	description:
		'Whether addresses may start with http:// instead of https://. Secrets then travel unencrypted, so switch it on only when n8n reaches the platform over a private network you trust (for example a Docker network). Addresses on this machine (localhost, 127.0.0.1) never need it.',
};

/** The switch as saved; credentials saved before it existed read as off. */
export function allowsUnencryptedHttp(data: ICredentialDataDecryptedObject): boolean {
	return data[ALLOW_UNENCRYPTED_HTTP] === true;
}
