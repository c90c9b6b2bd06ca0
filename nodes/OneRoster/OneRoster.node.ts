import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest, listSearch } from './methods';

export class OneRoster implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:oneroster.svg', dark: 'file:oneroster.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		credentials: [{ name: 'oneRosterApi', required: true, testedBy: 'oneRosterApiTest' }],
		usableAsTool: true,
	};

	methods = { listSearch, credentialTest };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
