import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

const root = join(__dirname, '..', '..');

interface Loaded {
	modules: string[];
	properties: number;
	methods: string[];
}

/** Loads built node files in a fresh process, as n8n does at start-up, and lists the modules that came along. */
function loadedBy(files: string[]): Loaded {
	for (const file of files) {
		if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build first`);
	}
	const script = `
		require('n8n-workflow');
		const before = new Set(Object.keys(require.cache));
		let properties = 0; const methods = [];
		for (const file of ${JSON.stringify(files)}) {
			const exported = require(require('node:path').join(${JSON.stringify(root)}, file));
			const node = new (Object.values(exported)[0])();
			properties += node.description.properties.length;
			for (const [kind, functions] of Object.entries(node.methods ?? {})) methods.push(...Object.keys(functions).map((name) => kind + '.' + name));
		}
		const modules = Object.keys(require.cache).filter((path) => !before.has(path));
		console.log(JSON.stringify({ modules, properties, methods }));`;
	return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root }).toString()) as Loaded;
}

/** What only executing, polling, a picker or the Test button needs. */
const HEAVY = [
	/[\\/]node_modules[\\/]soap[\\/]/,
	/[\\/]node_modules[\\/]undici[\\/]/,
	/[\\/]nodes[\\/]shared[\\/](http|pools|retry|items|oauth1|oauth2|pem|soap|paginate|paginateParallel)\.js$/,
	/[\\/]nodes[\\/]\w+[\\/]transport(\.js$|[\\/](?!lazy\.js$))/,
	/[\\/]nodes[\\/]\w+[\\/]listing\.js$/,
	/[\\/]actions[\\/]router\.js$/,
	// The operation modules: the description comes from the JSON the build saved.
	/[\\/]actions[\\/](.+[\\/])?\w+\.(operation|resource)\.js$/,
	/[\\/]actions[\\/]versionDescription\.js$/,
	/[\\/]nodes[\\/]RosterSync[\\/]helpers[\\/]/,
];

const NODES: Array<{ name: string; properties: number; methods: string[]; trigger?: false }> = [
	{ name: 'Evalytics', properties: 10, methods: ['credentialTest.evalyticsApiTest', 'listSearch.searchOrganisations'] },
	{
		name: 'Smartschool',
		properties: 40,
		methods: ['credentialTest.smartschoolApiTest', 'listSearch.searchUsers', 'listSearch.searchGroups', 'loadOptions.getHelpdeskItems'],
	},
	{ name: 'EduixEmployees', properties: 10, methods: ['credentialTest.eduixApiTest'] },
	{ name: 'OneRoster', properties: 40, methods: ['credentialTest.oneRosterApiTest', 'listSearch.searchUsers', 'listSearch.searchOrgs'] },
	// No trigger, no credential: the comparison, guards and report load on first execute.
	{ name: 'RosterSync', properties: 10, methods: [], trigger: false },
];

describe.each(NODES)('loading the $name node files (as n8n does at start-up)', ({ name, properties, methods, trigger }) => {
	const files = [`dist/nodes/${name}/${name}.node.js`, ...(trigger === false ? [] : [`dist/nodes/${name}/${name}Trigger.node.js`])];

	it('loads descriptions and editor methods, but not the router, operations, transport, HTTP layer, soap or undici', () => {
		const loaded = loadedBy(files);
		expect(loaded.modules.filter((path) => HEAVY.some((pattern) => pattern.test(path)))).toEqual([]);
		// The description is still complete at load: every resource's operations and fields are there.
		expect(loaded.properties).toBeGreaterThan(properties);
		expect(loaded.methods).toEqual(expect.arrayContaining(methods));
	});

	it('describes the node exactly as its operation modules assemble it', () => {
		const { versionDescription } = require(join(root, 'dist', 'nodes', name, 'actions', 'versionDescription.js')) as {
			versionDescription: Record<string, unknown>;
		};
		const exported = require(join(root, files[0])) as Record<string, new () => INodeType>;
		const { description } = new (Object.values(exported)[0])();
		// Every field, in order (properties and options are arrays); only undefined values may be left out.
		expect(JSON.stringify(Object.keys(versionDescription).map((key) => (description as unknown as Record<string, unknown>)[key]))).toBe(
			JSON.stringify(Object.values(versionDescription)),
		);
		expect(description).toMatchObject({ icon: expect.any(Object), subtitle: expect.any(String) });
		if (trigger !== false) expect(description.credentials).toEqual(expect.any(Array));
	});
});
