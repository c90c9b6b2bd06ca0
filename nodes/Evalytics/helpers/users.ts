import type { IDataObject } from 'n8n-workflow';

/** The only role id the Evalytics documentation names: teacher (docent). */
export const TEACHER_ROLE = 3;

export interface EvalyticsRole {
	id?: number;
	user?: number;
	evaluator?: number | null;
	role: number;
	organisation: number;
	/** User Management 2.0: only on teacher roles — whether that access is on. */
	enabled?: boolean;
	/** User Management 2.0: only on non-teacher roles — apply to all (future) child organisations. */
	propagate?: boolean;
	/** User Management 2.0, read-only: inherited from a parent organisation, locked here. */
	propagated?: boolean;
}

export interface EvalyticsOrganisation {
	id: number;
	parent?: number | null;
	topOrganisation?: number | null;
	name?: string;
	code?: string;
	type?: string;
	externalId?: string | null;
	children?: EvalyticsOrganisation[];
}

export interface EvalyticsUser extends IDataObject {
	id: number;
	email: string;
	firstName?: string;
	prefix?: string;
	lastName?: string;
	name?: string;
	title?: string;
	externalId?: string | null;
	activated?: boolean;
	roles?: EvalyticsRole[];
	/** Present on list results. */
	organisations?: EvalyticsOrganisation[];
	/** Present on single-user results. */
	linkedOrganisations?: EvalyticsOrganisation[];
}

/** A role as it is sent in a create or update body. */
export interface RoleInput {
	organisation: number;
	role: number;
	enabled?: boolean;
	propagate?: boolean;
}

export interface PermissionGroupInput {
	organisation: number;
	additionalPermissionGroup: number;
	isTeacher?: boolean;
}

/** The identifiers, names, e-mail and role assignments: what a sync workflow needs of a user. */
export function simplifyUser(user: EvalyticsUser): IDataObject {
	const organisations = user.organisations ?? user.linkedOrganisations ?? [];
	return {
		id: user.id,
		externalId: user.externalId ?? null,
		email: user.email,
		title: user.title ?? '',
		firstName: user.firstName ?? '',
		prefix: user.prefix ?? '',
		lastName: user.lastName ?? '',
		name: user.name ?? '',
		activated: user.activated ?? null,
		roles: (user.roles ?? []).map((role) => {
			const simple: IDataObject = { organisation: role.organisation, role: role.role };
			if (role.enabled !== undefined) simple.enabled = role.enabled;
			if (role.propagate !== undefined) simple.propagate = role.propagate;
			if (role.propagated !== undefined) simple.propagated = role.propagated;
			return simple;
		}),
		organisations: organisations.map((organisation) => ({
			id: organisation.id,
			name: organisation.name ?? '',
			code: organisation.code ?? '',
		})),
	};
}

/** What an update sends back of a role it keeps: writable fields only. */
export function toRoleInput(role: EvalyticsRole): RoleInput {
	const input: RoleInput = { organisation: role.organisation, role: role.role };
	if (role.role === TEACHER_ROLE) {
		if (role.enabled !== undefined) input.enabled = role.enabled;
	} else if (role.propagate !== undefined) {
		input.propagate = role.propagate;
	}
	return input;
}

export type RoleAction = 'add' | 'remove' | 'enable' | 'disable';

export interface RoleChange {
	action: RoleAction;
	organisation: number;
	role: number;
	propagate?: boolean;
}

/** A role change that cannot be applied; the operation turns it into a NodeOperationError. */
export class RoleChangeError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

const sameRole = (a: { organisation: number; role: number }, b: { organisation: number; role: number }) =>
	a.organisation === b.organisation && a.role === b.role;

/**
 * Evalytics replaces the whole role list on update, so the new list is the current roles (as read just
 * before) with the requested changes applied. Propagated roles are left out: they follow from their
 * propagating parent role and cannot be written at their own level.
 */
export function applyRoleChanges(current: EvalyticsRole[], changes: RoleChange[]): RoleInput[] {
	const own = current.filter((role) => !role.propagated);
	const next = own.map(toRoleInput);
	for (const change of changes) {
		const existing = next.find((role) => sameRole(role, change));
		switch (change.action) {
			case 'add': {
				if (change.role === TEACHER_ROLE) throw teacherRoleError();
				const locked = current.find((role) => role.propagated && role.organisation === change.organisation);
				if (locked) {
					throw new RoleChangeError(
						`Organisation ${change.organisation} inherits its roles from a parent organisation`,
						'With User Management 2.0 a role propagated from a parent organisation is locked at this level. Change the role on the parent organisation instead.',
					);
				}
				if (existing) {
					if (change.propagate !== undefined) existing.propagate = change.propagate;
				} else {
					next.push(
						change.propagate === undefined
							? { organisation: change.organisation, role: change.role }
							: { organisation: change.organisation, role: change.role, propagate: change.propagate },
					);
				}
				break;
			}
			case 'remove': {
				// Removing a role the user does not have is a no-op, so a sync can run twice safely.
				if (existing) next.splice(next.indexOf(existing), 1);
				break;
			}
			case 'enable':
			case 'disable': {
				if (change.role !== TEACHER_ROLE) {
					throw new RoleChangeError(
						`Only the teacher role (${TEACHER_ROLE}) can be enabled or disabled`,
						'Use Add or Remove for other roles.',
					);
				}
				if (!existing) {
					throw new RoleChangeError(
						`The user has no teacher role at organisation ${change.organisation}`,
						'Teacher roles come from the teacher (docent) created in that opleiding; they cannot be added through the user endpoints.',
					);
				}
				existing.enabled = change.action === 'enable';
				break;
			}
		}
	}
	return next;
}

export function teacherRoleError(): RoleChangeError {
	return new RoleChangeError(
		`The teacher role (${TEACHER_ROLE}) cannot be added through the user endpoints`,
		'Since User Management 2.0 Evalytics creates teacher roles only with a teacher (docent) in an opleiding; a teacher role added to a user has no effect. Create the teacher in Evalytics instead, or enable/disable an existing teacher role with Update.',
	);
}
