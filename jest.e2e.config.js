/**
 * The real-n8n suite (`npm run test:e2e`): one n8n, one simulator and one user folder shared by the tests
 * of a file (one package build for the whole run), so files run one at a time and hooks get long timeouts (the first run may install n8n).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/node_modules/', '<rootDir>/build/', '<rootDir>/.n8n-start/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
	// Builds and packs the package once for every file of the run.
	globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/support/globalTeardown.ts',
	testTimeout: 180000,
	maxWorkers: 1,
	verbose: true,
};
