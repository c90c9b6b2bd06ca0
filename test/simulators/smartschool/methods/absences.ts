/**
 * The seven absence reads (ref §3 "Absences"): half-day codes per date, JSON. A student without any registration
 * on the day is left out. Keys: the plain by-date methods use the platform user id (or the Uniek veld, reading
 * `absenceKey`); the WithInternalNumber / WithUsername variants key by those.
 */
import { check, SmartschoolCode } from '../codes';
import { ABSENCE_ALIASES, schoolOf, type AbsenceCode, type HalfDays } from '../school';
import type { SmartschoolState } from '../state';
import type { SmartschoolAccount } from '../types';
import { answerJson } from '../views';
import { parseDate, text, type MethodTable, type Parts } from './types';

type Key = 'userId' | 'internalNumber' | 'username';

/** PHP's json_encode writes an empty associative array as `[]`. */
function phpJson(state: SmartschoolState, map: Record<string, unknown>): string {
	return Object.keys(map).length === 0 ? '[]' : answerJson(state, map);
}

function withAlias(code: AbsenceCode): { code: string; alias: string } | null {
	return code === null ? null : { code, alias: ABSENCE_ALIASES[code] ?? code };
}

function view(days: HalfDays, alias: boolean): Record<string, unknown> {
	return alias ? { am: withAlias(days.am), pm: withAlias(days.pm) } : { am: days.am, pm: days.pm };
}

function dateOf(parts: Parts): string {
	const date = parseDate(text(parts, 'date'));
	if (!date) throw new SmartschoolCode(49);
	return date;
}

function keyOf(state: SmartschoolState, account: SmartschoolAccount, key: Key): string {
	if (key === 'internalNumber') return account.internalNumber;
	if (key === 'username') return account.username;
	if (schoolOf(state).readings.absenceKey === 'uniqueField') {
		return state.settings.uniqueField === 'number' ? account.internalNumber : account.username;
	}
	return String(account.id);
}

/** `{ "<key>": { am, pm } }` for every student with a registration on the date, optionally limited to some accounts. */
function byDate(state: SmartschoolState, date: string, key: Key, alias: boolean, only?: Set<number>): string {
	const result: Record<string, unknown> = {};
	for (const [accountId, days] of schoolOf(state).absences) {
		const halfDays = days.get(date);
		const account = state.accounts.get(accountId);
		if (!halfDays || !account || (only && !only.has(accountId))) continue;
		const name = keyOf(state, account, key);
		if (name !== '') result[name] = view(halfDays, alias);
	}
	return phpJson(state, result);
}

/** One student's school year: schoolYear is its start year (2025 = 2025-09-01 … 2026-08-31). */
function forStudent(parts: Parts, state: SmartschoolState, alias: boolean): string {
	const account = state.byIdentifier(text(parts, 'userIdentifier'));
	check(!account, 12);
	const year = text(parts, 'schoolYear');
	check(!/^\d{4}$/.test(year), 56);
	const [from, to] = [`${year}-09-01`, `${Number(year) + 1}-08-31`];
	const result: Record<string, unknown> = {};
	const days = schoolOf(state).absences.get(account!.id) ?? new Map<string, HalfDays>();
	for (const date of [...days.keys()].sort()) if (date >= from && date <= to) result[date] = view(days.get(date)!, alias);
	return phpJson(state, result);
}

function byDateAndGroup(parts: Parts, state: SmartschoolState): string {
	const date = dateOf(parts);
	const group = state.byCode(text(parts, 'code'));
	check(!group, 19);
	const members = new Set<number>();
	for (const member of state.subtree(group!)) for (const id of member.members) members.add(id);
	return byDate(state, date, 'userId', false, members);
}

export const ABSENCE_METHODS: MethodTable = {
	getAbsents: (parts, state) => forStudent(parts, state, false),
	getAbsentsWithAlias: (parts, state) => forStudent(parts, state, true),
	getAbsentsByDate: (parts, state) => byDate(state, dateOf(parts), 'userId', false),
	getAbsentsWithAliasByDate: (parts, state) => byDate(state, dateOf(parts), 'userId', true),
	getAbsentsWithInternalNumberByDate: (parts, state) => byDate(state, dateOf(parts), 'internalNumber', false),
	getAbsentsWithUsernameByDate: (parts, state) => byDate(state, dateOf(parts), 'username', false),
	getAbsentsByDateAndGroup: byDateAndGroup,
};
