/**
 * Evalytics error bodies: `{ userMessage, errorCode }`, where errorCode is a UUID naming the kind of error
 * (reference §3), plus `context` and `status` as in the documented 400 example. The UUIDs are made up and fixed.
 */
import { jsonResponse, type SimResponse } from '../common/server';

export const ERROR_CODES = {
	unauthorized: 'c053f5e3-2f43-4373-aeae-d4a89ff361e8',
	forbidden: '1d4322f4-0de5-42ac-af72-b2f966d17fb2',
	organisationRequired: '7ad7b6be-dbd9-40a2-b905-5718a44a0793',
	organisationNotFound: 'd3d46fa4-4bad-43a6-b287-89cdf2711252',
	userNotFound: '1b99dde0-200c-4d03-a9f2-37b9f85a4305',
	routeNotFound: 'afe62a6f-c51d-467e-a898-d00899175a30',
	methodNotAllowed: '12383b30-34a7-479c-89ca-0dd70e2f6d78',
	invalidQuery: 'e14bd168-597d-4f41-8d4c-68ba0a0e0086',
	invalidBody: 'e35cd03d-c713-4a69-a74e-ae2c8c31322b',
	validation: '39f4d887-2fa2-4109-afef-02a3b01cb593',
	duplicateEmail: '8f31fc7a-8b12-4de6-8b08-7aa9c5fcc8c2',
	emailImmutable: '32a1cdeb-4552-41f5-a536-bdded84d5ec6',
	propagatedRole: '1dbaf32d-102a-4c08-8907-036395379c88',
	injected: 'df34f168-cea8-46ab-aa2a-2967f7fe263a',
} as const;

export type ErrorKind = keyof typeof ERROR_CODES;

export interface EvalyticsErrorBody {
	userMessage: string;
	errorCode: string;
	context?: unknown[];
	status?: number;
}

/** Input errors (400, 409, 422) carry `status` and optionally `context`, like the documented example. */
export function errorBody(status: number, kind: ErrorKind, userMessage: string, context?: unknown[]): EvalyticsErrorBody {
	const body: EvalyticsErrorBody = { userMessage, errorCode: ERROR_CODES[kind] };
	if (context) body.context = context;
	if (status === 400 || status === 409 || status === 422) body.status = status;
	return body;
}

export function errorResponse(
	status: number,
	kind: ErrorKind,
	userMessage: string,
	options: { context?: unknown[]; headers?: Record<string, string> } = {},
): SimResponse {
	return jsonResponse(status, errorBody(status, kind, userMessage, options.context), options.headers);
}

const FAULT_MESSAGES: Record<number, string> = {
	429: 'Too many requests, try again later',
	500: 'An unexpected error occurred',
	502: 'Bad gateway',
	503: 'The service is temporarily unavailable',
	504: 'Gateway timeout',
};

/** Body of an injected status fault, in the platform's error shape. */
export function faultErrorBody(status: number): EvalyticsErrorBody {
	return { userMessage: FAULT_MESSAGES[status] ?? `HTTP ${status}`, errorCode: ERROR_CODES.injected };
}

/** Thrown inside a route to answer with an Evalytics error. */
export class EvalyticsHttpError extends Error {
	constructor(
		readonly status: number,
		readonly kind: ErrorKind,
		message: string,
		readonly context?: unknown[],
		readonly headers?: Record<string, string>,
	) {
		super(message);
	}

	toResponse(): SimResponse {
		return errorResponse(this.status, this.kind, this.message, { context: this.context, headers: this.headers });
	}
}
