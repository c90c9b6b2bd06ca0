// `npm run bench [-- <scenario> ...]` launcher: compiles the bench and its test support code
// (tsconfig.tools.json → build/), then runs build/bench/run.js with --expose-gc so memory peaks are
// measured after a real collection. `npm run bench` has already built dist/ (the nodes under test).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.tools.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const bench = spawnSync(process.execPath, ['--expose-gc', join(root, 'build', 'bench', 'run.js'), ...process.argv.slice(2)], {
	cwd: root,
	stdio: 'inherit',
});
process.exit(bench.status ?? 1);
