import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { oneOf, parseDate, requireString, validateEmail, type FieldContext } from '../../../shared/validate';
import { SMARTSCHOOL_METHODS } from '../../transport/methods';

/** Smartschool's base roles (basisrol) as saveUser takes them; reads give numbers that the transport maps back. */
export const ROLES = ['leerling', 'leerkracht', 'directie', 'andere'] as const;

export const roleOptions = [
	{ name: 'Student (Leerling)', value: 'leerling' },
	{ name: 'Teacher (Leerkracht)', value: 'leerkracht' },
	{ name: 'Management (Directie)', value: 'directie' },
	{ name: 'Other (Andere)', value: 'andere' },
];

/**
 * One saveUser profile part: the UI field (English label, Smartschool's term in brackets), the SOAP part and where
 * getUserDetails returns the value (lower-case Dutch keys), so Update can resend every value it did not change.
 */
interface ProfileField {
	param: string;
	part: string;
	detail: string | ((details: IDataObject) => string);
	property: Omit<INodeProperties, 'name' | 'default' | 'type'> & { type?: INodeProperties['type']; options?: INodeProperties['options'] };
	check?: 'email' | 'date' | 'gender';
}

const text = (displayName: string, description?: string): ProfileField['property'] => ({ displayName, description });

/** "Kerkstraat 22 bus 1": Smartschool splits the one address part into street, number and box itself. */
function addressOf(details: IDataObject): string {
	const street = [readDetail(details, 'straat'), readDetail(details, 'huisnummer')].filter(Boolean).join(' ');
	const box = readDetail(details, 'busnummer');
	return box ? `${street} bus ${box}` : street;
}

export const PROFILE_FIELDS: ProfileField[] = [
	{ param: 'firstName', part: 'name', detail: 'voornaam', property: text('First Name (Voornaam)') },
	{ param: 'lastName', part: 'surname', detail: 'naam', property: text('Last Name (Naam)') },
	{ param: 'extraNames', part: 'extranames', detail: 'extravoornamen', property: text('Extra First Names (Extra Voornamen)') },
	{ param: 'initials', part: 'initials', detail: 'initialen', property: text('Initials (Initialen)') },
	{
		param: 'gender',
		part: 'sex',
		detail: 'geslacht',
		check: 'gender',
		property: {
			displayName: 'Gender (Geslacht)',
			type: 'options',
			options: [
				{ name: 'Male (M)', value: 'm' },
				{ name: 'Female (V)', value: 'v' },
			],
		},
	},
	{
		param: 'birthDate',
		part: 'birthday',
		detail: 'geboortedatum',
		check: 'date',
		property: text('Birth Date (Geboortedatum)', 'YYYY-MM-DD or DD-MM-YYYY; sent as YYYY-MM-DD'),
	},
	{ param: 'birthPlace', part: 'birthplace', detail: 'geboorteplaats', property: text('Birth Place (Geboorteplaats)') },
	{ param: 'birthCountry', part: 'birthcountry', detail: 'geboorteland', property: text('Birth Country (Geboorteland)') },
	{
		param: 'address',
		part: 'address',
		detail: addressOf,
		property: text('Address (Adres)', 'Street, number and box in one line, e.g. "Kerkstraat 22 bus 1"; Smartschool splits it'),
	},
	{ param: 'postalCode', part: 'postalcode', detail: 'postcode', property: text('Postal Code (Postcode)') },
	{ param: 'city', part: 'location', detail: 'woonplaats', property: text('City (Woonplaats)') },
	{ param: 'country', part: 'country', detail: 'land', property: text('Country (Land)') },
	{ param: 'email', part: 'email', detail: 'emailadres', check: 'email', property: text('Email (E-mailadres)') },
	{ param: 'mobilePhone', part: 'mobilephone', detail: 'mobielnummer', property: text('Mobile Phone (Mobiel Nummer)') },
	{ param: 'homePhone', part: 'homephone', detail: 'telefoonnummer', property: text('Home Phone (Telefoonnummer)') },
	{ param: 'fax', part: 'fax', detail: 'fax', property: text('Fax') },
	{
		param: 'nationalRegisterNumber',
		part: 'prn',
		detail: 'rijksregisternummer',
		property: text('National Register Number (Rijksregisternummer)', 'The Belgian national register number'),
	},
	{
		param: 'registrationNumber',
		part: 'stamboeknummer',
		detail: 'stamboeknummer',
		property: text(
			'Registration Number (Stamboeknummer)',
			"The student's number in the school's official register of pupils (stamboek), used in reports to the government",
		),
	},
	{
		param: 'timetableCode',
		part: 'untis',
		detail: 'koppelingsveldschoolagenda',
		property: text('Timetable Code (Roostercode)', 'The code that links the account to the timetable software (Untis)'),
	},
];

/** Every saveUser part in wire order, from the transport's method table. */
export const SAVE_USER_PARTS = SMARTSCHOOL_METHODS.saveUser.parts;

/** saveUser values by part name; the parts not in PROFILE_FIELDS are the keys, passwords and base role. */
export type SaveUserParts = Record<string, string>;

/** The collection options of Create's Additional Fields and Update's Update Fields. */
export function profileFieldOptions(exclude: string[] = []): INodeProperties[] {
	return PROFILE_FIELDS.filter((field) => !exclude.includes(field.param))
		.map(({ param, property }) => ({ type: 'string', default: '', ...property, name: param }) as INodeProperties)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * A value of a getUserDetails record as text, keys case-insensitively (clients differ). Kept as read — even the
 * "NULL" some platforms hold in stamboeknummer — so Update sends back exactly what it did not change.
 */
export function readDetail(details: IDataObject, key: string): string {
	let value = details[key];
	if (value === undefined) {
		const found = Object.keys(details).find((candidate) => candidate.toLowerCase() === key);
		value = found === undefined ? undefined : details[found];
	}
	if (value === undefined || value === null || typeof value === 'object') return '';
	return String(value).trim();
}

/** The saveUser parts of the fields set in a collection, each checked and named as the UI shows it. */
export function readProfileFields(values: IDataObject, node: INode, itemIndex: number): SaveUserParts {
	const parts: Record<string, string> = {};
	for (const field of PROFILE_FIELDS) {
		const value = values[field.param];
		if (value === undefined || value === null || value === '') continue;
		const ctx: FieldContext = { node, field: String(field.property.displayName), itemIndex };
		if (field.check === 'email') parts[field.part] = validateEmail(value, ctx);
		else if (field.check === 'date') parts[field.part] = parseDate(value, { ...ctx, output: 'iso-date' });
		else if (field.check === 'gender') parts[field.part] = oneOf(String(value).toLowerCase(), ['m', 'v'], ctx);
		else parts[field.part] = requireString(value, ctx);
	}
	return parts;
}

/** The complete saveUser parts of an existing account, so a save changes only what the workflow set. */
export function partsFromDetails(details: IDataObject): SaveUserParts {
	const parts: SaveUserParts = {
		internnumber: readDetail(details, 'internnummer'),
		username: readDetail(details, 'gebruikersnaam'),
		// Empty password parts keep the current passwords (saveUser documentation).
		passwd1: '',
		passwd2: '',
		passwd3: '',
		basisrol: readDetail(details, 'basisrol'),
	};
	for (const field of PROFILE_FIELDS) {
		parts[field.part] = typeof field.detail === 'function' ? field.detail(details) : readDetail(details, field.detail);
	}
	return parts;
}
