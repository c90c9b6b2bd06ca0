/**
 * Once per jest run of the e2e suite: build and pack the package, so every e2e file installs the same tarball
 * instead of building again (support/suite.ts reads TARBALL_ENV; jest copies process.env into each test file).
 * `npm run test:e2e` (run.js) packs once for both n8n lines and passes the tarball in already.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { selectedLine } from '../../../scripts/n8n';
import { buildPackage, packPackage } from '../../../scripts/package-install';
import { PACKED_HERE_ENV, TARBALL_ENV } from './suite';

export default async function globalSetup(): Promise<void> {
	process.stderr.write(`\ne2e on the ${selectedLine()} n8n line\n`);
	const given = process.env[TARBALL_ENV];
	if (given && existsSync(given)) return;
	await buildPackage();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-pack-'));
	process.env[TARBALL_ENV] = await packPackage(dir);
	process.env[PACKED_HERE_ENV] = '1';
}
