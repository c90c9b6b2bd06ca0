/**
 * The vendor's Edu-V Employees API v1 (`/v1/employees/school`, `/v1/employees`) and its token endpoint
 * (`/oauth2/token`). Every API answer carries `API-Version`; errors are `{ status, statusMessage }` with the
 * status as a padded string or a number (reading `statusFormat`).
 */
import { emptyResponse, jsonResponse, type SimHandler, type SimRequest, type SimResponse } from '../common/server';
import type { EduixState, SchoolMatch } from './state';
import { handleToken } from './token';
import { SCOPES, type Employee, type IssuedToken, type StoredEmployee } from './types';

export const API_BASE = '/v1';
export const TOKEN_PATH = '/oauth2/token';
const ORG_ID_TYPES = ['OIE_CODE', 'BP_ID', 'DD_ID', 'AS_ID', 'V_ID'];
const USER_ID_TYPES = ['NEPPI', 'BPI', 'eduID', 'NEPRI', 'ASI', 'eckId'];

export const STATUS_MESSAGES: Record<string, string> = {
	'0011': 'Schema incorrect',
	'0012': 'schemaVersion not supported',
	'0021': 'scope required',
	'0022': 'consent required',
	'0023': 'edu_org_id unknown',
	'2001': 'School unknown',
	'2008': 'SchoolPeriod unknown',
	'0099': 'Other',
};

/** An Edu-V error; thrown inside a route. */
export class EduvError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: string,
		message = STATUS_MESSAGES[code] ?? 'Other',
	) {
		super(message);
	}
}

/** The body of an Edu-V error in the current reading. */
export function eduvBody(state: EduixState, code: string, message: string): { status: string | number; statusMessage: string } {
	return { status: state.readings.statusFormat === 'number' ? Number(code) : code, statusMessage: message };
}

function bearer(state: EduixState, request: SimRequest): IssuedToken | undefined {
	const match = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
	const token = match ? state.tokens.get(match[1]) : undefined;
	return token && token.expiresAt > Date.now() ? token : undefined;
}

function single(request: SimRequest, name: string): string | undefined {
	const values = request.query[name];
	if (values && values.length > 1) throw new EduvError(400, '0011', `${name} given more than once`);
	return values?.[0];
}

/** Only the attributes the token's scopes allow (basic always, communication and roles on request). */
function view(employee: Employee, scopes: string[]): Employee {
	const result: Employee = { ...employee };
	if (!scopes.includes('eduv.employee.communication')) {
		delete result.email;
		delete result.phone;
		delete result.mobile;
	}
	if (!scopes.includes('eduv.employee.roles')) delete result.organisationRoles;
	return result;
}

function checkAccess(state: EduixState, token: IssuedToken, match: SchoolMatch | undefined): SchoolMatch {
	if (!match) throw new EduvError(400, state.readings.unknownSchoolCode);
	if (!state.hasConsent(token.clientId, match.school.masterId)) throw new EduvError(403, '0022');
	return match;
}

function listSchool(state: EduixState, request: SimRequest, token: IssuedToken): SimResponse {
	const orgMasterId = single(request, 'orgMasterId');
	const orgId = single(request, 'orgId');
	const orgIdType = single(request, 'orgIdType');
	const filter = single(request, 'filterByOrgId');
	const period = single(request, 'schoolPeriodId');
	const bySecondary = orgId !== undefined || orgIdType !== undefined;
	if (orgMasterId === undefined && !bySecondary && state.readings.noSchool === 'unknownSchool') throw new EduvError(400, state.readings.unknownSchoolCode);
	if ((orgMasterId === undefined) === !bySecondary) throw new EduvError(400, '0011', 'give orgMasterId, or orgId with orgIdType');
	if (bySecondary && (!orgId || !orgIdType || !ORG_ID_TYPES.includes(orgIdType))) throw new EduvError(400, '0011', 'orgId needs a valid orgIdType');
	if (filter !== undefined && filter !== 'true' && filter !== 'false') throw new EduvError(400, '0011', 'filterByOrgId must be true or false');
	if (orgMasterId !== undefined && filter === 'true') throw new EduvError(400, '0011', 'filterByOrgId must be absent or false with orgMasterId');
	const match = checkAccess(state, token, state.findSchool({ orgMasterId, orgId, orgIdType }));
	if (period !== undefined && !match.school.periods.includes(period)) throw new EduvError(400, '2008');
	// Sector default when omitted: PO filters to the identifier, VO returns the whole Onderwijsaanbieder.
	const filtered = bySecondary && (filter === undefined ? match.school.sector === 'PO' : filter === 'true');
	const employees = state
		.employeesOf(match.school.masterId)
		.filter((stored: StoredEmployee) => !filtered || match.locations.includes(stored.location))
		.filter((stored) => period === undefined || stored.periods.includes(period))
		.map((stored) => view(stored.employee, token.scopes));
	return jsonResponse(200, employees);
}

