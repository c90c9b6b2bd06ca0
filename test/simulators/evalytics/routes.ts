/**
 * The Evalytics HTTP surface: api-key check, routing, the `organisation` parameter, then the endpoint.
 * List pages are assembled from each user's cached JSON string.
 */
import { emptyResponse, jsonResponse, rawJsonResponse, type SimHandler, type SimRequest, type SimResponse } from '../common/server';
import { EvalyticsHttpError } from './errors';
import type { EvalyticsState } from './state';
import type { EvalyticsOrganisationRecord } from './types';
import { parseUserBody } from './validation';
import { organisationView, userWriteView } from './views';

/** API key → the organisations (and everything below them) it may use. */
export type EvalyticsApiKeys = Record<string, { organisations: 'all' | number[] }>;

interface Call {
	request: SimRequest;
	organisation: EvalyticsOrganisationRecord;
	canAccess(organisation: number): boolean;
	/** The `:id` path segment, decoded. */
	id: string;
}

type Endpoint = (call: Call) => SimResponse;

export function createEvalyticsHandler(state: EvalyticsState, apiKeys: EvalyticsApiKeys): SimHandler {
	const endpoints = createEndpoints(state);
	return (request) => {
		try {
			const header = request.headers['api-key'];
			const key = Array.isArray(header) ? header[0] : header;
			const access = key !== undefined && Object.prototype.hasOwnProperty.call(apiKeys, key) ? apiKeys[key] : undefined;
			if (!access) throw new EvalyticsHttpError(401, 'unauthorized', 'A valid api-key header is required');
			const { endpoint, id } = findRoute(request, endpoints, state);
			const canAccess = (organisation: number) =>
				access.organisations === 'all' || access.organisations.some((allowed) => state.subtreeOf(allowed).has(organisation));
			const value = single(request, 'organisation');
			if (value === undefined || value === '') {
				throw new EvalyticsHttpError(400, 'organisationRequired', 'The query parameter organisation is required');
			}
			const organisation = state.resolveOrganisation(value);
			if (!organisation) throw new EvalyticsHttpError(404, 'organisationNotFound', `Organisation ${value} not found`);
			if (!canAccess(organisation.id)) {
				throw new EvalyticsHttpError(403, 'forbidden', `The API key has no access to organisation ${value}`);
			}
			return endpoint({ request, organisation, canAccess, id });
		} catch (error) {
			if (error instanceof EvalyticsHttpError) return error.toResponse();
			throw error;
		}
	};
}

