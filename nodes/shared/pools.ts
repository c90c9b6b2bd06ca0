import { createHash } from 'node:crypto';

import type { Pool } from 'undici';

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

const pools = new Map<string, Pool>();

/** Hash of the TLS identity, so a pool key tells identities apart without holding key material. */
export function tlsFingerprint(tls: TlsIdentity | undefined): string {
	if (!tls) return 'default';
	const parts = [tls.cert ?? '', tls.key ?? '', tls.ca ?? '', tls.passphrase ?? '', String(tls.rejectUnauthorized ?? true)];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * One keep-alive pool per origin, TLS identity and connect timeout (undici sets that per pool): two client
 * certificates never share a socket.
 */
export function poolKey(origin: string, tls: TlsIdentity | undefined, connectMs: number): string {
	const identity = origin.startsWith('https:') ? tlsFingerprint(tls) : 'plain';
	return `${origin}|${identity}|${connectMs}`;
}

export function poolFor(origin: string, tls: TlsIdentity | undefined, connectMs: number): Pool {
	const key = poolKey(origin, tls, connectMs);
	let pool = pools.get(key);
	if (!pool) {
		const connect = origin.startsWith('https:') && tls ? { ...tls, timeout: connectMs } : { timeout: connectMs };
		pool = new (undici().Pool)(origin, { connections: 16, keepAliveTimeout: 10_000, connect });
		pools.set(key, pool);
	}
	return pool;
}

export function openPoolCount(): number {
	return pools.size;
}

export async function closeAllPools(): Promise<void> {
	const open = [...pools.values()];
	pools.clear();
	await Promise.all(open.map(async (pool) => await pool.close()));
}
