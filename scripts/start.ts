/**
 * `npm start`: a local n8n with this package installed, every platform simulator running, demo credentials
 * pointing at them and the example workflows imported. The newest n8n line by default; `N8N_EDU_N8N_LINE=oldest`
 * picks the oldest supported one. Everything lives in `.n8n-start/<line>/` (gitignored; one per line, as an older
 * n8n cannot open a database a newer one migrated) and survives restarts; the package is reinstalled from a fresh
 * build each time. Ctrl-C stops it all.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, LINE_ENV, pointFilesAt, prepareUserFolder, REPO_ROOT, runN8nOrThrow, selectedLine, startN8n, type N8nServer } from './n8n';
import { N8nRestClient, type OwnerAccount } from './n8n-rest';
import { buildPackage, installLikeN8n, packPackage, pinN8nWorkflow, verifyInstalledPackage } from './package-install';
import { closeSimulators, startSimulators, type DemoCredential, type RunningSimulator } from './simulators';

const LINE = selectedLine();
const START_DIR = join(REPO_ROOT, '.n8n-start', LINE);
const FILES_DIR = join(START_DIR, 'files');
/** example file → sha256 of the version last imported. */
const IMPORTED_FILE = join(START_DIR, 'imported-examples.json');
/** Local demo only; n8n encrypts the stored credentials with it. */
const DEV_ENCRYPTION_KEY = 'n8n-nodes-edu-local-demo-key';
const OWNER: OwnerAccount = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Demo-n8n-edu-1' };

const log = (line: string) => process.stdout.write(`[start] ${line}\n`);

let simulators: RunningSimulator[] = [];
let server: N8nServer | undefined;
let stopping = false;

async function shutdown(reason: string, code: number): Promise<never> {
	if (stopping) process.exit(code);
	stopping = true;
	log(`${reason}: stopping n8n and the simulators…`);
	const n8nCode = server ? await server.stop(20_000) : null;
	await closeSimulators(simulators);
	log(`stopped${n8nCode === null ? '' : ` (n8n exit code ${n8nCode})`}`);
	process.exit(code);
}

