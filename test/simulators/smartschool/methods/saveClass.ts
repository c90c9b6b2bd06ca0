/**
 * saveClass (ref §3 "Classes and groups"): create or update a class by code. The last three parts are for official
 * classes: a class created with an institute number is official. Codes by their table meaning (ref §2): 14 no
 * code or name, 47 the code is a group's, 57 timetable code taken, 53 unknown parent, 54/55 parent official
 * (reading `officialParentCode`), 35 an administrative number without an institute number, 27 unknown institute
 * number, 56 bad school-year date; on an official class 40 rename, 41 new administrative number, 42 new institute
 * number. An update changes desc and untis only (no rename or move, ref §3).
 */
import { check } from '../codes';
import { INSTITUTE_NUMBER } from '../seed';
import type { SmartschoolState } from '../state';
import { parseDate, text, type MethodTable, type Parts } from './types';

function saveClass(parts: Parts, state: SmartschoolState): number {
	const [name, desc, code, parentCode, untis, institute, admin, date] = [
		'name', 'desc', 'code', 'parent', 'untis', 'instituteNumber', 'adminNumber', 'schoolYearDate',
	].map((part) => text(parts, part).trim());
	check(code === '' || name === '', 14);
	const existing = state.byCode(code);
	check(existing?.type === 'G', 47);
	const untisHolder = untis === '' ? undefined : [...state.groups.values()].find((group) => group.untis === untis);
	check(untisHolder !== undefined && untisHolder !== existing, 57);
	check(date !== '' && parseDate(date) === undefined, 56);
	check(institute !== '' && institute !== INSTITUTE_NUMBER, 27);
	if (existing) {
		if (existing.isOfficial) {
			check(existing.name !== name, 40);
			check(admin !== '' && admin !== existing.adminNumber, 41);
			check(institute !== '' && institute !== existing.instituteNumber, 42);
		}
		state.updateGroup(existing, { desc, untis });
		return 0;
	}
	check(admin !== '' && institute === '', 35);
	const parent = parentCode === '' || parentCode === '0' ? state.root : state.byCode(parentCode);
	check(!parent, 53);
	check(parent!.isOfficial, state.readings.officialParentCode);
	const isOfficial = institute !== '';
	state.addGroup({
		name, desc: desc || name, code, untis, type: 'K', parentCode: parent!.code || undefined,
		isOfficial, instituteNumber: institute, adminNumber: admin,
	});
	return 0;
}

export const SAVE_CLASS_METHODS: MethodTable = { saveClass };
