// Lint for a self-hosted (unverified) community package.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const selfHosted = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

export default tseslint.config(
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.n8n-start/**', 'test/e2e/node_modules/**'] },
	...tseslint.configs.recommended,
	{
		// The community plugin's package.json rules read the file through the TypeScript parser (JSON script kind).
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: { '@typescript-eslint/no-unused-expressions': 'off' },
	},
	{
		...selfHosted,
		files: ['**/*.ts', 'package.json'],
		rules: {
			...selfHosted.rules,
			// This package needs `soap` (Smartschool's SOAP web service) and `undici` (pooled HTTP with one retry
			// contract) at run time. That makes it a self-hosted, unverified community package — the README says so.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
			// author, homepage, repository and bugs hold named placeholders (REPLACE-WITH-…) until the public home exists;
			// the release workflow refuses to publish while any is left (CONTRIBUTING.md). A missing homepage is an error here.
			'@n8n/community-nodes/require-homepage': 'error',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two predate NodeConnectionTypes; the community plugin's node-connection-type-literal wants the constant.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// n8n's own v2 layout: the full description lives in actions/versionDescription.ts.
		files: ['nodes/**/actions/versionDescription.ts'],
		rules: {
			'n8n-nodes-base/node-filename-against-convention': 'off',
			'n8n-nodes-base/node-class-description-missing-subtitle': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Written for n8n's own docs slugs; a community credential links to the platform's full docs URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-documentation-url-not-http-url': 'off',
		},
	},
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/missing-paired-item': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-dead-files': 'off',
			'@n8n/community-nodes/node-usable-as-tool': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
		languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
	},
);
