import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as employee from './employee/Employee.resource';

/**
 * The node's description but its icon, subtitle and credentials, which the node class sets beside it (n8n's
 * lint rules look for them there; `testedBy` names a method of the class).
 */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'credentials'> = {
	displayName: 'Edu-iX Employees',
	name: 'eduixEmployees',
	group: ['input'],
	version: 1,
	description:
		"Read school staff from a Dutch school administration system through the Edu-V Employees API (Edu-iX / Edu-V afsprakenstelsel)",
	defaults: { name: 'Edu-iX Employees' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Employee', value: 'employee' }],
			default: 'employee',
		},
		...employee.description,
	],
};
