/**
 * The diff itself, free of n8n: which source people are new, which accounts differ (and how), which accounts the
 * sync manages but the source no longer lists. One pass over each side with a Map on the normalised key, so
 * 50,000 × 50,000 rows cost two Map builds, not a nested loop.
 */
import type { IDataObject } from 'n8n-workflow';

import { comparable, type FieldReader } from './keys';

export interface FieldPair {
	sourceField: string;
	platformField: string;
	source: FieldReader;
	platform: FieldReader;
}

export interface CompareInput {
	source: IDataObject[];
	platform: IDataObject[];
	/** The source key of each source record, as read (field or expression), before normalising. */
	sourceKeys: unknown[];
	platformKey: FieldReader;
	normalise: (value: unknown) => string | undefined;
	fields: FieldPair[];
	trimValues: boolean;
	/** How the platform says an account is active; absent: every account is active. Values lower-case. */
	status?: { read: FieldReader; active: Set<string> };
	/** Only these platform accounts are managed (role, group…); absent: all. Values lower-case. */
	scope?: { read: FieldReader; values: Set<string> };
	/** Normalised keys of accounts the sync never changes. */
	neverTouch: Set<string>;
	/** Also remove accounts that are already inactive (e.g. to delete them). */
	removeInactive: boolean;
	/** Whether source record i is flagged as a leaver. */
	isLeaver: (index: number) => boolean;
}

export interface Change {
	sourceField: string;
	platformField: string;
	before: unknown;
	after: unknown;
}

export interface UpdatePlan {
	source: number;
	platform: number;
	key: string;
	reactivate: boolean;
	changes: Change[];
}

export interface RemovePlan {
	platform: number;
	key: string;
	reason: 'notInSource' | 'leaver';
	source?: number;
}

export interface SkipPlan {
	key: string;
	reason: 'neverTouch' | 'outOfScope' | 'leaverWithoutActiveAccount' | 'duplicateKey';
	source?: number;
	platform?: number;
}

export interface KeyProblems {
	/** Item indexes without a usable key. */
	missing: number[];
	/** Keys seen more than once, with every item index that has it (the first one is used). */
	duplicates: Array<{ key: string; items: number[] }>;
}

export interface SyncPlan {
	create: number[];
	update: UpdatePlan[];
	remove: RemovePlan[];
	/** Parallel arrays: source and platform index of each unchanged pair (no object per pair). */
	unchangedSource: number[];
	unchangedPlatform: number[];
	skipped: SkipPlan[];
	sourceKeys: Array<string | undefined>;
	platformKeys: Array<string | undefined>;
	sourceProblems: KeyProblems;
	platformProblems: KeyProblems;
	/** Platform accounts the sync manages: with a key, in scope, not never-touch, active (unless removeInactive). */
	scopedPlatform: number;
	/** Accounts not in the source that are already inactive: not removals. */
	inactiveNotInSource: number;
}

function indexByKey(keys: Array<string | undefined>): { first: Map<string, number>; problems: KeyProblems } {
	const first = new Map<string, number>();
	const missing: number[] = [];
	let duplicateItems: Map<string, number[]> | undefined;
	for (let index = 0; index < keys.length; index++) {
		const key = keys[index];
		if (key === undefined) {
			missing.push(index);
			continue;
		}
		const seen = first.get(key);
		if (seen === undefined) {
			first.set(key, index);
			continue;
		}
		duplicateItems ??= new Map();
		const items = duplicateItems.get(key);
		if (items) items.push(index);
		else duplicateItems.set(key, [seen, index]);
	}
	const duplicates = duplicateItems ? [...duplicateItems].map(([key, items]) => ({ key, items })) : [];
	return { first, problems: { missing, duplicates } };
}

/** Whether a field value (or any entry of a list field) is one of `values` (lower-case), ignoring case and spaces. */
function hasValue(value: unknown, values: Set<string>): boolean {
	if (typeof value === 'string') return values.has(value.trim().toLowerCase());
	if (typeof value === 'number' || typeof value === 'boolean') return values.has(String(value));
	if (Array.isArray(value)) return value.some((entry) => hasValue(entry, values));
	return false;
}

/** Equal as the sync sees it: identical, or the same text (trimmed on request), with null, undefined and '' empty. */
function sameValue(after: unknown, before: unknown, trim: boolean): boolean {
	if (after === before) return true;
	return comparable(after, trim) === comparable(before, trim);
}

