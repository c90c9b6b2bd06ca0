/**
 * How a user's stored role list becomes the roles the API shows, and how names are derived. Pure functions,
 * used by the state.
 */
import type { EvalyticsRoleRecord, EvalyticsUserRecord, RoleSpec } from './types';

/** The only role id the documentation names. */
export const TEACHER_ROLE = 3;

export interface RoleBuildContext {
	userManagement2: boolean;
	subtreeOf(organisation: number): ReadonlySet<number>;
	newRoleId(): number;
}

/**
 * The roles the API shows. UM 2.0: a propagating organisation's roles are copied (`propagated: true`) to every
 * organisation below it; a teacher object without a teacher role comes back as a teacher role with
 * `enabled: false` (seed, "Upgrading to User Management 2.0"). Role ids survive an update that keeps the role.
 */
export function buildRoles(user: EvalyticsUserRecord, context: RoleBuildContext): EvalyticsRoleRecord[] {
	const um2 = context.userManagement2;
	const previousIds = new Map(user.roles.map((role) => [roleKey(role), role.id]));
	const roles: EvalyticsRoleRecord[] = [];
	const seen = new Set<string>();
	const push = (role: number, organisation: number, flags: Pick<EvalyticsRoleRecord, 'enabled' | 'propagate' | 'propagated'>) => {
		if (seen.has(`${organisation}:${role}`)) return;
		seen.add(`${organisation}:${role}`);
		const id = previousIds.get(roleKey({ role, organisation, propagated: flags.propagated })) ?? context.newRoleId();
		roles.push({ id, user: user.id, evaluator: null, role, organisation, ...flags });
	};
	for (const spec of user.roleSpecs) {
		const propagate = um2 && spec.role !== TEACHER_ROLE && spec.propagate === true;
		push(spec.role, spec.organisation, { enabled: um2 ? (spec.enabled ?? true) : true, propagate, propagated: false });
	}
	if (um2) {
		for (const spec of user.roleSpecs) {
			if (!spec.propagate || spec.role === TEACHER_ROLE) continue;
			for (const below of context.subtreeOf(spec.organisation)) {
				if (below !== spec.organisation) push(spec.role, below, { enabled: true, propagate: false, propagated: true });
			}
		}
		for (const organisation of user.teacherOrganisations) {
			push(TEACHER_ROLE, organisation, { enabled: false, propagate: false, propagated: false });
		}
	}
	return roles;
}

function roleKey(role: Pick<EvalyticsRoleRecord, 'role' | 'organisation' | 'propagated'>): string {
	return `${role.organisation}:${role.role}:${role.propagated ? 'p' : ''}`;
}

/** UM 2.0 propagation is all-or-nothing per organisation: one propagating role makes all its roles propagate. */
export function settlePropagation(specs: RoleSpec[]): RoleSpec[] {
	const propagating = new Set(
		specs.filter((spec) => spec.propagate && spec.role !== TEACHER_ROLE).map((spec) => spec.organisation),
	);
	return specs.map((spec) =>
		spec.role !== TEACHER_ROLE && propagating.has(spec.organisation) ? { ...spec, propagate: true } : { ...spec },
	);
}

type NameFields = { name?: string; firstName?: string; prefix?: string; lastName?: string };

/**
 * `name` is deprecated: without it, it is first name + tussenvoegsel + last name. A create with only `name`
 * splits it at the first space (the seed's list example: "Example user" = "Example" + "user").
 */
export function applyNames(user: EvalyticsUserRecord, input: NameFields, creating: boolean): void {
	const partsGiven = input.firstName !== undefined || input.prefix !== undefined || input.lastName !== undefined;
	if (input.name !== undefined) {
		user.name = input.name;
		if (creating && !partsGiven) {
			const name = input.name.trim();
			const space = name.indexOf(' ');
			user.firstName = space < 0 ? name : name.slice(0, space);
			user.lastName = space < 0 ? '' : name.slice(space + 1);
		}
	} else if (creating || partsGiven) {
		user.name = [user.firstName, user.prefix, user.lastName].filter((part) => part).join(' ');
	}
}
