/**
 * The records of the Smartschool simulator. Reference = /work/shared/reference/smartschool.md ("ref").
 * Built so the next issue's absences, courses, helpdesk and Skore add their own maps to SmartschoolState.
 */

/** What `status` reads in user JSON (ref §5.1; `administratief` per the setAccountStatus values, ref §3). */
export type AccountStatus = 'actief' | 'uitgeschakeld' | 'administratief';
/** Names in (saveUser `basisrol`), numbers out (ref §6.3). */
export type BaseRole = 'leerling' | 'leerkracht' | 'directie' | 'andere';

export interface CoAccount {
	/** Moeder, Vader, Voogd, Plusmoeder… (ref §6.2). */
	type: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	mobile: string;
	status: string;
	password: string;
	mustChangePassword: boolean;
}

export interface SmartschoolAccount {
	/** Platform user id (referenceIdentifier = `<platformId>_<id>_<coAccountIndex>`). */
	id: number;
	username: string;
	/** '' when the account has none (then changeUsername cannot reach it, ref §6.7). */
	internalNumber: string;
	status: AccountStatus;
	baseRole: BaseRole;
	firstName: string;
	lastName: string;
	extraNames: string;
	initials: string;
	/** `m` / `v` as sent (ref §3 saveUser); '' unknown. */
	sex: string;
	/** YYYY-MM-DD or '' (sent out as 0000-00-00). */
	birthday: string;
	birthplace: string;
	birthcountry: string;
	street: string;
	houseNumber: string;
	busNumber: string;
	postalCode: string;
	location: string;
	country: string;
	email: string;
	mobilePhone: string;
	homePhone: string;
	fax: string;
	/** Rijksregisternummer. */
	prn: string;
	/** The string "NULL" occurs on live platforms (ref §5.1). */
	stamboeknummer: string;
	/** Timetable code (koppelingsveld schoolagenda). */
	untis: string;
	/** Class number within the official class. */
	classNumber: string;
	/** School-specific profile fields under their display names. */
	customFields: Record<string, string>;
	password: string;
	mustChangePassword: boolean;
	/** Slots 1–6 (index 0 = co-account 1); null = empty. */
	coAccounts: Array<CoAccount | null>;
	photo: Buffer | null;
	/** `<previous>;<last>` or ';' when never (ref §5.1). */
	lastLogins: string;
	isEmailVerified: boolean;
	isAuthenticatorAppEnabled: boolean;
}

export interface SmartschoolGroup {
	/** Numeric id, shown only in the users' `groups` arrays and getClassListJson (ref §5.2). */
	id: number;
	name: string;
	desc: string;
	/** G = group, K = class. */
	type: 'G' | 'K';
	/** '' only for the root "Iedereen". */
	code: string;
	untis: string;
	visible: boolean;
	isOfficial: boolean;
	coAccountLabel: string;
	adminNumber: string;
	instituteNumber: string;
	/** null for the root. */
	parentId: number | null;
	/** Account ids of the titulars, in order. */
	titulars: number[];
	/** Account ids of the direct members. */
	members: Set<number>;
}

export interface MessageAttachment {
	filename: string;
	data: Buffer;
}

export interface SmartschoolMessage {
	id: number;
	/** Recipient account id and which of its accounts (0 main, 1–6 co-account). */
	to: number;
	coaccount: number;
	title: string;
	body: string;
	/** Sender account id; null = sent without a sender. */
	from: number | null;
	attachments: MessageAttachment[];
	copyToLVS: boolean;
	sentAt: string;
}

export interface SmartschoolSettings {
	/** Wachtwoord: the global access code, valid for every method. */
	accessCode: string;
	/** Profile access codes → the methods ticked for them. */
	profiles: Map<string, Set<string>>;
	/** Uniek veld: how `userIdentifier` is read. */
	uniqueField: 'username' | 'number';
	/** Doelgroep: code of the group where saveUser puts new users. */
	targetGroupCode: string;
	/** Part of referenceIdentifier. */
	platformId: number;
}

/** The points the reference leaves open; each reading is a switch (README.md lists them with their ref lines). */
export interface SmartschoolReadings {
	/** getAllAccountsExtended code '' = the whole platform (S6, unverified elsewhere) or an unknown group (19). */
	emptyCodeMeansPlatform: boolean;
	/** getAllAccountsExtended of an existing group with no (direct or, when recursive, any) members: code 19 (S4, S5) or []. */
	emptyGroupAnswer: 'code19' | 'emptyList';
	/** sendMsg senderIdentifier 'Null': no sender (S1) or rejected as an unknown user, code 12 (S6 found it rejected). */
	nullSender: 'accepted' | 'rejected';
	/** removeUserFromGroup `class` is the group code (S1), its name (S4), or either. */
	removeGroupBy: 'code' | 'name' | 'either';
	/** The answer for a method a profile code has not ticked: undocumented, probably 8 (ref §1). */
	forbiddenMethodCode: number;
	/** saveGroup with an empty desc: rejected with 14 (S4) or accepted. */
	emptyDescRejected: boolean;
	/** saveGroup under an official class: 54 "parent may not be an official class" or 55 "official class cannot have subgroups". */
	officialParentCode: 54 | 55;
	/**
	 * How `"` and `'` are written in the answer's XML text: `&quot;`/`&apos;` (node-soap's server, the default), raw
	 * (libxml2, which PHP's SoapServer uses, escapes only `&`, `<`, `>` in text) or numeric references `&#34;`/`&#39;`.
	 * The reference does not say which the platform writes.
	 */
	answerQuotes: 'entity' | 'raw' | 'numeric';
	/**
	 * Non-ASCII characters in answers: raw UTF-8 (default); `jsonEscape`, PHP json_encode's default `\u00eb` escapes in
	 * JSON payloads (surrogate pairs beyond the BMP); `numericEntity`, XML character references (`&#235;`, `&#x1F600;`)
	 * as an XML writer with an ASCII output encoding writes them.
	 */
	answerNonAscii: 'utf8' | 'jsonEscape' | 'numericEntity';
	/** `/` in JSON payloads: raw (default) or `\/` as PHP's json_encode writes it without JSON_UNESCAPED_SLASHES. */
	answerSlashes: 'raw' | 'escaped';
}

/** The readings that change how answers are encoded (not what they say): changing one re-encodes cached answers. */
export const ANSWER_FORM_READINGS: ReadonlyArray<keyof SmartschoolReadings> = ['answerQuotes', 'answerNonAscii', 'answerSlashes'];

export const DEFAULT_READINGS: SmartschoolReadings = {
	emptyCodeMeansPlatform: true,
	emptyGroupAnswer: 'code19',
	nullSender: 'accepted',
	removeGroupBy: 'code',
	forbiddenMethodCode: 8,
	emptyDescRejected: true,
	officialParentCode: 54,
	answerQuotes: 'entity',
	answerNonAscii: 'utf8',
	answerSlashes: 'raw',
};
