/**
 * The payloads Smartschool sends, made with real encoders: user JSON (ref §5.1), the class list JSON (§5.3),
 * the base64 XML group tree (§5.2) and PHP `serialize()` (getClassList, next issue).
 */
import type { SmartschoolState } from './state';
import type { BaseRole, SmartschoolAccount, SmartschoolGroup, SmartschoolReadings } from './types';

/** Numbers out (ref §6.3): 1 leerling, 0 leerkracht, 30 directie, 13 andere. */
export const BASE_ROLE_NUMBERS: Readonly<Record<BaseRole, string>> = { leerling: '1', leerkracht: '0', directie: '30', andere: '13' };

function coAccountFields(account: SmartschoolAccount): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	account.coAccounts.forEach((co, index) => {
		const n = index + 1;
		fields[`voornaam_coaccount${n}`] = co?.firstName ?? '';
		fields[`naam_coaccount${n}`] = co?.lastName ?? '';
		fields[`email_coaccount${n}`] = co?.email ?? '';
		fields[`telefoonnummer_coaccount${n}`] = co?.phone ?? '';
		fields[`mobielnummer_coaccount${n}`] = co?.mobile ?? '';
		// An empty slot has the integer 0 (ref §5.1, S4).
		fields[`type_coaccount${n}`] = co ? co.type : 0;
	});
	return fields;
}

export function groupRef(group: SmartschoolGroup): Record<string, unknown> {
	return {
		id: String(group.id),
		code: group.code,
		name: group.name,
		desc: group.desc,
		isKlas: group.type === 'K',
		isOfficial: group.isOfficial,
	};
}

/** One user as getUserDetails* and getAllAccountsExtended rows show it. */
export function userView(state: SmartschoolState, account: SmartschoolAccount): Record<string, unknown> {
	return {
		voornaam: account.firstName,
		naam: account.lastName,
		gebruikersnaam: account.username,
		internnummer: account.internalNumber,
		status: account.status,
		extravoornamen: account.extraNames,
		initialen: account.initials,
		roepnaam: account.firstName,
		geslacht: account.sex,
		geboortedatum: account.birthday || '0000-00-00',
		geboorteplaats: account.birthplace,
		geboorteland: account.birthcountry,
		rijksregisternummer: account.prn,
		straat: account.street,
		huisnummer: account.houseNumber,
		busnummer: account.busNumber,
		postcode: account.postalCode,
		woonplaats: account.location,
		land: account.country,
		emailadres: account.email,
		mobielnummer: account.mobilePhone,
		telefoonnummer: account.homePhone,
		fax: account.fax,
		stamboeknummer: account.stamboeknummer,
		koppelingsveldschoolagenda: account.untis,
		basisrol: BASE_ROLE_NUMBERS[account.baseRole],
		klasnummer: account.classNumber,
		referenceIdentifier: `${state.settings.platformId}_${account.id}_0`,
		isEmailVerified: account.isEmailVerified,
		isAuthenticatorAppEnabled: account.isAuthenticatorAppEnabled,
		last_successful_login: account.lastLogins,
		...account.customFields,
		...coAccountFields(account),
		groups: state.groupsOf(account).map(groupRef),
	};
}

const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * A JSON payload as PHP's json_encode writes it under the answer-form readings: with `jsonEscape` every UTF-16 unit
 * ≥ 0x80 as `\uXXXX` (lower-case hex, so an emoji is a surrogate pair), with `escaped` slashes as `\/`. Both only
 * occur inside strings, so the whole text can be rewritten.
 */
