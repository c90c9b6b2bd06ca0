/**
 * Class, group and membership methods beyond the seed's (issue 7; ref §3 "Classes and groups", "Memberships").
 * An unknown group or class code answers 19 here, as getAllAccountsExtended does (no code of its own exists).
 */
import { unserializePhp } from '../../../../nodes/Smartschool/transport/php';
import { check, SmartschoolCode } from '../codes';
import { extrasOf, recordMove, type SchoolYearData } from '../extras';
import { INSTITUTE_NUMBER } from '../seed';
import type { SmartschoolState } from '../state';
import type { SmartschoolAccount, SmartschoolGroup } from '../types';
import { answerJson, phpSerialize } from '../views';
import { parseDate, text, type MethodTable, type Parts } from './types';

function group(state: SmartschoolState, code: string): SmartschoolGroup {
	const found = state.byCode(code);
	if (!found) throw new SmartschoolCode(19);
	return found;
}

function user(state: SmartschoolState, identifier: string): SmartschoolAccount {
	const account = state.byIdentifier(identifier);
	if (!account) throw new SmartschoolCode(9);
	return account;
}

const classes = (state: SmartschoolState) => [...state.groups.values()].filter((entry) => entry.parentId !== null && entry.type === 'K');

/** getClassList: name, desc, visibility, code, official flag (ref §3), PHP-serialized. */
function getClassList(_parts: Parts, state: SmartschoolState): string {
	const rows = [...state.groups.values()]
		.filter((entry) => entry.parentId !== null)
		.map((entry) => ({ name: entry.name, desc: entry.desc, visibility: entry.visible ? 1 : 0, code: entry.code, isOfficial: entry.isOfficial }));
	return phpSerialize(rows);
}

function getClassTeachers(parts: Parts, state: SmartschoolState): string {
	const all = ['1', 'true'].includes(text(parts, 'getAllOwners'));
	const titulars = (entry: SmartschoolGroup) =>
		(all ? entry.titulars : entry.titulars.slice(0, 1))
			.map((id) => state.accounts.get(id))
			.filter((account): account is SmartschoolAccount => account !== undefined)
			.map((account) => ({ gebruikersnaam: account.username, internnummer: account.internalNumber, voornaam: account.firstName, naam: account.lastName }));
	if (extrasOf(state).readings.classTeachersShape === 'byClass') {
		return answerJson(state, Object.fromEntries(classes(state).map((entry) => [entry.code, titulars(entry)])));
	}
	return answerJson(state, classes(state).flatMap((entry) => titulars(entry).map((teacher) => ({ klascode: entry.code, klasnaam: entry.name, ...teacher }))));
}

function delClass(parts: Parts, state: SmartschoolState): number {
	const entry = group(state, text(parts, 'code'));
	// Members keep their accounts (ref §3); a group with subgroups is left alone.
	check(state.childrenOf(entry).length > 0, 10);
	for (const id of entry.members) state.touch(id);
	state.groups.delete(entry.id);
	state.touch();
	return 0;
}

function clearGroup(parts: Parts, state: SmartschoolState): number {
	const entry = group(state, text(parts, 'group'));
	const date = text(parts, 'officialDate');
	check(date !== '' && parseDate(date) === undefined, 49);
	for (const id of [...entry.members]) state.removeMember(entry, state.accounts.get(id)!);
	return 0;
}

/** saveClassList / saveClassListJson: `[{id?, name, desc, code}]`, create or update classes by code. */
function saveClasses(list: unknown, state: SmartschoolState): number {
	const rows = Array.isArray(list) ? list : list !== null && typeof list === 'object' ? Object.values(list) : undefined;
	check(!rows || rows.length === 0, 14);
	for (const row of rows as Array<Record<string, unknown>>) {
		const [name, desc, code] = ['name', 'desc', 'code'].map((key) => String(row?.[key] ?? '').trim());
		check(code === '' || name === '', 14);
		const existing = state.byCode(code);
		check(existing?.type === 'G', 47);
		if (existing) {
			check(existing.isOfficial && existing.name !== name, 40);
			state.updateGroup(existing, { name, desc });
		} else {
			state.addGroup({ name, desc: desc || name, code, type: 'K' });
		}
	}
	return 0;
}

function parsed(parse: () => unknown): unknown {
	try {
		return parse();
	} catch {
		throw new SmartschoolCode(14);
	}
}

function changeGroupOwners(parts: Parts, state: SmartschoolState): number {
	const entry = group(state, text(parts, 'code'));
	const ids = text(parts, 'userlist').split(',').map((value) => value.trim()).filter(Boolean).map((value) => user(state, value).id);
	check(ids.length === 0, 14);
	state.updateGroup(entry, { titulars: ids });
	return 0;
}

