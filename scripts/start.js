// `npm start` launcher: compiles scripts/, the simulators and other tool code (tsconfig.tools.json →
// build/), then runs build/scripts/start.js in this process (it builds the package itself).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.tools.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

require(join(root, 'build', 'scripts', 'start.js'));
