import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { oneOf, parseDate, requireString, validateEmail, type FieldContext } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';
import { userLocator } from '../common.descriptions';
import { userIdentifierOf } from './helpers';
import { identifyByField } from './identify';
import {
	CO_ACCOUNT_PARAMETERS,
	CUSTOM_PARAMETER,
	PARAMETER_NAMES,
	parameterOptions,
	RELIGIONS,
	STUDENT_TYPES,
	type ParameterName,
} from './parameterNames';
import { ROLES } from './profileFields';

const show = { resource: ['user'], operation: ['setProfileField'] };

const properties: INodeProperties[] = [
	userLocator,
	identifyByField,
	{
		displayName: 'Field',
		name: 'paramName',
		type: 'options',
		default: CUSTOM_PARAMETER,
		description: 'The profile field to set; one field per call (saveUserParameter). Other fields are left as they are.',
		options: parameterOptions(),
	},
	{
		displayName: 'Custom Field Name',
		name: 'customName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Naam ouder/voogd',
		description: 'The name of the school\'s own profile field exactly as Smartschool shows it (case matters)',
		displayOptions: { show: { paramName: [CUSTOM_PARAMETER] } },
	},
	{
		displayName: 'Co-Account',
		name: 'coAccount',
		type: 'options',
		default: 1,
		description: 'Which co-account (e.g. a parent: Moeder, Vader, Voogd) the field belongs to; 1 is usually the first parent',
		options: [1, 2, 3, 4, 5, 6].map((number) => ({ name: `Co-Account ${number}`, value: number })),
		displayOptions: { show: { paramName: CO_ACCOUNT_PARAMETERS.map((parameter) => `co:${parameter.value}`) } },
	},
	{
		displayName: 'Value',
		name: 'paramValue',
		type: 'string',
		default: '',
		description: 'The new value; checkbox fields take their choices separated by ";"',
	},
];

export const description = updateDisplayOptions({ show }, properties);

/** The checks of a built-in field; free text otherwise (also empty, which clears it). */
function checkValue(parameter: ParameterName | undefined, raw: unknown, ctx: FieldContext): string {
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	switch (parameter?.check) {
		case 'date':
			return parseDate(raw, { ...ctx, output: 'iso-date' });
		case 'email':
			return value === '' ? '' : validateEmail(value, ctx);
		case 'gender':
			return oneOf(value.toLowerCase(), ['m', 'v'], ctx);
		case 'role':
			return oneOf(value.toLowerCase(), ROLES, ctx);
		case 'religion':
			return oneOf(value.toUpperCase(), RELIGIONS, ctx);
		case 'studentType':
			return oneOf(value.toUpperCase(), STUDENT_TYPES, ctx);
		case 'coStatus':
			if (/^(actief|niet actief|actief tot en met \d{4}\/\d{2}\/\d{2})$/.test(value)) return value;
			throw invalidParameter(ctx.node, {
				...ctx,
				message: `"${value.slice(0, 60)}" is not a co-account status`,
				allowed: '"actief", "niet actief" or "actief tot en met yyyy/mm/dd"',
			});
		case 'jsonArray': {
			let parsed: unknown;
			try {
				parsed = JSON.parse(value);
			} catch {
				parsed = undefined;
			}
			if (Array.isArray(parsed)) return value;
			throw invalidParameter(ctx.node, { ...ctx, message: 'is not a JSON array', allowed: 'a JSON array as text, e.g. ["leerkracht"]' });
		}
		default:
			return value;
	}
}

/** saveUserParameter: one built-in, co-account or custom profile field of an account. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const node = this.getNode();
	const selected = String(this.getNodeParameter('paramName', itemIndex, CUSTOM_PARAMETER));
	let paramName: string;
	let parameter: ParameterName | undefined;
	if (selected === CUSTOM_PARAMETER) {
		paramName = requireString(this.getNodeParameter('customName', itemIndex, ''), { node, field: 'Custom Field Name', itemIndex });
	} else if (selected.startsWith('co:')) {
		parameter = CO_ACCOUNT_PARAMETERS.find((entry) => `co:${entry.value}` === selected);
		const slot = oneOf(String(this.getNodeParameter('coAccount', itemIndex, 1)), ['1', '2', '3', '4', '5', '6'], {
			node,
			field: 'Co-Account',
			itemIndex,
		});
		paramName = `${parameter?.value ?? ''}coaccount${slot}`;
	} else {
		parameter = PARAMETER_NAMES.find((entry) => entry.value === selected);
		paramName = selected;
	}
	if (selected !== CUSTOM_PARAMETER && !parameter) {
		oneOf(selected, [...PARAMETER_NAMES, ...CO_ACCOUNT_PARAMETERS].map((entry) => entry.value), { node, field: 'Field', itemIndex });
	}
	const paramValue = checkValue(parameter, this.getNodeParameter('paramValue', itemIndex, ''), {
		node,
		field: parameter?.label ?? paramName,
		itemIndex,
	});
	const userIdentifier = await userIdentifierOf(this, itemIndex, client);
	await client.call('saveUserParameter', { userIdentifier, paramName, paramValue }, { itemIndex });
	return { success: true, userIdentifier, paramName, paramValue };
}
