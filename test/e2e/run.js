// `npm run test:e2e [-- jest args]`: the real-n8n suite under jest with its own config (jest.e2e.config.js),
// in band. Prints the wall time at the end.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const started = Date.now();
const result = spawnSync(process.execPath, [jest, '--config', join(root, 'jest.e2e.config.js'), '--runInBand', ...process.argv.slice(2)], {
	cwd: root,
	stdio: 'inherit',
});
process.stdout.write(`E2E wall time: ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(result.status ?? 1);
