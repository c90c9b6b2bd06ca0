import type { Codec } from './codecs';

/**
 * Every V3 method of the current manual (reference §3), one row each: adding an operation needs no transport
 * change. `parts` are in wire order without `accesscode` (the client puts it first) and match
 * wsdl/V3.augmented.wsdl, which a unit test checks. Reads (get*, check*, return*Codes) are idempotent and may be
 * retried; every write is not. `returnErrorCodes` (WSDL only, one-way, no output) is left out on purpose.
 */
export interface SmartschoolMethod {
	readonly name: string;
	readonly parts: readonly string[];
	readonly returns: Codec;
	readonly idempotent: boolean;
	/** Missing from the published 2019 WSDL (method or one of its parts): only the augmented copy has it. */
	readonly inAugmentedOnly?: boolean;
	/** No `accesscode` part (the return*Codes methods). */
	readonly noAccessCode?: boolean;
	/** Whole-platform pulls: one big answer, no paging; they get long timeouts. */
	readonly large?: boolean;
	/** Codes that mean "empty" for this method, e.g. getAllAccountsExtended answers 19 for a group without direct members. */
	readonly emptyOn?: readonly number[];
	/** Parts that carry a list or object: the client encodes the value the way the method takes it (ref §3). */
	readonly encode?: Readonly<Record<string, 'php' | 'json'>>;
}

const UID = 'userIdentifier';

type Row<N extends string> = SmartschoolMethod & { readonly name: N };
type Extra = Omit<Partial<SmartschoolMethod>, 'name' | 'parts'>;

function read<N extends string>(name: N, parts: readonly string[], returns: Codec, extra: Extra = {}): Row<N> {
	return { parts, returns, idempotent: true, ...extra, name };
}

function write<N extends string>(name: N, parts: readonly string[], extra: Extra = {}): Row<N> {
	return { parts, returns: 'code', idempotent: false, ...extra, name };
}

