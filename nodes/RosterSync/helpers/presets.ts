/**
 * Starting points for the four mappings schools run every night. Each names the key on both sides, which source
 * field must equal which platform field, how the platform says an account is active, and how the source flags a
 * leaver. Every part can be changed on the node (an empty field keeps the preset's value).
 */
export interface LeaverRule {
	field: string;
	/** Compared case-insensitively, as text (OneRoster booleans arrive as "true"/"false" strings or booleans). */
	values: string[];
}

export interface SyncMapping {
	sourceKey: string;
	platformKey: string;
	/** [source field, platform field] pairs that must be equal. */
	fields: Array<[string, string]>;
	/** Platform field holding the account status; empty: every platform record counts as active. */
	statusField: string;
	activeValues: string[];
	leaverRules: LeaverRule[];
}

export type PresetName = 'csvToSmartschool' | 'oneRosterToSmartschool' | 'eduvToSmartschool' | 'csvToEvalytics' | 'custom';

/** Smartschool's getAllAccounts rows: gebruikersnaam, voornaam, naam, internnummer, status (actief | uitgeschakeld). */
const SMARTSCHOOL = { platformKey: 'gebruikersnaam', statusField: 'status', activeValues: ['actief'] };

export const PRESETS: Record<PresetName, SyncMapping> = {
	csvToSmartschool: {
		...SMARTSCHOOL,
		sourceKey: 'username',
		fields: [
			['firstName', 'voornaam'],
			['lastName', 'naam'],
			['internalNumber', 'internnummer'],
		],
		leaverRules: [],
	},
	oneRosterToSmartschool: {
		...SMARTSCHOOL,
		sourceKey: 'username',
		fields: [
			['givenName', 'voornaam'],
			['familyName', 'naam'],
			['identifier', 'internnummer'],
		],
		leaverRules: [
			{ field: 'status', values: ['tobedeleted'] },
			{ field: 'enabledUser', values: ['false'] },
		],
	},
	eduvToSmartschool: {
		...SMARTSCHOOL,
		// Smartschool usernames of staff are usually the local part of their e-mail address: the node's
		// "Key Is an E-mail Address: Use the Part Before @" option (on by default for this preset) does that.
		sourceKey: 'email',
		fields: [
			['givenName', 'voornaam'],
			['familyName', 'naam'],
			['email', 'emailadres'],
		],
		leaverRules: [{ field: 'status', values: ['tobedeleted'] }],
	},
	csvToEvalytics: {
		sourceKey: 'externalId',
		platformKey: 'externalId',
		fields: [
			['firstName', 'firstName'],
			['prefix', 'prefix'],
			['lastName', 'lastName'],
		],
		// Evalytics shows no blocked state on a user: every listed user counts as active.
		statusField: '',
		activeValues: [],
		leaverRules: [],
	},
	custom: { sourceKey: '', platformKey: '', fields: [], statusField: '', activeValues: [], leaverRules: [] },
};

/** Field names whose values are secrets: never compared, never in a diff, a report or an error message. */
const PASSWORD_LIKE = /pass(word|wd)?|wachtwoord|secret|token|pin(code)?$|credential|api[-_]?key/i;

export function isPasswordLike(field: string): boolean {
	return PASSWORD_LIKE.test(field);
}
