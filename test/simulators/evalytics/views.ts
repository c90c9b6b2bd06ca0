/**
 * The JSON shapes Evalytics sends, key order as in the seed's examples. Pure functions: caching is the state's job.
 */
import type { EvalyticsOrganisationRecord, EvalyticsRoleRecord, EvalyticsUserRecord } from './types';

export function organisationView(org: EvalyticsOrganisationRecord): Record<string, unknown> {
	return {
		parent: org.parent,
		topOrganisation: org.topOrganisation,
		name: org.name,
		code: org.code,
		type: org.type,
		availableModules: org.availableModules,
		modules: org.modules,
		externalId: org.externalId,
		id: org.id,
	};
}

export function roleView(role: EvalyticsRoleRecord, userManagement2: boolean): Record<string, unknown> {
	const view: Record<string, unknown> = {
		id: role.id,
		user: role.user,
		evaluator: role.evaluator,
		role: role.role,
		organisation: role.organisation,
	};
	if (userManagement2) {
		view.enabled = role.enabled;
		view.propagate = role.propagate;
		view.propagated = role.propagated;
	}
	return view;
}

function profile(user: EvalyticsUserRecord): Record<string, unknown> {
	return {
		organisation: user.organisation,
		topOrganisation: user.topOrganisation,
		name: user.name,
		title: user.title,
		firstName: user.firstName,
		prefix: user.prefix,
		lastName: user.lastName,
		email: user.email,
		altId: user.altId,
		externalId: user.externalId,
		activated: user.activated,
		lastActivationMail: user.lastActivationMail,
		id: user.id,
	};
}

/** An item of `GET /user`: `organisations[]`, `roles[]`, then the profile. */
export function userListView(
	user: EvalyticsUserRecord,
	organisations: EvalyticsOrganisationRecord[],
	userManagement2: boolean,
): Record<string, unknown> {
	return {
		organisations: organisations.map(organisationView),
		roles: user.roles.map((role) => roleView(role, userManagement2)),
		...profile(user),
	};
}

/** `GET /user/:id`: `linkedOrganisations[]`, `roles[]` (propagated copies hidden on request), the profile. */
export function userItemView(
	user: EvalyticsUserRecord,
	organisations: EvalyticsOrganisationRecord[],
	userManagement2: boolean,
	showPropagatedRoles: boolean,
): Record<string, unknown> {
	const roles = showPropagatedRoles ? user.roles : user.roles.filter((role) => !role.propagated);
	return {
		linkedOrganisations: organisations.map(organisationView),
		roles: roles.map((role) => roleView(role, userManagement2)),
		...profile(user),
	};
}

/** The answer to a create or update (seed: "Gebruiker aanmaken" 200 example), plus the documented externalId. */
export function userWriteView(user: EvalyticsUserRecord): Record<string, unknown> {
	return {
		deleted: user.deleted,
		createdBy: user.createdBy,
		modifiedBy: user.modifiedBy,
		name: user.name,
		title: user.title,
		firstName: user.firstName,
		prefix: user.prefix,
		lastName: user.lastName,
		email: user.email,
		altId: user.altId,
		externalId: user.externalId,
		activated: user.activated,
		lastActivationMail: user.lastActivationMail,
		organisation: user.organisation,
		topOrganisation: user.topOrganisation,
		id: user.id,
	};
}
