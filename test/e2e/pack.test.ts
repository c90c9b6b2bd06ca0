/**
 * What ships (each line of test/e2e/n8n-lines): the tarball `npm pack` makes — the one the e2e runner packed for
 * this run, or one packed here — installed into a fresh n8n nodes folder the way the Community Nodes screen
 * installs it. It must hold every file of package.json's `n8n` block with its codex and icons, the README, the
 * licence and the code and assets the nodes load, and nothing else: no tests, simulators, bench, scripts, source
 * maps, TypeScript sources or demo keys and secrets. Prints the packed and unpacked size.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';

import { ensureN8n, REPO_ROOT, type N8nInstall } from '../../scripts/n8n';
import { installLikeN8n, loadInsideN8n, verifyInstalledPackage, type InstalledPackage } from '../../scripts/package-install';
import { DEFAULT_CLIENT_SECRET as EDUIX_CLIENT_SECRET } from '../simulators/eduix/seed';
import { DEFAULT_API_KEY } from '../simulators/evalytics';
import { DEFAULT_CLIENT_SECRET as ONEROSTER_CLIENT_SECRET, DEFAULT_CONSUMER_SECRET } from '../simulators/oneroster';
import { DEFAULT_ACCESS_CODE } from '../simulators/smartschool';
import { packedTarball } from './support/suite';

interface Manifest {
	name: string;
	n8n: { credentials: string[]; nodes: string[] };
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
}

let workDir: string;
let tarball: string;
let install: N8nInstall;
let pkg: InstalledPackage;
/** Paths inside the tarball, relative to its `package/` folder, '/'-separated. */
let packed: string[];
/** The tarball unpacked as it is (the install rewrites its package.json). */
let unpackedDir: string;
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

