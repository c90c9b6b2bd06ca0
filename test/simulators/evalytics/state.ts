/**
 * The in-memory Evalytics platform: an organisation tree and its users. Routes and tests change it only
 * through these methods, so the cached JSON of each user is dropped whenever that user changes.
 */
import {
	DEFAULT_READINGS,
	type EvalyticsOrganisationRecord,
	type EvalyticsReadings,
	type EvalyticsUserRecord,
	type NewUser,
	type UserPatch,
} from './types';
import { SimulatorCache } from './cache';
import { applyNames, buildRoles, settlePropagation } from './records';
import { userItemView, userListView } from './views';

export { TEACHER_ROLE } from './records';

export interface UserFilter {
	organisation: number;
	includeChildOrganisations: boolean;
	q?: string;
	roles?: number[];
}

export class EvalyticsState {
	/** The organisation tree as a list by id; each record names its `parent` (null for the top). */
	readonly organisations: EvalyticsOrganisationRecord[] = [];
	readonly users = new Map<number, EvalyticsUserRecord>();
	/** `createdBy`/`modifiedBy` of API writes; the seed's examples show "3". */
	readonly apiUserId = '3';
	/** Bumped by every change to users or organisations (not by setReadings). */
	modifications = 0;

	private currentReadings: EvalyticsReadings;
	private nextUserId = 1;
	private nextRoleId = 1;
	private organisationsById = new Map<number, EvalyticsOrganisationRecord>();
	private subtrees = new Map<number, Set<number>>();
	private cache = new SimulatorCache();
	private ordered: EvalyticsUserRecord[] | null = null;
	/** Bumped by every change, readings included: cached results and pages are valid for one version. */
	private version = 0;

	constructor(readings: Partial<EvalyticsReadings> = {}) {
		this.currentReadings = { ...DEFAULT_READINGS, ...readings };
	}

	get readings(): Readonly<EvalyticsReadings> {
		return this.currentReadings;
	}

	setReadings(readings: Partial<EvalyticsReadings>): void {
		const umChanged =
			readings.userManagement2 !== undefined && readings.userManagement2 !== this.currentReadings.userManagement2;
		this.currentReadings = { ...this.currentReadings, ...readings };
		if (umChanged) for (const user of this.users.values()) user.roles = this.rolesOf(user);
		this.version += 1;
		this.cache.forgetUser();
	}

	// ---- organisations ----

	addOrganisation(org: Partial<EvalyticsOrganisationRecord> & { id: number; name: string }): EvalyticsOrganisationRecord {
		if (this.organisationsById.has(org.id)) throw new Error(`Organisation ${org.id} exists already`);
		const parent = org.parent ?? null;
		const parentRecord = parent === null ? undefined : this.organisationsById.get(parent);
		if (parent !== null && !parentRecord) throw new Error(`Parent organisation ${parent} is unknown`);
		const record: EvalyticsOrganisationRecord = {
			id: org.id,
			parent,
			topOrganisation: org.topOrganisation ?? parentRecord?.topOrganisation ?? org.id,
			name: org.name,
			code: org.code ?? '',
			type: org.type ?? null,
			availableModules: org.availableModules ?? null,
			modules: org.modules ?? null,
			externalId: org.externalId ?? null,
		};
		this.organisationsById.set(record.id, record);
		this.organisations.push(record);
		this.organisations.sort((a, b) => a.id - b.id);
		this.subtrees.clear();
		// UM 2.0: a propagating role also applies to child organisations added later.
		for (const user of this.users.values()) {
			if (user.roleSpecs.some((spec) => spec.propagate)) user.roles = this.rolesOf(user);
		}
		this.changed();
		return record;
	}

	get topOrganisation(): EvalyticsOrganisationRecord {
		const top = this.organisations.find((org) => org.parent === null);
		if (top) return top;
		throw new Error('The simulator has no top organisation');
	}

	childrenOf(id: number): EvalyticsOrganisationRecord[] {
		return this.organisations.filter((org) => org.parent === id);
	}

	/** The organisation and everything under it. */
	subtreeOf(id: number): ReadonlySet<number> {
		let subtree = this.subtrees.get(id);
		if (!subtree) {
			subtree = new Set([id]);
			for (const current of subtree) for (const child of this.childrenOf(current)) subtree.add(child.id);
			this.subtrees.set(id, subtree);
		}
		return subtree;
	}

