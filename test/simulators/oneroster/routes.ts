/** Every 1.2 rostering endpoint, the vendor user writes, and the token endpoint, on one handler. */
import { randomUUID } from 'node:crypto';

import { emptyResponse, jsonResponse, type SimHandler, type SimRequest, type SimResponse } from '../common/server';
import { DEMOGRAPHICS_SCOPE, type TokenStore } from './auth';
import { errorResponse } from './errors';
import { gradebookWrite, resolveGradebook, V1P1_GRADEBOOK } from './gradebook';
import { OAUTH1_MESSAGES, type OAuth1Verifier } from './oauth1';
import { toV1p1, userToV1p1, V1P1_USER_FIELDS } from './v1p1';
import { matcher, parseFilterExpression, project, QueryError, selectFields, sortRecords } from './query';
import type { OneRosterState } from './state';
import { KNOWN_FIELDS, type Collection, type Json, type Single, type Source } from './types';

export const ROSTERING_BASE = '/ims/oneroster/rostering/v1p2';
export const GRADEBOOK_BASE = '/ims/oneroster/gradebook/v1p2';
export const RESOURCES_BASE = '/ims/oneroster/resources/v1p2';
/** OneRoster 1.1: every service under one root. */
export const V1P1_BASE = '/ims/oneroster/v1p1';
export const TOKEN_PATH = '/oauth/token';


const byType = (type: string) => (record: Json) => record.type === type;
const hasRole = (role: string) => (user: Json) => (user.roles as Json[]).some((entry) => entry.role === role);
const refIs = (field: string, id: string) => (record: Json) => (record[field] as Json | undefined)?.sourcedId === id;

/** Resolves a GET path (segments after the base) to a collection source or a single record. */
function resolve(state: OneRosterState, s: string[]): Source | Single | undefined {
	const all = (collection: Collection, key: string, where?: (record: Json) => boolean, scope?: string): Source => ({
		collection,
		key,
		scope,
		records: () => (where ? state.all(collection).filter(where) : state.all(collection)),
	});
	const one = (collection: Collection, key: string, id: string, where?: (record: Json) => boolean, scope?: string): Single => ({ collection, key, id, where, scope });
	const [a, id, b, id2, c] = s;
	if (s.length === 1) {
		switch (a) {
			case 'academicSessions': return all('academicSessions', 'academicSessions');
			case 'classes': return all('classes', 'classes');
			case 'courses': return all('courses', 'courses');
			case 'demographics': return all('demographics', 'demographics', undefined, DEMOGRAPHICS_SCOPE);
			case 'enrollments': return all('enrollments', 'enrollments');
			case 'gradingPeriods': return all('academicSessions', 'academicSessions', byType('gradingPeriod'));
			case 'orgs': return all('orgs', 'orgs');
			case 'schools': return all('orgs', 'orgs', byType('school'));
			case 'students': return all('users', 'users', hasRole('student'));
			case 'teachers': return all('users', 'users', hasRole('teacher'));
			case 'terms': return all('academicSessions', 'academicSessions', byType('term'));
			case 'users': return all('users', 'users');
		}
		return undefined;
	}
	if (s.length === 2) {
		switch (a) {
			case 'academicSessions': return one('academicSessions', 'academicSession', id);
			case 'classes': return one('classes', 'class', id);
			case 'courses': return one('courses', 'course', id);
			case 'demographics': return one('demographics', 'demographics', id, undefined, DEMOGRAPHICS_SCOPE);
			case 'enrollments': return one('enrollments', 'enrollment', id);
			case 'gradingPeriods': return one('academicSessions', 'academicSession', id, byType('gradingPeriod'));
			case 'orgs': return one('orgs', 'org', id);
			case 'schools': return one('orgs', 'org', id, byType('school'));
			case 'students': return one('users', 'user', id, hasRole('student'));
			case 'teachers': return one('users', 'user', id, hasRole('teacher'));
			case 'terms': return one('academicSessions', 'academicSession', id, byType('term'));
			case 'users': return one('users', 'user', id);
		}
		return undefined;
	}
	const key = `${a}/${b}${s.length === 5 ? `/${c}` : ''}`;
	switch (key) {
		case 'classes/students': return { ...all('users', 'users'), records: () => state.enrolledUsers(id, 'student') };
		case 'classes/teachers': return { ...all('users', 'users'), records: () => state.enrolledUsers(id, 'teacher') };
		case 'courses/classes': return all('classes', 'classes', refIs('course', id));
		case 'schools/classes': return s.length === 3 ? all('classes', 'classes', refIs('school', id)) : undefined;
		case 'schools/courses': return all('courses', 'courses', refIs('org', id));
		case 'schools/enrollments': return all('enrollments', 'enrollments', refIs('school', id));
		case 'schools/students': return all('users', 'users', (user) => hasRole('student')(user) && refIs('primaryOrg', id)(user));
		case 'schools/teachers': return all('users', 'users', (user) => hasRole('teacher')(user) && refIs('primaryOrg', id)(user));
		case 'schools/terms': return all('academicSessions', 'academicSessions', byType('term'));
		case 'students/classes':
		case 'teachers/classes':
		case 'users/classes': return { ...all('classes', 'classes'), records: () => state.classesOfUser(id) };
		case 'terms/classes': return all('classes', 'classes', (klass) => (klass.terms as Json[]).some((term) => term.sourcedId === id));
		case 'terms/gradingPeriods': return all('academicSessions', 'academicSessions', (session) => session.type === 'gradingPeriod' && refIs('parent', id)(session));
		case 'schools/classes/enrollments': return all('enrollments', 'enrollments', (enrollment) => refIs('school', id)(enrollment) && refIs('class', id2)(enrollment));
		case 'schools/classes/students': return { ...all('users', 'users'), records: () => state.enrolledUsers(id2, 'student') };
		case 'schools/classes/teachers': return { ...all('users', 'users'), records: () => state.enrolledUsers(id2, 'teacher') };
	}
	return undefined;
}