beforeAll(async () => {
	install = await ensureN8n();
	workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-pack-test-'));
	// The tarball the e2e runner packed for this run (what `npm publish` would upload), else one packed here.
	tarball = await packedTarball(workDir);
	unpackedDir = join(workDir, 'unpacked');
	mkdirSync(unpackedDir);
	execFileSync('tar', ['-xzf', tarball, '-C', unpackedDir, '--strip-components=1']);
	packed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter((entry) => entry && !entry.endsWith('/'))
		.map((entry) => entry.replace(/^package\//, ''))
		.sort();
	// A fresh user folder's nodes folder, as on a new n8n: <N8N_USER_FOLDER>/.n8n/nodes.
	pkg = await installLikeN8n(tarball, join(workDir, 'user', '.n8n', 'nodes'));
}, 20 * 60_000);

afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Every file under `dir` (relative to the repo, '/'-separated). */
function sourceFiles(dir: string): string[] {
	const root = join(REPO_ROOT, dir);
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The compiled code the package must hold: one .js per TypeScript file of nodes/ and credentials/ (no tests). */
const expectedCode = () =>
	[...sourceFiles('nodes'), ...sourceFiles('credentials')]
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
		.map((file) => `dist/${file.replace(/\.ts$/, '.js')}`)
		.sort();

describe('the packed tarball', () => {
	it('reports its packed and unpacked size', () => {
		const packedBytes = statSync(tarball).size;
		const unpackedBytes = packed.reduce((sum, file) => sum + statSync(join(unpackedDir, file)).size, 0);
		const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
		process.stderr.write(
			`\n${manifest.name} tarball (${install.line} line run): ${packed.length} files, packed ${kB(packedBytes)} (${packedBytes} bytes), ` +
				`unpacked ${kB(unpackedBytes)} (${unpackedBytes} bytes)\n`,
		);
		expect(packedBytes).toBeGreaterThan(0);
		expect(unpackedBytes).toBeGreaterThan(packedBytes);
	});

	it('holds every file of the n8n block, its codex files, README, licence and package.json', () => {
		const entries = [...manifest.n8n.credentials, ...manifest.n8n.nodes];
		expect(entries.length).toBeGreaterThan(0);
		const codex = manifest.n8n.nodes.map((file) => file.replace(/\.js$/, '.json'));
		const missing = [...entries, ...codex, 'README.md', 'LICENSE', 'package.json'].filter((file) => !packed.includes(file));
		expect(missing).toEqual([]);
	});

	it('holds the compiled code of every node, credential and shared module', () => {
		const missing = expectedCode().filter((file) => !packed.includes(file));
		expect(missing).toEqual([]);
	});

	it('holds nothing else: no tests, simulators, bench, scripts, sources, maps or stray assets', async () => {
		const code = new Set(expectedCode());
		const codex = new Set(manifest.n8n.nodes.map((file) => file.replace(/\.js$/, '.json')));
		// Icons the nodes and credentials name (file: paths), as n8n resolves them.
		const report = await loadInsideN8n(install, pkg);
		expect(report.errors).toEqual([]);
		const icons = new Set(report.loaded.flatMap((entry) => entry.icons).map((icon) => relative(pkg.dir, icon).split(sep).join('/')));
		const shippedCode = packed.filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(unpackedDir, file), 'utf8'));
		const why = (file: string): string | undefined => {
			if (['package.json', 'README.md', 'LICENSE'].includes(file)) return 'package';
			if (code.has(file)) return 'compiled source';
			if (codex.has(file)) return 'codex';
			if (icons.has(file)) return 'icon';
			// The description the build saves beside each node's versionDescription.js (gulpfile.js), read at start-up.
			if (/^dist\/nodes\/[^/]+\/actions\/versionDescription\.json$/.test(file) && code.has(file.replace(/\.json$/, '.js'))) return 'saved description';
			// Protocol assets (the Smartschool WSDL) ship only when the code loads them by name.
			if (/\.(wsdl|xml)$/.test(file) && shippedCode.some((text) => text.includes(posix.basename(file)))) return 'asset the code loads';
			return undefined;
		};
		expect(packed.filter((file) => why(file) === undefined)).toEqual([]);
		expect(packed.filter((file) => /(^|\/)(test|tests|__tests__|bench|scripts|examples|simulators?|fixtures)\//.test(file))).toEqual([]);
		expect(packed.filter((file) => /\.(map|ts|tsx|key|pem|crt|p12|pfx|tgz|log)$/.test(file) || /\.test\.js$/.test(file))).toEqual([]);
	});

	it('holds no private key and none of the demo secrets of the simulators', () => {
		const secrets = [DEFAULT_API_KEY, DEFAULT_ACCESS_CODE, EDUIX_CLIENT_SECRET, ONEROSTER_CLIENT_SECRET, DEFAULT_CONSUMER_SECRET];
		// Every base64 line of the repository's test-only keys and certificates (test/simulators/eduix/fixtures/client.key, …).
		const fixtures = execFileSync('git', ['ls-files', '*.key', '*.pem'], { cwd: REPO_ROOT, encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((file) => ({
				file,
				lines: readFileSync(join(REPO_ROOT, file), 'utf8')
					.split(/\r?\n/)
					.filter((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line)),
			}));
		expect(fixtures.map((fixture) => fixture.file)).toContain('test/simulators/eduix/fixtures/client.key');
		// A PEM private key block with a body (the credential's '-----BEGIN PRIVATE KEY-----' placeholder has none).
		const pemKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s]{40,}/;
		const found: string[] = [];
		for (const file of packed) {
			const text = readFileSync(join(unpackedDir, file), 'utf8');
			if (pemKey.test(text)) found.push(`${file}: a PEM private key`);
			for (const secret of secrets) if (text.includes(secret)) found.push(`${file}: demo secret ${secret}`);
			for (const fixture of fixtures) if (fixture.lines.some((line) => text.includes(line))) found.push(`${file}: part of ${fixture.file}`);
		}
		expect(secrets.every((secret) => secret.length >= 8)).toBe(true);
		expect(found).toEqual([]);
	});
});

describe('installed like the Community Nodes screen installs it', () => {
	it('loads every node and credential of the n8n block inside n8n, with n8n’s own n8n-workflow', async () => {
		expect(await verifyInstalledPackage(install, pkg)).toEqual([]);
		const report = await loadInsideN8n(install, pkg);
		expect(report.loaded.map((entry) => entry.file)).toEqual([...manifest.n8n.credentials, ...manifest.n8n.nodes]);
	});

	it('keeps only runtime dependencies: no devDependencies or peerDependencies installed', () => {
		const installed = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as Manifest;
		expect(installed.devDependencies).toBeUndefined();
		expect(installed.peerDependencies).toBeUndefined();
		const modules = readdirSync(join(pkg.dir, 'node_modules'));
		expect(modules).toEqual(expect.arrayContaining(['soap', 'undici']));
		// The test and build tools of this repository never reach a school's n8n.
		const tools = ['n8n-workflow', 'n8n-core', 'jest', 'ts-jest', 'typescript', 'eslint', 'gulp', 'smartschool-client'];
		expect(modules.filter((name) => tools.includes(name))).toEqual([]);
	});
});
