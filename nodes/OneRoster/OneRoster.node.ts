import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type * as Router from './actions/router';
import type { versionDescription } from './actions/versionDescription';
import { credentialTest, listSearch } from './methods';

export class OneRoster implements INodeType {
	description: INodeTypeDescription = {
		// What actions/versionDescription.ts assembles, saved by the build (gulpfile.js): assembling it here would load
		// the operation modules and the execution code they import when n8n starts.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		...(require('./actions/versionDescription.json') as typeof versionDescription),
		icon: { light: 'file:oneroster.svg', dark: 'file:oneroster.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		credentials: [{ name: 'oneRosterApi', required: true, testedBy: 'oneRosterApiTest' }],
		usableAsTool: true,
	};

	methods = { listSearch, credentialTest };

	async execute(this: IExecuteFunctions) {
		// The router brings the transport and the HTTP layer with it: loaded on the first execute, not when n8n starts.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { router } = require('./actions/router') as typeof Router;
		return await router.call(this);
	}
}
