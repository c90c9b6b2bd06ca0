/**
 * Account, co-account and security methods beyond the seed's (issue 7; ref §3 "Accounts", "Passwords, co-accounts,
 * security", §6.6). Codes chosen where the reference names none are listed in ../README.md.
 */
import { check, SmartschoolCode } from '../codes';
import { careerOf, extrasOf, officialClassOn, recordMove, scannableCodeOf } from '../extras';
import type { SmartschoolState } from '../state';
import type { AccountStatus, CoAccount, SmartschoolAccount } from '../types';
import { answerJson, escapeXml, groupRef, userJson } from '../views';
import { parseDate, text, type MethodTable, type Parts } from './types';

function user(state: SmartschoolState, parts: Parts): SmartschoolAccount {
	const account = state.byIdentifier(text(parts, 'userIdentifier'));
	if (!account) throw new SmartschoolCode(9);
	return account;
}

function optionalDate(parts: Parts, name: string, code: number): string | undefined {
	const value = text(parts, name);
	if (value === '') return undefined;
	const date = parseDate(value);
	check(date === undefined, code);
	return date;
}

/** accountType 0–6 (14 otherwise); `coOnly` refuses the main account. */
function slot(parts: Parts, coOnly = false): number {
	const value = text(parts, 'accountType');
	check(!(coOnly ? /^[1-6]$/ : /^[0-6]$/).test(value), 14);
	return Number(value);
}

