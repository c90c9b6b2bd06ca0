/**
 * OneRoster error bodies → platform code, message and a hint a school admin can act on. Shapes seen: 1.2
 * `imsx_StatusInfo` (codeMinor nested in `imsx_CodeMinor.imsx_codeMinorField[]`), 1.1 `statusInfoSet[0]`, flat
 * `imsx_codeMinor` (Ed-Fi), capitalised `CodeMinor`/`Description` with spaced values, and RFC 6749 token errors.
 */
import type { TransportError } from '../../shared/errors';

/** What each codeMinor means, keyed after lower-casing and dropping spaces and underscores. */
const CODE_MINOR_MEANINGS: Record<string, string> = {
	fullsuccess: 'The request succeeded',
	invalidfilterfield: 'The filter names a field this provider cannot filter on. Check the field names in Filter.',
	invalidselectionfield: 'Fields names a field this provider does not know. Check the field names in Fields.',
	invalidblankselectionfield: 'Fields contains an empty name. Remove the empty entry.',
	invalidsortfield: 'Sort names a field this provider cannot sort on.',
	invaliddata: 'The provider rejected the data sent. Check the fields named in the message.',
	unauthorisedrequest: 'The access token was refused. Check the client ID, secret and token URL in the credential.',
	unauthorizedrequest: 'The access token was refused. Check the client ID, secret and token URL in the credential.',
	forbidden: 'The credential may not read this. Check the scopes granted to the client (demographics need roster-demographics).',
	serverbusy: 'The provider is busy. Try again later or run fewer requests at once.',
	unknownobject: 'The provider does not know this sourcedId. Check the ID and that the record exists.',
	internalservererror: 'The provider had an internal error. Try again later; if it persists, contact the provider.',
	deletefailure: 'The provider could not delete the record.',
	unsupported: 'The provider does not support this request.',
};

export function normaliseCodeMinor(value: string): string {
	return value.toLowerCase().replace(/[\s_]/g, '');
}

export function codeMinorMeaning(value: string | undefined): string | undefined {
	return value ? CODE_MINOR_MEANINGS[normaliseCodeMinor(value)] : undefined;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The status object of any known shape, or undefined. */
function statusInfo(body: unknown): Json | undefined {
	if (!isObject(body)) return undefined;
	if (Array.isArray(body.statusInfoSet) && isObject(body.statusInfoSet[0])) return body.statusInfoSet[0];
	if (isObject(body.imsx_StatusInfo)) return body.imsx_StatusInfo;
	return body;
}

function codeMinorOf(info: Json): string | undefined {
	const nested = info.imsx_CodeMinor ?? info.imsx_codeMinor ?? info.CodeMinor ?? info.codeMinor;
	if (isObject(nested) && Array.isArray(nested.imsx_codeMinorField)) {
		const field = nested.imsx_codeMinorField.find(isObject);
		return field ? text(field.imsx_codeMinorFieldValue) : undefined;
	}
	return text(nested);
}

export interface OneRosterStatus {
	codeMajor?: string;
	codeMinor?: string;
	description?: string;
}

export function readStatus(body: unknown): OneRosterStatus | undefined {
	const info = statusInfo(body);
	if (!info) return undefined;
	const status: OneRosterStatus = {
		codeMajor: text(info.imsx_codeMajor ?? info.CodeMajor),
		codeMinor: codeMinorOf(info),
		description: text(info.imsx_description ?? info.Description ?? info.description ?? info.error_description ?? info.message),
	};
	if (!status.codeMinor && text(info.error)) status.codeMinor = text(info.error);
	return status.codeMajor || status.codeMinor || status.description ? status : undefined;
}

/** Fills platformCode/platformMessage from a OneRoster error body (http.ts' mapError hook). */
export function mapOneRosterError(error: TransportError): TransportError {
	const status = readStatus(error.body);
	if (status?.codeMinor) error.platformCode = status.codeMinor;
	if (status?.description) error.platformMessage = status.description;
	else if (status?.codeMinor) error.platformMessage = status.codeMinor;
	return error;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The provider refused the query. Check Filter, Fields and Sort.',
	401: 'The provider refused the credential even after a fresh token. Check the client ID, secret, token URL and scopes.',
	403: 'The credential may not read this. Check the scopes granted to the client (demographics need roster-demographics).',
	404: 'The provider does not know this sourcedId, or does not offer this endpoint.',
	405: 'The provider does not offer this operation.',
	422: 'The provider could not process the data sent. Check the fields named in the message.',
};

/** The description for a failed call: the codeMinor's meaning first, then the status hint. */
export function describeFailure(error: TransportError, options: { write: boolean }): string | undefined {
	if (error.kind !== 'http' || error.status === undefined) return undefined;
	const meaning = codeMinorMeaning(error.platformCode);
	// 405 on a vendor extension: the provider lacks it. 404 too, unless it says the record is unknown.
	const writeHint =
		options.write && (error.status === 405 || (error.status === 404 && normaliseCodeMinor(error.platformCode ?? '') !== 'unknownobject'))
			? 'This provider may not support user writes; switch off "Vendor Supports User Writes" in the credential if so.'
			: undefined;
	const hint = writeHint ?? meaning ?? STATUS_HINTS[error.status];
	if (!hint) return undefined;
	return error.platformCode ? `${hint} (OneRoster codeMinor ${error.platformCode})` : hint;
}
