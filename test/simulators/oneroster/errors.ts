/** The standard's error body (imsx_StatusInfoDType) for a status and codeMinor. */
import { jsonResponse, type SimResponse } from '../common/server';

const CODE_MINOR_FOR_STATUS: Record<number, string> = {
	400: 'invalid_filter_field',
	401: 'unauthorisedrequest',
	403: 'forbidden',
	404: 'unknownobject',
	405: 'unsupported',
	422: 'invaliddata',
	429: 'server_busy',
	500: 'internal_server_error',
};

export function statusInfo(status: number, codeMinor?: string, description?: string) {
	return {
		imsx_codeMajor: 'failure',
		imsx_severity: 'error',
		imsx_description: description ?? `HTTP ${status}`,
		imsx_CodeMinor: {
			imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor ?? CODE_MINOR_FOR_STATUS[status] ?? 'internal_server_error' }],
		},
	};
}

export function errorResponse(status: number, codeMinor?: string, description?: string): SimResponse {
	return jsonResponse(status, statusInfo(status, codeMinor, description));
}

/** Fault bodies take the standard shape too. */
export const faultErrorBody = (status: number) => statusInfo(status);