export function comparePlan(input: CompareInput): SyncPlan {
	const { source, platform, normalise, fields, trimValues, status, scope, neverTouch } = input;
	const sourceKeys = input.sourceKeys.map(normalise);
	const platformKeys = platform.map((record) => normalise(input.platformKey(record)));
	// One Map, on the platform side. Source duplicates are found through it: a platform account claimed twice, or
	// (for people without an account) a small Map of the keys to create.
	const platformIndex = indexByKey(platformKeys);
	const claimedBy = new Int32Array(platform.length).fill(-1);
	const unmatchedSeen = new Map<string, number>();
	const sourceMissing: number[] = [];
	const sourceDuplicates = new Map<string, number[]>();
	const firstOfKey = new Uint8Array(source.length);
	for (let s = 0; s < source.length; s++) {
		const key = sourceKeys[s];
		if (key === undefined) {
			sourceMissing.push(s);
			continue;
		}
		const p = platformIndex.first.get(key);
		const owner = p !== undefined ? claimedBy[p] : (unmatchedSeen.get(key) ?? -1);
		if (owner === -1) {
			firstOfKey[s] = 1;
			if (p !== undefined) claimedBy[p] = s;
			else unmatchedSeen.set(key, s);
			continue;
		}
		const items = sourceDuplicates.get(key);
		if (items) items.push(s);
		else sourceDuplicates.set(key, [owner, s]);
	}
	const sourceProblems: KeyProblems = {
		missing: sourceMissing,
		duplicates: [...sourceDuplicates].map(([key, items]) => ({ key, items })),
	};

	const isActive = (record: IDataObject) => !status || hasValue(status.read(record), status.active);
	const inScope = (record: IDataObject) => !scope || hasValue(scope.read(record), scope.values);

	const plan: SyncPlan = {
		create: [],
		update: [],
		remove: [],
		unchangedSource: [],
		unchangedPlatform: [],
		skipped: [],
		sourceKeys,
		platformKeys,
		sourceProblems,
		platformProblems: platformIndex.problems,
		scopedPlatform: 0,
		inactiveNotInSource: 0,
	};

	for (let s = 0; s < source.length; s++) {
		const key = sourceKeys[s];
		if (key === undefined) continue;
		if (!firstOfKey[s]) {
			plan.skipped.push({ key, reason: 'duplicateKey', source: s });
			continue;
		}
		const p = platformIndex.first.get(key);
		const leaver = input.isLeaver(s);
		if (neverTouch.has(key)) {
			plan.skipped.push({ key, reason: 'neverTouch', source: s, platform: p });
			continue;
		}
		if (p === undefined) {
			if (leaver) plan.skipped.push({ key, reason: 'leaverWithoutActiveAccount', source: s });
			else plan.create.push(s);
			continue;
		}
		const account = platform[p];
		if (!inScope(account)) {
			plan.skipped.push({ key, reason: 'outOfScope', source: s, platform: p });
			continue;
		}
		const active = isActive(account);
		if (leaver) {
			if (active || input.removeInactive) plan.remove.push({ platform: p, key, reason: 'leaver', source: s });
			else plan.skipped.push({ key, reason: 'leaverWithoutActiveAccount', source: s, platform: p });
			continue;
		}
		const changes: Change[] = [];
		for (const field of fields) {
			const after = field.source(source[s]);
			const before = field.platform(account);
			if (!sameValue(after, before, trimValues)) {
				changes.push({ sourceField: field.sourceField, platformField: field.platformField, before, after });
			}
		}
		if (!active || changes.length > 0) {
			plan.update.push({ source: s, platform: p, key, reactivate: !active, changes });
		} else {
			plan.unchangedSource.push(s);
			plan.unchangedPlatform.push(p);
		}
	}

	for (let p = 0; p < platform.length; p++) {
		const key = platformKeys[p];
		if (key === undefined || neverTouch.has(key)) continue;
		const account = platform[p];
		if (!inScope(account)) continue;
		const active = isActive(account);
		if (active || input.removeInactive) plan.scopedPlatform++;
		if (claimedBy[p] !== -1 || platformIndex.first.get(key) !== p) continue;
		if (active || input.removeInactive) plan.remove.push({ platform: p, key, reason: 'notInSource' });
		else plan.inactiveNotInSource++;
	}
	return plan;
}
