import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type * as Router from './actions/router';
import type { versionDescription } from './actions/versionDescription';

export class RosterSync implements INodeType {
	description: INodeTypeDescription = {
		// What actions/versionDescription.ts assembles, saved by the build (gulpfile.js), as for the platform nodes.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		...(require('./actions/versionDescription.json') as typeof versionDescription),
		icon: { light: 'file:rosterSync.svg', dark: 'file:rosterSync.dark.svg' },
		subtitle: '={{$parameter["dryRun"] ? "Dry run" : "Sync"}}',
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions) {
		// The comparison, guards and report load on the first execute, not when n8n starts.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { router } = require('./actions/router') as typeof Router;
		return await router.call(this);
	}
}
