/** Removes the tarball globalSetup.ts packed. */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { TARBALL_ENV } from './suite';

export default async function globalTeardown(): Promise<void> {
	const tarball = process.env[TARBALL_ENV];
	if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
}
