import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Pool } from 'undici';

import { registerCredentialType, registerNodeType, runWorkflow, singleNodeWorkflow, type RunResult } from '../../test/harness';
import { startSmartschoolSimulator, type SmartschoolRequest } from '../../test/simulators/smartschool';
import { formatBytes, formatMs, median, type Scenario, type VariantResult } from '../harness';
import { ensurePeer, useHostN8nWorkflow } from '../smartschool-peer/install';
import type { NodeLoadReport } from '../smartschool-peer/load-child';
import { repoRoot } from '../support/paths';
import { ensureHarnessSeesPackage } from './evalytics';

const ACCOUNTS = 5_000;
const ACCESS_CODE = 'test-access-code';
const LOAD_RUNS = 5;
const OURS = 'ours: workflow → Smartschool node';
const PLAIN = 'plain HTTP download of the same answer';
const SEED = 'smartschool-client getUsers (seed)';
const PEER = 'n8n-nodes-smartschool@1.1.0 node';
const SHORT: Record<string, string> = { [OURS]: 'ours', [PLAIN]: 'plain', [SEED]: 'seed', [PEER]: 'peer' };
const PEER_TYPE = 'n8n-nodes-smartschool.smartSchool';
const exec = promisify(execFile);

/** The seed library's one call benchmarked here (its module-level client serves the whole run). */
interface SeedLibrary {
	init(options: { apiWSDL: string; accessCode: string }): Promise<void>;
	getUsers(options?: { groupId?: string; recursive?: boolean }): Promise<Array<Record<string, unknown>>>;
}

type NodeClass = new () => Parameters<typeof registerNodeType>[1];

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function usernames(label: string, records: Array<Record<string, unknown>>): string[] {
	const names = records.map((record) => String(record.gebruikersnaam)).sort();
	if (names.length !== ACCOUNTS) throw new Error(`${label} returned ${names.length} accounts, expected ${ACCOUNTS}`);
	return names;
}

function sameAccounts(label: string, expected: string[], actual: string[]): void {
	const differs = actual.findIndex((name, index) => name !== expected[index]);
	if (differs >= 0) throw new Error(`${label}: account ${differs} is ${actual[differs]}, expected ${expected[differs]}`);
}

function succeeded(label: string, result: RunResult): RunResult {
	if (result.status !== 'success') throw new Error(`${label}: workflow ${result.status}: ${result.error?.message ?? 'no error given'}`);
	return result;
}

/**
 * Whether the peer node read the whole platform; else why not, for the notes. It finds the payload with the regex
 * `<return[^>]*>`, i.e. an unqualified `<return>` as PHP's SoapServer writes it; an answer with a prefixed
 * `<tns:return>` comes out as one item holding the raw envelope.
 */
async function checkPeer(run: () => Promise<Array<Record<string, unknown>>>, expected: string[]): Promise<string | undefined> {
	const output = await run();
	if (output.length === ACCOUNTS) {
		sameAccounts('peer', expected, usernames('peer', output));
		return undefined;
	}
	const raw = output.length === 1 && typeof output[0].value === 'string' ? output[0].value : '';
	const returnTag = /<([\w.-]+:)?return[\s>]/.exec(raw);
	if (returnTag?.[1]) {
		return `it returned 1 item holding the raw envelope: the simulator writes <${returnTag[1]}return>, the peer only finds an unqualified <return> (as PHP's SoapServer writes it).`;
	}
	throw new Error(`The peer returned ${output.length} items, expected ${ACCOUNTS}`);
}

/** Medians of cold loads, each in a fresh child (load-child.ts), with what ended up in require.cache. */
async function coldLoads(args: string[]): Promise<{ ms: number; heapBytes: number; loaded: NodeLoadReport['loaded'] }> {
	const child = join(__dirname, '..', 'smartschool-peer', 'load-child.js');
	const reports: NodeLoadReport[] = [];
	for (let run = 0; run < LOAD_RUNS; run++) {
		const { stdout } = await exec(process.execPath, ['--expose-gc', child, ...args], { cwd: repoRoot() });
		reports.push(JSON.parse(stdout.trim().split('\n').pop()!) as NodeLoadReport);
	}
	return {
		ms: median(reports.map((report) => report.ms)),
		heapBytes: median(reports.map((report) => report.heapBytes)),
		loaded: reports[0].loaded,
	};
}

