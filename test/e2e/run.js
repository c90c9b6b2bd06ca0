// `npm run test:e2e [-- jest args]`: the real-n8n suite under jest with its own config (jest.e2e.config.js), in
// band, once per n8n line (test/e2e/n8n-lines/: the oldest n8n we support and the newest one), or only the line
// N8N_EDU_N8N_LINE names. The package is built and packed once for every run. Prints each line's wall time.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const all = ['oldest', 'newest'];
const only = process.env.N8N_EDU_N8N_LINE;
if (only && !all.includes(only)) {
	process.stderr.write(`N8N_EDU_N8N_LINE=${only}: use one of ${all.join(', ')}\n`);
	process.exit(2);
}
const lines = only ? [only] : all;
const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 1000);

const step = (what, command, args) => {
	const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	if (result.status !== 0) {
		process.stderr.write(`${what} failed (exit ${result.status})\n${result.stdout ?? ''}`);
		process.exit(result.status ?? 1);
	}
	return result.stdout;
};
step('npm run build', 'npm', ['run', 'build', '--silent']);
const packDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-pack-'));
step('npm pack', 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir]);
const tarball = join(packDir, readdirSync(packDir).find((file) => file.endsWith('.tgz')));

const results = [];
for (const line of lines) {
	const lineStarted = Date.now();
	process.stdout.write(`\n=== e2e on the ${line} n8n line (test/e2e/n8n-lines/${line}) ===\n`);
	const result = spawnSync(process.execPath, [jest, '--config', join(root, 'jest.e2e.config.js'), '--runInBand', ...process.argv.slice(2)], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, N8N_EDU_N8N_LINE: line, N8N_EDU_E2E_TARBALL: tarball },
	});
	results.push({ line, status: result.status ?? 1, seconds: seconds(lineStarted) });
}
rmSync(packDir, { recursive: true, force: true });
for (const { line, status, seconds: took } of results) {
	process.stdout.write(`E2E ${line} line: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${took} s\n`);
}
process.stdout.write(`E2E wall time: ${seconds(started)} s\n`);
process.exit(results.every((result) => result.status === 0) ? 0 : 1);