	getOrganisation(id: number): EvalyticsOrganisationRecord | undefined {
		return this.organisationsById.get(id);
	}

	/** An organisation by internal id or externalId (the `organisation` query parameter accepts both). */
	resolveOrganisation(value: string): EvalyticsOrganisationRecord | undefined {
		if (/^\d+$/.test(value)) {
			const byId = this.organisationsById.get(Number(value));
			if (byId) return byId;
		}
		return this.organisations.find((org) => org.externalId === value);
	}

	/** Organisations the user is linked to: those of its roles and permission groups, by id. */
	linkedOrganisations(user: EvalyticsUserRecord): EvalyticsOrganisationRecord[] {
		const ids = new Set<number>();
		for (const role of user.roles) ids.add(role.organisation);
		for (const group of user.additionalPermissionGroups) ids.add(group.organisation);
		return [...ids]
			.sort((a, b) => a - b)
			.map((id) => this.organisationsById.get(id))
			.filter((org): org is EvalyticsOrganisationRecord => org !== undefined);
	}

	// ---- users ----

	/** Adds a user as is (no validation: the routes validate); roles are expanded like the platform does. */
	addUser(input: NewUser): EvalyticsUserRecord {
		const id = input.id ?? this.nextUserId;
		if (this.users.has(id)) throw new Error(`User ${id} exists already`);
		this.nextUserId = Math.max(this.nextUserId, id + 1);
		const top = this.topOrganisation.id;
		const user: EvalyticsUserRecord = {
			id,
			organisation: input.organisation ?? top,
			topOrganisation: input.topOrganisation ?? top,
			name: '',
			title: input.title ?? '',
			firstName: input.firstName ?? '',
			prefix: input.prefix ?? '',
			lastName: input.lastName ?? '',
			email: input.email,
			altId: input.altId ?? null,
			externalId: input.externalId ?? null,
			activated: input.activated ?? false,
			lastActivationMail: input.lastActivationMail ?? null,
			noSurf: input.noSurf ?? false,
			deleted: input.deleted ?? false,
			blocked: input.blocked ?? false,
			createdBy: input.createdBy ?? this.apiUserId,
			modifiedBy: input.modifiedBy ?? input.createdBy ?? this.apiUserId,
			roleSpecs: settlePropagation(input.roles ?? []),
			roles: [],
			additionalPermissionGroups: input.additionalPermissionGroups ?? [],
			teacherOrganisations: input.teacherOrganisations ?? [],
		};
		applyNames(user, input, true);
		user.roles = this.rolesOf(user);
		this.users.set(id, user);
		this.ordered = null;
		this.changed(id);
		return user;
	}

	/** Changes the given fields; `roles` replaces the whole role list, as the update call does. */
	updateUser(id: number, patch: UserPatch): EvalyticsUserRecord {
		const user = this.requireUser(id);
		const { roles, ...fields } = patch;
		for (const [key, value] of Object.entries(fields)) {
			if (value !== undefined) (user as unknown as Record<string, unknown>)[key] = value;
		}
		applyNames(user, patch, false);
		if (roles) user.roleSpecs = settlePropagation(roles);
		user.roles = this.rolesOf(user);
		this.changed(id);
		return user;
	}

	/** Soft delete (`undo` restores): the user keeps its e-mail address and data. */
	deleteUser(id: number, undo = false): EvalyticsUserRecord {
		return this.updateUser(id, { deleted: !undo });
	}

	blockUser(id: number, undo = false): EvalyticsUserRecord {
		return this.updateUser(id, { blocked: !undo });
	}

	/** For tests: by internal id, externalId or e-mail address; deleted users included (check `deleted`). */
	findUser(idOrExternalIdOrEmail: string | number): EvalyticsUserRecord | undefined {
		const value = String(idOrExternalIdOrEmail);
		return this.lookupUser(value) ?? (value.includes('@') ? this.findByEmail(value) : undefined);
	}

	/** What `/user/:id` accepts: internal id, else externalId; deleted users included. */
	lookupUser(idOrExternalId: string): EvalyticsUserRecord | undefined {
		const value = idOrExternalId;
		if (/^\d+$/.test(value)) {
			const byId = this.users.get(Number(value));
			if (byId) return byId;
		}
		for (const user of this.orderedUsers()) if (user.externalId === value) return user;
		return undefined;
	}

	/** Case-insensitive; deleted users still hold their address. */
	findByEmail(email: string): EvalyticsUserRecord | undefined {
		const wanted = email.toLowerCase();
		for (const user of this.users.values()) if (user.email.toLowerCase() === wanted) return user;
		return undefined;
	}