/**
 * User › Get Many of the whole platform (getAllAccountsExtended, code '', recursive 1: one ~14 MiB SOAP answer, no
 * paging exists) through our node, against the floor — downloading the very same answer with undici, no parsing —
 * the seed library and the peer community node, all against one simulator in this process (it serves cached bytes).
 */
export const scenario: Scenario = {
	id: 'smartschool',
	title: `Smartschool User › Get Many, whole platform (${ACCOUNTS.toLocaleString('en')} accounts, one SOAP answer)`,
	async prepare() {
		ensureHarnessSeesPackage();
		const peerRoot = ensurePeer();
		useHostN8nWorkflow(peerRoot);
		const peerDist = join(peerRoot, 'dist');
		const peerNodeFile = join(peerDist, 'nodes', 'SmartSchool', 'SmartSchool.node.js');
		const { SmartSchool } = (await import(peerNodeFile)) as { SmartSchool: NodeClass };
		const { SmartSchoolApi } = (await import(join(peerDist, 'credentials', 'SmartSchoolApi.credentials.js'))) as {
			SmartSchoolApi: new () => Parameters<typeof registerCredentialType>[0];
		};
		registerNodeType(PEER_TYPE, new SmartSchool());
		registerCredentialType(new SmartSchoolApi());
		// The seed is a dev dependency; its module-level client is set up once.
		const seed = createRequire(join(repoRoot(), 'package.json'))('smartschool-client') as SeedLibrary;

		const sim = await startSmartschoolSimulator({ accounts: ACCOUNTS, seed: 42, accessCode: ACCESS_CODE });
		const pool = new Pool(sim.url, { connections: 16, keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
		const ours = singleNodeWorkflow({
			type: 'n8n-nodes-edu.smartschool',
			nodeName: 'Smartschool',
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
			credentials: { smartschoolApi: { id: '1', name: 'Smartschool' } },
		});
		const peer = singleNodeWorkflow({
			type: PEER_TYPE,
			nodeName: 'SmartSchool',
			// The peer's Group Code is required; an expression giving '' asks for the whole platform, as ours does.
			parameters: { resource: 'group', operation: 'getAllAccountsExtended', code: '={{ "" }}', recursive: true },
			credentials: { smartSchoolApi: { id: '2', name: 'SmartSchool' } },
		});
		const runOurs = async () =>
			succeeded('ours', await runWorkflow({ workflow: ours, credentials: { smartschoolApi: { platformUrl: sim.url, accessCode: ACCESS_CODE } } }));
		const runPeer = async () =>
			succeeded('peer', await runWorkflow({ workflow: peer, credentials: { smartSchoolApi: { apiEndpoint: sim.endpoint, accesscode: ACCESS_CODE } } }));

		// One checked run of each before timing: the same 5,000 accounts; the plain download replays our exact request.
		sim.clearRequests();
		const ourOutput = (await runOurs()).json('Smartschool') as Array<Record<string, unknown>>;
		const expected = usernames('our node', ourOutput);
		const ourRequest = sim.calls('getAllAccountsExtended')[0] as SmartschoolRequest;
		const envelope = String(ourRequest.body);
		const headers = { 'content-type': String(ourRequest.headers['content-type']), soapaction: String(ourRequest.headers.soapaction ?? '') };
		const download = async (): Promise<number> => {
			const { statusCode, body } = await pool.request({ method: 'POST', path: ourRequest.path, headers, body: envelope });
			const bytes = await body.arrayBuffer();
			if (statusCode !== 200) throw new Error(`The plain download answered HTTP ${statusCode}`);
			return bytes.byteLength;
		};
		const answerBytes = await download();
		await seed.init({ apiWSDL: `${sim.endpoint}?wsdl`, accessCode: ACCESS_CODE });
		sameAccounts('seed', expected, usernames('seed', await seed.getUsers()));
		const peerProblem = await checkPeer(async () => (await runPeer()).json('SmartSchool') as Array<Record<string, unknown>>, expected);
		const outputBytes = Buffer.byteLength(JSON.stringify(ourOutput));
		sim.clearRequests();

		// Cold load of each node file in fresh children: ours must not pull in soap; the peer pulls in playwright.
		const ourFile = join(repoRoot(), 'dist', 'nodes', 'Smartschool', 'Smartschool.node.js');
		const ourLoad = await coldLoads([ourFile, 'Smartschool']);
		const peerLoad = await coldLoads([peerNodeFile, 'SmartSchool', peerRoot]);
		const playwrightLoad = await coldLoads(['', '', peerRoot, 'playwright-only']);

		return {
			variants: [
				{
					name: OURS,
					target: { kind: 'ratio', max: 1.1 },
					async run() {
						const count = (await runOurs()).output('Smartschool').length;
						if (count !== ACCOUNTS) throw new Error(`Our node returned ${count} accounts`);
						return { checks: { 'node file loads without soap': !ourLoad.loaded.soap } };
					},
				},
				{
					name: PLAIN,
					reference: true,
					async run() {
						await download();
					},
				},
				{
					name: SEED,
					async run() {
						await seed.getUsers();
					},
				},
				...(peerProblem
					? []
					: [
							{
								name: PEER,
								async run() {
									await runPeer();
								},
							},
						]),
			],
			notes(results: VariantResult[]) {
				const ourHeap = results.find((result) => result.name === OURS)?.peakHeapBytes ?? 0;
				const perOutput = results.map((result) => `${SHORT[result.name]} ${(result.peakHeapBytes / outputBytes).toFixed(1)}×`).join(', ');
				const memoryVerdict = ourHeap <= 3 * outputBytes ? 'PASS' : 'MISS';
				return [
					`The answer: ${megabytes(answerBytes)} of SOAP (getAllAccountsExtended, code '', recursive 1). Our output: ${ACCOUNTS.toLocaleString('en')} items, ${megabytes(outputBytes)} as JSON.`,
					`Peak heap over baseline / output JSON size: ${perOutput}. Target ours ≤ 3.0×: ${memoryVerdict}.`,
					'Reference: undici (one Pool, http.ts settings) POSTs the envelope our node sent and reads the body as bytes, nothing parsed.',
					'Ours runs the n8n engine (Manual Trigger → node, items with pairedItem), the transport (retry rules, redaction) and decodes',
					'the one <return> payload itself; seed = node-soap 0.36 + JSON.parse + its cleaning; peer = its own node through the same engine.',
					`Cold load in a fresh process (n8n-workflow preloaded; median of ${LOAD_RUNS}): our Smartschool.node.js ${formatMs(ourLoad.ms)}, heap ${formatBytes(ourLoad.heapBytes)},`,
					`  soap loaded: ${ourLoad.loaded.soap ? 'YES (must not)' : 'no'}, undici loaded: ${ourLoad.loaded.undici ? 'yes' : 'no'};`,
					`  peer SmartSchool.node.js ${formatMs(peerLoad.ms)}, heap ${formatBytes(peerLoad.heapBytes)}, playwright loaded: ${peerLoad.loaded.playwright ? 'yes' : 'no'};`,
					`  require('playwright') alone: ${formatMs(playwrightLoad.ms)} — the share of the peer's load time spent on playwright.`,
					...(peerProblem ? [`Peer row left out: ${peerProblem}`] : []),
				];
			},
			async teardown() {
				await pool.close();
				const transport = (await import(join(repoRoot(), 'dist', 'nodes', 'shared', 'http.js'))) as { closeAllPools?: () => Promise<void> };
				await transport.closeAllPools?.();
				await sim.close();
			},
		};
	},
};
