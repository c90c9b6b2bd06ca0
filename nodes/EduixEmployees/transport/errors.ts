/**
 * Edu-V error bodies `{ status, statusMessage }` and what a school admin should do about each code. `status`
 * is an integer in the OpenAPI but four digits with leading zeros in the Edu-V catalogue ("Status- en
 * foutcodes"), so both `22` and `"0022"` arrive; they are shown as "0022".
 */
import type { TransportError } from '../../shared/errors';

interface EduvErrorBody {
	status?: unknown;
	statusMessage?: unknown;
}

export interface EduvCode {
	meaning: string;
	action: string;
}

export const EDUV_CODES: Record<string, EduvCode> = {
	'0011': { meaning: 'Schema incorrect', action: 'The request did not match the API schema. Check the school identifier fields and the values sent.' },
	'0012': {
		meaning: 'Version not supported',
		action: "The source does not support this API version. Check the major version in the credential's Base URL and the API-Version Header (leave it empty unless the vendor asks for it).",
	},
	'0021': {
		meaning: 'Scope required',
		action: 'The token lacks a scope this data needs. Check the Scopes in the credential and that the vendor granted them to this client (eduv.employee.basic, .communication, .roles).',
	},
	'0022': {
		meaning: 'Consent required',
		action: "The school has not activated (given consent for) the Employees data service for this application. Ask the school to activate it in its consent management (the Edu-V consent / 'toestemming' screen of its administration system); nothing is wrong with the credential.",
	},
	'0023': {
		meaning: 'School unknown',
		action: 'The school identifier is unknown at this source. Check orgMasterId (the RIO OnderwijsaanbiederId) or orgId with its orgIdType, and that this vendor serves that school.',
	},
	'2001': {
		meaning: 'School unknown',
		action: 'The school identifier is unknown at this source. Check orgMasterId (the RIO OnderwijsaanbiederId) or orgId with its orgIdType, and that this vendor serves that school.',
	},
	'2008': {
		meaning: 'School period unknown',
		action: 'The schoolPeriodId is unknown at this source. Use an ID from the Association API (/schoolperiods/school) or leave School Period ID empty.',
	},
	'0099': { meaning: 'Other error', action: 'The source gave the reason in its message.' },
};

/** "0022" for 22, "22" or "0022"; anything else as it came (trimmed), so an unknown code still shows. */
export function normaliseStatus(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value).padStart(4, '0');
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	return /^\d{1,4}$/.test(trimmed) ? trimmed.padStart(4, '0') : trimmed;
}

/** The shared transport's hook: the Edu-V body into platformCode / platformMessage. */
export function mapEduvError(error: TransportError): TransportError {
	const body = error.body as EduvErrorBody | undefined;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const code = normaliseStatus(body.status);
		if (code) error.platformCode = code;
		if (typeof body.statusMessage === 'string' && body.statusMessage.trim()) error.platformMessage = body.statusMessage.trim();
	}
	return error;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The source rejected the request. Check the school identifier and the other parameters.',
	401: "The access token was refused. Check Client ID, key or secret, Token URL and Scopes in the credential; the vendor must have registered this client (and its JWKS).",
	403: 'The source refused access for this school. Check consent and the authorisations the vendor configured for this client.',
	404: 'The source does not know this employee at this school. Check the identifiers and their types.',
};

/** `0022 Consent required — <statusMessage>` style text for messages. */
export function codeLabel(error: TransportError): string | undefined {
	if (!error.platformCode) return undefined;
	const known = EDUV_CODES[error.platformCode];
	const plain = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
	const repeatsMeaning = known !== undefined && error.platformMessage !== undefined && plain(error.platformMessage) === plain(known.meaning);
	const said = error.platformMessage && !repeatsMeaning ? ` (${error.platformMessage})` : '';
	return known ? `Edu-V ${error.platformCode} ${known.meaning}${said}` : `Edu-V status ${error.platformCode}${said}`;
}

/** The message and description of a refused Edu-V call; empty to keep the shared texts (429, 5xx, network). */
export function describeEduvFailure(error: TransportError, platform: string): { message?: string; description?: string } {
	if (error.kind !== 'http' || error.status === undefined || error.status === 429 || error.status >= 500) return {};
	const label = codeLabel(error);
	const known = error.platformCode ? EDUV_CODES[error.platformCode] : undefined;
	const message = label ? `${platform}: ${label} (HTTP ${error.status})` : `${platform} refused the request (HTTP ${error.status})`;
	let action = known?.action ?? STATUS_HINTS[error.status] ?? `Check the request against the Edu-V Employees API documentation.`;
	if (error.status === 401 && !error.platformCode) {
		action =
			`The source refused the access token without saying why${error.tokenRefusal?.reason === 'credential' ? ', on the first use of a token issued just now' : ''}. Check Client ID, key or secret, Token URL and Scopes in the credential, and that the vendor registered this client (and its public key or JWKS).`;
	}
	if (!label && error.bodySnippet) action += ` The source answered: ${error.bodySnippet}`;
	return { message, description: action };
}
