/**
 * Account methods (ref §3 "Accounts", "Passwords", "Photos"). Which "user does not exist" code each method
 * answers (9, 12 or 25) is not documented per method; the choice here is listed in README.md.
 */
import { check, SmartschoolCode } from '../codes';
import type { SmartschoolState } from '../state';
import type { AccountStatus, BaseRole, CoAccount, SmartschoolAccount } from '../types';
import { userJson, usersJsonEscaped } from '../views';
import { absent, EscapedPayload, parseDate, text, type MethodTable, type Parts } from './types';

const BASE_ROLES: readonly BaseRole[] = ['leerling', 'leerkracht', 'directie', 'andere'];
const STATUS_VALUES: Readonly<Record<string, AccountStatus>> = {
	actief: 'actief', active: 'actief', enabled: 'actief',
	inactief: 'uitgeschakeld', inactive: 'uitgeschakeld', disabled: 'uitgeschakeld',
	administratief: 'administratief', administrative: 'administratief',
};
/** Passwords the platform refuses outright (code 52); a stand-in for its real list. */
const DENIED_PASSWORDS = new Set(['wachtwoord', 'password', 'smartschool', '12345678', 'azerty123', 'qwerty123']);

function user(state: SmartschoolState, identifier: string, missingCode: number): SmartschoolAccount {
	const account = state.byIdentifier(identifier);
	if (!account) throw new SmartschoolCode(missingCode);
	return account;
}

/** Code 4 (old rule: ≥ 8 characters from 3 of 4 classes) or 52 (refused: a common one, or holds the username). */
export function checkPassword(password: string, username: string): void {
	const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) => pattern.test(password)).length;
	check(password.length < 8 || classes < 3, 4);
	const lower = password.toLowerCase();
	check(DENIED_PASSWORDS.has(lower) || (username.length >= 3 && lower.includes(username.toLowerCase())), 52);
}

function emptyCoAccount(): CoAccount {
	return { type: '', firstName: '', lastName: '', email: '', phone: '', mobile: '', status: 'actief', password: '', mustChangePassword: true };
}

function setPassword(account: SmartschoolAccount, slot: number, password: string, mustChange: boolean): void {
	if (slot === 0) {
		account.password = password;
		account.mustChangePassword = mustChange;
		return;
	}
	const co = account.coAccounts[slot - 1] ?? emptyCoAccount();
	co.password = password;
	co.mustChangePassword = mustChange;
	account.coAccounts[slot - 1] = co;
}

/** `Kerkstraat 22`, `Kerkstraat 22 bus 1`, `Kerkstraat 22/1` → street, number, bus (ref §6.6). */
function splitAddress(address: string): Pick<SmartschoolAccount, 'street' | 'houseNumber' | 'busNumber'> {
	const match = /^(.*?)\s+(\d+[a-zA-Z]?)(?:\s*(?:\/|\s+bus\s+)\s*(\S+))?$/.exec(address.trim());
	if (!match) return { street: address.trim(), houseNumber: '', busNumber: '' };
	return { street: match[1], houseNumber: match[2], busNumber: match[3] ?? '' };
}

/** Upsert keyed on Uniek veld; an update overwrites every saveUser field (ref §6.6: "values must be complete"). */
function saveUser(parts: Parts, state: SmartschoolState): number {
	const field = (name: string) => text(parts, name).trim();
	check(field('surname').length < 2, 1);
	check(field('name').length < 2, 2);
	check(field('username').length < 2, 3);
	const role = field('basisrol').toLowerCase() as BaseRole;
	check(!BASE_ROLES.includes(role), 28);
	const byNumberKey = state.settings.uniqueField === 'number';
	check(byNumberKey && field('internnumber') === '', 14);
	const existing = byNumberKey ? state.byNumber(field('internnumber')) : state.byUsername(field('username'));
	if (byNumberKey) {
		const holder = state.byUsername(field('username'));
		if (holder && holder !== existing) throw new SmartschoolCode(existing ? 15 : 6);
	} else {
		const holder = state.byNumber(field('internnumber'));
		check(holder !== undefined && holder !== existing, 16);
	}
	const birthday = field('birthday') === '' ? '' : parseDate(field('birthday'));
	check(birthday === undefined, 49);
	check(existing !== undefined && existing.baseRole !== role, 29);
	const username = existing && !byNumberKey ? existing.username : field('username');
	for (const [part, required] of [['passwd1', !existing], ['passwd2', false], ['passwd3', false]] as const) {
		const password = text(parts, part);
		check(required && password === '', 4);
		if (password !== '') checkPassword(password, username);
	}
	const fields: Partial<SmartschoolAccount> = {
		username,
		internalNumber: field('internnumber'),
		firstName: field('name'),
		lastName: field('surname'),
		extraNames: field('extranames'),
		initials: field('initials'),
		sex: field('sex').toLowerCase(),
		birthday,
		birthplace: field('birthplace'),
		birthcountry: field('birthcountry'),
		...splitAddress(field('address')),
		postalCode: field('postalcode'),
		location: field('location'),
		country: field('country'),
		email: field('email'),
		mobilePhone: field('mobilephone'),
		homePhone: field('homephone'),
		fax: field('fax'),
		prn: field('prn'),
		stamboeknummer: field('stamboeknummer'),
		untis: field('untis'),
	};
	const account = existing ?? state.addAccount({ ...fields, username, firstName: fields.firstName ?? '', lastName: fields.lastName ?? '', baseRole: role });
	if (existing) state.updateAccount(existing, fields);
	// First login always asks for a new password (S1).
	['passwd1', 'passwd2', 'passwd3'].forEach((part, slot) => {
		if (text(parts, part) !== '') setPassword(account, slot, text(parts, part), true);
	});
	state.touch(account.id);
	if (!existing) {
		const target = state.byCode(state.settings.targetGroupCode);
		if (target) state.addMember(target, account);
	}
	return 0;
}

