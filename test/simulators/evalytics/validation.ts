/**
 * Checks a create/update body as the reference (§4) describes, in the order a server would: shape, e-mail,
 * names, field types, roles, permission groups, UM 2.0 rules. Every failure throws an EvalyticsHttpError.
 */
import { EvalyticsHttpError } from './errors';
import { TEACHER_ROLE } from './records';
import type { EvalyticsState } from './state';
import type { EvalyticsUserRecord, PermissionGroupRecord, RoleSpec } from './types';

export interface UserBody {
	name?: string;
	title?: string;
	firstName?: string;
	prefix?: string;
	lastName?: string;
	email?: string;
	noSurf?: boolean;
	externalId?: string | null;
	roles?: RoleSpec[];
	additionalPermissionGroups?: PermissionGroupRecord[];
}

export interface ValidationContext {
	state: EvalyticsState;
	/** Whether the API key may act on this organisation. */
	canAccess(organisation: number): boolean;
	/** The user being updated; absent on create. */
	existing?: EvalyticsUserRecord;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STRING_FIELDS = ['name', 'title', 'firstName', 'prefix', 'lastName'] as const;

function invalid(message: string, context?: unknown[]): EvalyticsHttpError {
	return new EvalyticsHttpError(422, 'validation', message, context);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function parseUserBody(raw: unknown, context: ValidationContext): UserBody {
	if (!isObject(raw)) throw new EvalyticsHttpError(400, 'invalidBody', 'The request body must be a JSON object');
	const creating = context.existing === undefined;
	const um2 = context.state.readings.userManagement2;
	const body: UserBody = {};

	if (creating) {
		if (raw.email === undefined || raw.email === null || raw.email === '') throw invalid('email is required');
		if (typeof raw.email !== 'string' || !EMAIL.test(raw.email.trim())) {
			throw invalid('email is not a valid e-mail address', [{ email: raw.email }]);
		}
		body.email = raw.email.trim();
	} else if (raw.email !== undefined) {
		const same = typeof raw.email === 'string' && raw.email.trim().toLowerCase() === context.existing!.email.toLowerCase();
		if (!same) throw new EvalyticsHttpError(422, 'emailImmutable', 'The e-mail address of a user cannot be changed', [{ email: raw.email }]);
	}

	for (const field of STRING_FIELDS) {
		const value = raw[field];
		if (value === undefined) continue;
		if (typeof value !== 'string') throw invalid(`${field} must be a string`, [{ [field]: value }]);
		body[field] = value;
	}
	const filled = (value: string | undefined) => value !== undefined && value.trim() !== '';
	if (creating && !filled(body.name) && !(filled(body.firstName) && filled(body.lastName))) {
		throw invalid('firstName and lastName are required when name is not used');
	}
	if (!creating) {
		for (const field of ['name', 'firstName', 'lastName'] as const) {
			if (body[field] !== undefined && !filled(body[field])) throw invalid(`${field} cannot be empty`);
		}
	}
	if (raw.externalId !== undefined) {
		if (raw.externalId !== null && typeof raw.externalId !== 'string') {
			throw invalid('externalId must be a string', [{ externalId: raw.externalId }]);
		}
		body.externalId = raw.externalId;
	}
	if (raw.noSurf !== undefined) {
		if (typeof raw.noSurf !== 'boolean') throw invalid('noSurf must be a boolean', [{ noSurf: raw.noSurf }]);
		body.noSurf = raw.noSurf;
	}
	if (raw.roles !== undefined || creating) body.roles = parseRoles(raw.roles, creating, um2, context);
	if (raw.additionalPermissionGroups !== undefined) {
		body.additionalPermissionGroups = parsePermissionGroups(raw.additionalPermissionGroups, um2, context);
	}
	return body;
}

function checkOrganisation(organisation: number, item: unknown, context: ValidationContext): void {
	if (!context.state.getOrganisation(organisation)) throw invalid(`Organisation ${organisation} does not exist`, [item]);
	if (!context.canAccess(organisation)) {
		throw new EvalyticsHttpError(403, 'forbidden', `The API key has no access to organisation ${organisation}`);
	}
}

function parseRoles(raw: unknown, creating: boolean, um2: boolean, context: ValidationContext): RoleSpec[] {
	if (!Array.isArray(raw)) throw invalid(creating ? 'At least one role is required' : 'roles must be an array');
	if (creating && raw.length === 0) throw invalid('At least one role is required');
	const roles: RoleSpec[] = [];
	for (const item of raw) {
		if (!isObject(item)) throw invalid('Each role must be an object with organisation and role', [item]);
		if (!isId(item.organisation)) throw invalid('roles[].organisation must be an integer id', [item]);
		if (!isId(item.role)) throw invalid('roles[].role must be an integer id', [item]);
		checkOrganisation(item.organisation, item, context);
		const spec: RoleSpec = { organisation: item.organisation, role: item.role };
		if (um2 && item.enabled !== undefined) {
			if (typeof item.enabled !== 'boolean') throw invalid('roles[].enabled must be a boolean', [item]);
			// GET shows enabled: true on every role, so echoing it back is harmless; switching a non-teacher role off is not possible.
			if (item.role !== TEACHER_ROLE && item.enabled === false) {
				throw invalid(`enabled can only be used with the teacher role (${TEACHER_ROLE})`, [item]);
			}
			spec.enabled = item.enabled;
		}
		if (um2 && item.propagate !== undefined) {
			if (typeof item.propagate !== 'boolean') throw invalid('roles[].propagate must be a boolean', [item]);
			if (item.role === TEACHER_ROLE && item.propagate) {
				throw invalid(`propagate cannot be used with the teacher role (${TEACHER_ROLE})`, [item]);
			}
			spec.propagate = item.propagate;
		}
		roles.push(spec);
	}
	if (um2) rejectRolesBelowPropagation(roles, context.state);
	return roles;
}

/** UM 2.0: a role below a propagating organisation is locked there; adding one is an error. */
function rejectRolesBelowPropagation(roles: RoleSpec[], state: EvalyticsState): void {
	const propagating = roles.filter((role) => role.propagate && role.role !== TEACHER_ROLE).map((role) => role.organisation);
	for (const role of roles) {
		if (role.role === TEACHER_ROLE) continue;
		const source = propagating.find((org) => org !== role.organisation && state.subtreeOf(org).has(role.organisation));
		if (source !== undefined) {
			throw new EvalyticsHttpError(
				422,
				'propagatedRole',
				`Role ${role.role} cannot be added to organisation ${role.organisation}: roles there are propagated from organisation ${source}`,
				[role],
			);
		}
	}
}

function parsePermissionGroups(raw: unknown, um2: boolean, context: ValidationContext): PermissionGroupRecord[] {
	if (!Array.isArray(raw)) throw invalid('additionalPermissionGroups must be an array');
	return raw.map((item: unknown) => {
		if (!isObject(item)) throw invalid('Each additional permission group must be an object', [item]);
		if (!isId(item.organisation)) throw invalid('additionalPermissionGroups[].organisation must be an integer id', [item]);
		if (!isId(item.additionalPermissionGroup)) {
			throw invalid('additionalPermissionGroups[].additionalPermissionGroup must be an integer id', [item]);
		}
		checkOrganisation(item.organisation, item, context);
		const group: PermissionGroupRecord = { organisation: item.organisation, additionalPermissionGroup: item.additionalPermissionGroup };
		if (um2 && item.isTeacher !== undefined) {
			if (typeof item.isTeacher !== 'boolean') throw invalid('additionalPermissionGroups[].isTeacher must be a boolean', [item]);
			group.isTeacher = item.isTeacher;
		}
		return group;
	});
}