	/** Call after changing a record directly, so its cached JSON is rebuilt. */
	touch(id?: number): void {
		if (id !== undefined) {
			const user = this.users.get(id);
			if (user) user.roles = this.rolesOf(user);
		}
		this.changed(id);
	}

	/** Users of `GET /user`, by id; the result is cached until the next change. */
	listUsers(filter: UserFilter): EvalyticsUserRecord[] {
		const roles = filter.roles?.length ? [...new Set(filter.roles)].sort((a, b) => a - b) : undefined;
		const q = filter.q?.toLowerCase() || undefined;
		const key = JSON.stringify([filter.organisation, filter.includeChildOrganisations, q, roles]);
		return this.cache.result(this.version, key, () => {
			const scope = filter.includeChildOrganisations ? this.subtreeOf(filter.organisation) : new Set([filter.organisation]);
			const wantedRoles = roles ? new Set(roles) : undefined;
			return this.orderedUsers().filter(
				(user) =>
					!user.deleted &&
					this.isLinkedTo(user, scope) &&
					(!wantedRoles || user.roles.some((role) => wantedRoles.has(role.role))) &&
					(!q || this.searchText(user).includes(q)),
			);
		});
	}

	/**
	 * Bytes that depend only on the data (e.g. the results part of a list page), kept until the next change.
	 * Repeated page walks (the bench) then cost the simulator one copy.
	 */
	memo(key: string, build: () => Buffer): Buffer {
		return this.cache.bytes(this.version, key, build);
	}

	/** Whether `/user/:id` in this organisation may see the user: its organisation, a role or a group is at or below it. */
	isVisibleFrom(user: EvalyticsUserRecord, organisation: number): boolean {
		return this.isLinkedTo(user, this.subtreeOf(organisation));
	}

	/** A user belongs to its own `organisation` and to those of its roles and permission groups. */
	private isLinkedTo(user: EvalyticsUserRecord, scope: ReadonlySet<number>): boolean {
		return (
			scope.has(user.organisation) ||
			user.roles.some((role) => scope.has(role.organisation)) ||
			user.additionalPermissionGroups.some((group) => scope.has(group.organisation))
		);
	}

	/** The user's JSON bytes as a list item, serialised once per change. */
	listJson(user: EvalyticsUserRecord): Buffer {
		const entry = this.cache.user(user.id);
		entry.list ??= toJsonBytes(userListView(user, this.linkedOrganisations(user), this.readings.userManagement2));
		return entry.list;
	}

	/** The JSON bytes of `GET /user/:id`. */
	itemJson(user: EvalyticsUserRecord, showPropagatedRoles: boolean): Buffer {
		const entry = this.cache.user(user.id);
		const um2 = this.readings.userManagement2;
		if (showPropagatedRoles) {
			entry.item ??= toJsonBytes(userItemView(user, this.linkedOrganisations(user), um2, true));
			return entry.item;
		}
		entry.itemWithoutPropagated ??= toJsonBytes(userItemView(user, this.linkedOrganisations(user), um2, false));
		return entry.itemWithoutPropagated;
	}

	// ---- internals ----

	private rolesOf(user: EvalyticsUserRecord) {
		return buildRoles(user, {
			userManagement2: this.readings.userManagement2,
			subtreeOf: (organisation) => this.subtreeOf(organisation),
			newRoleId: () => this.nextRoleId++,
		});
	}

	private requireUser(id: number): EvalyticsUserRecord {
		const user = this.users.get(id);
		if (!user) throw new Error(`User ${id} is unknown`);
		return user;
	}

	private orderedUsers(): EvalyticsUserRecord[] {
		this.ordered ??= [...this.users.values()].sort((a, b) => a.id - b.id);
		return this.ordered;
	}

	private searchText(user: EvalyticsUserRecord): string {
		const entry = this.cache.user(user.id);
		entry.search ??= [user.name, user.firstName, user.prefix, user.lastName, user.email, user.externalId, user.altId]
			.filter((part) => part)
			.join('\n')
			.toLowerCase();
		return entry.search;
	}

	private changed(id?: number): void {
		this.modifications += 1;
		this.version += 1;
		this.cache.forgetUser(id);
	}
}

function toJsonBytes(value: unknown): Buffer {
	return Buffer.from(JSON.stringify(value));
}
