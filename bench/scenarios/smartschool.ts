import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Pool } from 'undici';

import { registerCredentialType, registerNodeType, runWorkflow, singleNodeWorkflow, type RunResult } from '../../test/harness';
import {
	startSmartschoolSimulator,
	type SmartschoolReadings,
	type SmartschoolRequest,
	type SmartschoolSimulator,
} from '../../test/simulators/smartschool';
import { formatBytes, formatMs, median, type Scenario, type Variant, type VariantResult } from '../harness';
import { ensurePeer, useHostN8nWorkflow } from '../smartschool-peer/install';
import type { NodeLoadReport } from '../smartschool-peer/load-child';
import { repoRoot } from '../support/paths';
import { ensureHarnessSeesPackage } from './evalytics';

const ACCOUNTS = 5_000;
const ACCESS_CODE = 'test-access-code';
const LOAD_RUNS = 5;
const PEER_TYPE = 'n8n-nodes-smartschool.smartSchool';
const exec = promisify(execFile);

type AnswerForm = Pick<SmartschoolReadings, 'answerQuotes' | 'answerNonAscii' | 'answerSlashes'>;

/**
 * The four answer forms timed (the reference does not say which the platform writes): quotes as node-soap writes
 * them (`&quot;`) or left raw as libxml2 (PHP's SoapServer) does; non-ASCII as PHP json_encode's default `\uXXXX`
 * (with its `\/`) or raw UTF-8 (as with JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES).
 */
const ALL_FORMS: ReadonlyArray<{ id: string; label: string; form: AnswerForm }> = [
	{ id: 'quot-u', label: '&quot; + \\u', form: { answerQuotes: 'entity', answerNonAscii: 'jsonEscape', answerSlashes: 'escaped' } },
	{ id: 'raw-u', label: 'raw " + \\u', form: { answerQuotes: 'raw', answerNonAscii: 'jsonEscape', answerSlashes: 'escaped' } },
	{ id: 'raw-utf8', label: 'raw " + UTF-8', form: { answerQuotes: 'raw', answerNonAscii: 'utf8', answerSlashes: 'raw' } },
	{ id: 'quot-utf8', label: '&quot; + UTF-8', form: { answerQuotes: 'entity', answerNonAscii: 'utf8', answerSlashes: 'raw' } },
];
/** `BENCH_SMARTSCHOOL_FORMS=raw-u,raw-utf8` times only those forms (while profiling one); all four by default. */
const FORMS = process.env.BENCH_SMARTSCHOOL_FORMS
	? ALL_FORMS.filter((entry) => process.env.BENCH_SMARTSCHOOL_FORMS!.split(',').includes(entry.id))
	: ALL_FORMS;
const KINDS = ['ours', 'floor', 'plain', 'seed', 'peer'] as const;
type Kind = (typeof KINDS)[number];
const variantName = (label: string, kind: Kind) => `[${label}] ${kind}`;

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

interface FormSetup {
	label: string;
	sim: SmartschoolSimulator;
	pool: Pool;
	answerBytes: number;
	outputBytes: number;
	peerProblem?: string;
	variants: Variant[];
}

/**
 * The least any client that returns the records must do: download, UTF-8 decode the body, locate `<return>`, one
 * plain XML unescape of its text (the shared xmlUnescape: a native replaceAll per entity) and one JSON.parse.
 */
function floorOf(text: string, xmlUnescape: (text: string) => string): unknown[] {
	const open = text.indexOf('<return');
	const start = text.indexOf('>', open) + 1;
	const end = text.lastIndexOf('</return>');
	if (open < 0 || end < start) throw new Error('The floor found no <return> in the answer');
	return JSON.parse(xmlUnescape(text.slice(start, end))) as unknown[];
}

/**
 * User › Get Many of the whole platform (getAllAccountsExtended, code '', recursive 1: one ~14 MiB SOAP answer, no
 * paging exists) in each of four answer forms, one simulator per form in this process (each serves cached bytes):
 * our node, the floor (download + UTF-8 + locate + unescape + JSON.parse), the plain download, the seed library and
 * the peer community node. Ratios are per form, against that form's floor.
 */
