import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest } from './methods';

export class EduixEmployees implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:eduix.svg', dark: 'file:eduix.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		credentials: [{ name: 'eduixApi', required: true, testedBy: 'eduixApiTest' }],
		usableAsTool: true,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
