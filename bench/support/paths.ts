import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-edu';

let cachedRoot: string | undefined;

/**
 * The repository root, found upward from this file: the bench runs compiled from build/bench/, and
 * results, dist/ and package.json live at the root, not beside the compiled files.
 */
export function repoRoot(): string {
	if (cachedRoot) return cachedRoot;
	for (let dir = __dirname; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && readManifest(manifest).name === PACKAGE_NAME) return (cachedRoot = dir);
		if (dirname(dir) === dir) throw new Error(`No package.json of ${PACKAGE_NAME} above ${__dirname}`);
	}
}

export interface PackageManifest {
	name?: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export function readManifest(file = join(repoRoot(), 'package.json')): PackageManifest {
	return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
}

/** Every built file n8n loads from this package: the `n8n` block's credentials, then its nodes. */
export function n8nEntryFiles(): string[] {
	const root = repoRoot();
	const { n8n } = readManifest();
	return [...(n8n?.credentials ?? []), ...(n8n?.nodes ?? [])].map((file) => join(root, file));
}
