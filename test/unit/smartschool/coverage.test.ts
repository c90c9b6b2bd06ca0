import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { versionDescription } from '../../../nodes/Smartschool/actions/versionDescription';
import { SMARTSCHOOL_METHODS } from '../../../nodes/Smartschool/transport/methods';

/**
 * Issue 7: every V3 method of the manual has an operation, and a node test that names it. Walks the method table
 * and the node's description; an operation's methods are the method names quoted in its file, or, for operations
 * built on a helper (the group tree, the user lookup), in the files it imports from its own folder.
 */
const ACTIONS = resolve(__dirname, '../../../nodes/Smartschool/actions');
const NODE_TESTS = resolve(__dirname, '../../nodes/Smartschool');
const METHODS = Object.keys(SMARTSCHOOL_METHODS);
/** Only Call Any Method may name no method: it calls whichever the user picks. */
const METHODLESS = new Set(['advanced.callMethod']);

const quoted = (source: string) => METHODS.filter((method) => source.includes(`'${method}'`));

function operations(): Array<{ key: string; file: string }> {
	const properties = versionDescription.properties as INodeProperties[];
	const resources = (properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[]).map((option) => String(option.value));
	return resources.flatMap((resource) => {
		const picker = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
		if (!picker) throw new Error(`resource ${resource} has no operation picker`);
		return (picker.options as INodePropertyOptions[]).map((option) => ({
			key: `${resource}.${String(option.value)}`,
			file: join(ACTIONS, resource, `${String(option.value)}.operation.ts`),
		}));
	});
}

function methodsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const own = quoted(source);
	if (own.length > 0) return own;
	const helpers = [...source.matchAll(/from '\.\/([\w.]+)'/g)].map((match) => join(dirname(file), `${match[1]}.ts`));
	return [...new Set(helpers.flatMap((helper) => quoted(readFileSync(helper, 'utf8'))))];
}

describe('Smartschool: every V3 method has an operation and a node test', () => {
	const ops = operations();

	it('the method table holds the 60 manual methods and deactivateTwoFactorAuthentication, without returnErrorCodes or the S7-only ones', () => {
		expect(METHODS).toHaveLength(61);
		for (const excluded of ['returnErrorCodes', 'changeGroupVisibility', 'getDeliberationLines']) expect(METHODS).not.toContain(excluded);
	});

	it('every operation in the description has its file and calls at least one method (but Call Any Method)', () => {
		const empty = ops.filter((op) => !METHODLESS.has(op.key) && methodsOf(op.file).length === 0).map((op) => op.key);
		expect(empty).toEqual([]);
	});

	it('every method is called by an operation', () => {
		const covered = new Set(ops.flatMap((op) => methodsOf(op.file)));
		expect(METHODS.filter((method) => !covered.has(method))).toEqual([]);
	});

	it('every method is named by a node test that asserts the parts sent', () => {
		const tests = readdirSync(NODE_TESTS)
			.filter((name) => name.endsWith('.test.ts'))
			.map((name) => readFileSync(join(NODE_TESTS, name), 'utf8'))
			.filter((source) => /\.parts\b|parts\(/.test(source));
		expect(METHODS.filter((method) => !tests.some((source) => source.includes(`'${method}'`)))).toEqual([]);
	});
});

describe('README: the Smartschool profile-permissions table', () => {
	it('names every V3 method of the table, so a profile password can be set up from it', () => {
		const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
		const start = readme.indexOf('Methods a profile must allow, per operation:');
		const table = readme.slice(start, readme.indexOf('\n\n', readme.indexOf('| operation |', start)));
		expect(start).toBeGreaterThan(0);
		expect(METHODS.filter((method) => !table.includes(`\`${method}\``))).toEqual([]);
	});
});
