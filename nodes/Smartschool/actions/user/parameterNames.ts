import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The built-in paramNames of saveUserParameter (ref §6.6), English label first, Smartschool's term in brackets.
 * `check` names the validation the node applies before sending; co-account fields get their slot number appended.
 */
export interface ParameterName {
	value: string;
	/** English label of the option; the paramName goes into its description. */
	label: string;
	description?: string;
	check?: 'date' | 'email' | 'gender' | 'role' | 'coStatus' | 'religion' | 'studentType' | 'jsonArray';
}

export const RELIGIONS = ['MOR', 'CAT', 'PRO', 'ISR', 'ISL', 'ORT', 'ANG', 'DIS', 'CUL', 'PER'] as const;
export const STUDENT_TYPES = ['01', 'V', '02', 'R', '03', '99'] as const;

export const PARAMETER_NAMES: readonly ParameterName[] = [
	{ value: 'name', label: 'First Name' },
	{ value: 'surname', label: 'Last Name' },
	{ value: 'extranames', label: 'Extra First Names' },
	{ value: 'initials', label: 'Initials' },
	{ value: 'sex', label: 'Gender', description: 'Value m (male) or v (vrouw, female)', check: 'gender' },
	{ value: 'status', label: 'Account Status' },
	{ value: 'role', label: 'Base Role', description: 'Value leerling, leerkracht, directie or andere', check: 'role' },
	{ value: 'stamboeknummer', label: 'Registration Number', description: 'The student register number' },
	{ value: 'number', label: 'Internal Number', description: 'The intern nummer' },
	{ value: 'sort', label: 'Sort Value' },
	{ value: 'birthday', label: 'Birth Date', check: 'date' },
	{ value: 'birthplace', label: 'Birth Place' },
	{ value: 'birthcountry', label: 'Birth Country' },
	{ value: 'prn', label: 'National Register Number', description: 'The rijksregisternummer' },
	{ value: 'street', label: 'Street' },
	{ value: 'streetnr', label: 'House Number' },
	{ value: 'busnr', label: 'Box Number', description: 'The busnummer of the address' },
	{ value: 'postalCode', label: 'Postal Code' },
	{ value: 'location', label: 'City' },
	{ value: 'country', label: 'Country' },
	{ value: 'email', label: 'E-Mail', check: 'email' },
	{ value: 'website', label: 'Website' },
	{ value: 'untis', label: 'Timetable Code', description: 'Koppelingsveld schoolagenda / roostercode' },
	{ value: 'mobilePhone', label: 'Mobile Phone' },
	{ value: 'homePhone', label: 'Home Phone' },
	{ value: 'fax', label: 'Fax' },
	{ value: 'im', label: 'Instant Messaging' },
	{ value: 'Godsdienstkeuze', label: 'Religion Choice (Godsdienstkeuze)', description: RELIGIONS.join(', '), check: 'religion' },
	{ value: 'Soort leerling', label: 'Student Type (Soort Leerling)', description: '01/V, 02/R, 03, 99 (primary: 01, 02, 99)', check: 'studentType' },
	{ value: 'Nationaliteit', label: 'Nationality (Nationaliteit)' },
	{ value: 'gorollen', label: 'GO! Roles', description: 'GO! schools only: a JSON array as text', check: 'jsonArray' },
];

/** Co-account fields: `<prefix>coaccount<1–6>`. */
export const CO_ACCOUNT_PARAMETERS: readonly ParameterName[] = [
	{ value: 'type_', label: 'Co-Account Type', description: 'A label such as Moeder, Vader, Voogd' },
	{ value: 'voornaam_', label: 'Co-Account First Name' },
	{ value: 'naam_', label: 'Co-Account Last Name' },
	{ value: 'email_', label: 'Co-Account E-Mail', check: 'email' },
	{ value: 'telefoonnummer_', label: 'Co-Account Phone' },
	{ value: 'mobielnummer_', label: 'Co-Account Mobile Phone' },
	{
		value: 'status_',
		label: 'Co-Account Status',
		description: '"actief", "niet actief" or "actief tot en met yyyy/mm/dd"',
		check: 'coStatus',
	},
];

export const CUSTOM_PARAMETER = '__custom';

export function parameterOptions(): INodePropertyOptions[] {
	const options = [...PARAMETER_NAMES, ...CO_ACCOUNT_PARAMETERS].map(({ label, value, description }) => {
		const paramName = value.endsWith('_') ? `${value}coaccount1…6` : value;
		return {
			name: label,
			value: value.endsWith('_') ? `co:${value}` : value,
			description: `${description ? `${description}. ` : ''}Sent as paramName "${paramName}"`,
		};
	});
	options.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			name: 'Custom Profile Field',
			value: CUSTOM_PARAMETER,
			description: "A field the school added to the profile, by its name as Smartschool shows it (e.g. 'Naam ouder/voogd')",
		},
		...options,
	];
}
