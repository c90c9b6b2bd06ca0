import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Loads built node files in a fresh process, as n8n does at start-up, and lists the modules that came along. */
function loadedBy(files: string[]): { modules: string[]; properties: number; methods: string[] } {
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
	return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root }).toString()) as { modules: string[]; properties: number; methods: string[] };
}

const HEAVY = [
	/[\\/]node_modules[\\/]soap[\\/]/,
	/[\\/]node_modules[\\/]undici[\\/]/,
	/[\\/]nodes[\\/]shared[\\/](http|pools|retry|items)\.js$/,
	/[\\/]Smartschool[\\/]transport[\\/](index|codecs|xml|php)\.js$/,
	/[\\/]Smartschool[\\/]actions[\\/]router\.js$/,
];

describe('loading the Smartschool node files (as n8n does at start-up)', () => {
	it('loads descriptions and editor methods, but not the router, transport, codecs, HTTP layer, soap or undici', () => {
		const { modules, properties, methods } = loadedBy(['dist/nodes/Smartschool/Smartschool.node.js', 'dist/nodes/Smartschool/SmartschoolTrigger.node.js']);
		expect(modules.filter((path) => HEAVY.some((pattern) => pattern.test(path)))).toEqual([]);
		// The description is still complete at load: every resource's operations and fields are there.
		expect(properties).toBeGreaterThan(40);
		expect(methods).toEqual(expect.arrayContaining(['credentialTest.smartschoolApiTest', 'listSearch.searchUsers']));
	});
});