function lookup(state: EduixState, request: SimRequest, token: IssuedToken): SimResponse {
	const body = request.body as Record<string, unknown> | undefined;
	if (!body || typeof body !== 'object') throw new EduvError(400, '0011', 'JSON body required');
	const school = body.school as { organisationMasterIdentifier?: string; organisationIds?: Array<{ organisationId?: string; organisationIdType?: string }> } | undefined;
	const person = (state.readings.personField === 'employee' ? body.employee : body) as { userMasterIdentifier?: string; userIds?: Array<{ userId?: string; userIdType?: string }> } | undefined;
	if (!school || typeof school !== 'object') throw new EduvError(400, '0011', 'school is required');
	if (!person || typeof person !== 'object' || (!person.userMasterIdentifier && !Array.isArray(person.userIds))) {
		throw new EduvError(400, '0011', state.readings.personField === 'employee' ? 'missing required body field \'employee\'' : 'userMasterIdentifier or userIds is required');
	}
	const secondary = school.organisationIds?.[0];
	if (!school.organisationMasterIdentifier && (!secondary?.organisationId || !ORG_ID_TYPES.includes(String(secondary.organisationIdType)))) {
		throw new EduvError(400, '0011', 'school needs organisationMasterIdentifier or organisationIds');
	}
	const match = checkAccess(
		state,
		token,
		school.organisationMasterIdentifier
			? state.findSchool({ orgMasterId: school.organisationMasterIdentifier })
			: state.findSchool({ orgId: secondary?.organisationId, orgIdType: secondary?.organisationIdType }),
	);
	const wanted = person.userIds ?? [];
	if (wanted.some((id) => !id?.userId || !USER_ID_TYPES.includes(String(id.userIdType)))) throw new EduvError(400, '0011', 'userIds need userId and a valid userIdType');
	const found = state.employeesOf(match.school.masterId).find(({ employee }) =>
		person.userMasterIdentifier
			? employee.userMasterIdentifier === person.userMasterIdentifier
			: wanted.some((id) => employee.userIds.some((own) => own.userId === id.userId && own.userIdType === id.userIdType)),
	);
	if (!found && state.readings.notFound === 'empty') return emptyResponse(404);
	if (!found) throw new EduvError(404, '0099', 'Employee not found');
	return jsonResponse(200, view(found.employee, token.scopes));
}

function api(state: EduixState, request: SimRequest): SimResponse {
	const token = bearer(state, request);
	// What a gateway does with a missing or expired token: no Edu-V body.
	if (!token) return emptyResponse(401, { 'www-authenticate': 'Bearer error="invalid_token"' });
	if (!token.scopes.includes(SCOPES[0])) throw new EduvError(401, '0021');
	const requested = request.headers['api-version'];
	if (typeof requested === 'string' && requested.split('.')[0] !== state.readings.apiVersion.split('.')[0]) throw new EduvError(400, '0012');
	const path = request.path.slice(API_BASE.length);
	if (request.method === 'GET' && path === '/employees/school') return listSchool(state, request, token);
	if (request.method === 'POST' && path === '/employees') return lookup(state, request, token);
	return jsonResponse(404, eduvBody(state, '0099', `No route ${request.method} ${request.path}`));
}

export function createEduixHandler(state: EduixState, urls: () => { tokenUrl: string; issuer: string }): SimHandler {
	return (request) => {
		if (request.path === TOKEN_PATH && request.method === 'POST') return handleToken(state, request, urls());
		if (!request.path.startsWith(`${API_BASE}/`)) return jsonResponse(404, { error: 'not found' });
		let response: SimResponse;
		try {
			response = api(state, request);
		} catch (error) {
			if (!(error instanceof EduvError)) throw error;
			response = jsonResponse(error.httpStatus, eduvBody(state, error.code, error.message));
		}
		return { ...response, headers: { ...response.headers, 'api-version': state.readings.apiVersion } };
	};
}
