import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Pool } from 'undici';

import { runN8n, runN8nOrThrow } from '../../scripts/n8n';
import { setUpSuite, tearDownSuite, type E2eSuite } from '../../test/e2e/support/suite';
import { runWorkflow, singleNodeWorkflow } from '../../test/harness';
import { ROSTERING_BASE, startOneRosterSimulator, type OneRosterSimulator } from '../../test/simulators/oneroster';
import type { Scenario, VariantResult } from '../harness';
import { repoRoot } from '../support/paths';
import { ensureHarnessSeesPackage } from './evalytics';

const USERS = 50_000;
const CAP = 100;
/** Pages in flight for the raw loop: the node's default Parallel Requests, which its runs here leave as is. */
const CONCURRENCY = 8;
const TOKEN = 'bench-static-token-0f3c';
const NODE = 'OneRoster';
const HTTP = 'HTTP Request';
const IN_N8N = 'ours in n8n 2.8.4: OneRoster node (executionTime)';
const HTTP_IN_N8N = 'n8n HTTP Request node with pagination (executionTime)';
const IN_PROCESS = 'ours in-process: workflow → OneRoster node';
const RAW = `raw undici loop, ${CONCURRENCY} pages in flight, records kept`;
const RAW_DROPPED = `raw undici loop, ${CONCURRENCY} pages in flight, records counted and dropped`;

/** The two workflows run in real n8n: our node, and the HTTP Request node as the issue words its pagination. */
function benchWorkflows(sim: OneRosterSimulator) {
	const start = { id: 'b-or-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const connect = (node: string) => ({ Start: { main: [[{ node, type: 'main', index: 0 }]] } });
	return [
		{
			id: 'benchOneRosterNode',
			name: 'Bench: OneRoster node, all users',
			nodes: [
				start,
				{
					id: 'b-or-1', name: NODE, type: 'n8n-nodes-edu.oneRoster', typeVersion: 1, position: [220, 0],
					parameters: { resource: 'user', operation: 'getAll', returnAll: true, options: { pageSize: CAP } },
					credentials: { oneRosterApi: { id: 'benchOneRoster', name: 'OneRoster (bench)' } },
				},
			],
			connections: connect(NODE),
			settings: { executionOrder: 'v1' },
		},
		{
			id: 'benchOneRosterHttp',
			name: 'Bench: HTTP Request node, all users',
			nodes: [
				start,
				{
					id: 'b-or-2', name: HTTP, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0],
					parameters: {
						url: `${sim.rosteringUrl}/users`,
						sendQuery: true,
						queryParameters: { parameters: [{ name: 'limit', value: String(CAP) }] },
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }] },
						options: {
							pagination: {
								pagination: {
									paginationMode: 'updateAParameterInEachRequest',
									parameters: { parameters: [{ type: 'qs', name: 'offset', value: `={{ $pageCount * ${CAP} }}` }] },
									paginationCompleteWhen: 'other',
									completeExpression: `={{ $response.body.users.length < ${CAP} }}`,
									limitPagesFetched: false,
								},
							},
						},
					},
				},
			],
			connections: connect(HTTP),
			settings: { executionOrder: 'v1' },
		},
	];
}

/**
 * What a developer would write at the same concurrency: pages of the known cap, a batch of CONCURRENCY at a time,
 * the users kept in order (Get Many returns them all, as the node does), or only counted (`keep` false: the
 * floor of the walk itself, without holding 50,000 records).
 */
async function rawLoop(pool: Pool, keep: boolean): Promise<{ count: number; users: Array<{ sourcedId: string }> }> {
	let count = 0;
	const users: Array<{ sourcedId: string }> = [];
	for (let offset = 0; ; offset += CAP * CONCURRENCY) {
		const pages = await Promise.all(
			Array.from({ length: CONCURRENCY }, async (_, index) => {
				const { statusCode, body } = await pool.request({
					method: 'GET',
					path: `${ROSTERING_BASE}/users?limit=${CAP}&offset=${offset + index * CAP}`,
					headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
				});
				const text = await body.text();
				if (statusCode !== 200) throw new Error(`raw loop: HTTP ${statusCode}`);
				return (JSON.parse(text) as { users: Array<{ sourcedId: string }> }).users;
			}),
		);
		for (const page of pages) {
			count += page.length;
			if (keep) for (const user of page) users.push(user);
		}
		if (pages.some((page) => page.length < CAP)) return { count, users };
	}
}

/**
 * A node's executionTime from `n8n execute --rawOutput`. The printed run data holds every item (tens of MB for
 * 50,000 users) and is not always complete when n8n exits, so only the node's own task header is read.
 */