const ROWS = [
	// Accounts
	write('saveUser', [
		'internnumber', 'username', 'passwd1', 'passwd2', 'passwd3', 'name', 'surname', 'extranames', 'initials', 'sex',
		'birthday', 'birthplace', 'birthcountry', 'address', 'postalcode', 'location', 'country', 'email', 'mobilephone',
		'homephone', 'fax', 'prn', 'stamboeknummer', 'basisrol', 'untis',
	]),
	write('delUser', [UID, 'officialDate']),
	read('getUserDetails', [UID], 'json'),
	read('getUserDetailsByNumber', ['number'], 'json'),
	read('getUserDetailsByUsername', ['username'], 'json'),
	read('getUserDetailsByScannableCode', ['scannableCode'], 'json', { inAugmentedOnly: true }),
	read('getAllAccounts', ['code', 'recursive'], 'base64xml', { large: true }),
	read('getAllAccountsExtended', ['code', 'recursive'], 'json', { large: true, emptyOn: [19] }),
	write('setAccountStatus', [UID, 'accountStatus']),
	write('changeUsername', ['internNumber', 'newUsername']),
	write('changeInternNumber', ['username', 'newInternNumber']),
	write('replaceInum', ['oldInum', 'newInum']),
	write('saveUserParameter', [UID, 'paramName', 'paramValue']),
	read('getUserOfficialClass', [UID, 'date'], 'json'),
	read('getStudentCareer', [UID], 'json'),
	write('unregisterStudent', [UID, 'officialDate']),
	// Passwords, co-accounts, security
	write('savePassword', [UID, 'password', 'accountType', 'changePasswordAtNextLogin'], { inAugmentedOnly: true }),
	write('forcePasswordReset', [UID, 'accountType']),
	write('changePasswordAtNextLogin', [UID, 'accountType'], { inAugmentedOnly: true }),
	write('removeCoAccount', [UID, 'accountType']),
	write('deactivateTwoFactorAuthentication', [UID, 'accountType']),
	// Classes and groups
	read('getAllGroupsAndClasses', [], 'base64xml', { large: true }),
	read('getClassList', [], 'php'),
	read('getClassListJson', [], 'json'),
	read('getClassTeachers', ['getAllOwners'], 'json'),
	write('saveClass', ['name', 'desc', 'code', 'parent', 'untis', 'instituteNumber', 'adminNumber', 'schoolYearDate']),
	write('saveGroup', ['name', 'desc', 'code', 'parent', 'untis']),
	write('delClass', ['code']),
	write('clearGroup', ['group', 'officialDate']),
	write('saveClassList', ['serializedList'], { encode: { serializedList: 'php' } }),
	write('saveClassListJson', ['jsonList'], { encode: { jsonList: 'json' } }),
	write('changeGroupOwners', ['code', 'userlist']),
	read('getSchoolyearDataOfClass', ['classCode'], 'json'),
	write(
		'saveSchoolyearDataOfClass',
		['classCode', 'date', 'instituteNumber', 'administrativeGroupNumber', 'residence', 'domain', 'principal'],
		{ inAugmentedOnly: true },
	),
	// Memberships
	write('saveUserToClass', [UID, 'class', 'officialDate']),
	write('saveUserToClasses', [UID, 'csvList']),
	{ ...write('saveUserToClassesAndGroups', [UID, 'csvList', 'keepOld']), returns: 'csv' },
	write('removeUserFromGroup', [UID, 'class', 'officialDate']),
	// Photos, messages
	read('getAccountPhoto', [UID], 'jpeg'),
	write('setAccountPhoto', [UID, 'photo']),
	write('sendMsg', [UID, 'title', 'body', 'senderIdentifier', 'attachments', 'coaccount', 'copyToLVS']),
	write('saveSignature', [UID, 'accountType', 'signature']),
	// Absences
	read('getAbsents', [UID, 'schoolYear'], 'json'),
	read('getAbsentsWithAlias', [UID, 'schoolYear'], 'json', { inAugmentedOnly: true }),
	read('getAbsentsByDate', ['date'], 'json', { large: true }),
	read('getAbsentsWithAliasByDate', ['date'], 'json', { large: true }),
	read('getAbsentsWithInternalNumberByDate', ['date'], 'json', { large: true }),
	read('getAbsentsWithUsernameByDate', ['date'], 'json', { large: true }),
	read('getAbsentsByDateAndGroup', ['date', 'code'], 'json'),
	// Courses
	{ ...write('addCourse', ['coursename', 'coursedesc', 'visibility'], { inAugmentedOnly: true }), returns: 'text' },
	write('addCourseStudents', ['coursename', 'coursedesc', 'groupIds']),
	write('addCourseTeacher', ['coursename', 'coursedesc', 'internnummer', 'userlist']),
	read('getCourses', [], 'coursesXml', { large: true }),
	// Helpdesk
	read('getHelpdeskMiniDbItems', [], 'json', { inAugmentedOnly: true }),
	write('addHelpdeskTicket', ['title', 'description', 'priority', 'miniDbItem', UID], { inAugmentedOnly: true }),
	// Skore: startSkoreSync starts a job (and may run once per 15 minutes), so it is no read.
	{ ...write('startSkoreSync', []), returns: 'json' },
	read('checkStatus', ['serviceId'], 'text'),
	read('getSkoreClassTeacherCourseRelation', [], 'skoreXml', { large: true }),
	// Meta
	read('getReferenceField', [], 'text', { inAugmentedOnly: true }),
	read('returnJsonErrorCodes', [], 'json', { noAccessCode: true }),
	read('returnCsvErrorCodes', [], 'csv', { noAccessCode: true }),
] as const satisfies readonly SmartschoolMethod[];

export type SmartschoolMethodName = (typeof ROWS)[number]['name'];

export const SMARTSCHOOL_METHODS: Readonly<Record<SmartschoolMethodName, SmartschoolMethod>> = Object.freeze(
	Object.fromEntries(ROWS.map((row) => [row.name, row])) as Record<SmartschoolMethodName, SmartschoolMethod>,
);

export function isSmartschoolMethod(name: string): name is SmartschoolMethodName {
	return Object.prototype.hasOwnProperty.call(SMARTSCHOOL_METHODS, name);
}
