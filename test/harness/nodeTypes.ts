import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DirectoryLoader, PackageDirectoryLoader } from 'n8n-core';
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type {
	ICredentialType,
	ICredentialTypes,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { builtinNodeTypes } from './builtins';
import { ensureContainer } from './environment';

export type AnyNodeType = INodeType | IVersionedNodeType;

/** The repository root: the package whose package.json lists the built nodes. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

export interface LoadedPackage {
	packageName: string;
	/** Full type (`<package>.<description.name>`) → node class instance, as n8n's loader made it. */
	nodes: Map<string, AnyNodeType>;
	credentials: Map<string, ICredentialType>;
	/** package.json path → why it could not be loaded (e.g. dist not built yet). */
	problems: Map<string, string>;
	/** Every file the `n8n` block lists. */
	files: string[];
}

/** Why a listed file did not load. Jest's resolver errors come from another realm: no `instanceof`. */
function reason(error: unknown): string {
	const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
	const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
	if (code === 'MODULE_NOT_FOUND' || message.startsWith('Cannot find module')) {
		return 'file not found — run `npm run build` first';
	}
	return message;
}

/**
 * Loads the BUILT node and credential files listed in a package.json `n8n` block with n8n-core's
 * own PackageDirectoryLoader (class name from the file name, codex, icons, the Poll Times
 * parameter of polling nodes …). Unlike n8n it does not stop at the first bad file: a file that
 * cannot be loaded is recorded and reported when a test asks for a type from it.
 */
export function loadPackage(root: string): LoadedPackage {
	ensureContainer();
	const loader = new PackageDirectoryLoader(root);
	const { n8n, version } = loader.packageJson;
	const problems = new Map<string, string>();
	for (const nodePath of n8n?.nodes ?? []) {
		try {
			loader.loadNodeFromFile(nodePath, version);
		} catch (error) {
			problems.set(nodePath, reason(error));
		}
	}
	for (const credentialPath of n8n?.credentials ?? []) {
		try {
			loader.loadCredentialFromFile(credentialPath);
		} catch (error) {
			problems.set(credentialPath, reason(error));
		}
	}
	const nodes = new Map<string, AnyNodeType>();
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodes.set(`${loader.packageName}.${name}`, type);
	const credentials = new Map<string, ICredentialType>();
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentials.set(name, type);
	const files = [...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])];
	return { packageName: loader.packageName, nodes, credentials, problems, files };
}

function newestMtime(dir: string): { file: string; mtime: number } | undefined {
	if (!existsSync(dir)) return undefined;
	let newest: { file: string; mtime: number } | undefined;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
		const file = join(entry.parentPath, entry.name);
		const mtime = statSync(file).mtimeMs;
		if (!newest || mtime > newest.mtime) newest = { file, mtime };
	}
	return newest;
}

/** Node tests run the built files; say so when the sources changed after the last build. */
function warnIfStale(root: string, distFiles: string[]): void {
	const built = distFiles.map((file) => resolve(root, file)).filter((file) => existsSync(file));
	if (built.length === 0) return;
	const oldestBuild = Math.min(...built.map((file) => statSync(file).mtimeMs));
	const newest = [newestMtime(join(root, 'nodes')), newestMtime(join(root, 'credentials'))]
		.filter((found) => found !== undefined)
		.sort((a, b) => b.mtime - a.mtime)[0];
	if (newest && newest.mtime > oldestBuild) {
		console.warn(`[test harness] ${newest.file} changed after the last build: tests run dist/ — run \`npm run build\`.`);
	}
}

export function versionsOf(nodeType: AnyNodeType): INodeType[] {
	return 'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
}

/** Applies what n8n's loader adds to a node class, for node types a test registers directly. */
function prepareLikeLoader(nodeType: AnyNodeType): void {
	for (const version of versionsOf(nodeType)) {
		const { description } = version;
		if (version.methods?.loadOptions) description.__loadOptionsMethods = Object.keys(version.methods.loadOptions);
		if (description.polling && !description.properties.some(({ name }) => name === 'pollTimes')) {
			description.properties.unshift(...commonPollingParameters);
		}
		DirectoryLoader.applyDeclarativeNodeOptionParameters(version);
	}
}

