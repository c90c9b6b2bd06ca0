import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalString, requireString } from '../../shared/validate';

/**
 * Resource locators shared by the operations and the trigger: a searchable list (methods/listSearch.ts) and
 * a typed mode named `id`. Users are addressed by the platform's "Uniek veld" (username or internal number),
 * groups and classes by their unique code, which is what every V3 method takes.
 */
function locator(args: {
	name: string;
	displayName: string;
	description: string;
	searchListMethod: string;
	what: string;
	idName: string;
	placeholder: string;
	hint: string;
	required?: boolean;
}): INodeProperties {
	return {
		displayName: args.displayName,
		name: args.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(args.required ? { required: true } : {}),
		description: args.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${args.what}…`,
				typeOptions: { searchListMethod: args.searchListMethod, searchable: true },
			},
			{ displayName: args.idName, name: 'id', type: 'string', placeholder: args.placeholder, hint: args.hint },
		],
	};
}

/**
 * An account locator under another name (e.g. a message's sender). The list mode yields the platform's own
 * user identifier (per its "Uniek veld" setting).
 */
export function userLocatorFor(
	name: string,
	displayName: string,
	options: { description?: string; hint?: string; searchListMethod?: string; required?: boolean } = {},
): INodeProperties {
	return locator({
		name,
		displayName,
		description:
			options.description ?? 'The Smartschool account (main account; co-accounts are chosen separately where they apply)',
		searchListMethod: options.searchListMethod ?? 'searchUsers',
		what: 'user',
		idName: 'Username or Internal Number',
		placeholder: 'e.g. jan.peeters or 20240117',
		hint: options.hint ?? 'Username (gebruikersnaam) or internal number (intern nummer), as Identify By says',
		required: options.required ?? true,
	});
}

/**
 * A Smartschool account. In ID mode the user types a username or an internal number, read as the operation's
 * Identify By says.
 */
export const userLocator: INodeProperties = userLocatorFor('user', 'User');

/** A group or class (groep / klas) by its unique code, under any parameter name. */
export function groupLocatorFor(
	name: string,
	displayName: string,
	options: { description?: string; required?: boolean } = {},
): INodeProperties {
	return locator({
		name,
		displayName,
		description: options.description ?? 'A group or class of the platform, by its unique code',
		searchListMethod: 'searchGroups',
		what: 'group or class',
		idName: 'Code',
		placeholder: 'e.g. 1A or leerkrachten',
		hint: 'The unique code of the group or class',
		required: options.required,
	});
}

/** A group or class by its unique code (the "Unieke code" of the group in Smartschool). */
export const groupLocator: INodeProperties = groupLocatorFor('group', 'Group or Class');

/** A class (klas) by its unique code. */
export const classLocator: INodeProperties = locator({
	name: 'class',
	displayName: 'Class',
	description: 'A class of the platform, by its unique code',
	searchListMethod: 'searchClasses',
	what: 'class',
	idName: 'Code',
	placeholder: 'e.g. 1A',
	hint: 'The unique code of the class',
});

/**
 * The value of one of these locators for an item, trimmed; `field` is the label errors name. Optional
 * locators give '' when left empty.
 */
export function readLocator(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	options: { required?: boolean } = {},
): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const ctx = { node: context.getNode(), field, itemIndex };
	if (options.required === false) return optionalString(raw, ctx) ?? '';
	return requireString(raw, ctx);
}
