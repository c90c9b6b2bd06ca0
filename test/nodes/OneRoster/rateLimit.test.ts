import type { OneRosterSimulator } from '../../simulators/oneroster';
import { BASE, NODE_NAME, requestsTo, runOneRoster, startSimulator } from './setup';

const TOKEN = 'rate-limit-static-token';

/**
 * Return All against a provider's request-rate limit (Ed-Fi: a fixed window per client, 429 `server_busy`), with
 * and without Retry-After (unverified which): the default 8 pages in flight narrow on the 429s, the transport
 * retries, and every user arrives once, in order. The simulator counts its window in requests, not on the clock,
 * so a busy machine sees the same 429s.
 */
describe('OneRoster › rate limit', () => {
	let sim: OneRosterSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ users: 200, staticTokens: [TOKEN] });
		sim.setReadings({ totalCountHeader: false, linkHeader: false });
		sim.setLatency(20);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());
	afterEach(() => sim.setRateLimit(undefined));

	const run = async () => {
		const result = await runOneRoster(
			sim,
			{ resource: 'user', operation: 'getAll', returnAll: true, options: { pageSize: 10 } },
			{ credentials: { authentication: 'bearerToken', accessToken: TOKEN } },
		);
		expect(result.status).toBe('success');
		return result.json(NODE_NAME).map((user) => String(user.sourcedId));
	};
	const expected = () => sim.state.all('users').map((user) => String(user.sourcedId));
	const pages = () => requestsTo(sim, 'GET', `${BASE}/users`);

	it('429 without Retry-After: backoff, a narrower window, every user once in order', async () => {
		sim.setRateLimit({ requests: 10, retryAfter: 'none', refusals: 3 });
		expect(await run()).toEqual(expected());
		expect(sim.throttled).toBeGreaterThan(0);
		// Every request asked pages of 10 with the static token; the answered ones cover the list with overlap.
		for (const request of pages()) {
			expect(request.query.limit).toEqual(['10']);
			expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		}
	});

	it('429 with Retry-After: all pages wait it out, so few 429s for many pages', async () => {
		sim.setRateLimit({ requests: 12, retryAfter: 'seconds', retryAfterSeconds: 1 });
		expect(await run()).toEqual(expected());
		const throttled = sim.throttled;
		expect(throttled).toBeGreaterThan(0);
		// ~23 pages through a limit of 12 a second: held pages do not pile up 429s of their own.
		expect(throttled).toBeLessThan(pages().length - throttled);
	});

	it('the default is 8 pages in flight when the provider does not push back', async () => {
		// With a total count the window opens fully after the first page, which goes alone (without one it grows
		// 1, 2, 4, 8). From the second page on, the simulator answers nothing until 8 requests are open at once:
		// the node must send 8 pages without waiting for one (however slow the machine), and never a 9th.
		sim.setReadings({ totalCountHeader: true });
		// (Armed by the first page itself: a page the previous test's walk asked ahead may still arrive now.)
		const armed = sim.onRequest((request) => {
			if (request.query.offset?.[0] !== '0') return;
			armed();
			sim.holdUntilInFlight(8);
		});
		expect(await run()).toEqual(expected());
		expect(sim.peakInFlight).toBe(8);
		sim.setReadings({ totalCountHeader: false });
	});
});