export function answerJson(state: SmartschoolState, value: unknown): string {
	let json = JSON.stringify(value);
	if (state.readings.answerSlashes === 'escaped') json = json.replaceAll('/', '\\/');
	if (state.readings.answerNonAscii === 'jsonEscape') {
		json = json.replace(NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
	}
	return json;
}

export function userJson(state: SmartschoolState, account: SmartschoolAccount): string {
	return state.cachedUserJson(account.id, () => answerJson(state, userView(state, account)));
}

/** A JSON array of users, joined from the cached per-user JSON (no re-serialisation of 5,000 objects). */
export function usersJson(state: SmartschoolState, accounts: Iterable<SmartschoolAccount>): string {
	const parts: string[] = [];
	for (const account of accounts) parts.push(userJson(state, account));
	return `[${parts.join(',')}]`;
}

/** node-soap's escaping of text (its utils.xmlEscape): the bytes its serialiser would write. */
export function soapEscape(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

type AnswerForm = Pick<SmartschoolReadings, 'answerQuotes' | 'answerNonAscii'>;

/** Whether node-soap's own serialiser writes the answer's text as the readings ask (else the host escapes it). */
export function soapWritesAnswerForm(form: AnswerForm): boolean {
	return form.answerQuotes === 'entity' && form.answerNonAscii !== 'numericEntity';
}

const QUOTES = { entity: { '"': '&quot;', "'": '&apos;' }, numeric: { '"': '&#34;', "'": '&#39;' } } as const;

/**
 * The `<return>` text as the answer-form readings write it: `&`, `<`, `>` always escaped; quotes as entities
 * (node-soap), raw (libxml2) or numeric references; non-ASCII raw or as references, decimal within the BMP and hex
 * beyond it (both forms occur).
 */
export function answerXmlEscape(value: string, form: AnswerForm): string {
	if (soapWritesAnswerForm(form)) return soapEscape(value);
	let text = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	if (form.answerQuotes !== 'raw') {
		const quotes = QUOTES[form.answerQuotes];
		text = text.replace(/["']/g, (char) => quotes[char as '"' | "'"]);
	}
	if (form.answerNonAscii === 'numericEntity') {
		text = text.replace(/[^\x00-\x7f]/gu, (char) => {
			const point = char.codePointAt(0)!;
			return point > 0xffff ? `&#x${point.toString(16).toUpperCase()};` : `&#${point};`;
		});
	}
	return text;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** `usersJson` as XML-escaped byte pieces from the per-user cache: only changed users are escaped again. */
export function usersJsonEscaped(state: SmartschoolState, accounts: Iterable<SmartschoolAccount>): Buffer[] {
	const pieces: Buffer[] = [OPEN];
	for (const account of accounts) {
		if (pieces.length > 1) pieces.push(COMMA);
		pieces.push(state.cachedUserEscaped(account.id, () => Buffer.from(answerXmlEscape(userJson(state, account), state.readings), 'utf8')));
	}
	pieces.push(CLOSE);
	return pieces;
}

/** getClassListJson rows (ref §5.3). */
export function classListView(state: SmartschoolState): Array<Record<string, unknown>> {
	return [...state.groups.values()]
		.filter((group) => group.parentId !== null)
		.map((group) => ({
			id: String(group.id),
			code: group.code,
			name: group.name,
			desc: group.desc,
			isOfficial: group.isOfficial,
			isGroup: group.type === 'G',
			isClass: group.type === 'K',
			isVisible: group.visible,
			untis: group.untis,
		}));
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Escapes text content (the simulator writes no attribute values), as PHP's XML writers do. */
export function escapeXml(value: string): string {
	return value.replace(/[<>&]/g, (char) => XML_ESCAPES[char]);
}

function groupXml(state: SmartschoolState, group: SmartschoolGroup, indent: string): string {
	const field = (name: string, value: string) => `${indent}  <${name}>${escapeXml(value)}</${name}>\n`;
	const titulars = group.titulars
		.map((id) => state.accounts.get(id))
		.filter((account): account is SmartschoolAccount => account !== undefined)
		.map((account) => `${indent}    <user><username>${escapeXml(account.username)}</username></user>\n`)
		.join('');
	const children = state.childrenOf(group).map((child) => groupXml(state, child, `${indent}    `)).join('');
	return (
		`${indent}<group>\n` +
		field('name', group.name) +
		field('desc', group.desc) +
		field('type', group.type) +
		field('code', group.code) +
		field('untis', group.untis) +
		field('visible', group.visible ? '1' : '0') +
		field('isOfficial', group.isOfficial ? '1' : '0') +
		field('coAccountLabel', group.coAccountLabel) +
		field('adminNumber', group.adminNumber) +
		field('instituteNumber', group.instituteNumber) +
		(titulars ? `${indent}  <titu>\n${titulars}${indent}  </titu>\n` : '') +
		(children ? `${indent}  <children>\n${children}${indent}  </children>\n` : '') +
		`${indent}</group>\n`
	);
}

/** getAllGroupsAndClasses: the whole tree from "Iedereen", as XML, base64-encoded. */
export function groupTreeBase64(state: SmartschoolState): string {
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<groups>\n${groupXml(state, state.root, '  ')}</groups>\n`;
	return Buffer.from(xml, 'utf8').toString('base64');
}

/** PHP `serialize()` of arrays, strings (byte lengths), ints, floats, bools and null. */
export function phpSerialize(value: unknown): string {
	if (value === null || value === undefined) return 'N;';
	if (typeof value === 'boolean') return `b:${value ? 1 : 0};`;
	if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`;
	if (typeof value === 'string') return `s:${Buffer.byteLength(value, 'utf8')}:"${value}";`;
	if (Array.isArray(value)) return phpSerialize(Object.fromEntries(value.map((item, index) => [index, item])));
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		const body = entries
			.map(([key, item]) => (/^(0|-?[1-9]\d*)$/.test(key) ? `i:${key};` : phpSerialize(key)) + phpSerialize(item))
			.join('');
		return `a:${entries.length}:{${body}}`;
	}
	throw new Error(`phpSerialize: cannot serialise ${typeof value}`);
}
