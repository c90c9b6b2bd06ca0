import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TransportError } from '../../../nodes/shared/errors';
import { runPerItem, type PerItemContext } from '../../../nodes/shared/items';

const node: INode = {
	id: 'node-1',
	name: 'Evalytics',
	type: 'n8n-nodes-edu.evalytics',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * Node tests never hand-build an execute context; runPerItem is a pure helper that uses only these three
 * methods (its `PerItemContext` type says so), so this typed stub is the whole of what it can see.
 */
function stubContext(itemCount: number, continueOnFail = false): PerItemContext {
	const items: INodeExecutionData[] = Array.from({ length: itemCount }, (_, index) => ({ json: { index } }));
	return { getInputData: () => items, getNode: () => node, continueOnFail: () => continueOnFail };
}

describe('runPerItem results', () => {
	it('wraps plain objects and arrays, pairing every output item with its input', async () => {
		const output = await runPerItem(stubContext(3), async (i) => (i === 1 ? [{ a: 1 }, { a: 2 }] : { i }));
		expect(output).toEqual([
			{ json: { i: 0 }, pairedItem: { item: 0 } },
			{ json: { a: 1 }, pairedItem: { item: 1 } },
			{ json: { a: 2 }, pairedItem: { item: 1 } },
			{ json: { i: 2 }, pairedItem: { item: 2 } },
		]);
	});

	it('keeps binary and an existing pairedItem of n8n items, and emits nothing for undefined', async () => {
		const binary = { data: { data: 'AA==', mimeType: 'application/zip' } };
		const output = await runPerItem(stubContext(3), async (i) => {
			if (i === 0) return { json: { file: true }, binary };
			if (i === 1) return [{ json: { x: 1 }, pairedItem: { item: 0 } }];
			return undefined;
		});
		expect(output).toEqual([
			{ json: { file: true }, binary, pairedItem: { item: 0 } },
			{ json: { x: 1 }, pairedItem: { item: 0 } },
		]);
	});

	it('takes a Return All of 300,000 records from one item (a large district\'s enrollments) without overflowing the stack', async () => {
		const records = Array.from({ length: 300_000 }, (_, id) => ({ id }));
		const output = await runPerItem(stubContext(2), async (i) => (i === 0 ? records : { last: true }));
		expect(output).toHaveLength(300_001);
		expect(output[299_999]).toEqual({ json: { id: 299_999 }, pairedItem: { item: 0 } });
		expect(output[300_000]).toEqual({ json: { last: true }, pairedItem: { item: 1 } });
	});

	it('treats a record that merely has a json field as data', async () => {
		const record: IDataObject = { json: { nested: 1 }, id: 7 };
		const output = await runPerItem(stubContext(1), async () => record);
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	it('runs the items one after the other', async () => {
		const events: string[] = [];
		await runPerItem(stubContext(3), async (i) => {
			events.push(`start ${i}`);
			await new Promise((resolve) => setImmediate(resolve));
			events.push(`end ${i}`);
			return {};
		});
		expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
	});
});

async function rejection<E>(run: Promise<unknown>): Promise<E> {
	return await run.then(
		() => {
			throw new Error('expected runPerItem to throw');
		},
		(caught: unknown) => caught as E,
	);
}

describe('runPerItem errors', () => {
	async function thrown(error: unknown, itemIndex = 1): Promise<Error> {
		return await rejection<Error>(
			runPerItem(stubContext(3), async (i) => {
				if (i === itemIndex) throw error;
				return {};
			}),
		);
	}

	it('stamps the item index on n8n errors that lack it and keeps one that is set', async () => {
		const api = new NodeApiError(node, { message: 'x' }, { httpCode: '404', message: 'Not found' });
		expect(((await thrown(api)) as NodeApiError).context.itemIndex).toBe(1);
		const operation = new NodeOperationError(node, 'Bad', { itemIndex: 0 });
		expect(((await thrown(operation, 2)) as NodeOperationError).context.itemIndex).toBe(0);
	});

	it('wraps other errors and thrown values in a NodeOperationError with the item index', async () => {
		const wrapped = (await thrown(new TypeError('x is undefined'))) as NodeOperationError;
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('x is undefined');
		expect(wrapped.context.itemIndex).toBe(1);
		const fromString = (await thrown('plain text')) as NodeOperationError;
		expect(fromString).toBeInstanceOf(NodeOperationError);
		expect(fromString.context.itemIndex).toBe(1);
	});

	it('turns a TransportError into a NodeApiError with its HTTP code', async () => {
		const transport = new TransportError({ kind: 'http', message: 'HTTP 503', method: 'GET', url: 'https://x.example/u', status: 503 });
		const error = (await thrown(transport)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('503');
		expect(error.context.itemIndex).toBe(1);
	});

	it('with Continue On Fail emits a paired error item and goes on', async () => {
		const output = await runPerItem(stubContext(3, true), async (i) => {
			if (i === 1) throw new NodeOperationError(node, 'E-mail: "x" is not valid', { description: 'Allowed: name@school.example' });
			return { ok: i };
		});
		expect(output).toEqual([
			{ json: { ok: 0 }, pairedItem: { item: 0 } },
			{
				json: { error: 'E-mail: "x" is not valid', description: 'Allowed: name@school.example' },
				// n8n's engine routes items carrying `error` to the error output ("Continue (using error output)").
				error: expect.any(NodeOperationError),
				pairedItem: { item: 1 },
			},
			{ json: { ok: 2 }, pairedItem: { item: 2 } },
		]);
		const bare = await runPerItem(stubContext(1, true), async () => {
			throw new Error('boom');
		});
		expect(bare).toEqual([{ json: { error: 'boom' }, error: expect.any(NodeOperationError), pairedItem: { item: 0 } }]);
	});

	it('redacts every error text, emitted or rethrown', async () => {
		const secret = 'sk-live-1234';
		const redact = (text: string) => text.split(secret).join('[redacted]');
		const make = () =>
			new NodeApiError(node, { message: `raw ${secret}`, detail: { token: secret } }, {
				httpCode: '401',
				message: `Rejected key ${secret}`,
				description: `Check ${secret}`,
			});

		const emitted = await runPerItem(stubContext(1, true), async () => {
			throw make();
		}, { redact });
		expect(JSON.stringify(emitted)).not.toContain(secret);
		expect(emitted[0].json).toEqual({ error: 'Rejected key [redacted]', description: 'Check [redacted]' });

		const rethrown = await rejection<NodeApiError>(
			runPerItem(stubContext(1), async () => {
				throw make();
			}, { redact }),
		);
		expect(rethrown.message).toBe('Rejected key [redacted]');
		for (const text of [rethrown.description, rethrown.stack, JSON.stringify(rethrown), JSON.stringify({ ...rethrown }), rethrown.messages.join()]) {
			expect(text).not.toContain(secret);
		}

		const plain = await rejection<NodeOperationError>(
			runPerItem(stubContext(1), async () => {
				throw new Error(`failed with ${secret}`);
			}, { redact }),
		);
		expect(plain.message).toBe('failed with [redacted]');
		expect(plain.stack).not.toContain(secret);
	});
});
