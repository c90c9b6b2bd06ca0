// `npm run test:busy [-- command…]`: the unit and node tests (or the given command, e.g. `npm test`) while every
// core is kept busy by another process, as on a shared CI machine. A test that passes only on an idle machine
// depends on its speed: make it deterministic instead (count-based limits, fake timers, events — never a race
// against the clock). BUSY_LOAD=N sets the number of busy loops (default: one per core).
const { spawn } = require('node:child_process');
const { availableParallelism } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const loops = Number(process.env.BUSY_LOAD ?? availableParallelism());
const given = process.argv.slice(2);
const [command, ...args] = given.length ? given : [process.execPath, join(root, 'node_modules', 'jest', 'bin', 'jest.js')];

const busy = Array.from({ length: loops }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stop = () => busy.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

process.stderr.write(`test:busy: ${loops} busy loop(s) beside: ${[command, ...args].join(' ')}\n`);
const started = Date.now();
// A given command runs where it was asked for (`npm run` starts us in the package root anyway).
const child = spawn(command, args, { cwd: given.length ? process.cwd() : root, stdio: 'inherit' });
child.on('close', (code) => {
	process.stderr.write(`test:busy: finished in ${Math.round((Date.now() - started) / 1000)} s (exit ${code})\n`);
	process.exit(code ?? 1);
});
