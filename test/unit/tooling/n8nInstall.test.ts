/**
 * The install of the real n8n (scripts/n8n.ts) without installing it: what a child npm inherits, and how a broken
 * cached install is recognised before use. The installs themselves run in every e2e run (test/e2e).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cacheBase, checkInstall, childNpmEnv, lineN8nVersion, selectedLine, type LineManifest } from '../../../scripts/n8n';

describe('the n8n install of npm start and the e2e suite', () => {
	const saved = { ...process.env };
	afterEach(() => {
		for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
		Object.assign(process.env, saved);
	});

	it("drops what npm hands down from the project's .npmrc (ignore-scripts) and keeps the user's registry, proxy and CA", () => {
		Object.assign(process.env, {
			npm_config_ignore_scripts: 'true',
			npm_config_local_prefix: '/somewhere/else',
			npm_lifecycle_event: 'test',
			npm_package_name: 'n8n-nodes-edu',
			npm_config_registry: 'https://mirror.school.example/npm/',
			npm_config_https_proxy: 'http://proxy.school.example:3128',
			npm_config_cafile: '/etc/ssl/school-ca.pem',
			npm_config_nodedir: '/some/other/node',
		});
		const env = childNpmEnv('/opt/node24/bin/node');
		expect(env.npm_config_ignore_scripts).toBeUndefined();
		expect(env.npm_config_local_prefix).toBeUndefined();
		expect(env.npm_lifecycle_event).toBeUndefined();
		expect(env.npm_package_name).toBeUndefined();
		expect(env).toMatchObject({
			npm_config_registry: 'https://mirror.school.example/npm/',
			npm_config_https_proxy: 'http://proxy.school.example:3128',
			npm_config_cafile: '/etc/ssl/school-ca.pem',
		});
		// No headers beside that binary: a user .npmrc nodedir (another Node) must not reach the build either.
		expect(env.npm_config_nodedir).toBeUndefined();
		expect(env.PATH?.split(':')[0]).toBe('/opt/node24/bin');
	});

	it("points nodedir at the headers of the Node that will run n8n when it has them", () => {
		const prefix = mkdtempSync(join(tmpdir(), 'n8n-edu-node-'));
		try {
			mkdirSync(join(prefix, 'include', 'node'), { recursive: true });
			writeFileSync(join(prefix, 'include', 'node', 'node.h'), '');
			expect(childNpmEnv(join(prefix, 'bin', 'node')).npm_config_nodedir).toBe(prefix);
		} finally {
			rmSync(prefix, { recursive: true, force: true });
		}
	});

	it('recognises a half-built install: n8n missing, or a native module that does not load under its Node', () => {
		const dir = mkdtempSync(join(tmpdir(), 'n8n-edu-cache-'));
		try {
			const manifest: LineManifest = { dependencies: { n8n: '2.40.7' }, n8nNodesEdu: { node: 'system', rebuild: ['sqlite3'] } };
			expect(checkInstall(dir, manifest, process.execPath)).toBe('n8n is missing');
			mkdirSync(join(dir, 'node_modules', 'n8n', 'bin'), { recursive: true });
			writeFileSync(join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), 'console.log("2.40.7")');
			// What an install without its native build leaves: sqlite3 whose binding is missing.
			mkdirSync(join(dir, 'node_modules', 'sqlite3'), { recursive: true });
			writeFileSync(join(dir, 'node_modules', 'sqlite3', 'index.js'), "throw new Error('Could not locate the bindings file')");
			expect(checkInstall(dir, manifest, process.execPath)).toMatch(/^sqlite3 does not load under .*Could not locate the bindings file/);
			writeFileSync(join(dir, 'node_modules', 'sqlite3', 'index.js'), 'module.exports = {}');
			expect(checkInstall(dir, manifest, process.execPath)).toBeUndefined();
			expect(checkInstall(dir, { ...manifest, dependencies: { n8n: '2.8.4' } }, process.execPath)).toMatch(/answered "2.40.7".*expected 2.8.4/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('caches outside the clone, where N8N_EDU_CACHE_DIR or XDG_CACHE_HOME say, and picks the line by N8N_EDU_N8N_LINE', () => {
		process.env.N8N_EDU_CACHE_DIR = '/tmp/ci-cache';
		expect(cacheBase()).toBe('/tmp/ci-cache');
		delete process.env.N8N_EDU_CACHE_DIR;
		process.env.XDG_CACHE_HOME = '/tmp/xdg';
		expect(cacheBase()).toBe('/tmp/xdg/n8n-nodes-edu');
		delete process.env.N8N_EDU_N8N_LINE;
		expect(selectedLine()).toBe('newest');
		process.env.N8N_EDU_N8N_LINE = 'oldest';
		expect(selectedLine()).toBe('oldest');
		expect(lineN8nVersion('oldest')).toBe('2.8.4');
		process.env.N8N_EDU_N8N_LINE = '2.8';
		expect(() => selectedLine()).toThrow('use one of oldest, newest');
	});
});
