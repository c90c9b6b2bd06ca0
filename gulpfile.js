// tsc compiles TypeScript and the codex JSON; icons and bundled protocol assets (WSDL, JSON tables)
// must sit next to the compiled files, where the nodes load them with `file:` paths or fs reads.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png,wsdl,xml}', 'credentials/**/*.{svg,png}', 'icons/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = copyAssets;
exports.default = copyAssets;
