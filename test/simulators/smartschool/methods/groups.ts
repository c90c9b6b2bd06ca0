/** Groups, classes and memberships (ref §3 "Classes and groups", "Memberships"; tree shape §5.2). */
import { check, SmartschoolCode } from '../codes';
import type { SmartschoolState } from '../state';
import type { SmartschoolAccount, SmartschoolGroup } from '../types';
import { answerJson, classListView, groupTreeBase64 } from '../views';
import { registerClassMove } from './classes';
import { parseDate, text, type MethodTable, type Parts } from './types';

function user(state: SmartschoolState, parts: Parts): SmartschoolAccount {
	const account = state.byIdentifier(text(parts, 'userIdentifier'));
	if (!account) throw new SmartschoolCode(9);
	return account;
}

/** An optional official date must be a real date (49); it only decides whether a class movement waits for confirmation. */
function checkOfficialDate(parts: Parts): void {
	const date = text(parts, 'officialDate');
	check(date !== '' && parseDate(date) === undefined, 49);
}

/** Moves a student into an official class (leaving the old one); adds to anything else (ref §3, S6). */
function saveUserToClass(parts: Parts, state: SmartschoolState): number {
	const account = user(state, parts);
	const group = state.byCode(text(parts, 'class'));
	check(!group, 13);
	checkOfficialDate(parts);
	if (group!.isOfficial) {
		check(account.baseRole !== 'leerling', 30);
		// Registered before the move, so a history read for the first time still starts in the old class.
		registerClassMove(state, account, group!, text(parts, 'officialDate') || undefined);
		const current = state.officialClassOf(account);
		if (current && current !== group) state.removeMember(current, account);
	}
	state.addMember(group!, account);
	return 0;
}

function findGroup(state: SmartschoolState, value: string): SmartschoolGroup | undefined {
	const by = state.readings.removeGroupBy;
	return (by !== 'name' ? state.byCode(value) : undefined) ?? (by !== 'code' ? state.byName(value) : undefined);
}

function removeUserFromGroup(parts: Parts, state: SmartschoolState): number {
	const account = user(state, parts);
	const group = findGroup(state, text(parts, 'class'));
	check(!group, 13);
	checkOfficialDate(parts);
	// An active student cannot be left without an official class.
	check(group!.isOfficial && group!.members.has(account.id) && account.baseRole === 'leerling' && account.status === 'actief', 32);
	state.removeMember(group!, account);
	return 0;
}

/** Create or update by code; an update changes desc and untis only: no rename, no move (ref §3, S6). */
function saveGroup(parts: Parts, state: SmartschoolState): number {
	const [name, desc, code, parentCode, untis] = ['name', 'desc', 'code', 'parent', 'untis'].map((part) => text(parts, part).trim());
	check(code === '' || name === '', 14);
	check(desc === '' && state.readings.emptyDescRejected, 14);
	const existing = state.byCode(code);
	check(existing?.type === 'K', 47);
	const untisHolder = untis === '' ? undefined : [...state.groups.values()].find((group) => group.untis === untis);
	check(untisHolder !== undefined && untisHolder !== existing, 57);
	if (existing) {
		state.updateGroup(existing, { desc, untis });
		return 0;
	}
	const parent = parentCode === '' || parentCode === '0' ? state.root : state.byCode(parentCode);
	check(!parent, 53);
	check(parent!.isOfficial, state.readings.officialParentCode);
	state.addGroup({ name, desc, code, untis, type: 'G', parentCode: parent!.code || undefined });
	return 0;
}

export const GROUP_METHODS: MethodTable = {
	getAllGroupsAndClasses: (_parts, state) => groupTreeBase64(state),
	getClassListJson: (_parts, state) => answerJson(state, classListView(state)),
	saveGroup,
	saveUserToClass,
	removeUserFromGroup,
};