function executionTime(stdout: string, node: string): number {
	const at = stdout.indexOf(`"${node}": [`);
	const match = at < 0 ? null : /"executionTime":\s*(\d+),\s*"executionStatus":\s*"(\w+)"/.exec(stdout.slice(at, at + 2000));
	if (!match) throw new Error(`No executionTime for ${node} in n8n's output`);
	if (match[2] !== 'success') throw new Error(`${node} ended with status ${match[2]}`);
	return Number(match[1]);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function oneRosterScenario(id: string, latencyMs: number): Scenario {
	return {
		id,
		title: `OneRoster Get Many, ${USERS.toLocaleString('en')} users, silent page cap ${CAP}, no totals or Link, ${latencyMs} ms per request`,
		async prepare() {
			ensureHarnessSeesPackage();
			const sim = await startOneRosterSimulator({
				port: 0,
				users: USERS,
				staticTokens: [TOKEN],
				readings: { pageCap: CAP, totalCountHeader: false, linkHeader: false },
			});
			let suite: E2eSuite<OneRosterSimulator> | undefined;
			const pool = new Pool(sim.url, { connections: 16, keepAliveTimeout: 10_000 });
			try {
				const credential = { baseUrl: sim.url, authentication: 'bearerToken', accessToken: TOKEN };
				suite = await setUpSuite({
					workflowPrefix: 'oneroster-',
					start: async () => ({ ...sim, close: async () => undefined }),
					credentials: () => [{ id: 'benchOneRoster', name: 'OneRoster (bench)', type: 'oneRosterApi', data: credential }],
				});
				const dir = join(suite.workDir, 'bench-workflows');
				mkdirSync(dir);
				for (const workflow of benchWorkflows(sim)) writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
				await runN8nOrThrow(suite.install, ['import:workflow', '--separate', `--input=${dir}`], suite.folder.env);
				sim.setLatency(latencyMs);
				const inProcess = singleNodeWorkflow({
					type: 'n8n-nodes-edu.oneRoster',
					nodeName: NODE,
					parameters: { resource: 'user', operation: 'getAll', returnAll: true, options: { pageSize: CAP } },
					credentials: { oneRosterApi: { id: '1', name: 'OneRoster' } },
				});
				const runInProcess = async () => {
					const result = await runWorkflow({ workflow: inProcess, credentials: { oneRosterApi: credential } });
					if (result.status !== 'success') throw new Error(`in-process: ${result.error?.message ?? result.status}`);
					return result;
				};
				// Checked once before timing: every user once, in order, and the output's size for the memory note.
				const checked = (await runInProcess()).json(NODE);
				const ids = checked.map((user) => String(user.sourcedId));
				if (ids.length !== USERS || new Set(ids).size !== USERS) throw new Error(`in-process returned ${ids.length} users (${new Set(ids).size} distinct)`);
				const outputBytes = Buffer.byteLength(JSON.stringify(checked));
				const rawIds = (await rawLoop(pool, true)).users.map((user) => user.sourcedId);
				if (rawIds.length !== ids.length || rawIds.some((id, index) => id !== ids[index])) throw new Error('the raw loop and the node returned different users or order');
				const live = suite;
				// Whether a walk in n8n reached the end: the simulator saw a page request past the last user.
				const runInN8n = async (workflowId: string, node: string) => {
					sim.clearRequests();
					const result = await runN8n(live.install, ['execute', `--id=${workflowId}`, '--rawOutput'], live.folder.env);
					if (result.code !== 0) throw new Error(`${workflowId}: exit ${result.code}: ${result.stderr.slice(-500)}`);
					const ms = executionTime(result.stdout, node);
					const offsets = sim.requests.filter((request) => request.path.endsWith('/users')).map((request) => Number(request.query.offset?.[0] ?? 0));
					if (Math.max(0, ...offsets) < USERS - CAP) throw new Error(`${node} in n8n stopped at offset ${Math.max(0, ...offsets)}`);
					return { ms };
				};
				return {
					variants: [
						{ name: IN_N8N, run: async () => await runInN8n('benchOneRosterNode', NODE) },
						{ name: HTTP_IN_N8N, run: async () => await runInN8n('benchOneRosterHttp', HTTP) },
						{ name: IN_PROCESS, target: latencyMs > 0 ? { kind: 'ratio', max: 1.2 } : undefined, run: async () => void (await runInProcess()) },
						{
							name: RAW,
							reference: true,
							async run() {
								const { count } = await rawLoop(pool, true);
								if (count !== USERS) throw new Error(`raw loop read ${count} users`);
							},
						},
						{
							name: RAW_DROPPED,
							async run() {
								const { count } = await rawLoop(pool, false);
								if (count !== USERS) throw new Error(`raw loop read ${count} users`);
							},
						},
					],
					notes(results: VariantResult[]) {
						const byName = new Map(results.map((result) => [result.name, result]));
						const ours = byName.get(IN_N8N)!.medianMs;
						const http = byName.get(HTTP_IN_N8N)!.medianMs;
						const speedup = http / ours;
						const memory = byName.get(IN_PROCESS)!.peakHeapBytes / outputBytes;
						return [
							`In real n8n, by each node's own executionTime: the OneRoster node is ${speedup.toFixed(1)}× faster than the HTTP Request node` +
								(latencyMs > 0 ? ` (target ≥ 5×: ${speedup >= 5 ? 'PASS' : 'MISS'}).` : ' (reported).'),
							`Output ${USERS.toLocaleString('en')} items, ${megabytes(outputBytes)} as JSON; in-process peak heap over baseline = ${memory.toFixed(1)}× the output (target ≤ 3×: ${memory <= 3 ? 'PASS' : 'MISS'}).`,
							`The HTTP Request node walks offset $pageCount*${CAP} one page at a time and ends on a page shorter than ${CAP}; its output is one item per page.`,
							`Ours (default options but Page Size): pages of ${CAP} overlapping by one record, up to ${CONCURRENCY} in flight, cap learned from the first page, no totals. The raw loop asks`,
							`${CONCURRENCY} pages of exactly ${CAP} at a time, knowing the cap beforehand, and keeps the users in order like any Get Many (checked before timing: the`,
							`same ${USERS.toLocaleString('en')} ids in the same order as ours); the "dropped" row only counts them (reported, no target). n8n variants: one \`n8n execute\` each; only executionTime counts.`,
						];
					},
					async teardown() {
						await pool.close();
						const transport = (await import(join(repoRoot(), 'dist', 'nodes', 'shared', 'http.js'))) as { closeAllPools?: () => Promise<void> };
						await transport.closeAllPools?.();
						await tearDownSuite(suite);
						await sim.close();
					},
				};
			} catch (error) {
				await pool.close();
				await tearDownSuite(suite);
				await sim.close();
				throw error;
			}
		},
	};
}

export const scenario = oneRosterScenario('oneroster', 20);