function savePassword(parts: Parts, state: SmartschoolState): number {
	const account = user(state, text(parts, 'userIdentifier'), 9);
	const slot = text(parts, 'accountType');
	check(!/^[0-6]$/.test(slot), 14);
	checkPassword(text(parts, 'password'), account.username);
	// The part is missing from the 2019 WSDL; the manual's default is 1.
	const flag = text(parts, 'changePasswordAtNextLogin');
	const mustChange = absent(parts, 'changePasswordAtNextLogin') || flag === '' ? true : flag === '1' || flag === 'true';
	setPassword(account, Number(slot), text(parts, 'password'), mustChange);
	state.touch(account.id);
	return 0;
}

function setAccountStatus(parts: Parts, state: SmartschoolState): number {
	const account = user(state, text(parts, 'userIdentifier'), 9);
	const status = STATUS_VALUES[text(parts, 'accountStatus').toLowerCase()];
	check(status === undefined, 14);
	check(status === 'actief' && account.baseRole === 'leerling' && !state.officialClassOf(account), 34);
	state.updateAccount(account, { status });
	return 0;
}

function changeUsername(parts: Parts, state: SmartschoolState): number {
	// Keyed by internal number only, whatever Uniek veld says (ref §6.7).
	const account = state.byNumber(text(parts, 'internNumber'));
	check(!account, 9);
	const wanted = text(parts, 'newUsername').trim();
	check(wanted.length < 2, 3);
	const holder = state.byUsername(wanted);
	check(holder !== undefined && holder !== account, 6);
	state.updateAccount(account!, { username: wanted });
	return 0;
}

function getAllAccountsExtended(parts: Parts, state: SmartschoolState): EscapedPayload | number | string {
	const code = text(parts, 'code');
	if (code === '') {
		check(!state.readings.emptyCodeMeansPlatform, 19);
		return new EscapedPayload(usersJsonEscaped(state, state.accounts.values()));
	}
	const group = state.byCode(code);
	check(!group, 19);
	const groups = text(parts, 'recursive') === '1' ? state.subtree(group!) : [group!];
	const ids = new Set<number>();
	for (const member of groups) for (const id of member.members) ids.add(id);
	if (ids.size === 0) {
		check(state.readings.emptyGroupAnswer === 'code19', 19);
		return '[]';
	}
	return new EscapedPayload(usersJsonEscaped(state, [...ids].map((id) => state.accounts.get(id)!)));
}

function getAccountPhoto(parts: Parts, state: SmartschoolState): string {
	const account = user(state, text(parts, 'userIdentifier'), 9);
	return account.photo ? account.photo.toString('base64') : '';
}

const IMAGE_MAGIC = [Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('\x89PNG', 'latin1'), Buffer.from('GIF8')];

function setAccountPhoto(parts: Parts, state: SmartschoolState): number {
	const account = user(state, text(parts, 'userIdentifier'), 9);
	const photo = text(parts, 'photo').replace(/\s+/g, '');
	if (photo === '') {
		state.updateAccount(account, { photo: null });
		return 0;
	}
	check(!/^[A-Za-z0-9+/]+={0,2}$/.test(photo), 14);
	const bytes = Buffer.from(photo, 'base64');
	check(!IMAGE_MAGIC.some((magic) => bytes.subarray(0, magic.length).equals(magic)), 14);
	state.updateAccount(account, { photo: bytes });
	return 0;
}

export const ACCOUNT_METHODS: MethodTable = {
	getUserDetails: (parts, state) => userJson(state, user(state, text(parts, 'userIdentifier'), 12)),
	getUserDetailsByUsername: (parts, state) => {
		const account = state.byUsername(text(parts, 'username'));
		check(!account, 12);
		return userJson(state, account!);
	},
	getUserDetailsByNumber: (parts, state) => {
		const account = state.byNumber(text(parts, 'number'));
		check(!account, 12);
		return userJson(state, account!);
	},
	getAllAccountsExtended,
	saveUser,
	savePassword,
	setAccountStatus,
	changeUsername,
	getAccountPhoto,
	setAccountPhoto,
};
