import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../shared/items';
import { createSmartschoolClient, type SmartschoolClient } from '../transport';
import type { SmartschoolType } from './node.type';
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

type Operation = (this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) => Promise<ItemResult>;

/** Every resource's operations by value; adding a resource is one line here. */
const resources: Record<SmartschoolType['resource'], Record<string, { execute: Operation }>> = {
	user: user.operations,
	group: group.operations,
	message: message.operations,
	platform: platform.operations,
	security: security.operations,
	absence: absence.operations,
	course: course.operations,
	helpdesk: helpdesk.operations,
	skore: skore.operations,
	advanced: advanced.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Own keys only, so a crafted value such as "__proto__" can never pick something that is not an operation.
	const operations = Object.hasOwn(resources, resource) ? resources[resource as SmartschoolType['resource']] : undefined;
	const op = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	// The client (and the SOAP library behind it) is built on first use, so a node that only validates loads nothing.
	const client = await createSmartschoolClient(this);
	const items = await runPerItem(this, async (itemIndex) => await op.execute.call(this, itemIndex, client), {
		redact: (text) => client.secrets.redact(text),
	});
	return [items];
}
