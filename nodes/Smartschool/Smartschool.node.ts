import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import * as nodeMethods from './methods';

export class Smartschool implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:smartschool.svg', dark: 'file:smartschool.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		credentials: [{ name: 'smartschoolApi', required: true, testedBy: 'smartschoolApiTest' }],
		usableAsTool: true,
	};

	// Every namespace methods/index.ts exports (credentialTest, listSearch…), so a new one needs no edit here.
	methods = { ...nodeMethods };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
