/** Issue 14, points 4 and 6 against the Edu-iX simulator (one-time jti, token cache per credential). */
import { createPrivateKey } from 'node:crypto';

import { testCredential } from '../../harness';
import type { EduixSimulator } from '../../simulators/eduix';
import { assertionOf, clearTokens, credentialsFor, keys, NODE_NAME, NODE_TYPE, PO_SCHOOL, runEduix, startSimulator, tokenRequests } from './setup';

const list = { operation: 'getAll', orgMasterId: PO_SCHOOL, returnAll: false, limit: 1 };

describe('Edu-iX Employees › tokens (issue 14)', () => {
	let sim: EduixSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		clearTokens();
		sim.clearRequests();
		sim.faults.clear();
	});

	it('point 4: a retried token request signs a new assertion (new jti), so a one-time-jti server accepts it', async () => {
		// The server issues a token, then the connection breaks before the answer arrives; the retry must not replay.
		sim.faults.add({ match: { method: 'POST', path: '/oauth2/token' }, fault: { kind: 'afterHandler', then: { kind: 'reset' } } });
		const result = await runEduix(sim, list);
		expect(result.status).toBe('success');
		const [first, second] = tokenRequests(sim).map((request) => assertionOf(request).claims);
		expect(second).toBeDefined();
		expect(second.jti).not.toBe(first.jti);
	});

	it('point 4: a 503 on the token request is retried with a new assertion too', async () => {
		sim.faults.add({ match: { method: 'POST', path: '/oauth2/token' }, fault: { kind: 'status', status: 503, retryAfter: '0' } });
		const result = await runEduix(sim, list);
		expect(result.status).toBe('success');
		const jtis = tokenRequests(sim).map((request) => assertionOf(request).claims.jti);
		expect(jtis).toHaveLength(2);
		expect(new Set(jtis).size).toBe(2);
	});

	it('point 6: a changed passphrase misses the token cache, in the node and the Test button', async () => {
		const encrypted = createPrivateKey(keys.privateKey).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'right-passphrase' }) as string;
		const good = await runEduix(sim, list, { credentials: { privateKey: encrypted, passphrase: 'right-passphrase' } });
		expect(good.status).toBe('success');
		const wrong = await runEduix(sim, list, { credentials: { privateKey: encrypted, passphrase: 'wrong-passphrase' } });
		expect(wrong.status).toBe('error');
		expect(wrong.nodeError(NODE_NAME)?.message).toMatch(/could not be signed|private key/i);
		const tested = await testCredential({ nodeType: NODE_TYPE, credentialType: 'eduixApi', data: { ...credentialsFor(sim).eduixApi, privateKey: encrypted, passphrase: 'wrong-passphrase' } });
		expect(tested.status).toBe('Error');
	});

	it('point 6: the Test button never answers from the token cache', async () => {
		expect((await runEduix(sim, list)).status).toBe('success');
		sim.clearRequests();
		const tested = await testCredential({ nodeType: NODE_TYPE, credentialType: 'eduixApi', data: credentialsFor(sim).eduixApi });
		expect(tested.status).toBe('OK');
		expect(tokenRequests(sim)).toHaveLength(1);
	});
});
