import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest, listSearch } from './methods';

export class Evalytics implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:evalytics.svg', dark: 'file:evalytics.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		credentials: [{ name: 'evalyticsApi', required: true, testedBy: 'evalyticsApiTest' }],
		usableAsTool: true,
	};

	methods = { listSearch, credentialTest };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
