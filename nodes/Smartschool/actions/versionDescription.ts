import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as absence from './absence/Absence.resource';
import * as advanced from './advanced/Advanced.resource';
import * as course from './course/Course.resource';
import * as group from './group/Group.resource';
import * as helpdesk from './helpdesk/Helpdesk.resource';
import * as message from './message/Message.resource';
import * as platform from './platform/Platform.resource';
import * as security from './security/Security.resource';
import * as skore from './skore/Skore.resource';
import * as user from './user/User.resource';

/**
 * The node's description but its icon, subtitle and credentials, which the node class sets beside it (n8n's
 * lint rules look for them there; `testedBy` names a method of the class). A resource adds one option and one spread.
 */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'credentials'> = {
	displayName: 'Smartschool',
	name: 'smartschool',
	group: ['transform'],
	version: 1,
	description: 'Accounts, co-accounts, classes, groups, absences, courses, helpdesk, Skore and messages of a Smartschool platform (V3 web services)',
	defaults: { name: 'Smartschool' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Absence', value: 'absence' },
				{ name: 'Advanced', value: 'advanced' },
				{ name: 'Course', value: 'course' },
				{ name: 'Group or Class', value: 'group' },
				{ name: 'Helpdesk', value: 'helpdesk' },
				{ name: 'Message', value: 'message' },
				{ name: 'Password and Security', value: 'security' },
				{ name: 'Platform', value: 'platform' },
				{ name: 'Skore', value: 'skore' },
				{ name: 'User', value: 'user' },
			],
			default: 'user',
		},
		...user.description,
		...group.description,
		...message.description,
		...security.description,
		...platform.description,
		...absence.description,
		...course.description,
		...helpdesk.description,
		...skore.description,
		...advanced.description,
	],
};