/**
 * The node and credential types a test can use: the package's built nodes (loaded lazily on first
 * use), the n8n-nodes-base stand-ins, and types a test registers.
 */
export class HarnessTypes {
	private loaded?: LoadedPackage;

	private readonly extraNodes = new Map<string, AnyNodeType>();

	private readonly extraCredentials = new Map<string, ICredentialType>();

	readonly nodeTypes: INodeTypes;

	readonly credentialTypes: ICredentialTypes;

	constructor(private readonly packageRoot: string = PACKAGE_ROOT) {
		this.nodeTypes = {
			getByName: (type) => this.node(type),
			getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(this.node(type), version),
			getKnownTypes: () => this.knownNodeTypes(),
		};
		this.credentialTypes = {
			recognizes: (type) => this.findCredential(type) !== undefined,
			getByName: (type) => this.credential(type),
			getSupportedNodes: (type) => this.supportedNodes(type),
			getParentTypes: (type) => this.parentTypes(type),
		};
	}

	get package(): LoadedPackage {
		if (!this.loaded) {
			this.loaded = loadPackage(this.packageRoot);
			warnIfStale(this.packageRoot, this.loaded.files);
		}
		return this.loaded;
	}

	registerNodeType(type: string, nodeType: AnyNodeType): void {
		prepareLikeLoader(nodeType);
		this.extraNodes.set(type, nodeType);
	}

	registerCredentialType(credentialType: ICredentialType): void {
		this.extraCredentials.set(credentialType.name, credentialType);
	}

	node(type: string): AnyNodeType {
		const found = this.extraNodes.get(type) ?? builtinNodeTypes[type] ?? this.package.nodes.get(type);
		if (found) return found;
		throw new UnexpectedError(
			`Unknown node type "${type}". Known: ${Object.keys(this.knownNodeTypes()).join(', ')}.${this.problemReport()}`,
		);
	}

	credential(type: string): ICredentialType {
		const found = this.findCredential(type);
		if (found) return found;
		throw new UnexpectedError(`Unknown credential type "${type}".${this.problemReport()}`);
	}

	/** The version a new node of this type gets in the editor. */
	latestVersion(type: string): number {
		const nodeType = this.node(type);
		if ('nodeVersions' in nodeType) return nodeType.currentVersion;
		const { version, defaultVersion } = nodeType.description;
		if (defaultVersion !== undefined) return defaultVersion;
		return Array.isArray(version) ? Math.max(...version) : version;
	}

	private findCredential(type: string): ICredentialType | undefined {
		return this.extraCredentials.get(type) ?? this.package.credentials.get(type);
	}

	private problemReport(): string {
		const problems = [...this.package.problems].map(([file, why]) => `\n  ${file}: ${why}`).join('');
		return problems ? `\nNot loaded from package.json:${problems}` : '';
	}

	private knownNodeTypes(): IDataObject {
		const known: IDataObject = {};
		for (const type of [...this.extraNodes.keys(), ...Object.keys(builtinNodeTypes), ...this.package.nodes.keys()]) {
			known[type] = { className: type.split('.').pop() ?? type, sourcePath: '' };
		}
		return known;
	}

	/** Full types of the nodes whose description lists this credential (n8n infers the same). */
	private supportedNodes(credentialType: string): string[] {
		const all = new Map<string, AnyNodeType>([...this.package.nodes, ...this.extraNodes]);
		return [...all]
			.filter(([, nodeType]) =>
				versionsOf(nodeType).some((v) => v.description.credentials?.some(({ name }) => name === credentialType)),
			)
			.map(([type]) => type);
	}

	private parentTypes(credentialType: string): string[] {
		const parents = this.credential(credentialType).extends ?? [];
		return parents.flatMap((parent) => [parent, ...(this.findCredential(parent) ? this.parentTypes(parent) : [])]);
	}
}

/** The types every harness entry point uses (one set per test file, like jest's module registry). */
export const harnessTypes = new HarnessTypes();
