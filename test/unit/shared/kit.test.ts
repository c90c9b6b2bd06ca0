/** The client kit's own rules: loopback hosts, the token-retry bounds and the token endpoint's texts. */
import { TransportError } from '../../../nodes/shared/errors';
import { closeAllPools } from '../../../nodes/shared/http';
import { ClientKit, describeTokenFailure, isLoopbackHost, MAX_NEW_TOKENS_PER_EXECUTION, MAX_NEW_TOKENS_PER_REQUEST, TokenSession } from '../../../nodes/shared/kit';
import { clearTokenCache, getAccessToken, type ClientCredentialsConfig } from '../../../nodes/shared/oauth2';
import { LocalServer, sendJson } from './localServer';

const NODE = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

let server: LocalServer;
let issued = 0;

beforeAll(async () => {
	server = await LocalServer.start();
});
afterAll(async () => {
	await closeAllPools();
	await server.close();
});
beforeEach(() => {
	clearTokenCache();
	issued = 0;
	server.reset((_request, response) => sendJson(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
});

const config = (): ClientCredentialsConfig => ({ tokenUrl: `${server.url}/token`, clientId: 'id', clientSecret: 'secret-1234', clientAuth: 'basic' });
/** A 401 after a 503 on the same request: the token was not refused on its first use. */
const diedLater = () => {
	const error = new TransportError({ kind: 'http', status: 401, message: 'GET https://api.test answered HTTP 401', method: 'GET', url: 'https://api.test' });
	error.attempts = 2;
	return error;
};

describe('isLoopbackHost', () => {
	it.each([
		['localhost', true],
		['127.0.0.1', true],
		['127.1.2.3', true],
		['[::1]', true],
		['api.localhost', true],
		['10.0.0.5', false],
		['sis', false],
		['127.0.0.1.example.org', false],
	])('%s → %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});

describe('TokenSession bounds', () => {
	it(`fetches at most ${MAX_NEW_TOKENS_PER_REQUEST} new tokens for one request, then says the tokens die early`, async () => {
		await getAccessToken(config());
		const kit = new ClientKit({ node: NODE, platform: 'Test' });
		const session = new TokenSession(config(), kit);
		const seen: string[] = [];
		const error = (await session.run(async (authorization) => {
			seen.push(authorization);
			throw diedLater();
		}).catch((caught: unknown) => caught)) as TransportError;
		expect(seen).toEqual(['Bearer tok-1', 'Bearer tok-2', 'Bearer tok-3']);
		expect(error.tokenRefusal).toEqual({ reason: 'early-expiry', newTokensForRequest: 2, newTokensForExecution: 2 });
		const shown = kit.toNodeError(error);
		expect(shown.message).toBe('Test refused its access tokens before their stated lifetime ended (HTTP 401)');
		expect(shown.description).toMatch(/credential is accepted.*at most 2 per request and 10 per execution/);
	});

	it(`fetches at most ${MAX_NEW_TOKENS_PER_EXECUTION} new tokens per execution`, async () => {
		await getAccessToken(config());
		const session = new TokenSession(config(), new ClientKit({ node: NODE, platform: 'Test' }));
		let failures = 0;
		for (let request = 0; request < 8; request++) {
			await session
				.run(async () => {
					throw diedLater();
				})
				.catch(() => failures++);
		}
		expect(failures).toBe(8);
		expect(issued).toBe(1 + MAX_NEW_TOKENS_PER_EXECUTION);
	});

	it('registers every token it uses in the kit secret set, a cached one too', async () => {
		const cached = await getAccessToken(config());
		const kit = new ClientKit({ node: NODE, platform: 'Test' });
		await new TokenSession(config(), kit).run(async () => 'ok');
		expect(kit.secrets.redact(`token ${cached.accessToken}`)).toBe('token [redacted]');
	});
});

describe('describeTokenFailure', () => {
	const refusal = (status: number, code?: string, message?: string) => {
		const error = new TransportError({ kind: 'http', status, message: `POST answered HTTP ${status}`, method: 'POST', url: 'https://auth.test/token' });
		if (code) error.platformCode = code;
		if (message) error.platformMessage = message;
		return error;
	};
	const wording = { platform: 'Test', checkClient: 'Check the client.' };

	it('says when a replayed assertion was refused', () => {
		expect(describeTokenFailure(refusal(401, 'invalid_client', 'jti already used: replayed assertion'), wording).message).toBe(
			'Test token endpoint refused a replayed client assertion (HTTP 401): invalid_client (jti already used: replayed assertion)',
		);
	});

	it('sends a 404 to the Token URL, an invalid_request to the Token URL query and Scopes', () => {
		expect(describeTokenFailure(refusal(404), wording).description).toMatch(/^Check the Token URL/);
		expect(describeTokenFailure(refusal(400, 'invalid_request'), wording).description).toMatch(/query string.*Scopes/);
		expect(describeTokenFailure(refusal(401, 'invalid_client'), wording).description).toBe('Check the client.');
	});
});