function schoolYearData(state: SmartschoolState, entry: SmartschoolGroup): SchoolYearData {
	return (
		extrasOf(state).schoolYear.get(entry.id) ?? {
			id: String(entry.id), groupId: String(entry.id), schoolyear: '2025', instituteNumber: entry.instituteNumber,
			administrativeGroupNumber: entry.adminNumber, residence: '', domain: '', studyChoiceComponent: '', principal: '',
		}
	);
}

function saveSchoolyearDataOfClass(parts: Parts, state: SmartschoolState): number {
	const entry = group(state, text(parts, 'classCode'));
	const date = parseDate(text(parts, 'date'));
	check(date === undefined, 56);
	const institute = text(parts, 'instituteNumber').trim();
	check(institute === '' && entry.isOfficial, 35);
	check(institute !== '' && institute !== INSTITUTE_NUMBER, 27);
	const [year, month] = date!.split('-').map(Number);
	extrasOf(state).schoolYear.set(entry.id, {
		...schoolYearData(state, entry),
		schoolyear: String(month >= 9 ? year : year - 1),
		instituteNumber: institute,
		administrativeGroupNumber: text(parts, 'administrativeGroupNumber'),
		residence: text(parts, 'residence'),
		domain: text(parts, 'domain'),
		principal: text(parts, 'principal'),
	});
	state.updateGroup(entry, { instituteNumber: institute, adminNumber: text(parts, 'administrativeGroupNumber') });
	return 0;
}

/** Why one membership cannot be added (0 = it can): unknown code 13, non-student in an official class 30. */
function refusal(account: SmartschoolAccount, entry: SmartschoolGroup | undefined): number {
	if (!entry) return 13;
	if (entry.isOfficial && account.baseRole !== 'leerling') return 30;
	return 0;
}

/** Adds memberships; an official class replaces the current one (ref §3). */
function join(state: SmartschoolState, account: SmartschoolAccount, entry: SmartschoolGroup): void {
	if (entry.isOfficial) {
		const current = state.officialClassOf(account);
		if (current && current !== entry) state.removeMember(current, account);
	}
	state.addMember(entry, account);
}

const codesOf = (parts: Parts) => text(parts, 'csvList').split(',').map((code) => code.trim()).filter(Boolean);

function saveUserToClasses(parts: Parts, state: SmartschoolState): number {
	const account = user(state, text(parts, 'userIdentifier'));
	const entries = codesOf(parts).map((code) => state.byCode(code));
	check(entries.length === 0, 5);
	for (const entry of entries) check(refusal(account, entry) !== 0, refusal(account, entry));
	check(entries.filter((entry) => entry!.isOfficial).length > 1, 31);
	for (const entry of entries) join(state, account, entry!);
	return 0;
}

function saveUserToClassesAndGroups(parts: Parts, state: SmartschoolState): number | string {
	const account = user(state, text(parts, 'userIdentifier'));
	const codes = codesOf(parts);
	check(codes.length === 0, 5);
	const failures: Array<[string, number]> = [];
	let official = false;
	const accepted: SmartschoolGroup[] = [];
	for (const code of codes) {
		const entry = state.byCode(code);
		let reason = refusal(account, entry);
		if (reason === 0 && entry!.isOfficial && official) reason = 31;
		if (reason !== 0) failures.push([code, reason]);
		else {
			official ||= entry!.isOfficial;
			accepted.push(entry!);
		}
	}
	if (text(parts, 'keepOld') === '0') {
		// The official class goes only when the list brings another one: an active student always keeps one.
		for (const entry of state.groupsOf(account)) if (!entry.isOfficial || official) state.removeMember(entry, account);
	}
	for (const entry of accepted) join(state, account, entry);
	if (failures.length === 0) return 0;
	if (extrasOf(state).readings.membershipErrors === 'codes') return failures.map(([, code]) => code).join(',');
	return failures.map(([code, reason]) => `${code};${reason}`).join('\n');
}

export const CLASS_METHODS: MethodTable = {
	getClassList,
	getClassTeachers,
	delClass,
	clearGroup,
	saveClassList: (parts, state) => saveClasses(parsed(() => unserializePhp(text(parts, 'serializedList'))), state),
	saveClassListJson: (parts, state) => saveClasses(parsed(() => JSON.parse(text(parts, 'jsonList'))), state),
	changeGroupOwners,
	getSchoolyearDataOfClass: (parts, state) => answerJson(state, schoolYearData(state, group(state, text(parts, 'classCode')))),
	saveSchoolyearDataOfClass,
	saveUserToClasses,
	saveUserToClassesAndGroups,
};

/** Called by saveUserToClass: a move into an official class with its date enters the class history. */
export function registerClassMove(state: SmartschoolState, account: SmartschoolAccount, entry: SmartschoolGroup, date: string | undefined): void {
	if (entry.isOfficial) recordMove(state, account, entry, date ? parseDate(date) : undefined);
}