/** Filtered and sorted results are cached per query and data version: 50,000 users are paged without re-sorting. */
class ResultCache {
	private entries = new Map<string, { version: number; records: Json[] }>();

	get(key: string, version: number, build: () => Json[]): Json[] {
		const hit = this.entries.get(key);
		if (hit && hit.version === version) return hit.records;
		if (this.entries.size > 50) this.entries.clear();
		const records = build();
		this.entries.set(key, { version, records });
		return records;
	}
}

export function createOneRosterHandler(state: OneRosterState, tokens: TokenStore, oauth1: OAuth1Verifier): SimHandler {
	const cache = new ResultCache();

	const list = (request: SimRequest, source: Source): SimResponse => {
		const q = (name: string) => request.query[name]?.[0];
		const known = source.known ?? KNOWN_FIELDS[source.collection];
		const readings = state.readings;
		const filterText = q('filter');
		const filter = filterText ? parseFilterExpression(filterText, known, readings.maxPredicates) : undefined;
		const fields = selectFields(request.query.fields, known, readings.unknownFields);
		const sort = q('sort');
		const descending = q('orderBy') === 'desc';
		const limitText = q('limit') ?? '100';
		const offsetText = q('offset') ?? '0';
		if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || !/^\d+$/.test(offsetText)) {
			return errorResponse(400, 'invaliddata', 'limit must be a whole number of at least 1, offset of at least 0');
		}
		const key = `${request.path}|${filterText ?? ''}|${sort && known.has(sort) ? sort : ''}|${descending}`;
		const records = cache.get(key, state.version, () => {
			let result = source.records();
			if (filter) result = result.filter(matcher(filter));
			// An unknown sort field is ignored, as 1.1 practice and Ed-Fi do.
			if (sort && known.has(sort)) result = sortRecords(result, sort, descending);
			return result;
		});
		const limit = Math.min(Number(limitText), readings.pageCap ?? Infinity);
		const offset = Number(offsetText);
		const page = records.slice(offset, offset + limit).map((record) => project(record, fields));
		const headers: Record<string, string> = {};
		if (readings.totalCountHeader) headers['x-total-count'] = String(records.length);
		if (readings.linkHeader) {
			const link = (at: number, rel: string) => `<${request.path}?limit=${limit}&offset=${at}>; rel="${rel}"`;
			const links = [link(0, 'first'), link(Math.max(0, Math.floor((records.length - 1) / limit) * limit), 'last')];
			if (offset + limit < records.length) links.push(link(offset + limit, 'next'));
			headers.link = links.join(', ');
		}
		return jsonResponse(200, { [source.key]: page }, headers);
	};

	const userWrite = (request: SimRequest, segments: string[]): SimResponse => {
		if (!state.readings.userWrites) return errorResponse(405, 'unsupported', 'This provider does not support user writes');
		const body = request.body as { user?: Json } | undefined;
		if (request.method === 'DELETE') {
			return state.touch('users', segments[1], { status: 'tobedeleted' }) ? emptyResponse(204) : errorResponse(404, 'unknownobject', 'User not found.');
		}
		const user = body?.user;
		if (!user || typeof user !== 'object' || !user.givenName || !user.familyName || !Array.isArray(user.roles) || user.roles.length === 0) {
			return errorResponse(422, 'invaliddata', 'user needs givenName, familyName and at least one role');
		}
		const enabled = user.enabledUser === undefined ? 'true' : String(user.enabledUser);
		const record = (sourcedId: string): Json => ({ ...user, sourcedId, status: 'active', enabledUser: enabled, dateLastModified: new Date().toISOString() });
		if (request.method === 'POST') {
			const supplied = typeof user.sourcedId === 'string' ? user.sourcedId : undefined;
			const allocated = supplied && !state.get('users', supplied) ? supplied : randomUUID();
			state.insert('users', record(allocated));
			if (state.readings.createAnswer === 'user') return jsonResponse(201, { user: state.get('users', allocated) });
			return jsonResponse(201, { sourcedIdPairs: [{ suppliedSourcedId: supplied ?? allocated, allocatedSourcedId: allocated }] });
		}
		state.insert('users', record(segments[1]));
		return state.readings.updateAnswer === 'user' ? jsonResponse(200, { user: state.get('users', segments[1]) }) : emptyResponse(201);
	};

	/** Which base a path is under, and the decoded segments after it. */
	const route = (path: string) => {
		const base = [ROSTERING_BASE, GRADEBOOK_BASE, RESOURCES_BASE, V1P1_BASE].find((candidate) => path.startsWith(`${candidate}/`));
		const segments = base ? path.slice(base.length + 1).replace(/\/$/, '').split('/').map(decodeURIComponent) : [];
		return { base, segments };
	};

	/** A GET under any base: rostering, gradebook or resources, as that base serves them. */
	const resolveAny = (base: string, segments: string[]) => {
		if (base === ROSTERING_BASE) return resolve(state, segments);
		const found = resolveGradebook(state, segments);
		if (base === GRADEBOOK_BASE) return found?.collection === 'resources' ? undefined : found;
		if (base === RESOURCES_BASE) return found?.collection === 'resources' ? found : undefined;
		// 1.1: rostering, then the 1.1 subset of gradebook and resources (§4 of the reference).
		const rostering = resolve(state, segments);
		// 1.1 users are filtered and sorted on their 1.1 fields (`role`, `orgs`).
		if (rostering && 'records' in rostering && rostering.collection === 'users') {
			return { ...rostering, records: () => rostering.records().map(userToV1p1), known: V1P1_USER_FIELDS };
		}
		if (rostering) return rostering;
		if (!found) return undefined;
		if (found.collection === 'resources') return segments[0] === 'users' ? undefined : found;
		return V1P1_GRADEBOOK.has(found.collection) && !['categories', 'scoreScales'].includes(segments[2] ?? '') ? found : undefined;
	};

	const serve = (request: SimRequest, base: string, segments: string[]): SimResponse => {
		const isUsers = base === ROSTERING_BASE && segments[0] === 'users';
		const withDemographics = isUsers && segments.length === 3 && segments[2] === 'demographics';
		const resolved = request.method === 'GET' && !withDemographics ? resolveAny(base, segments) : undefined;
		const signed = /^OAuth[\s,]/i.test(String(request.headers.authorization ?? ''));
		if (signed) {
			const failure = oauth1.verify(request, `http://${String(request.headers.host)}`);
			if (failure) return errorResponse(401, 'unauthorisedrequest', OAUTH1_MESSAGES[failure]);
		} else {
			const denied = tokens.check(request, resolved?.scope ?? (withDemographics ? DEMOGRAPHICS_SCOPE : undefined));
			if (denied === 'unauthorised') return errorResponse(401, 'unauthorisedrequest', 'The access token is missing, unknown or expired');
			if (denied === 'forbidden') return errorResponse(403, 'forbidden', 'The token lacks the scope for this data');
		}
		try {
			if (withDemographics && request.method === 'GET') {
				if (!state.readings.userWrites) return errorResponse(404, 'unknownobject', 'No such endpoint');
				const user = state.get('users', segments[1]);
				if (!user) return errorResponse(404, 'unknownobject', 'User not found.');
				return jsonResponse(200, { user: { ...user, demographics: state.get('demographics', segments[1]) ?? null } });
			}
			if (isUsers && ((request.method === 'POST' && segments.length === 1) || (['PUT', 'DELETE'].includes(request.method) && segments.length === 2))) {
				return userWrite(request, segments);
			}
			if (request.method !== 'GET') {
				const v1p1 = base === V1P1_BASE;
				const writable = base === GRADEBOOK_BASE || (v1p1 && request.method !== 'POST' && V1P1_GRADEBOOK.has(segments[0]));
				const written = writable ? gradebookWrite(state, request, segments) : undefined;
				return written ?? errorResponse(405, 'unsupported', base === GRADEBOOK_BASE ? 'No such gradebook write' : 'This service is read-only');
			}
			if (!resolved) return errorResponse(404, 'unknownobject', 'No such endpoint');
			if ('records' in resolved) return list(request, resolved);
			const record = state.get(resolved.collection, resolved.id);
			if (!record || (resolved.where && !resolved.where(record))) return errorResponse(404, 'unknownobject', `${resolved.key} ${resolved.id} not found`);
			const fields = selectFields(request.query.fields, KNOWN_FIELDS[resolved.collection], state.readings.unknownFields);
			return jsonResponse(200, { [resolved.key]: project(record, fields) });
		} catch (error) {
			if (error instanceof QueryError) return errorResponse(400, error.codeMinor, error.message);
			throw error;
		}
	};

	const answer = (request: SimRequest): SimResponse => {
		if (request.path === TOKEN_PATH) {
			return request.method === 'POST' ? tokens.handleTokenRequest(request) : errorResponse(405, 'unsupported');
		}
		const { base, segments } = route(request.path);
		if (!base) return errorResponse(404, 'unknownobject', 'No such endpoint');
		const response = serve(request, base, segments);
		return base === V1P1_BASE ? toV1p1(response) : response;
	};

	return (request) => {
		const response = answer(request);
		return state.readings.echoRequestHeaders ? echoHeaders(request, response) : response;
	};
}

/** The echoRequestHeaders reading: an error's imsx_description quotes every request header, as some vendors' debug mode does. */
function echoHeaders(request: SimRequest, response: SimResponse): SimResponse {
	if (response.status < 400 || typeof response.body !== 'string') return response;
	let body: unknown;
	try {
		body = JSON.parse(response.body);
	} catch {
		return response;
	}
	const info = (body as { imsx_description?: unknown; statusInfoSet?: Array<{ imsx_description?: unknown }> }) ?? {};
	const target = Array.isArray(info.statusInfoSet) && info.statusInfoSet[0] ? info.statusInfoSet[0] : info;
	target.imsx_description = `${String(target.imsx_description ?? '')} (request headers: ${JSON.stringify(request.headers)})`;
	return { ...response, body: JSON.stringify(body) };
}
