import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
	ca: string;
	server: { cert: string; key: string };
	clientA: { cert: string; key: string };
	clientB: { cert: string; key: string };
}

/** Whether the openssl CLI can run here; Node itself cannot issue X.509 certificates. */
export function opensslAvailable(): boolean {
	try {
		execFileSync('openssl', ['version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** A throw-away CA, a server certificate for 127.0.0.1 and two client certificates (P-256 keys). */
export function createTestPki(): TestPki {
	const dir = mkdtempSync(join(tmpdir(), 'edu-pki-'));
	const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	try {
		run('req', '-x509', ...ecKey, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=edu test CA');
		writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
		writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
		const issue = (name: string, extFile: string, serial: string) => {
			run('req', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
			run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', serial, '-days', '2', '-out', `${name}.crt`, '-extfile', extFile);
			return { cert: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') };
		};
		const server = issue('server', 'server.ext', '1');
		const clientA = issue('client-a', 'client.ext', '2');
		const clientB = issue('client-b', 'client.ext', '3');
		return { ca: readFileSync(join(dir, 'ca.crt'), 'utf8'), server, clientA, clientB };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