function createEndpoints(state: EvalyticsState) {
	const findUser = (call: Call, includeDeleted = false) => {
		const user = state.lookupUser(call.id);
		if (!user || (user.deleted && !includeDeleted) || !state.isVisibleFrom(user, call.organisation.id)) {
			throw new EvalyticsHttpError(404, 'userNotFound', `User ${call.id} not found`);
		}
		return user;
	};

	const updateUser: Endpoint = (call) => {
		const user = findUser(call);
		const body = parseUserBody(call.request.body, { state, canAccess: call.canAccess, existing: user });
		const changes = { ...body };
		delete changes.email; // equal to the stored address, or parseUserBody would have refused it
		return jsonResponse(200, userWriteView(state.updateUser(user.id, { ...changes, modifiedBy: state.apiUserId })));
	};

	return {
		listOrganisations: ((call) => {
			const q = single(call.request, 'q')?.toLowerCase();
			const parent = optionalInt(call.request, 'parent');
			const code = single(call.request, 'code');
			const type = single(call.request, 'type');
			const externalId = single(call.request, 'externalId');
			const matches = [...state.subtreeOf(call.organisation.id)]
				.sort((a, b) => a - b)
				.map((id) => state.getOrganisation(id)!)
				.filter(
					(org) =>
						(!q || org.name.toLowerCase().includes(q) || org.code.toLowerCase().includes(q)) &&
						(parent === undefined || org.parent === parent) &&
						(code === undefined || org.code === code) &&
						(type === undefined || org.type === type) &&
						(externalId === undefined || org.externalId === externalId),
				);
			const key = JSON.stringify(['organisation', call.organisation.id, q, parent, code, type, externalId]);
			return listPage(call.request, state, matches, (org) => Buffer.from(JSON.stringify(organisationView(org))), key);
		}) as Endpoint,

		getOrganisation: ((call) => {
			// Organisation endpoints take the internal id only (reference §1).
			const org = /^\d+$/.test(call.id) ? state.getOrganisation(Number(call.id)) : undefined;
			if (!org) throw new EvalyticsHttpError(404, 'organisationNotFound', `Organisation ${call.id} not found`);
			if (!call.canAccess(org.id)) throw new EvalyticsHttpError(403, 'forbidden', `The API key has no access to organisation ${org.id}`);
			return jsonResponse(200, { ...organisationView(org), children: state.childrenOf(org.id).map(organisationView) });
		}) as Endpoint,

		listUsers: ((call) => {
			const filter = {
				organisation: call.organisation.id,
				includeChildOrganisations: optionalBoolean(call.request, 'includeChildOrganisations') ?? false,
				q: single(call.request, 'q'),
				roles: parseRoleQuery(call.request, state.readings.roleQuery),
			};
			const key = JSON.stringify(['user', filter.organisation, filter.includeChildOrganisations, filter.q, filter.roles]);
			return listPage(call.request, state, state.listUsers(filter), (user) => state.listJson(user), key);
		}) as Endpoint,

		getUser: ((call) => {
			const user = findUser(call);
			const showPropagatedRoles = optionalBoolean(call.request, 'showPropagatedRoles') ?? true;
			return rawJsonResponse(200, state.itemJson(user, showPropagatedRoles));
		}) as Endpoint,

		createUser: ((call) => {
			const body = parseUserBody(call.request.body, { state, canAccess: call.canAccess });
			const email = body.email!;
			if (state.findByEmail(email)) {
				const status = state.readings.duplicateEmailStatus;
				throw new EvalyticsHttpError(status, 'duplicateEmail', 'A user with this e-mail address already exists', [{ email }]);
			}
			const noSurf = body.noSurf ?? false;
			const user = state.addUser({
				...body,
				email,
				organisation: call.organisation.id,
				topOrganisation: call.organisation.topOrganisation,
				noSurf,
				activated: false,
				// noSurf users get an activation mail at once (seed: "activated").
				lastActivationMail: noSurf ? wholeSeconds(new Date()) : null,
				createdBy: state.apiUserId,
				modifiedBy: state.apiUserId,
			});
			return jsonResponse(200, userWriteView(user));
		}) as Endpoint,

		updateUser,

		deleteUser: ((call) => {
			const user = findUser(call, true);
			state.deleteUser(user.id, optionalBoolean(call.request, 'undo') ?? false);
			return emptyResponse(200);
		}) as Endpoint,

		blockUser: ((call) => {
			const user = findUser(call);
			state.blockUser(user.id, optionalBoolean(call.request, 'undo') ?? false);
			return emptyResponse(200);
		}) as Endpoint,
	};
}

type Endpoints = ReturnType<typeof createEndpoints>;

/** Path → endpoint; a known path with another method is 405 with Allow (reference §6.3: POST vs PUT). */
function findRoute(request: SimRequest, endpoints: Endpoints, state: EvalyticsState): { endpoint: Endpoint; id: string } {
	let segments: string[];
	try {
		segments = request.path.split('/').slice(1).map(decodeURIComponent);
	} catch {
		segments = [];
	}
	const [resource, id = '', action, ...rest] = segments;
	let methods: Record<string, Endpoint> | undefined;
	if (rest.length === 0 && id !== '') {
		if (resource === 'organisation' && action === undefined) methods = { GET: endpoints.getOrganisation };
		if (resource === 'user' && action === 'block') methods = { POST: endpoints.blockUser };
		if (resource === 'user' && action === undefined) {
			methods = { GET: endpoints.getUser, DELETE: endpoints.deleteUser };
			for (const method of state.readings.updateMethods) methods[method] = endpoints.updateUser;
		}
	}
	if (segments.length === 1 && resource === 'organisation') methods = { GET: endpoints.listOrganisations };
	if (segments.length === 1 && resource === 'user') methods = { GET: endpoints.listUsers, POST: endpoints.createUser };
	if (!methods) throw new EvalyticsHttpError(404, 'routeNotFound', `Cannot ${request.method} ${request.path}`);
	const endpoint = Object.prototype.hasOwnProperty.call(methods, request.method) ? methods[request.method] : undefined;
	if (!endpoint) {
		throw new EvalyticsHttpError(405, 'methodNotAllowed', `Method ${request.method} is not allowed on ${request.path}`, undefined, {
			allow: Object.keys(methods).join(', '),
		});
	}
	return { endpoint, id };
}