function getAllAccounts(parts: Parts, state: SmartschoolState): string {
	const code = text(parts, 'code');
	let accounts: SmartschoolAccount[];
	if (code === '') {
		check(!state.readings.emptyCodeMeansPlatform, 19);
		accounts = [...state.accounts.values()];
	} else {
		const group = state.byCode(code);
		check(!group, 19);
		const ids = new Set<number>();
		for (const member of text(parts, 'recursive') === '1' ? state.subtree(group!) : [group!]) for (const id of member.members) ids.add(id);
		accounts = [...ids].map((id) => state.accounts.get(id)!);
	}
	const field = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
	const rows = accounts.map(
		(account) =>
			`<account>${field('voornaam', account.firstName)}${field('naam', account.lastName)}${field('gebruikersnaam', account.username)}` +
			`${field('internnummer', account.internalNumber)}${field('status', account.status)}${field('klasnummer', account.classNumber)}</account>`,
	);
	return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<accounts>${rows.join('')}</accounts>`, 'utf8').toString('base64');
}

function delUser(parts: Parts, state: SmartschoolState): number {
	const account = user(state, parts);
	optionalDate(parts, 'officialDate', 49);
	for (const group of state.groupsOf(account)) state.removeMember(group, account);
	state.accounts.delete(account.id);
	state.touch(account.id);
	return 0;
}

function changeInternNumber(parts: Parts, state: SmartschoolState): number {
	// Keyed by username only, whatever Uniek veld says (ref §6.1).
	const account = state.byUsername(text(parts, 'username'));
	check(!account, 9);
	const wanted = text(parts, 'newInternNumber').trim();
	check(wanted === '', 14);
	const holder = state.byNumber(wanted);
	check(holder !== undefined && holder !== account, 48);
	state.updateAccount(account!, { internalNumber: wanted });
	return 0;
}

function replaceInum(parts: Parts, state: SmartschoolState): number {
	const account = state.byNumber(text(parts, 'oldInum').trim());
	check(!account, 9);
	const wanted = text(parts, 'newInum').trim();
	check(wanted === '', 14);
	const holder = state.byNumber(wanted);
	check(holder !== undefined && holder !== account, 24);
	state.updateAccount(account!, { internalNumber: wanted });
	return 0;
}

/** Built-in paramNames (ref §6.6) stored on the account record; the rest of the built-ins land in customFields. */
const ACCOUNT_PARAMS: Readonly<Record<string, keyof SmartschoolAccount>> = {
	name: 'firstName', surname: 'lastName', extranames: 'extraNames', initials: 'initials', stamboeknummer: 'stamboeknummer',
	birthplace: 'birthplace', birthcountry: 'birthcountry', prn: 'prn', street: 'street', streetnr: 'houseNumber', busnr: 'busNumber',
	postalCode: 'postalCode', location: 'location', country: 'country', email: 'email', untis: 'untis', mobilePhone: 'mobilePhone',
	homePhone: 'homePhone', fax: 'fax',
};
const STORED_AS_FIELD = new Set(['sort', 'website', 'im', 'Nationaliteit']);
const CHOICES: Readonly<Record<string, readonly string[]>> = {
	Godsdienstkeuze: ['MOR', 'CAT', 'PRO', 'ISR', 'ISL', 'ORT', 'ANG', 'DIS', 'CUL', 'PER'],
	'Soort leerling': ['01', 'V', '02', 'R', '03', '99'],
};
const STATUS: Readonly<Record<string, AccountStatus>> = { actief: 'actief', inactief: 'uitgeschakeld', uitgeschakeld: 'uitgeschakeld', administratief: 'administratief' };
const CO_FIELDS: Readonly<Record<string, keyof CoAccount>> = {
	type: 'type', naam: 'lastName', voornaam: 'firstName', status: 'status', email: 'email', telefoonnummer: 'phone', mobielnummer: 'mobile',
};

function saveUserParameter(parts: Parts, state: SmartschoolState): number {
	const account = user(state, parts);
	const name = text(parts, 'paramName');
	const value = text(parts, 'paramValue');
	const co = /^(type|naam|voornaam|status|email|telefoonnummer|mobielnummer)_coaccount([1-6])$/.exec(name);
	if (co) {
		check(co[1] === 'status' && !/^(actief|niet actief|actief tot en met \d{4}\/\d{2}\/\d{2})$/.test(value), 17);
		const index = Number(co[2]) - 1;
		const record: CoAccount = account.coAccounts[index] ?? {
			type: '', firstName: '', lastName: '', email: '', phone: '', mobile: '', status: 'actief', password: '', mustChangePassword: true,
		};
		record[CO_FIELDS[co[1]] as 'type'] = value;
		account.coAccounts[index] = record;
		state.touch(account.id);
		return 0;
	}
	if (ACCOUNT_PARAMS[name]) {
		state.updateAccount(account, { [ACCOUNT_PARAMS[name]]: value });
	} else if (name === 'sex') {
		check(!['m', 'v'].includes(value), 17);
		state.updateAccount(account, { sex: value });
	} else if (name === 'birthday') {
		const date = parseDate(value);
		check(date === undefined, 49);
		state.updateAccount(account, { birthday: date });
	} else if (name === 'status') {
		check(STATUS[value] === undefined, 17);
		state.updateAccount(account, { status: STATUS[value] });
	} else if (name === 'role') {
		check(value.toLowerCase() !== account.baseRole, 29);
	} else if (name === 'number') {
		const holder = state.byNumber(value);
		check(holder !== undefined && holder !== account, 48);
		state.updateAccount(account, { internalNumber: value });
	} else if (CHOICES[name] || name === 'gorollen' || STORED_AS_FIELD.has(name) || extrasOf(state).customFieldNames.has(name)) {
		check(CHOICES[name] !== undefined && !CHOICES[name].includes(value), 17);
		check(name === 'gorollen' && !/^\s*\[.*\]\s*$/s.test(value), 17);
		state.updateAccount(account, { customFields: { ...account.customFields, [name]: value } });
	} else {
		throw new SmartschoolCode(17);
	}
	return 0;
}

function getUserOfficialClass(parts: Parts, state: SmartschoolState): string {
	const account = user(state, parts);
	const date = optionalDate(parts, 'date', 49);
	// Without a date: today, i.e. the current membership (no clock in the simulator).
	const group = date ? officialClassOn(state, account, date) : state.officialClassOf(account);
	return group ? answerJson(state, groupRef(group)) : '';
}

function unregisterStudent(parts: Parts, state: SmartschoolState): number {
	const account = user(state, parts);
	const date = optionalDate(parts, 'officialDate', 49);
	check(account.baseRole !== 'leerling', 51);
	const current = state.officialClassOf(account);
	check(!current, 51);
	recordMove(state, account, current!, date, true);
	state.removeMember(current!, account);
	return 0;
}

function mustChange(parts: Parts, state: SmartschoolState): number {
	const account = user(state, parts);
	const index = slot(parts);
	const record = index === 0 ? account : account.coAccounts[index - 1];
	check(!record, 14);
	record!.mustChangePassword = true;
	state.touch(account.id);
	return 0;
}

export const ACCOUNT_MORE_METHODS: MethodTable = {
	getUserDetailsByScannableCode: (parts, state) => {
		const wanted = text(parts, 'scannableCode');
		const account = [...state.accounts.values()].find((candidate) => scannableCodeOf(candidate) === wanted);
		check(!account, 12);
		return userJson(state, account!);
	},
	getAllAccounts,
	delUser,
	changeInternNumber,
	replaceInum,
	saveUserParameter,
	getUserOfficialClass,
	getStudentCareer: (parts, state) => answerJson(state, careerOf(state, user(state, parts))),
	unregisterStudent,
	forcePasswordReset: mustChange,
	changePasswordAtNextLogin: mustChange,
	removeCoAccount: (parts, state) => {
		const account = user(state, parts);
		account.coAccounts[slot(parts, true) - 1] = null;
		state.touch(account.id);
		return 0;
	},
	deactivateTwoFactorAuthentication: (parts, state) => {
		const account = user(state, parts);
		if (slot(parts) === 0) state.updateAccount(account, { isAuthenticatorAppEnabled: false });
		return 0;
	},
	saveSignature: (parts, state) => {
		const account = user(state, parts);
		extrasOf(state).signatures.set(`${account.id}:${slot(parts)}`, text(parts, 'signature'));
		return extrasOf(state).readings.signatureAnswer === 'boolean' ? 'true' : 0;
	},
};
