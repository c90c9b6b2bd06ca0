import { join } from 'node:path';

import { Pool } from 'undici';

import {
	loadPackage,
	NO_OP_TYPE,
	PACKAGE_ROOT,
	registerCredentialType,
	registerNodeType,
	runWorkflow,
	singleNodeWorkflow,
} from '../../test/harness';
import { startEvalyticsSimulator } from '../../test/simulators/evalytics';
import { formatMs, median, type Scenario, type VariantResult } from '../harness';
import { repoRoot } from '../support/paths';

const USERS = 20_000;
const PAGE_SIZE = 500;
const API_KEY = 'test-api-key';
const ORGANISATION = '100';
const NODE_NAME = 'Evalytics';
const OURS = 'ours: workflow → Evalytics node';
const REFERENCE = 'undici loop, same overlapping pages';
const PLAIN = 'undici loop, plain skip (info)';
const SHORT_NAMES: Record<string, string> = { [OURS]: 'ours', [REFERENCE]: 'reference', [PLAIN]: 'plain' };

interface UserRecord {
	id: number | string;
}

interface UserPage {
	results?: UserRecord[];
}

/**
 * What a user would write without our node: undici, one keep-alive pool, JSON.parse per page, all pages in
 * one array. `overlap` walks the same skip sequence as our paginator (each page after the first starts at
 * the last record already kept: 0, 499, 998, …), so both send the same requests and parse the same bytes.
 */
async function fetchAllPlain(pool: Pool, overlap: boolean): Promise<UserRecord[]> {
	const users: UserRecord[] = [];
	let skip = 0;
	for (;;) {
		const { statusCode, body } = await pool.request({
			method: 'GET',
			path: `/user?organisation=${ORGANISATION}&limit=${PAGE_SIZE}&skip=${skip}`,
			headers: { 'api-key': API_KEY, accept: 'application/json' },
		});
		const text = await body.text();
		if (statusCode !== 200) throw new Error(`GET /user answered ${statusCode}: ${text.slice(0, 200)}`);
		const records = (JSON.parse(text) as UserPage).results ?? [];
		const fresh = overlap && skip > 0 ? records.slice(1) : records;
		if (overlap && skip > 0 && records[0]?.id !== users[users.length - 1]?.id) {
			throw new Error(`Page at skip ${skip} does not start with the last user kept`);
		}
		for (const record of fresh) users.push(record);
		if (records.length < PAGE_SIZE) return users;
		skip = overlap ? users.length - 1 : users.length;
	}
}

function sameIds(label: string, expected: UserRecord[], actual: UserRecord[]): void {
	if (actual.length !== expected.length) throw new Error(`${label}: ${actual.length} users, expected ${expected.length}`);
	actual.forEach((user, index) => {
		if (user.id !== expected[index].id) throw new Error(`${label}: user ${index} is ${user.id}, expected ${expected[index].id}`);
	});
}

/**
 * Compiled into build/, the harness finds its package root relative to its own folder (build/), which has
 * no package.json: then hand it the built nodes and credentials of the real root.
 */
export function ensureHarnessSeesPackage(): void {
	if (PACKAGE_ROOT === repoRoot()) return;
	const loaded = loadPackage(repoRoot());
	if (loaded.problems.size) throw new Error(`Not loaded: ${[...loaded.problems].map((entry) => entry.join(': ')).join('; ')}`);
	for (const [type, nodeType] of loaded.nodes) registerNodeType(type, nodeType);
	for (const credential of loaded.credentials.values()) registerCredentialType(credential);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Our node's whole execute path (a Manual Trigger → Evalytics Get Many workflow through n8n-core's
 * WorkflowExecute) against a plain undici loop over the same pages, with the simulator in this process.
 */
