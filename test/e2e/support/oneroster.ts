/** The OneRoster platform of the e2e suite: a small seeded district and workflows oneroster-*.json. */
import { DEFAULT_CLIENT_ID, DEFAULT_CONSUMER_KEY, startOneRosterSimulator, type OneRosterSimulator } from '../../simulators/oneroster';
import type { DemoCredential } from '../../../scripts/simulators';
import { setUpSuite, type E2eSuite, type PlatformFixture } from './suite';

/** Distinctive, so a test can prove it never shows up in n8n's output. */
export const CLIENT_SECRET = 'e2e-oneroster-client-secret-2c7d';
export const CONSUMER_SECRET = 'e2e-oneroster-consumer-secret-91fa';

export type OneRosterSuite = E2eSuite<OneRosterSimulator>;

export const ONEROSTER: PlatformFixture<OneRosterSimulator> = {
	workflowPrefix: 'oneroster-',
	// A small silent page cap, so the e2e walk needs several pages like a real district would.
	start: () => startOneRosterSimulator({ users: 80, seed: 5, readings: { pageCap: 4 }, clients: { [DEFAULT_CLIENT_ID]: { secret: CLIENT_SECRET } }, consumers: { [DEFAULT_CONSUMER_KEY]: { secret: CONSUMER_SECRET } } }),
	credentials: (sim): DemoCredential[] => [
		{
			id: 'e2eOneRoster',
			name: 'OneRoster (e2e simulator)',
			type: 'oneRosterApi',
			data: {
				baseUrl: sim.url,
				authentication: 'oAuth2',
				tokenUrl: sim.tokenUrl,
				clientId: DEFAULT_CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				clientAuthentication: 'basic',
				allowUserWrites: true,
			},
		},
		{
			id: 'e2eOneRoster11',
			name: 'OneRoster 1.1 OAuth 1.0a (e2e simulator)',
			type: 'oneRosterApi',
			data: {
				baseUrl: sim.url,
				version: '1.1',
				authentication: 'oAuth1',
				consumerKey: DEFAULT_CONSUMER_KEY,
				consumerSecret: CONSUMER_SECRET,
				signatureMethod: 'HMAC-SHA1',
			},
		},
	],
};

export async function setUpOneRosterSuite(): Promise<OneRosterSuite> {
	return await setUpSuite(ONEROSTER);
}
