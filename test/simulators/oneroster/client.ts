/** A direct client of the simulator for tests: fetches a token and reads, bypassing the node. */
import { request } from 'undici';

import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type OneRosterSimulator } from './index';

export async function simToken(sim: OneRosterSimulator): Promise<string> {
	const response = await request(sim.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: `grant_type=client_credentials&client_id=${DEFAULT_CLIENT_ID}&client_secret=${DEFAULT_CLIENT_SECRET}`,
	});
	return ((await response.body.json()) as { access_token: string }).access_token;
}

export async function simGet(sim: OneRosterSimulator, path: string, token: string, base = sim.rosteringUrl): Promise<{ status: number; body: unknown; headers: Record<string, unknown> }> {
	const response = await request(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
	const text = await response.body.text();
	return { status: response.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
}
