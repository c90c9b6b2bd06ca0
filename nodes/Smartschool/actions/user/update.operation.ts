import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { oneOf, optionalString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { fetchUser, identifyByField, readUserRef } from './identify';
import { partsFromDetails, profileFieldOptions, readProfileFields, ROLES, roleOptions, SAVE_USER_PARTS } from './profileFields';

const show = { resource: ['user'], operation: ['update'] };

const properties: INodeProperties[] = [
	userLocator,
	identifyByField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only these change; every other value is read from the account first and sent back unchanged. The username changes with Change Username, passwords with Set Password.',
		options: [
			...profileFieldOptions(),
			{
				displayName: 'Base Role (Basisrol)',
				name: 'role',
				type: 'options',
				default: 'leerling',
				options: roleOptions,
				description: 'Smartschool may refuse to change it (code 29: the base role can no longer be changed)',
			},
			{
				displayName: 'Internal Number (Intern Nummer)',
				name: 'internalNumber',
				type: 'string',
				default: '',
				description:
					'Set or change the internal number. Only on platforms whose unique field (Uniek veld) is the username: otherwise it is the key of the account.',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/**
 * Read-modify-write: saveUser treats every part as the new value (an empty part may clear a field), so the seed
 * library's partial saveUser could wipe what it did not send. The node reads the account, overlays the changed
 * fields and sends the complete record; empty password parts keep the passwords. An unknown user is an error.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const updates = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = readProfileFields(updates, node, itemIndex);
	if (updates.role !== undefined) {
		changes.basisrol = oneOf(updates.role, ROLES, { node, field: 'Base Role (Basisrol)', itemIndex });
	}
	const internalNumber = optionalString(updates.internalNumber, { node, field: 'Internal Number (Intern Nummer)', itemIndex });
	if (Object.keys(changes).length === 0 && internalNumber === undefined) {
		throw new NodeOperationError(node, 'Update Fields: add at least one field to change', {
			itemIndex,
			description: `Nothing would change. Item ${itemIndex}.`,
		});
	}

	const details = (await fetchUser(this.getNode(), client, readUserRef(this, itemIndex), itemIndex))!;
	const parts = { ...partsFromDetails(details), ...changes };
	if (internalNumber !== undefined && internalNumber !== parts.internnumber) {
		if ((await client.uniqueField()) === 'number') {
			throw new NodeOperationError(node, 'Internal Number (Intern Nummer): cannot be changed by Update on this platform', {
				itemIndex,
				description:
					'The platform identifies accounts by internal number (Uniek veld), so saveUser would address another account. Change it in Smartschool instead.',
			});
		}
		parts.internnumber = internalNumber;
	}

	const wire: Record<string, string> = {};
	for (const part of SAVE_USER_PARTS) wire[part] = parts[part] ?? '';
	await client.call('saveUser', wire, { itemIndex, secretParts: ['passwd1', 'passwd2', 'passwd3'] });

	const result: IDataObject = { success: true, username: wire.username, internnumber: wire.internnumber };
	for (const [part, value] of Object.entries(changes)) result[part] = value;
	return result;
}
