import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { booleanValue, integerInRange, optionalString } from '../../../shared/validate';
import {
	RoleChangeError,
	teacherRoleError,
	TEACHER_ROLE,
	type PermissionGroupInput,
	type RoleAction,
	type RoleChange,
	type RoleInput,
} from '../../helpers/users';
import { fixedCollectionRows } from '../params';

const PROFILE_STRINGS = ['title', 'prefix', 'externalId', 'firstName', 'lastName'] as const;
const PROFILE_LABELS: Record<string, string> = {
	title: 'Title',
	prefix: 'Prefix',
	externalId: 'External ID',
	firstName: 'First Name',
	lastName: 'Last Name',
	noSurf: 'No SURFconext',
};

/** The profile fields of a create/update collection, checked and typed; unknown keys are ignored. */
export function readProfileFields(fields: IDataObject, node: INode, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const key of PROFILE_STRINGS) {
		if (fields[key] === undefined) continue;
		// An empty string is a deliberate "clear this field" in an update, so it is sent as is.
		body[key] = optionalString(fields[key], { node, field: PROFILE_LABELS[key], itemIndex }) ?? '';
	}
	if (fields.noSurf !== undefined) {
		body.noSurf = booleanValue(fields.noSurf, { node, field: PROFILE_LABELS.noSurf, itemIndex });
	}
	return body;
}

function positiveInt(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number {
	return integerInRange(value, { node: context.getNode(), field, itemIndex, min: 1 });
}

/** Role rows of Create: organisation + role (+ propagate). The teacher role is refused, with the reason. */
export function readRoleRows(context: IExecuteFunctions, itemIndex: number, operation: 'create'): RoleInput[] {
	const rows = fixedCollectionRows(context.getNodeParameter('roles', itemIndex, {}), 'role');
	return rows.map((row, index) => {
		const label = `Roles › Role ${index + 1}`;
		const role: RoleInput = {
			organisation: positiveInt(context, row.organisation, `${label} › Organisation ID`, itemIndex),
			role: positiveInt(context, row.role, `${label} › Role ID`, itemIndex),
		};
		if (role.role === TEACHER_ROLE) throw asOperationError(context, teacherRoleError(), itemIndex, operation);
		if (row.propagate === true) role.propagate = true;
		return role;
	});
}

const ROLE_ACTIONS: readonly RoleAction[] = ['add', 'remove', 'enable', 'disable'];

/** Role rows of Update: each one a change (add, remove, enable/disable a teacher role). */
export function readRoleChanges(context: IExecuteFunctions, itemIndex: number): RoleChange[] {
	const rows = fixedCollectionRows(context.getNodeParameter('roles', itemIndex, {}), 'role');
	return rows.map((row, index) => {
		const label = `Roles › Role ${index + 1}`;
		const action = (row.change ?? 'add') as RoleAction;
		if (!ROLE_ACTIONS.includes(action)) {
			throw new NodeOperationError(context.getNode(), `${label} › Change "${String(row.change)}" is not allowed`, {
				itemIndex,
				description: `Allowed: ${ROLE_ACTIONS.join(', ')}`,
			});
		}
		const change: RoleChange = {
			action,
			organisation: positiveInt(context, row.organisation, `${label} › Organisation ID`, itemIndex),
			role: positiveInt(context, row.role, `${label} › Role ID`, itemIndex),
		};
		// Sent only when asked for: propagating is an administrator's right, and n8n fills in the default false.
		if (action === 'add' && row.propagate === true) change.propagate = true;
		return change;
	});
}

export function readPermissionGroups(context: IExecuteFunctions, itemIndex: number): PermissionGroupInput[] {
	const rows = fixedCollectionRows(context.getNodeParameter('additionalPermissionGroups', itemIndex, {}), 'group');
	return rows.map((row, index) => {
		const label = `Additional Permission Groups › Group ${index + 1}`;
		const group: PermissionGroupInput = {
			organisation: positiveInt(context, row.organisation, `${label} › Organisation ID`, itemIndex),
			additionalPermissionGroup: positiveInt(
				context,
				row.additionalPermissionGroup,
				`${label} › Additional Permission Group ID`,
				itemIndex,
			),
		};
		if (row.isTeacher === true) group.isTeacher = true;
		return group;
	});
}

export function asOperationError(
	context: IExecuteFunctions,
	error: RoleChangeError,
	itemIndex: number,
	operation: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Roles: ${error.message}`, {
		itemIndex,
		description: `${error.description} (operation: ${operation})`,
	});
}
