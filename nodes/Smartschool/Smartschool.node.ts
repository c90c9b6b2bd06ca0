import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type * as Router from './actions/router';
import type { versionDescription } from './actions/versionDescription';
import * as nodeMethods from './methods';

export class Smartschool implements INodeType {
	description: INodeTypeDescription = {
		// What actions/versionDescription.ts assembles, saved by the build (gulpfile.js): assembling it here would load
		// every operation module when n8n starts.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		...(require('./actions/versionDescription.json') as typeof versionDescription),
		icon: { light: 'file:smartschool.svg', dark: 'file:smartschool.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		credentials: [{ name: 'smartschoolApi', required: true, testedBy: 'smartschoolApiTest' }],
		usableAsTool: true,
	};

	// Every namespace methods/index.ts exports (credentialTest, listSearch…), so a new one needs no edit here.
	methods = { ...nodeMethods };

	async execute(this: IExecuteFunctions) {
		// The router brings the operations and the transport with them: loaded on the first execute, not when n8n starts.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { router } = require('./actions/router') as typeof Router;
		return await router.call(this);
	}
}
