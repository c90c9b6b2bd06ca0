import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadNodeDescriptions, operationsTable, readmeSection, ROOT, withTable } from '../support/operationsTable';

// Needs the build (npm test builds first). UPDATE_README=1 rewrites the table instead of failing.
describe('README', () => {
	const path = join(ROOT, 'README.md');

	it('lists every operation of every node exactly as the node descriptions define them', () => {
		const readme = readFileSync(path, 'utf8');
		const table = operationsTable(loadNodeDescriptions());
		if (process.env.UPDATE_README === '1') {
			writeFileSync(path, withTable(readme, table));
			return;
		}
		expect(readmeSection(readme)).toBe(table);
	});

	it('shows the setup commands a new user needs', () => {
		const readme = readFileSync(path, 'utf8');
		for (const command of ['npm install', 'npm start', 'npm test']) expect(readme).toContain(command);
	});
});