export const scenario: Scenario = {
	id: 'smartschool',
	title: `Smartschool User › Get Many, whole platform (${ACCOUNTS.toLocaleString('en')} accounts, one SOAP answer), per answer form`,
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
		const { xmlUnescape } = (await import(join(repoRoot(), 'dist', 'nodes', 'shared', 'soap.js'))) as { xmlUnescape: (text: string) => string };
		const hostRequire = createRequire(join(repoRoot(), 'package.json'));
		const seedPath = hostRequire.resolve('smartschool-client');

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

		const setups: FormSetup[] = [];
		let expected: string[] | undefined;
		let expectedJson: string | undefined;
		for (const { label, form } of FORMS) {
			const sim = await startSmartschoolSimulator({ accounts: ACCOUNTS, seed: 42, accessCode: ACCESS_CODE, readings: form });
			const pool = new Pool(sim.url, { connections: 16, keepAliveTimeout: 10_000, connect: { timeout: 10_000 } });
			const setup: FormSetup = { label, sim, pool, answerBytes: 0, outputBytes: 0, variants: [] };
			setups.push(setup);
			const runOurs = async () =>
				succeeded('ours', await runWorkflow({ workflow: ours, credentials: { smartschoolApi: { platformUrl: sim.url, accessCode: ACCESS_CODE } } }));
			const runPeer = async () =>
				succeeded('peer', await runWorkflow({ workflow: peer, credentials: { smartSchoolApi: { apiEndpoint: sim.endpoint, accesscode: ACCESS_CODE } } }));

			// One checked run of each before timing: the same 5,000 accounts; ours gives the same items in every form.
			sim.clearRequests();
			const ourOutput = (await runOurs()).json('Smartschool') as Array<Record<string, unknown>>;
			const ourJson = JSON.stringify(ourOutput);
			expected ??= usernames('our node', ourOutput);
			sameAccounts(`ours (${label})`, expected, usernames('our node', ourOutput));
			expectedJson ??= ourJson;
			if (ourJson !== expectedJson) throw new Error(`Our node's items from the ${label} answer differ from the ${FORMS[0].label} ones`);
			setup.outputBytes = Buffer.byteLength(ourJson);
			const ourRequest = sim.calls('getAllAccountsExtended')[0] as SmartschoolRequest;
			const envelope = String(ourRequest.body);
			const headers = { 'content-type': String(ourRequest.headers['content-type']), soapaction: String(ourRequest.headers.soapaction ?? '') };
			const post = () => pool.request({ method: 'POST', path: ourRequest.path, headers, body: envelope });
			const download = async (): Promise<number> => {
				const { statusCode, body } = await post();
				const bytes = await body.arrayBuffer();
				if (statusCode !== 200) throw new Error(`The plain download answered HTTP ${statusCode}`);
				return bytes.byteLength;
			};
			const floor = async (): Promise<unknown[]> => {
				const { statusCode, body } = await post();
				const text = Buffer.from(await body.arrayBuffer()).toString('utf8');
				if (statusCode !== 200) throw new Error(`The floor's download answered HTTP ${statusCode}`);
				return floorOf(text, xmlUnescape);
			};
			setup.answerBytes = await download();
			sameAccounts(`floor (${label})`, expected, usernames('floor', (await floor()) as Array<Record<string, unknown>>));
			// A fresh copy of the seed per form: its client is module-level, one endpoint each.
			delete hostRequire.cache[seedPath];
			const seed = hostRequire(seedPath) as SeedLibrary;
			await seed.init({ apiWSDL: `${sim.endpoint}?wsdl`, accessCode: ACCESS_CODE });
			sameAccounts(`seed (${label})`, expected, usernames('seed', await seed.getUsers()));
			setup.peerProblem = await checkPeer(async () => (await runPeer()).json('SmartSchool') as Array<Record<string, unknown>>, expected);
			sim.clearRequests();

			const floorName = variantName(label, 'floor');
			setup.variants = [
				{
					name: variantName(label, 'ours'),
					target: { kind: 'ratio', max: 1.1 },
					relativeTo: floorName,
					async run() {
						const count = (await runOurs()).output('Smartschool').length;
						if (count !== ACCOUNTS) throw new Error(`Our node returned ${count} accounts`);
					},
				},
				{
					name: floorName,
					reference: true,
					relativeTo: floorName,
					async run() {
						await floor();
					},
				},
				{
					name: variantName(label, 'plain'),
					relativeTo: floorName,
					async run() {
						await download();
					},
				},
				{
					name: variantName(label, 'seed'),
					relativeTo: floorName,
					async run() {
						await seed.getUsers();
					},
				},
				...(setup.peerProblem
					? []
					: [
							{
								name: variantName(label, 'peer'),
								relativeTo: floorName,
								async run() {
									await runPeer();
								},
							},
						]),
			];
		}

		// Cold load of each node file in fresh children: ours must not pull in soap; the peer pulls in playwright.
		const ourFile = join(repoRoot(), 'dist', 'nodes', 'Smartschool', 'Smartschool.node.js');
		const ourLoad = await coldLoads([ourFile, 'Smartschool']);
		const peerLoad = await coldLoads([peerNodeFile, 'SmartSchool', peerRoot]);
		const playwrightLoad = await coldLoads(['', '', peerRoot, 'playwright-only']);
		const loadChecks = { 'node file loads without soap': !ourLoad.loaded.soap };
		const firstOurs = setups[0].variants[0];
		const run = firstOurs.run.bind(firstOurs);
		firstOurs.run = async () => ({ ...((await run()) ?? {}), checks: loadChecks });

		return {
			variants: setups.flatMap((setup) => setup.variants),
			notes(results: VariantResult[]) {
				const find = (label: string, kind: Kind) => results.find((result) => result.name === variantName(label, kind));
				const lines: string[] = [];
				for (const setup of setups) {
					const [ours, floor, plain, seed, peer] = KINDS.map((kind) => find(setup.label, kind));
					if (!ours || !floor) continue;
					const versus = (other: VariantResult | undefined, name: string) =>
						other ? `${name} ${formatMs(other.medianMs)} (ours ${(ours.medianMs / other.medianMs).toFixed(2)}×, ${ours.medianMs < other.medianMs ? 'faster' : 'NOT faster'})` : `${name} left out`;
					const heap = ours.peakHeapBytes / setup.outputBytes;
					lines.push(
						`[${setup.label}] answer ${megabytes(setup.answerBytes)}, output ${megabytes(setup.outputBytes)} as JSON. ours ${formatMs(ours.medianMs)} = ` +
							`${(ours.medianMs / floor.medianMs).toFixed(2)}× floor ${formatMs(floor.medianMs)} (${ours.medianMs <= 1.1 * floor.medianMs ? 'PASS' : 'MISS'} ≤ 1.10×); ` +
							`${versus(peer, 'peer')}; ${versus(seed, 'seed')}; plain download ${plain ? formatMs(plain.medianMs) : '?'}.`,
						`  CPU medians: ours ${formatMs(ours.cpuMedianMs)} = ${(ours.cpuMedianMs / floor.cpuMedianMs).toFixed(2)}× floor ${formatMs(floor.cpuMedianMs)}` +
							`${peer ? `; peer ${formatMs(peer.cpuMedianMs)} (ours ${(ours.cpuMedianMs / peer.cpuMedianMs).toFixed(2)}×)` : ''}` +
							`${seed ? `; seed ${formatMs(seed.cpuMedianMs)} (ours ${(ours.cpuMedianMs / seed.cpuMedianMs).toFixed(2)}×)` : ''}.`,
						`  peak heap over baseline / output JSON: ours ${heap.toFixed(2)}× (${heap <= 2 ? 'PASS' : 'MISS'} ≤ 2×), floor ${(floor.peakHeapBytes / setup.outputBytes).toFixed(2)}×` +
							`${peer ? `, peer ${(peer.peakHeapBytes / setup.outputBytes).toFixed(2)}×` : ''}${seed ? `, seed ${(seed.peakHeapBytes / setup.outputBytes).toFixed(2)}×` : ''}.`,
						...(setup.peerProblem ? [`  Peer row left out: ${setup.peerProblem}`] : []),
					);
				}
				return [
					...lines,
					'Floor: undici (one Pool, http.ts settings) POSTs the envelope our node sent, UTF-8 decodes the body, finds <return>, one xmlUnescape, one JSON.parse.',
					'Ours runs the n8n engine (Manual Trigger → node, items with pairedItem), the transport (retry rules, redaction) and decodes',
					'the one <return> payload itself; seed = node-soap 0.36 + JSON.parse + its cleaning; peer = its own node through the same engine.',
					`Cold load in a fresh process (n8n-workflow preloaded; median of ${LOAD_RUNS}): our Smartschool.node.js ${formatMs(ourLoad.ms)}, heap ${formatBytes(ourLoad.heapBytes)},`,
					`  soap loaded: ${ourLoad.loaded.soap ? 'YES (must not)' : 'no'}, undici loaded: ${ourLoad.loaded.undici ? 'yes' : 'no'};`,
					`  peer SmartSchool.node.js ${formatMs(peerLoad.ms)}, heap ${formatBytes(peerLoad.heapBytes)}, playwright loaded: ${peerLoad.loaded.playwright ? 'yes' : 'no'};`,
					`  require('playwright') alone: ${formatMs(playwrightLoad.ms)} — the share of the peer's load time spent on playwright.`,
				];
			},
			async teardown() {
				for (const setup of setups) await setup.pool.close();
				const transport = (await import(join(repoRoot(), 'dist', 'nodes', 'shared', 'http.js'))) as { closeAllPools?: () => Promise<void> };
				await transport.closeAllPools?.();
				for (const setup of setups) await setup.sim.close();
			},
		};
	},
};
