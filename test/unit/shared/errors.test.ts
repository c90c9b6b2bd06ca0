import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	invalidParameter,
	redactError,
	SecretSet,
	toNodeApiError,
	toNodeError,
	TransportError,
	type TransportErrorInit,
} from '../../../nodes/shared/errors';

const node: INode = {
	id: 'n1',
	name: 'Evalytics',
	type: 'n8n-nodes-edu.evalytics',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const SECRET = 'p@ss word/with+chars';

/** Every way n8n can show or store an error: message, stack, own fields spread, and its JSON. */
function everythingIn(error: Error): string {
	const spread = { ...error } as Record<string, unknown>;
	delete spread.node;
	return [error.message, error.stack, JSON.stringify(spread), JSON.stringify(error)].join('\n');
}

function expectNoSecret(text: string, secret = SECRET): void {
	expect(text).not.toContain(secret);
	expect(text).not.toContain(encodeURIComponent(secret));
	expect(text).not.toContain(Buffer.from(secret).toString('base64'));
	expect(text).not.toContain(Buffer.from(secret).toString('base64url'));
}

function transportError(init: Partial<TransportErrorInit> = {}): TransportError {
	return new TransportError({ kind: 'http', message: 'GET https://api.test/x answered HTTP 404', method: 'GET', url: 'https://api.test/x', ...init });
}

describe('SecretSet', () => {
	it('registers raw, URL-encoded and base64 forms and ignores empty or short values', () => {
		const secrets = new SecretSet().add(SECRET, '', undefined, null, 'abc', '   ');
		const forms = [SECRET, encodeURIComponent(SECRET), Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('base64url')];
		for (const form of forms) expect(secrets.redact(`x ${form} y`)).toBe('x [redacted] y');
		expect(secrets.redact('abc and short')).toBe('abc and short');
		expect(secrets.size).toBeGreaterThanOrEqual(4);
		expect(new SecretSet().add('', 'abc').size).toBe(0);
	});

	it('redacts form-encoded (+ for space) and lower-case percent escapes', () => {
		const secrets = new SecretSet().add(SECRET);
		expect(secrets.redact(`client_secret=${new URLSearchParams({ s: SECRET }).toString().slice(2)}`)).toBe('client_secret=[redacted]');
		expect(secrets.redact(encodeURIComponent(SECRET).toLowerCase())).not.toContain('p%40ss');
	});

	it('redacts a whole Basic header value that a caller adds', () => {
		const header = `Basic ${Buffer.from(`client:${SECRET}`).toString('base64')}`;
		const secrets = new SecretSet().add(SECRET, header);
		expect(secrets.redact(`authorization: ${header}`)).toBe('authorization: [redacted]');
	});

	it('replaces a longer secret whole even when it contains a shorter one', () => {
		const secrets = new SecretSet().add('token', 'token-extended-value');
		expect(secrets.redact('token-extended-value')).toBe('[redacted]');
	});

	it('redactDeep copies objects and arrays with every string redacted, and survives cycles', () => {
		const secrets = new SecretSet().add(SECRET);
		const input: Record<string, unknown> = { a: SECRET, list: [1, `x${SECRET}`, { deep: SECRET }], n: 3, nil: null, [SECRET]: 'key' };
		input.self = input;
		const output = secrets.redactDeep(input);
		expect(output).not.toBe(input);
		expect(output.a).toBe('[redacted]');
		expect(output.list).toEqual([1, 'x[redacted]', { deep: '[redacted]' }]);
		expect(output['[redacted]']).toBe('key');
		expect(output.self).toBe(output);
		expect(input.a).toBe(SECRET);
		expect(secrets.redactDeep(`${SECRET}!`)).toBe('[redacted]!');
	});
});

describe('redactError', () => {
	it('scrubs a NodeApiError: message, description, messages, errorResponse, context and stack', () => {
		const secrets = new SecretSet().add(SECRET);
		const error = new NodeApiError(node, { message: `bad ${SECRET}`, detail: SECRET }, { message: `m ${SECRET}`, description: `d ${SECRET}`, httpCode: '400' });
		error.context.data = { echoed: SECRET };
		expect(everythingIn(error)).toContain(SECRET);
		expect(redactError(error, secrets)).toBe(error);
		expectNoSecret(everythingIn(error));
		expect(error.message).toBe('m [redacted]');
	});

	it('scrubs a NodeOperationError and the Error it wraps, and a cause chain', () => {
		const secrets = new SecretSet().add(SECRET);
		const inner = new Error(`inner ${SECRET}`, { cause: new Error(`root ${SECRET}`) });
		const error = new NodeOperationError(node, inner, { description: SECRET });
		redactError(error, secrets);
		redactError(inner, secrets);
		expectNoSecret(everythingIn(error));
		expectNoSecret(everythingIn(inner));
		expectNoSecret(String((inner.cause as Error).message));
	});

	it('leaves non-errors usable', () => {
		const secrets = new SecretSet().add(SECRET);
		expect(redactError(`text ${SECRET}`, secrets)).toBe('text [redacted]');
		expect(redactError(42, secrets)).toBe(42);
		expect(redactError(undefined, secrets)).toBeUndefined();
	});
});

describe('toNodeApiError', () => {
	const secrets = new SecretSet().add(SECRET);
	const options = { secrets, platform: 'Evalytics', itemIndex: 3 };

	it('passes the HTTP status explicitly and keeps the error response small', () => {
		const error = transportError({ status: 404, body: { errorCode: '3f0a9c1e-uuid', userMessage: 'Not found' } });
		error.platformCode = '3f0a9c1e-uuid';
		error.platformMessage = 'User does not exist';
		const apiError = toNodeApiError(node, error, options);
		expect(apiError).toBeInstanceOf(NodeApiError);
		expect(apiError.httpCode).toBe('404');
		expect(apiError.message).toBe('Evalytics refused the request (HTTP 404): User does not exist');
		expect(apiError.description).toContain('3f0a9c1e-uuid');
		expect(apiError.context.itemIndex).toBe(3);
		expect(apiError.errorResponse).toEqual({ kind: 'http', status: 404, code: '3f0a9c1e-uuid', message: apiError.message });
	});

	it('says a 429 was rate limited and how often it was retried', () => {
		const apiError = toNodeApiError(node, transportError({ status: 429, attempts: 4, retryAfterMs: 2000 }), options);
		expect(apiError.httpCode).toBe('429');
		expect(apiError.message).toBe('Evalytics rate limited the request (HTTP 429) (retried 3 times)');
		expect(apiError.description).toContain('asked to wait 2 s');
	});

	it('words a 5xx as a server error', () => {
		const apiError = toNodeApiError(node, transportError({ status: 503, attempts: 2 }), options);
		expect(apiError.message).toBe('Evalytics had a server error (HTTP 503) (retried 1 time)');
		expect(apiError.httpCode).toBe('503');
	});

	it('words network, timeout, decode and aborted failures and has no HTTP code for them', () => {
		const network = toNodeApiError(node, transportError({ kind: 'network', code: 'ECONNRESET', message: 'GET https://api.test/x failed: read ECONNRESET', attempts: 4 }), options);
		expect(network.message).toBe('Could not reach Evalytics at api.test: the connection was reset (retried 3 times)');
		expect(network.description).toContain('ECONNRESET');
		expect(network.httpCode).toBeNull();
		const timeout = toNodeApiError(node, transportError({ kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' }), options);
		expect(timeout.message).toBe('Evalytics at api.test timed out: no answer arrived in time');
		expect(timeout.httpCode).toBeNull();
		const decode = toNodeApiError(node, transportError({ kind: 'decode', status: 200, message: 'GET https://api.test/x answered HTTP 200 with malformed or truncated JSON (12 bytes)' }), options);
		expect(decode.message).toBe('Evalytics answered with malformed JSON');
		expect(decode.description).toContain('12 bytes');
		expect(decode.httpCode).toBeNull();
		expect(toNodeApiError(node, transportError({ kind: 'aborted' }), options).message).toBe('The request to Evalytics was cancelled');
	});

	it('uses the platform\'s own message and description when given', () => {
		const apiError = toNodeApiError(node, transportError({ status: 401 }), { ...options, message: 'The API key was refused', description: 'Check the key' });
		expect(apiError.message).toBe('The API key was refused');
		expect(apiError.description).toBe('Check the key');
		expect(apiError.httpCode).toBe('401');
	});

	it('redacts secrets that reached the transport error', () => {
		const error = transportError({ status: 400, url: `https://api.test/x?key=${encodeURIComponent(SECRET)}`, body: { echo: SECRET } });
		error.platformMessage = `Key ${SECRET} is invalid`;
		error.platformCode = SECRET;
		const apiError = toNodeApiError(node, error, { ...options, description: `see ${SECRET}` });
		expectNoSecret(everythingIn(apiError));
		expect(apiError.message).toContain('Key [redacted] is invalid');
	});
});

describe('invalidParameter', () => {
	it('names the field, what is allowed and the item', () => {
		const error = invalidParameter(node, { field: 'Email', itemIndex: 2, message: 'is not an e-mail address', allowed: 'an address like name@school.nl' });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Email: is not an e-mail address');
		expect(error.description).toBe('Allowed: an address like name@school.nl. Item 2, field "Email".');
		expect(error.context.itemIndex).toBe(2);
	});

	it('does not repeat a field the message already names', () => {
		expect(invalidParameter(node, { field: 'Limit', itemIndex: 0, message: 'Limit must be 1 to 500' }).message).toBe('Limit must be 1 to 500');
	});
});

describe('toNodeError', () => {
	it('passes n8n errors through with the item index stamped', () => {
		const original = new NodeOperationError(node, 'bad');
		expect(toNodeError(node, original, 4)).toBe(original);
		expect(original.context.itemIndex).toBe(4);
	});

	it('wraps other errors and values in a NodeOperationError', () => {
		const wrapped = toNodeError(node, new TypeError('boom'), 1);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('boom');
		expect(wrapped.context.itemIndex).toBe(1);
		expect(toNodeError(node, 'plain').message).toBe('plain');
	});

	it('turns a stray TransportError into a NodeApiError', () => {
		const wrapped = toNodeError(node, transportError({ status: 409 }), 0);
		expect(wrapped).toBeInstanceOf(NodeApiError);
		expect((wrapped as NodeApiError).httpCode).toBe('409');
	});
});
