/** Records the Evalytics simulator keeps, with the field names of the documentation. */

export interface EvalyticsReadings {
	/** resultSet.count = results in this page (default) or all matches. Reference §2: not stated [G]. */
	countMeaning: 'page' | 'total';
	/** Add `skip` to resultSet; no example shows it (reference §2) [G]. Default false. */
	includeSkipInResultSet: boolean;
	/** Update routes accepted: POST /user/:id (doc heading) and/or PUT /user/:id (UM 2.0 notes) [G]. */
	updateMethods: Array<'POST' | 'PUT'>;
	/** `role=3&role=5` (repeat), `role=3,5` (comma) or both (reference §6.4) [G]. */
	roleQuery: 'repeat' | 'comma' | 'both';
	/** Status for a duplicate e-mail (reference §3: undocumented) [G]. */
	duplicateEmailStatus: 400 | 409 | 422;
	/** User Management 2.0 rules and fields (seed, "Upgrading to User Management 2.0"). */
	userManagement2: boolean;
}

export const DEFAULT_READINGS: EvalyticsReadings = {
	countMeaning: 'page',
	includeSkipInResultSet: false,
	updateMethods: ['POST', 'PUT'],
	roleQuery: 'both',
	duplicateEmailStatus: 422,
	userManagement2: true,
};

export type OrganisationType = 'faculty' | 'department';

export interface EvalyticsOrganisationRecord {
	id: number;
	parent: number | null;
	topOrganisation: number;
	name: string;
	code: string;
	/** The top organisation (instelling) has none: the documentation names only faculty and department. */
	type: OrganisationType | null;
	availableModules: unknown;
	modules: unknown;
	externalId: string | null;
}

export interface EvalyticsRoleRecord {
	id: number;
	user: number;
	evaluator: number | null;
	role: number;
	organisation: number;
	/** UM 2.0: teacher roles only in input; shown on every role, as in the seed's GET example. */
	enabled: boolean;
	/** UM 2.0: this role is applied to all child organisations. */
	propagate: boolean;
	/** UM 2.0, read-only: a copy made by a parent's `propagate`. */
	propagated: boolean;
}

export interface PermissionGroupRecord {
	organisation: number;
	additionalPermissionGroup: number;
	isTeacher?: boolean;
}

/** A role as a create/update body gives it. */
export interface RoleSpec {
	organisation: number;
	role: number;
	enabled?: boolean;
	propagate?: boolean;
}

export interface EvalyticsUserRecord {
	id: number;
	/** The organisation the user was created in. */
	organisation: number;
	topOrganisation: number;
	name: string;
	title: string;
	firstName: string;
	prefix: string;
	lastName: string;
	email: string;
	altId: string | null;
	externalId: string | null;
	activated: boolean;
	lastActivationMail: string | null;
	/** Internal: user logs in with a password instead of SAML. Not in any response example. */
	noSurf: boolean;
	deleted: boolean;
	/** Internal: the reference shows no `blocked` field. */
	blocked: boolean;
	createdBy: string;
	modifiedBy: string;
	/** The role list as given, with `propagate` settled (no propagated copies, no disabled teacher roles). */
	roleSpecs: RoleSpec[];
	/** What the API shows: roleSpecs plus propagated copies and (UM 2.0) disabled teacher roles. */
	roles: EvalyticsRoleRecord[];
	additionalPermissionGroups: PermissionGroupRecord[];
	/** Organisations where a teacher object exists (made by POST /teacher, which is not simulated). */
	teacherOrganisations: number[];
}

/** What `addUser` takes: an e-mail and anything else; the rest gets defaults. */
export type NewUser = Partial<Omit<EvalyticsUserRecord, 'roles' | 'roleSpecs'>> & { email: string; roles?: RoleSpec[] };

/** What `updateUser` takes: `roles` replaces the role list. */
export type UserPatch = Partial<Omit<EvalyticsUserRecord, 'id' | 'roles' | 'roleSpecs'>> & { roles?: RoleSpec[] };
