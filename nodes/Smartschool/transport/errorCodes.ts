/**
 * Smartschool's result codes (reference §2; the platform's own table is Dutch and is not fetched at run time:
 * it would cost a call per execution and this copy has all 57 codes). Each entry: what it means in English,
 * with the Dutch term users see in Smartschool, and what to check.
 */
export interface SmartschoolErrorCode {
	meaning: string;
	check: string;
}

const USER = 'Check the user identifier: it is read as a username or an internal number, per the platform\'s "Uniek veld" setting (Algemene configuratie > Webservices).';
const CLASS_RULES = 'Official classes (officiële klassen) follow the school administration; change them in Smartschool itself or with an official date.';

export const SMARTSCHOOL_ERROR_CODES: Readonly<Record<number, SmartschoolErrorCode>> = Object.freeze({
	0: { meaning: 'success', check: '' },
	1: { meaning: 'the last name (naam) is shorter than 2 characters', check: 'Give a last name of at least 2 characters.' },
	2: { meaning: 'the first name (voornaam) is shorter than 2 characters', check: 'Give a first name of at least 2 characters.' },
	3: { meaning: 'the username (gebruikersnaam) is shorter than 2 characters', check: 'Give a username of at least 2 characters.' },
	4: {
		meaning: 'the password is not complex enough',
		check: 'Use a longer password mixing upper case, lower case, digits and symbols, per the platform\'s password rules.',
	},
	5: { meaning: 'no group was selected', check: 'Give a group or class code.' },
	6: { meaning: 'the username already exists', check: 'Choose another username, or update the existing account instead.' },
	7: { meaning: 'the passwords are not identical', check: 'Send the same password in both password fields.' },
	8: {
		meaning: 'wrong web-services access code (wachtwoord webservices)',
		check: 'Check the access code in the credential against Algemene configuratie > Webservices. A profile access code must allow this method ("Profiel").',
	},
	9: { meaning: 'the user does not exist', check: USER },
	10: { meaning: 'processing error; nothing was applied', check: 'Try again; if it persists, check the values sent.' },
	11: { meaning: 'error saving the class data', check: 'Check the class name, code and parent.' },
	12: { meaning: 'the user does not exist', check: USER },
	13: { meaning: 'error copying or moving users to the class', check: `Check the class code and the users. ${CLASS_RULES}` },
	14: { meaning: 'insufficient data', check: 'Fill in the required fields of this operation.' },
	15: { meaning: 'duplicate username', check: 'Another account already has this username.' },
	16: { meaning: 'duplicate internal number (intern nummer)', check: 'Another account already has this internal number.' },
	17: { meaning: 'error saving the profile field(s)', check: 'Check the field name (as shown in Smartschool) and its value.' },
	18: { meaning: 'error sending the message', check: 'Check the recipient, the sender and the attachments.' },
	19: { meaning: 'the parent ID does not exist', check: 'Check the parent group or class code.' },
	20: { meaning: 'adding the course failed', check: 'Check the course name and description.' },
	21: { meaning: 'a course with that name already exists', check: 'Choose another name and description pair.' },
	22: { meaning: 'the course was not found', check: 'A course is identified by its name and description together; check both.' },
	23: { meaning: 'unknown processing error', check: 'Try again later; if it persists, contact Smartschool support.' },
	24: { meaning: 'another user already has this internal number', check: 'Choose another internal number (intern nummer).' },
	25: { meaning: 'cannot modify: the user does not exist', check: USER },
	26: { meaning: 'cannot add: the user already exists', check: 'Update the existing account instead.' },
	27: { meaning: 'unknown institution number (instellingsnummer); add it first', check: 'Add the institution number in Smartschool first.' },
	28: { meaning: 'the base role (basisrol) is mandatory', check: 'Choose a role: leerling, leerkracht, directie or andere.' },
	29: { meaning: 'the base role (basisrol) can no longer be changed', check: 'Keep the account\'s current role.' },
	30: { meaning: 'only students may be in official classes', check: CLASS_RULES },
	31: { meaning: 'a student may be in only one official class', check: CLASS_RULES },
	32: { meaning: 'a student must be in one official class', check: CLASS_RULES },
	33: { meaning: 'registering the class movement failed', check: `Check the official date. ${CLASS_RULES}` },
	34: { meaning: 'the student cannot be activated: no official class', check: 'Put the student in an official class first.' },
	35: { meaning: 'an official class needs an institution number (instellingsnummer)', check: 'Give the institution number.' },
	36: { meaning: 'the type of an official class cannot change', check: CLASS_RULES },
	37: { meaning: 'the type cannot change: some members are not students', check: CLASS_RULES },
	38: { meaning: 'the type cannot change: members are already in another official class', check: CLASS_RULES },
	39: { meaning: 'choose a training component (vormingscomponent)', check: 'Give the training component.' },
	40: { meaning: 'the class name can no longer change', check: CLASS_RULES },
	41: { meaning: 'the administrative number can no longer change', check: CLASS_RULES },
	42: { meaning: 'the institution number can no longer change', check: CLASS_RULES },
	43: { meaning: 'the training component can no longer change', check: CLASS_RULES },
	44: { meaning: 'the training component (vormingscomponent) is mandatory', check: 'Give the training component.' },
	45: { meaning: 'the type of a class cannot change', check: 'Keep the class type, or create a new class.' },
	46: { meaning: 'choose the group type', check: 'Give the group type.' },
	47: { meaning: 'a class with the same unique code exists', check: 'Choose another code.' },
	48: { meaning: 'the internal number already exists', check: 'Choose another internal number (intern nummer).' },
	49: { meaning: 'invalid date', check: 'Send dates as YYYY-MM-DD.' },
	50: { meaning: 'the Skore module is not active', check: 'Activate Skore on the platform first.' },
	51: { meaning: 'error unregistering the student', check: `Check the user and the official date. ${CLASS_RULES}` },
	52: { meaning: 'password not allowed', check: 'Choose another password; the platform refuses this one.' },
	53: { meaning: 'the parent group was not found', check: 'Check the parent group code.' },
	54: { meaning: 'the parent may not be an official class', check: 'Choose a plain group as parent.' },
	55: { meaning: 'an official class cannot have subgroups', check: 'Choose a plain group as parent.' },
	56: { meaning: 'invalid school-year date', check: 'Send a date (YYYY-MM-DD) within the school year.' },
	57: {
		meaning: 'the timetable code (Roostercode) must be unique',
		check: 'Another class or account already uses this timetable code (untis).',
	},
});

/** Codes that mean "this user does not exist" on reads: 9, 12 and 25. */
export const NOT_FOUND_CODES: ReadonlySet<number> = new Set([9, 12, 25]);

export function describeCode(code: number): SmartschoolErrorCode {
	return (
		SMARTSCHOOL_ERROR_CODES[code] ?? {
			meaning: 'an error code this node does not know',
			check: 'Look the code up in Smartschool (the web-services method returnJsonErrorCodes lists them) or ask Smartschool support.',
		}
	);
}
