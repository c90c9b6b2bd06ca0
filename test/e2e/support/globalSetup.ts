/**
 * Once per `npm run test:e2e`: build and pack the package, so every e2e file installs the same tarball instead
 * of building again (support/suite.ts reads TARBALL_ENV; jest copies process.env into each test file).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildPackage, packPackage } from '../../../scripts/package-install';
import { TARBALL_ENV } from './suite';

export default async function globalSetup(): Promise<void> {
	await buildPackage();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-e2e-pack-'));
	process.env[TARBALL_ENV] = await packPackage(dir);
}
