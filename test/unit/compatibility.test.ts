import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { compatibilitySection, readCompatibility, withCompatibility } from '../support/compatibility';
import { ROOT } from '../support/operationsTable';

// UPDATE_README=1 rewrites the section instead of failing.
describe('README › Compatibility', () => {
	it('states exactly the n8n and Node.js lines the e2e suite runs', () => {
		const path = join(ROOT, 'README.md');
		const readme = readFileSync(path, 'utf8');
		if (process.env.UPDATE_README === '1') {
			writeFileSync(path, withCompatibility(readme, compatibilitySection()));
			return;
		}
		expect(readCompatibility(readme)).toBe(compatibilitySection());
	});
});
