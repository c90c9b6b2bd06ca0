import type { INodeProperties } from 'n8n-workflow';

/** Group fields in Smartschool's terms, shared by Create and Update. */
export const groupNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'The name shown in Smartschool. Empty on Create: the code is used, as Smartschool itself suggests.',
};

export const groupDescriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Omschrijving. Smartschool may refuse an empty one, so on Create an empty description becomes the name.',
};

export const untisField: INodeProperties = {
	displayName: 'Roostercode (Untis)',
	name: 'untis',
	type: 'string',
	default: '',
	description: 'The timetable code (Roostercode, formerly "Koppelingsveld schoolagenda"); it must be unique',
};
