/**
 * OneRoster 1.1 answers from the 1.2 data: errors wrapped in `statusInfoSet` ([MDL] reads element 0), and users with
 * one `role` and `orgs[]` instead of `roles[]`, without the fields 1.2 added (§4 of the reference).
 */
import { jsonResponse, type SimResponse } from '../common/server';
import { KNOWN_FIELDS, type Json } from './types';

/** 1.2 roles that 1.1 lacks are read as 1.1's `administrator`. */
const V1P1_ROLES = new Set(['administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher']);
const DROPPED = ['roles', 'primaryOrg', 'userMasterIdentifier', 'preferredFirstName', 'preferredMiddleName', 'preferredLastName', 'pronouns', 'userProfiles', 'resources'];

/** What a 1.1 user can be filtered, sorted and selected on. */
export const V1P1_USER_FIELDS: ReadonlySet<string> = new Set([...[...KNOWN_FIELDS.users].filter((name) => !DROPPED.includes(name)), 'role', 'orgs']);

/** A 1.2 user in the 1.1 shape; one already in that shape is returned as it is. */
export function userToV1p1(user: Json): Json {
	if (!Array.isArray(user.roles)) return user;
	const roles = user.roles as Json[];
	const primary = roles.find((role) => role.roleType === 'primary') ?? roles[0];
	const role = String(primary?.role ?? 'student');
	const out: Json = { ...user, role: V1P1_ROLES.has(role) ? role : 'administrator', orgs: roles.map((entry) => entry.org) };
	for (const name of DROPPED) delete out[name];
	return out;
}

function bodyText(body: SimResponse['body']): string {
	if (body === undefined) return '';
	if (Array.isArray(body)) return Buffer.concat(body).toString('utf8');
	return typeof body === 'string' ? body : body.toString('utf8');
}

export function toV1p1(response: SimResponse): SimResponse {
	const text = bodyText(response.body);
	if (!text) return response;
	const json = JSON.parse(text) as Json;
	if (response.status >= 400) {
		return { ...jsonResponse(response.status, { statusInfoSet: [json] }), headers: response.headers };
	}
	if (Array.isArray(json.users)) return { ...response, body: JSON.stringify({ users: (json.users as Json[]).map(userToV1p1) }) };
	if (json.user && typeof json.user === 'object') return { ...response, body: JSON.stringify({ user: userToV1p1(json.user as Json) }) };
	return response;
}