async function main(): Promise<void> {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => void shutdown(signal, 0));
	}
	const port = Number(process.env.N8N_PORT ?? 5678);

	log('building the package (npm run build)');
	await buildPackage();

	log('starting the simulators');
	simulators = await startSimulators(log);

	const install = await ensureN8n(log, LINE);
	log(`n8n ${install.version} (${LINE} line; ${LINE_ENV}=${LINE === 'newest' ? 'oldest' : 'newest'} picks the other) on Node ${install.nodeVersion}, from ${install.dir}`);

	mkdirSync(FILES_DIR, { recursive: true });
	const folder = prepareUserFolder(START_DIR, {
		encryptionKey: DEV_ENCRYPTION_KEY,
		logLevel: 'info',
		env: {
			// Plain http on localhost: the login cookie must not require https.
			N8N_SECURE_COOKIE: 'false',
			N8N_RESTRICT_FILE_ACCESS_TO: FILES_DIR,
		},
	});

	log(`installing n8n-nodes-edu into .n8n-start/${LINE}/.n8n/nodes the way n8n installs a community package`);
	const scratch = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-start-'));
	try {
		const pkg = await installLikeN8n(await packPackage(scratch), folder.nodesDir);
		if (pinN8nWorkflow(install, folder.nodesDir, pkg.dir)) {
			log('  linked n8n-workflow to n8n\'s copy (the repo\'s own node_modules is above .n8n-start/)');
		}
		const problems = await verifyInstalledPackage(install, pkg);
		if (problems.length) throw new Error(`The installed package is not loadable by n8n:\n  ${problems.join('\n  ')}`);
		log(`  ${pkg.name}@${pkg.version}: ${pkg.entryFiles.length} nodes and credentials load with n8n's n8n-workflow`);

		await importDemoData(install, folder.env, scratch);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}

	log(`starting n8n on http://localhost:${port}`);
	server = await startN8n(install, folder.env, { port, echo: (text) => process.stdout.write(text) });
	void server.child.once('exit', (code) => {
		if (!stopping) void shutdown(`n8n exited (code ${code})`, code ?? 1);
	});
	await server.ready();
	const owner = await new N8nRestClient(server.url, install).setupOwner(OWNER).then(
		(outcome) => outcome,
		(error: unknown) => (error instanceof Error ? error.message : String(error)),
	);

	const lines = [
		'',
		`  n8n ${install.version} (${LINE} line) on Node ${install.nodeVersion} is running: open http://localhost:${port}`,
		owner === 'created' || owner === 'existing'
			? `  log in as ${OWNER.email} / ${OWNER.password}`
			: `  the owner account already exists with another password (${owner}); log in with yours`,
		'  simulators:',
		...simulators.flatMap((simulator) => [`    ${simulator.title}: ${simulator.url}`, ...simulator.notes.map((note) => `      ${note}`)]),
		`  demo credentials: ${simulators.flatMap((simulator) => simulator.credentials.map((credential) => `"${credential.name}"`)).join(', ')}`,
		`  data: ${START_DIR} (delete it for a fresh start); files for workflows: ${FILES_DIR}`,
		'  Ctrl-C stops n8n and the simulators.',
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

/** Demo credentials (upserted by id) and every examples/*.json, made to run against this setup. */
async function importDemoData(install: Awaited<ReturnType<typeof ensureN8n>>, env: NodeJS.ProcessEnv, scratch: string) {
	const credentials: DemoCredential[] = simulators.flatMap((simulator) => simulator.credentials);
	const credentialsFile = join(scratch, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	await runN8nOrThrow(install, ['import:credentials', `--input=${credentialsFile}`], env);
	log(`  imported ${credentials.length} demo credential(s)`);

	const examplesDir = join(REPO_ROOT, 'examples');
	const dataDir = join(examplesDir, 'data');
	if (existsSync(dataDir)) for (const file of readdirSync(dataDir)) copyFileSync(join(dataDir, file), join(FILES_DIR, file));
	// Only new or changed examples are (re)imported, so edits made in the editor survive a restart.
	const imported = existsSync(IMPORTED_FILE) ? (JSON.parse(readFileSync(IMPORTED_FILE, 'utf8')) as Record<string, string>) : {};
	const examples = (existsSync(examplesDir) ? readdirSync(examplesDir).filter((file) => file.endsWith('.json')).sort() : [])
		.map((file) => ({ file, text: readFileSync(join(examplesDir, file), 'utf8') }))
		.map((example) => ({ ...example, hash: createHash('sha256').update(example.text).digest('hex') }));
	const changed = examples.filter((example) => imported[example.file] !== example.hash);
	if (changed.length === 0) {
		log(`  ${examples.length} example workflow(s) already imported and unchanged`);
		return;
	}
	const workflowsDir = join(scratch, 'workflows');
	mkdirSync(workflowsDir);
	for (const { file, text } of changed) {
		const workflow = JSON.parse(pointFilesAt(text, FILES_DIR)) as { id?: string };
		// A stable id per file, so a changed example replaces its earlier import instead of adding a copy.
		workflow.id ??= `ex${createHash('sha256').update(file).digest('hex').slice(0, 14)}`;
		writeFileSync(join(workflowsDir, file), JSON.stringify(workflow));
	}
	await runN8nOrThrow(install, ['import:workflow', '--separate', `--input=${workflowsDir}`], env);
	for (const { file, hash } of changed) imported[file] = hash;
	writeFileSync(IMPORTED_FILE, JSON.stringify(imported, null, 2));
	log(`  imported ${changed.length} example workflow(s): ${changed.map((example) => example.file).join(', ')}`);
}

main().catch(async (error: unknown) => {
	process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
	await shutdown('start-up failed', 1);
});