const COMMA = Buffer.from(',');
const RESULTS_START = Buffer.from(',"results":[');
const PAGE_END = Buffer.from(']}');

/**
 * `{ metadata: { timestamp, resultSet: { count, limit } }, results }`: the results part is concatenated from
 * each item's cached bytes and memoised per query and page until the data changes; only metadata is fresh.
 */
function listPage<T>(
	request: SimRequest,
	state: EvalyticsState,
	matches: T[],
	toJson: (item: T) => Buffer,
	cacheKey: string,
): SimResponse {
	const limit = optionalInt(request, 'limit') ?? 30;
	const skip = optionalInt(request, 'skip') ?? 0;
	const end = limit === 0 ? matches.length : Math.min(matches.length, skip + limit);
	const pageLength = Math.max(0, end - skip);
	const resultSet: Record<string, number> = {
		count: state.readings.countMeaning === 'total' ? matches.length : pageLength,
		limit,
	};
	if (state.readings.includeSkipInResultSet) resultSet.skip = skip;
	const results = state.memo(`${cacheKey}|${skip}|${end}`, () => {
		const parts: Buffer[] = [RESULTS_START];
		for (let index = skip; index < end; index++) {
			if (index > skip) parts.push(COMMA);
			parts.push(toJson(matches[index]));
		}
		parts.push(PAGE_END);
		return Buffer.concat(parts);
	});
	const metadata = Buffer.from(`{"metadata":${JSON.stringify({ timestamp: new Date().toISOString(), resultSet })}`);
	return rawJsonResponse(200, [metadata, results]);
}

function single(request: SimRequest, name: string): string | undefined {
	return Object.prototype.hasOwnProperty.call(request.query, name) ? request.query[name][0] : undefined;
}

function badQuery(message: string): EvalyticsHttpError {
	return new EvalyticsHttpError(400, 'invalidQuery', message);
}

function optionalInt(request: SimRequest, name: string): number | undefined {
	const value = single(request, name);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw badQuery(`${name} must be a non-negative integer`);
	return Number(value);
}

function optionalBoolean(request: SimRequest, name: string): boolean | undefined {
	const value = single(request, name);
	if (value === undefined) return undefined;
	if (value !== 'true' && value !== 'false') throw badQuery(`${name} must be true or false`);
	return value === 'true';
}

/** `role=3&role=5`, `role=3,5` or both, per the reading; anything else is a 400 so a wrong format shows. */
function parseRoleQuery(request: SimRequest, format: 'repeat' | 'comma' | 'both'): number[] | undefined {
	const values = Object.prototype.hasOwnProperty.call(request.query, 'role') ? request.query.role : undefined;
	if (!values?.length) return undefined;
	if (format === 'repeat' && values.some((value) => value.includes(','))) {
		throw badQuery('role must be repeated per id (role=3&role=5), not a comma-separated list');
	}
	if (format === 'comma' && values.length > 1) throw badQuery('role must be one comma-separated list (role=3,5)');
	const ids = values.flatMap((value) => value.split(','));
	if (ids.some((id) => !/^\d+$/.test(id))) throw badQuery('role must contain integer role ids');
	return ids.map(Number);
}

function wholeSeconds(date: Date): string {
	return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
}
