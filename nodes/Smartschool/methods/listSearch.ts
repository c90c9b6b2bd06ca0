/**
 * Pickers for the resource locators: users (whole platform, or the members of the node's chosen group),
 * groups and classes. Values are what the V3 methods take: the user's unique field (Uniek veld) and codes.
 */
import { createHash } from 'node:crypto';
import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { flattenGroups } from '../actions/group/tree';
import type { GroupNode, SmartschoolClient } from '../transport';
import { createSmartschoolClient } from '../transport/lazy';

const PAGE = 100;
/** A whole-platform account list is one large SOAP answer; paging through it must not fetch it again per page. */
const USER_CACHE_MS = 60_000;
const USER_CACHE_KEYS = 20;

interface UserEntry {
	name: string;
	value: string;
	/** Lower-case, accent-free text the filter is matched against. */
	search: string;
}

const userCache = new Map<string, { expires: number; entries: Promise<UserEntry[]> }>();

/** Folds case and accents, so "celine" finds "Céline". */
function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase();
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

async function fetchUserEntries(client: SmartschoolClient, groupCode: string): Promise<UserEntry[]> {
	const [uniqueField, accounts] = await Promise.all([
		client.uniqueField(),
		client.call('getAllAccountsExtended', { code: groupCode, recursive: '1' }) as Promise<unknown>,
	]);
	const entries: UserEntry[] = [];
	const seen = new Set<string>();
	for (const account of Array.isArray(accounts) ? (accounts as Array<Record<string, unknown>>) : []) {
		const username = text(account.gebruikersnaam);
		const number = text(account.internnummer);
		const value = uniqueField === 'number' ? number : username;
		// Without its unique field an account cannot be addressed by any V3 method.
		if (!value || seen.has(value)) continue;
		seen.add(value);
		const fullName = [text(account.voornaam), text(account.naam)].filter(Boolean).join(' ') || value;
		const shown = uniqueField === 'number' ? `${username || '?'}, ${number}` : username;
		entries.push({ name: `${fullName} (${shown})`, value, search: fold(`${fullName} ${username} ${number}`) });
	}
	return entries.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

async function cachedUserEntries(client: SmartschoolClient, groupCode: string): Promise<UserEntry[]> {
	const { platformUrl, accessCode } = client.credentials;
	// Hashed so the access code is not kept as a map key in memory dumps or debug output.
	const key = createHash('sha256').update(`${platformUrl}\0${accessCode}\0${groupCode}`).digest('base64url');
	const now = Date.now();
	for (const [cachedKey, cached] of userCache) if (cached.expires <= now) userCache.delete(cachedKey);
	const hit = userCache.get(key);
	if (hit) return await hit.entries;
	if (userCache.size >= USER_CACHE_KEYS) userCache.delete(userCache.keys().next().value as string);
	const entries = fetchUserEntries(client, groupCode);
	userCache.set(key, { expires: now + USER_CACHE_MS, entries });
	entries.catch(() => userCache.delete(key));
	return await entries;
}

function page(entries: UserEntry[], filter: string | undefined, paginationToken: string | undefined): INodeListSearchResult {
	const wanted = filter ? fold(filter.trim()) : '';
	const matching = wanted ? entries.filter((entry) => entry.search.includes(wanted)) : entries;
	const offset = Math.max(0, Number(paginationToken) || 0);
	return {
		results: matching.slice(offset, offset + PAGE).map(({ name, value }) => ({ name, value })),
		paginationToken: offset + PAGE < matching.length ? String(offset + PAGE) : undefined,
	};
}

/** Accounts of the whole platform, searchable by name, username or internal number. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await createSmartschoolClient(this);
	return page(await cachedUserEntries(client, ''), filter, paginationToken);
}

/** Accounts of the group or class chosen in the node's "group" parameter (all of them when none is chosen). */
export async function searchGroupMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let groupCode = '';
	try {
		groupCode = text(this.getCurrentNodeParameter('group', { extractValue: true }));
	} catch {
		// No group parameter on this operation: the whole platform.
	}
	const client = await createSmartschoolClient(this);
	return page(await cachedUserEntries(client, groupCode), filter, paginationToken);
}

function matches(filter: string | undefined, ...fields: string[]): boolean {
	if (!filter?.trim()) return true;
	const wanted = fold(filter.trim());
	return fields.some((field) => fold(field).includes(wanted));
}

/** Groups and classes from the group tree, by name, code or description. */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createSmartschoolClient(this);
	const root = (await client.call('getAllGroupsAndClasses', {})) as GroupNode;
	const results: INodeListSearchItems[] = flattenGroups(root, undefined, 'both')
		.filter((group) => matches(filter, group.name, group.code, group.desc))
		.map((group) => ({
			name: `${group.name} (${group.type === 'class' ? 'klas' : 'groep'} ${group.code})`,
			value: group.code,
		}));
	return { results };
}

function isSet(flag: unknown): boolean {
	return flag === true || flag === 1 || flag === '1' || flag === 'true';
}

/** Classes from the flat class list (getClassListJson), by name, code or description. */
export async function searchClasses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createSmartschoolClient(this);
	const rows = await client.call('getClassListJson', {});
	const results: INodeListSearchItems[] = [];
	for (const row of Array.isArray(rows) ? (rows as Array<Record<string, unknown>>) : []) {
		const code = text(row.code);
		// Older platforms leave the flags out; an entry without them is listed rather than hidden.
		if (!code || ('isClass' in row && !isSet(row.isClass))) continue;
		if (!matches(filter, text(row.name), code, text(row.desc))) continue;
		results.push({ name: `${text(row.name) || code} (${code})`, value: code });
	}
	return { results: results.sort((a, b) => a.name.localeCompare(b.name, 'nl', { numeric: true })) };
}
