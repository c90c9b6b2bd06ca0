import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../shared/items';
import { createEduixClient, type EduixClient } from '../transport';
import * as employee from './employee/Employee.resource';
import type { EduixEmployeesType } from './node.type';

type Operation = (this: IExecuteFunctions, itemIndex: number, client: EduixClient) => Promise<ItemResult>;

const resources: Record<EduixEmployeesType['resource'], Record<string, { execute: Operation }>> = { employee: employee.operations };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Own keys only, so a crafted value such as "__proto__" can never pick something that is not an operation.
	const operations = Object.hasOwn(resources, resource) ? resources[resource as EduixEmployeesType['resource']] : undefined;
	const op = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	const client = await createEduixClient(this);
	const items = await runPerItem(this, async (itemIndex) => await op.execute.call(this, itemIndex, client), {
		redact: (text) => client.secrets.redact(text),
	});
	return [items];
}
