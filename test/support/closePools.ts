import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { closeAllPools } from '../../nodes/shared/http';

/**
 * Keep-alive sockets would hold jest open after a file's tests. Node tests load the BUILT nodes (dist/),
 * whose shared transport is a second module instance with its own pools, so both are closed.
 */
afterAll(async () => {
	await closeAllPools();
	const built = join(__dirname, '..', '..', 'dist', 'nodes', 'shared', 'http.js');
	if (existsSync(built)) {
		const module = require(built) as { closeAllPools?: () => Promise<void> };
		await module.closeAllPools?.();
	}
});
