import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

import type { Dispatcher } from 'undici';

export interface TlsIdentity {
	cert?: string;
	key?: string;
	ca?: string;
	passphrase?: string;
	rejectUnauthorized?: boolean;
}

type Undici = typeof import('undici');
let undiciModule: Undici | undefined;

/** undici is loaded on the first request, not when n8n loads the node. */
function undici(): Undici {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	undiciModule ??= require('undici') as Undici;
	return undiciModule;
}

/** A keep-alive pool for one origin, or an agent that sends it through the school's proxy. */
export interface Connection {
	dispatcher: Dispatcher;
	/** Agents serve many origins, so each request names its own; a pool already knows it. */
	needsOrigin: boolean;
}

const pools = new Map<string, Connection>();

/** Hash of the TLS identity, so a pool key tells identities apart without holding key material. */
export function tlsFingerprint(tls: TlsIdentity | undefined): string {
	if (!tls) return 'default';
	const parts = [tls.cert ?? '', tls.key ?? '', tls.ca ?? '', tls.passphrase ?? '', String(tls.rejectUnauthorized ?? true)];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * The network the school runs, as n8n itself reads it: HTTP_PROXY / HTTPS_PROXY / NO_PROXY (either case) and
 * NODE_EXTRA_CA_CERTS. Read when a pool opens, not at load: Node reads the CA file only at process start and only
 * for its own https module, while undici connects with its own TLS options.
 */
export interface NetworkSettings {
	httpProxy?: string;
	httpsProxy?: string;
	noProxy?: string;
	extraCaFile?: string;
}

function env(name: string): string | undefined {
	const value = process.env[name] ?? process.env[name.toLowerCase()];
	return value && value.trim() ? value.trim() : undefined;
}

export function networkSettings(): NetworkSettings {
	return { httpProxy: env('HTTP_PROXY'), httpsProxy: env('HTTPS_PROXY'), noProxy: env('NO_PROXY'), extraCaFile: env('NODE_EXTRA_CA_CERTS') };
}

const extraCaTexts = new Map<string, string | undefined>();

/** The PEM text of NODE_EXTRA_CA_CERTS, read once per path; unreadable gives undefined (Node only warns too). */
function extraCa(file: string | undefined): string | undefined {
	if (!file) return undefined;
	if (!extraCaTexts.has(file)) {
		let text: string | undefined;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			text = undefined;
		}
		extraCaTexts.set(file, text);
	}
	return extraCaTexts.get(file);
}

/** The trusted CAs: Node's bundled roots plus the school's CA, plus a credential's own CA when it has one. */
function trustedCas(tls: TlsIdentity | undefined, network: NetworkSettings): string[] | string | undefined {
	const school = extraCa(network.extraCaFile);
	if (!school) return tls?.ca;
	return [...rootCertificates, school, ...(tls?.ca ? [tls.ca] : [])];
}

/**
 * One keep-alive pool per origin, TLS identity, connect timeout (undici sets that per pool) and network settings:
 * two client certificates never share a socket.
 */
export function poolKey(origin: string, tls: TlsIdentity | undefined, connectMs: number, network: NetworkSettings = networkSettings()): string {
	const identity = origin.startsWith('https:') ? tlsFingerprint(tls) : 'plain';
	const route = network.httpProxy || network.httpsProxy ? `${network.httpProxy ?? ''}|${network.httpsProxy ?? ''}|${network.noProxy ?? ''}` : 'direct';
	return `${origin}|${identity}|${connectMs}|${route}|${network.extraCaFile ?? ''}`;
}

export function poolFor(origin: string, tls: TlsIdentity | undefined, connectMs: number): Connection {
	const network = networkSettings();
	const key = poolKey(origin, tls, connectMs, network);
	let connection = pools.get(key);
	if (!connection) {
		const ca = origin.startsWith('https:') ? trustedCas(tls, network) : undefined;
		const tlsOptions = origin.startsWith('https:') ? { ...tls, ...(ca ? { ca } : {}) } : {};
		const connect = { ...tlsOptions, timeout: connectMs };
		const { Pool, EnvHttpProxyAgent } = undici();
		if (network.httpProxy || network.httpsProxy) {
			// undici's agent for the same variables n8n reads; NO_PROXY hosts go direct with the same TLS options.
			const dispatcher = new EnvHttpProxyAgent({
				httpProxy: network.httpProxy,
				httpsProxy: network.httpsProxy,
				noProxy: network.noProxy,
				connections: 16,
				keepAliveTimeout: 10_000,
				connect,
				requestTls: { ...tlsOptions, timeout: connectMs },
				// A proxy reached over https may itself sit behind the school's CA.
				proxyTls: ca ? { ca, timeout: connectMs } : { timeout: connectMs },
			});
			connection = { dispatcher, needsOrigin: true };
		} else {
			connection = { dispatcher: new Pool(origin, { connections: 16, keepAliveTimeout: 10_000, connect }), needsOrigin: false };
		}
		pools.set(key, connection);
	}
	return connection;
}

export function openPoolCount(): number {
	return pools.size;
}

export async function closeAllPools(): Promise<void> {
	const open = [...pools.values()];
	pools.clear();
	extraCaTexts.clear();
	await Promise.all(open.map(async ({ dispatcher }) => await dispatcher.close()));
}
