/** Unit and node tests. The real-n8n suite runs separately (`npm run test:e2e`). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
	setupFilesAfterEnv: ['<rootDir>/test/support/closePools.ts'],
	testTimeout: 30000,
};
