// `npm run test:e2e [-- jest args]`: the real-n8n suite under jest with its own config (jest.e2e.config.js), in
// band, once per n8n line (test/e2e/n8n-lines/: the oldest n8n we support and the newest one), or only the line
// N8N_EDU_N8N_LINE names. The package is built and packed once for every run. While one line's suite runs, the next
// line's n8n installs (or its cache is verified) beside it, so a fresh machine pays for the installs only once over.
// Prints each line's result and wall time.
const { spawn, spawnSync } = require('node:child_process');
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

async function main() {
	step('npm run build', 'npm', ['run', 'build', '--silent']);
	// scripts/n8n.ts for the installs (the same compile `npm start` does).
	step('compiling the test tools', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.tools.json')]);
	const { ensureN8n } = require(join(root, 'build', 'scripts', 'n8n.js'));
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-pack-'));
	step('npm pack', 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir]);
	const tarball = join(packDir, readdirSync(packDir).find((file) => file.endsWith('.tgz')));

	const installs = new Map();
	const install = (line) => {
		if (!installs.has(line)) {
			const log = (text) => process.stderr.write(`[${line} n8n] ${text}\n`);
			// Settled, never rejected: a failed install is reported by that line's run.
			installs.set(line, ensureN8n(log, line).then(() => undefined, (error) => error));
		}
		return installs.get(line);
	};

	const results = [];
	for (const [index, line] of lines.entries()) {
		const lineStarted = Date.now();
		const failedInstall = await install(line);
		if (lines[index + 1]) void install(lines[index + 1]);
		process.stdout.write(`\n=== e2e on the ${line} n8n line (test/e2e/n8n-lines/${line}) ===\n`);
		if (failedInstall) {
			process.stderr.write(`The ${line} n8n line could not be installed: ${failedInstall.message}\n`);
			results.push({ line, status: 1, seconds: seconds(lineStarted) });
			continue;
		}
		const child = spawn(process.execPath, [jest, '--config', join(root, 'jest.e2e.config.js'), '--runInBand', ...process.argv.slice(2)], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, N8N_EDU_N8N_LINE: line, N8N_EDU_E2E_TARBALL: tarball },
		});
		const status = await new Promise((done) => child.on('close', (code) => done(code ?? 1)));
		results.push({ line, status, seconds: seconds(lineStarted) });
	}
	await Promise.all(installs.values());
	rmSync(packDir, { recursive: true, force: true });
	for (const { line, status, seconds: took } of results) {
		process.stdout.write(`E2E ${line} line: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${took} s\n`);
	}
	process.stdout.write(`E2E wall time: ${seconds(started)} s\n`);
	process.exit(results.every((result) => result.status === 0) ? 0 : 1);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