export const scenario: Scenario = {
	id: 'evalytics',
	title: `Evalytics Get Many, ${USERS.toLocaleString('en')} users (Return All, simplify off, pages of ${PAGE_SIZE})`,
	async prepare() {
		ensureHarnessSeesPackage();
		const simulator = await startEvalyticsSimulator({ port: 0, users: USERS });
		// Same pool settings as nodes/shared/http.ts (poolFor), so keep-alive reuse is equal on both sides.
		const pool = new Pool(simulator.url, { connections: 16, keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
		const workflow = singleNodeWorkflow({
			type: 'n8n-nodes-edu.evalytics',
			nodeName: NODE_NAME,
			parameters: { resource: 'user', operation: 'getAll', returnAll: true, simplify: false },
			credentials: { evalyticsApi: { id: '1', name: 'Evalytics' } },
		});
		const credentials = { evalyticsApi: { apiKey: API_KEY, organisation: ORGANISATION, baseUrl: simulator.url } };

		const runOurs = async () => {
			const result = await runWorkflow({ workflow, credentials });
			if (result.status !== 'success') {
				throw new Error(`Workflow ${result.status}: ${result.error?.message ?? 'no error given'}`);
			}
			return result;
		};

		// One checked run of each before timing: same users in the same order, and what each costs in requests.
		const countRequests = async (run: () => Promise<unknown>) => {
			simulator.clearRequests();
			await run();
			return simulator.count('GET', /^\/user$/);
		};
		const expected = await fetchAllPlain(pool, true);
		if (expected.length !== USERS) throw new Error(`The simulator served ${expected.length} users, expected ${USERS}`);
		const ourOutput = (await runOurs()).json(NODE_NAME) as unknown as UserRecord[];
		sameIds('our node', expected, ourOutput);
		sameIds('plain undici walk', expected, await fetchAllPlain(pool, false));
		const outputBytes = Buffer.byteLength(JSON.stringify(ourOutput));
		const requests = {
			ours: await countRequests(runOurs),
			overlap: await countRequests(async () => await fetchAllPlain(pool, true)),
			plain: await countRequests(async () => await fetchAllPlain(pool, false)),
		};
		simulator.clearRequests();
		// What the engine alone costs (Manual Trigger → No Op), to read the gap between ours and the reference.
		const engineMs: number[] = [];
		const emptyWorkflow = singleNodeWorkflow({ type: NO_OP_TYPE, parameters: {} });
		for (let run = 0; run < 5; run++) {
			const started = process.hrtime.bigint();
			await runWorkflow({ workflow: emptyWorkflow });
			engineMs.push(Number(process.hrtime.bigint() - started) / 1e6);
		}

		return {
			variants: [
				{
					name: OURS,
					target: { kind: 'ratio', max: 1.2 },
					async run() {
						const count = (await runOurs()).output(NODE_NAME).length;
						if (count !== USERS) throw new Error(`Our node returned ${count} users`);
					},
				},
				{
					name: REFERENCE,
					reference: true,
					async run() {
						await fetchAllPlain(pool, true);
					},
				},
				{
					name: PLAIN,
					async run() {
						await fetchAllPlain(pool, false);
					},
				},
			],
			notes(results: VariantResult[]) {
				const perOutput = results
					.map((result) => `${SHORT_NAMES[result.name]} ${(result.peakHeapBytes / outputBytes).toFixed(1)}×`)
					.join(', ');
				return [
					`Output: ${USERS.toLocaleString('en')} items, ${megabytes(outputBytes)} as JSON. Peak heap over baseline / output JSON size: ${perOutput}.`,
					`Requests per run: ours ${requests.ours}, reference ${requests.overlap} (skip 0, 499, 998, … one-record overlap), plain ${requests.plain} (skip 0, 500, …; ends on an empty page).`,
					'Reference: one undici Pool with http.ts\'s settings, body.text() + JSON.parse per page, one array. Ours adds the n8n',
					'engine (WorkflowExecute, items with pairedItem), the shared transport (retry contract, redaction) and the paginator.',
					`The engine alone (Manual Trigger → No Op through the same harness) takes ${formatMs(median(engineMs))} (median of 5).`,
					'The simulator runs in this process and serves precomputed bytes; its cost is in every variant alike.',
				];
			},
			async teardown() {
				await pool.close();
				// The node's pools live in the built transport module: close them so no socket outlives the scenario.
				const transport = (await import(join(repoRoot(), 'dist', 'nodes', 'shared', 'http.js'))) as {
					closeAllPools?: () => Promise<void>;
				};
				await transport.closeAllPools?.();
				await simulator.close();
			},
		};
	},
};
