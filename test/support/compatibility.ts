/**
 * The README's compatibility statement, generated from what the e2e suite actually runs: the n8n lines in
 * test/e2e/n8n-lines (their pinned n8n and Node) and the package's own engines field. Nobody types it by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './operationsTable';

export const COMPAT_START = '<!-- compatibility:start (generated from test/e2e/n8n-lines and package.json; test/unit/compatibility.test.ts keeps it true) -->';
export const COMPAT_END = '<!-- compatibility:end -->';

interface LineManifest {
	dependencies: { n8n: string };
	n8nNodesEdu: { node: string };
}

const LINES = [
	{ name: 'oldest', role: 'the oldest n8n supported' },
	{ name: 'newest', role: 'the newest n8n that installs from the npm registry' },
] as const;

export function compatibilitySection(): string {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
	const nodeRange = pkg.engines.node.replace(/^>=\s*/, '');
	const lines = LINES.map(({ name, role }) => {
		const manifest = JSON.parse(readFileSync(join(ROOT, 'test', 'e2e', 'n8n-lines', name, 'package.json'), 'utf8')) as LineManifest;
		const node = manifest.n8nNodesEdu.node === 'system' ? `the machine's own (${nodeRange} or newer; CI: Node.js 20)` : manifest.n8nNodesEdu.node;
		return { n8n: manifest.dependencies.n8n, node, role };
	});
	const [oldest, newest] = lines;
	return [
		'| n8n | Node.js | line |',
		'|---|---|---|',
		...lines.map((line) => `| ${line.n8n} | ${line.node} | ${line.role} |`),
		'',
		`Every \`npm test\` and CI run installs both lines from the npm registry and runs the whole end-to-end suite in each (test/e2e/n8n-lines/). ` +
			`Supported: n8n ${oldest.n8n} to ${newest.n8n}, each on a Node.js version that n8n version accepts (Node.js ${nodeRange} or newer; n8n ${newest.n8n} needs Node.js 24). ` +
			'The versions between the two lines keep the same community-node API (version 1) and are expected to work; they are not tested one by one.',
	].join('\n');
}

export function readCompatibility(readme: string): string | undefined {
	const start = readme.indexOf(COMPAT_START);
	const end = readme.indexOf(COMPAT_END);
	if (start < 0 || end < start) return undefined;
	return readme.slice(start + COMPAT_START.length, end).trim();
}

export function withCompatibility(readme: string, section: string): string {
	const start = readme.indexOf(COMPAT_START);
	const end = readme.indexOf(COMPAT_END);
	return `${readme.slice(0, start + COMPAT_START.length)}\n${section}\n${readme.slice(end)}`;
}
