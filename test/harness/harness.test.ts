import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NodeHelpers } from 'n8n-workflow';

import {
	leaksSecret,
	loadOptions,
	loadPackage,
	MANUAL_TRIGGER_NAME,
	PACKAGE_ROOT,
	registerCredentialType,
	registerNodeType,
	runPoll,
	runWorkflow,
	searchableText,
	singleNodeWorkflow,
	testCredential,
} from '.';
import { HarnessFixture } from './fixtures/HarnessFixture.node';
import { HarnessFixtureApi } from './fixtures/HarnessFixtureApi.credentials';
import { fixtureFeed, HarnessFixtureTrigger } from './fixtures/HarnessFixtureTrigger.node';
import { HarnessFixtureTokenApi } from './fixtures/HarnessFixtureTokenApi.credentials';

const FIXTURE = 'test.harnessFixture';
const TRIGGER = 'test.harnessFixtureTrigger';
const API_KEY = 'secret-key-123';
const CREDENTIAL_REF = { harnessFixtureApi: { id: '1', name: 'Fixture account' } };

registerNodeType(FIXTURE, new HarnessFixture());
registerNodeType(TRIGGER, new HarnessFixtureTrigger());
registerCredentialType(new HarnessFixtureApi());
registerCredentialType(new HarnessFixtureTokenApi());

