import type { INodeProperties } from 'n8n-workflow';

import * as getErrorCodes from './getErrorCodes.operation';
import * as getErrorCodesCsv from './getErrorCodesCsv.operation';
import * as getUniqueField from './getUniqueField.operation';

/** The operations of this resource by their `operation` value. */
export const operations = { getErrorCodes, getErrorCodesCsv, getUniqueField };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['platform'] } },
		default: 'getUniqueField',
		options: [
			{
				name: 'Get Error Codes',
				value: 'getErrorCodes',
				description: "The platform's table of web-service result codes with their Dutch texts (returnJsonErrorCodes)",
				action: 'Get the error codes',
			},
			{
				name: 'Get Error Codes as CSV',
				value: 'getErrorCodesCsv',
				description: 'The same table from its CSV form (returnCsvErrorCodes)',
				action: 'Get the error codes as CSV',
			},
			{
				name: 'Get Unique Field',
				value: 'getUniqueField',
				description: 'Whether the platform identifies users by username or internal number (Uniek veld, getReferenceField)',
				action: 'Get the unique field of the platform',
			},
		],
	},
	...getErrorCodes.description,
	...getErrorCodesCsv.description,
	...getUniqueField.description,
];
