/** Removes the tarball globalSetup.ts packed (not one the e2e runner handed in: it serves both n8n lines). */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { PACKED_HERE_ENV, TARBALL_ENV } from './suite';

export default async function globalTeardown(): Promise<void> {
	const tarball = process.env[TARBALL_ENV];
	if (tarball && process.env[PACKED_HERE_ENV]) rmSync(dirname(tarball), { recursive: true, force: true });
}
