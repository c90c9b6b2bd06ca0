// tsc compiles TypeScript and the codex JSON; icons and bundled protocol assets (WSDL, JSON tables)
// must sit next to the compiled files, where the nodes load them with `file:` paths or fs reads.
const { existsSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { src, dest, parallel } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png,wsdl,xml}', 'credentials/**/*.{svg,png}', 'icons/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

/**
 * Saves what each node's actions/versionDescription.js assembles as versionDescription.json beside it. n8n requires
 * every node file at start-up for its description; assembling it loads every operation module and the execution
 * code they import, so the node files read this JSON instead and the modules load with the router on first execute.
 */
async function saveDescriptions() {
	const files = descriptionModules();
	if (files.length === 0) throw new Error('no dist/nodes/*/actions/versionDescription.js: run tsc first');
	for (const file of files) {
		const { versionDescription } = require(join(__dirname, file));
		writeFileSync(join(__dirname, file.replace(/\.js$/, '.json')), JSON.stringify(versionDescription));
	}
}

function descriptionModules() {
	return readdirSync(join(__dirname, 'dist', 'nodes'))
		.map((node) => join('dist', 'nodes', node, 'actions', 'versionDescription.js'))
		.filter((file) => existsSync(join(__dirname, file)));
}

exports.build = parallel(copyAssets, saveDescriptions);
exports.default = exports.build;