/** A local stand-in for a platform: echoes what authentication added; `/check` wants a bearer token. */
let server: Server;
let baseUrl: string;
const requests: IncomingMessage[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		requests.push(request);
		const url = new URL(request.url ?? '/', 'http://localhost');
		response.setHeader('content-type', 'application/json');
		let body: unknown = { keyAccepted: request.headers['x-api-key'] === API_KEY, region: url.searchParams.get('region') };
		if (url.pathname === '/check') {
			const token = request.headers.authorization?.replace(/^Bearer /, '');
			response.statusCode = token === 'good-token' || token === 'disabled-token' ? 200 : 401;
			body = { account: { enabled: token === 'good-token' } };
		}
		response.end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const credentials = () => ({ harnessFixtureApi: { apiKey: API_KEY, baseUrl } });

function fixture(parameters: Record<string, string>, extra: Partial<Parameters<typeof singleNodeWorkflow>[0]> = {}) {
	return singleNodeWorkflow({ type: FIXTURE, parameters, credentials: CREDENTIAL_REF, ...extra });
}

describe('runWorkflow', () => {
	test('runs a node through the engine: parameters per item, credentials with defaults, pairedItem, logs', async () => {
		const result = await runWorkflow({
			workflow: fixture({ operation: 'echo', text: '={{ $json.name }}' }, { inputItems: [{ name: 'Ann' }, { name: 'Bob' }] }),
			credentials: credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual([MANUAL_TRIGGER_NAME, 'Harness Fixture']);
		expect(result.output('Harness Fixture')).toEqual([
			{ json: { text: 'Ann', colour: '', region: 'eu' }, pairedItem: { item: 0 } },
			{ json: { text: 'Bob', colour: '', region: 'eu' }, pairedItem: { item: 1 } },
		]);
		expect(result.credentialsRead).toContainEqual({ type: 'harnessFixtureApi', id: '1', name: 'Fixture account', node: 'Harness Fixture' });
		expect(result.logs).toContainEqual({ level: 'info', message: 'Echoing item 1', meta: { text: 'Bob' } });
		expect(result.logs.some(({ message }) => message === 'Workflow execution started')).toBe(true);
		expect(leaksSecret(result.logs, API_KEY)).toBe(false);
		expect(leaksSecret(result.run, API_KEY)).toBe(false);
	});

	test('reads a .workflow.json whose pinData holds the expected output (n8n convention)', async () => {
		const result = await runWorkflow({
			workflow: join(__dirname, 'fixtures', 'echo.workflow.json'),
			credentials: credentials(),
			expectedFromPinData: true,
		});
		const noOp = 'No Operation, do nothing';
		expect(result.output(noOp).map(({ json }) => ({ json }))).toEqual(result.expected[noOp]);
		expect(result.json(noOp)[0].text).toBe('hello from test');
	});

	test('continueOnFail keeps going with paired error items; without it the run fails at that node', async () => {
		const inputItems = [{ n: 0 }, { n: 1, fail: true }, { n: 2 }];
		const tolerant = await runWorkflow({
			workflow: fixture({ operation: 'fail' }, { inputItems, continueOnFail: true }),
			credentials: credentials(),
		});
		expect(tolerant.status).toBe('success');
		expect(tolerant.output('Harness Fixture')[1]).toEqual({ json: { error: 'Item 1 asked to fail' }, pairedItem: { item: 1 } });

		const errorOutput = await runWorkflow({
			workflow: fixture({ operation: 'fail' }, { inputItems, onError: 'continueErrorOutput' }),
			credentials: credentials(),
		});
		expect(errorOutput.json('Harness Fixture')).toEqual([{ n: 0 }, { n: 2 }]);
		// The engine moves the error item to the error output, merged with the input item it pairs with.
		expect(errorOutput.output('Harness Fixture', 1)).toEqual([
			{ json: { n: 1, fail: true, error: 'Item 1 asked to fail' }, pairedItem: { item: 1 } },
		]);

		const strict = await runWorkflow({ workflow: fixture({ operation: 'fail' }, { inputItems }), credentials: credentials() });
		expect(strict.status).toBe('error');
		expect(strict.nodeError('Harness Fixture')).toMatchObject({ message: 'Item 1 asked to fail', context: { itemIndex: 1 } });
		expect(() => strict.output('Harness Fixture')).toThrow('Item 1 asked to fail');
	});

	test('binary data goes through the real BinaryDataService, across nodes', async () => {
		const workflow = fixture({ operation: 'makeBinary', text: 'bytes in a file' }, { nodeName: 'Make' });
		workflow.nodes.push({ name: 'Read', type: FIXTURE, parameters: { operation: 'readBinary' }, credentials: CREDENTIAL_REF });
		workflow.connections.Make = { main: [[{ node: 'Read', type: 'main', index: 0 }]] };
		const result = await runWorkflow({ workflow, credentials: credentials() });
		expect((await result.binary('Make', 0)).toString('utf8')).toBe('bytes in a file');
		expect(result.output('Make')[0].binary?.data.id).toMatch(/^filesystem-v2:/);
		expect(result.json('Read')).toEqual([{ fileName: 'fixture.txt', mimeType: 'text/plain', content: 'bytes in a file' }]);
		await expect(result.binary('Read', 0)).rejects.toThrow('has no binary "data"');
	});

	test("a credential type's generic authenticate is applied like n8n does", async () => {
		const result = await runWorkflow({
			workflow: fixture({ operation: 'callApi' }),
			credentials: { harnessFixtureApi: { apiKey: API_KEY, baseUrl, region: 'nl' } },
		});
		expect(result.json('Harness Fixture')).toEqual([{ keyAccepted: true, region: 'nl', item: 0 }]);
	});

	test('full credential records are matched by id; a missing one fails like n8n', async () => {
		const records = [{ id: '1', name: 'Fixture account', type: 'harnessFixtureApi', data: { apiKey: API_KEY, region: 'be' } }];
		const found = await runWorkflow({ workflow: fixture({ operation: 'echo' }), credentials: records });
		expect(found.json('Harness Fixture')[0].region).toBe('be');
		const missing = await runWorkflow({ workflow: fixture({ operation: 'echo' }), credentials: [{ ...records[0], id: '2' }] });
		expect(missing.nodeError('Harness Fixture')?.message).toContain('does not exist for type "harnessFixtureApi"');
	});

	test('the secret check catches a leak, even base64-encoded in a Basic header (negative control)', async () => {
		const result = await runWorkflow({ workflow: fixture({ operation: 'leak' }), credentials: credentials() });
		expect(searchableText(result.logs)).not.toContain(API_KEY);
		expect(leaksSecret(result.logs, API_KEY)).toBe(true);
		expect(leaksSecret([{ message: `key=${encodeURIComponent('a b&c')}` }], 'a b&c')).toBe(true);
	});

	test('a node without its credential fails as in n8n; a workflow n8n refuses to start is reported', async () => {
		const noCredential = await runWorkflow({ workflow: singleNodeWorkflow({ type: FIXTURE, parameters: {} }) });
		expect(noCredential.nodeError('Harness Fixture')?.message).toBe('Node does not have any credentials set');
		await expect(runWorkflow({ workflow: fixture({ operation: 'label' }) })).rejects.toThrow(/has issues.*Label/);
		const unknown = singleNodeWorkflow({ type: 'test.nothing', nodeName: 'Nothing', typeVersion: 1, parameters: {} });
		await expect(runWorkflow({ workflow: unknown })).rejects.toThrow(/Unknown node type "test.nothing"/);
	});
});

describe('runPoll', () => {
	const poll = (mode: 'manual' | 'trigger', staticData?: Record<string, unknown>, fail = false) =>
		runPoll({ type: TRIGGER, parameters: { fail }, credentials: credentials(), mode, staticData: staticData as never });

	test('trigger mode: static data carried between polls, saved on emit, null when nothing is new', async () => {
		fixtureFeed.events = [{ id: 1, name: 'a' }, { id: 2, name: 'b' }];
		const first = await poll('trigger');
		expect(first.items?.map(({ json }) => json)).toEqual([
			{ id: 1, name: 'a', region: 'eu' },
			{ id: 2, name: 'b', region: 'eu' },
		]);
		expect(first.nodeStaticData).toEqual({ lastId: 2 });
		expect(first.staticDataSaved).toBe(true);

		const second = await poll('trigger', first.staticData);
		expect(second.items).toBeNull();
		expect(second.staticDataSaved).toBe(false);

		fixtureFeed.events.push({ id: 3, name: 'c' });
		const third = await poll('trigger', second.staticData);
		expect(third.items?.map(({ json }) => json.id)).toEqual([3]);
		expect(third.nodeStaticData).toEqual({ lastId: 3 });
	});

	test('manual mode (Fetch Test Event) runs through WorkflowExecute and discards static data like n8n', async () => {
		fixtureFeed.events = [{ id: 7, name: 'g' }];
		const result = await poll('manual', { 'node:Harness Fixture Trigger': { lastId: 5 } });
		expect(result.items?.map(({ json }) => json)).toEqual([{ id: 7, name: 'g', region: 'eu' }]);
		expect(result.nodeStaticData).toEqual({ lastId: 5 });
		expect(result.staticDataSaved).toBe(false);
	});

	test('a failing poll reports its error in both modes', async () => {
		expect((await poll('trigger', undefined, true)).error?.message).toBe('The fixture feed is unavailable');
		expect((await poll('manual', undefined, true)).error?.message).toBe('The fixture feed is unavailable');
	});
});

describe('editor helpers', () => {
	test("testCredential runs the node's credentialTest function", async () => {
		const good = await testCredential({ nodeType: FIXTURE, credentialType: 'harnessFixtureApi', data: { apiKey: 'good-key' } });
		expect(good).toMatchObject({ status: 'OK', message: 'Connection successful' });
		expect(good.logs).toContainEqual({ level: 'info', message: 'Testing the fixture credential', meta: { region: 'eu' } });
		const bad = await testCredential({ nodeType: FIXTURE, credentialType: 'harnessFixtureApi', data: { apiKey: 'nope' } });
		expect(bad).toMatchObject({ status: 'Error', message: 'The API key was refused' });
	});

	test("testCredential runs a credential's test request with its authenticate function and rules", async () => {
		const args = { nodeType: FIXTURE, credentialType: 'harnessFixtureTokenApi' };
		expect(await testCredential({ ...args, data: { token: 'good-token', baseUrl } })).toMatchObject({ status: 'OK' });
		expect(await testCredential({ ...args, data: { token: 'disabled-token', baseUrl } })).toMatchObject({
			status: 'Error',
			message: 'The account is disabled',
		});
		// What n8n 2.8 shows for a 401: NodeApiError's stock text (responseCode rules cannot match there).
		const refused = await testCredential({ ...args, data: { token: 'bad-token', baseUrl } });
		expect(refused).toMatchObject({ status: 'Error', message: 'Authorization failed - please check your credentials' });
		expect(leaksSecret(refused.logs, 'bad-token')).toBe(false);
	});

	test('listSearch and loadOptions run in a LoadOptionsContext with credentials and current parameters', async () => {
		const search = (filter?: string, paginationToken?: string) =>
			loadOptions({ nodeType: FIXTURE, kind: 'listSearch', method: 'searchColours', parameters: {}, credentials: credentials(), filter, paginationToken });
		const page1 = await search();
		expect(page1.results.map(({ value }) => value)).toEqual(['red', 'green', 'blue']);
		expect(page1.results[0].name).toBe('red (eu)');
		expect((await search(undefined, page1.paginationToken as string)).results.map(({ value }) => value)).toEqual(['cyan', 'magenta', 'yellow']);
		expect((await search('e')).results.map(({ value }) => value)).toEqual(['red', 'green', 'blue']);

		const sizes = await loadOptions({
			nodeType: FIXTURE,
			kind: 'loadOptions',
			method: 'getSizes',
			parameters: { colour: { __rl: true, mode: 'list', value: 'blue' } },
		});
		expect(sizes).toEqual([{ name: 'blue S', value: 'S' }, { name: 'blue M', value: 'M' }, { name: 'blue L', value: 'L' }]);
	});
});

describe('loading from package.json', () => {
	test("loads built files with n8n-core's loader and reports files it could not load", () => {
		const root = mkdtempSync(join(tmpdir(), 'harness-package-'));
		try {
			mkdirSync(join(root, 'dist', 'nodes'), { recursive: true });
			const n8n = { nodes: ['dist/nodes/Tiny.node.js', 'dist/nodes/Missing.node.js'], credentials: [] };
			writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'n8n-nodes-fixture', version: '1.0.0', n8n }));
			writeFileSync(
				join(root, 'dist', 'nodes', 'Tiny.node.js'),
				`class Tiny { description = { displayName: 'Tiny', name: 'tiny', group: ['trigger'], version: [1, 2],
				  defaults: { name: 'Tiny' }, polling: true, inputs: [], outputs: ['main'], properties: [] };
				  async poll() { return null; } }
				module.exports = { Tiny };`,
			);
			const loaded = loadPackage(root);
			const tiny = loaded.nodes.get('n8n-nodes-fixture.tiny');
			expect(tiny && NodeHelpers.getVersionedNodeType(tiny).description.properties[0].name).toBe('pollTimes');
			expect(loaded.problems.get('dist/nodes/Missing.node.js')).toContain('npm run build');
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	test("every file in this package's n8n block is either loaded or reported", () => {
		const loaded = loadPackage(PACKAGE_ROOT);
		expect(loaded.packageName).toBe('n8n-nodes-edu');
		expect(loaded.nodes.size + loaded.credentials.size + loaded.problems.size).toBe(loaded.files.length);
		for (const type of loaded.nodes.keys()) expect(type).toMatch(/^n8n-nodes-edu\./);
	});
});
