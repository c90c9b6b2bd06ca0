import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../../simulators/common/faults';
import type { EvalyticsSimulator } from '../../simulators/evalytics';
import { NODE_NAME, runEvalytics, startSimulator } from './setup';

/** A recognisable key; every form it could leak in is searched for. */
const SECRET = 'SeCrEt-Evalytics-Key-7f3a9c2e';
const FORMS = [
	SECRET,
	encodeURIComponent(SECRET),
	Buffer.from(SECRET).toString('base64'),
	Buffer.from(SECRET).toString('base64url'),
	Buffer.from(`apikey:${SECRET}`).toString('base64'),
];

/** Faults whose answers even echo the key back, as a careless platform or proxy might. */
const echoing = (status: number): Fault => ({
	kind: 'status',
	status,
	body: {
		userMessage: `Request with api-key ${SECRET} failed (${encodeURIComponent(SECRET)} / ${Buffer.from(SECRET).toString('base64')})`,
		errorCode: '4988f6c0-df89-4200-9e27-e0025d0bd68a',
		context: [{ header: `api-key: ${SECRET}` }],
	},
});

const MATRIX: Array<[string, Fault | undefined]> = [
	['401 from a wrong key', undefined],
	['400 echoing the key', echoing(400)],
	['422 echoing the key', echoing(422)],
	['500 echoing the key', echoing(500)],
	['429 echoing the key', { ...echoing(429), retryAfter: '0' } as Fault],
	['a reset', { kind: 'reset' }],
	['malformed JSON', { kind: 'malformed' }],
	['a truncated body', { kind: 'truncated' }],
];

describe('Evalytics › secrets never leak', () => {
	let sim: EvalyticsSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ apiKeys: { [SECRET]: { organisations: 'all' } } });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.faults.clear());

	function assertClean(label: string, value: unknown) {
		const text = typeof value === 'string' ? value : JSON.stringify(value);
		for (const form of FORMS) {
			if (text.includes(form)) throw new Error(`${label} contains the secret (${form.slice(0, 6)}…): ${text.slice(0, 300)}`);
		}
	}

	function errorText(error: unknown): string {
		if (!error || typeof error !== 'object') return String(error);
		const record = error as IDataObject & { cause?: unknown; stack?: string };
		return JSON.stringify({
			message: record.message,
			description: record.description,
			context: record.context,
			cause: record.cause,
			stack: record.stack,
			errorResponse: record.errorResponse,
			json: error,
		});
	}

	it.each(MATRIX)('%s: not in the error, its cause, the logs or the output (read and write)', async (label, fault) => {
		// Without a fault the key itself is wrong (it still contains the recognisable secret).
		const credentials = { apiKey: fault ? SECRET : `${SECRET}-wrong` };
		for (const parameters of [
			{ operation: 'getAll', returnAll: false, limit: 2 },
			{ operation: 'create', email: 'geheim@hogeschool-demo.nl', firstName: 'G', lastName: 'H', roles: { role: [{ organisation: 101, role: 5 }] } },
		]) {
			if (fault) sim.faults.add({ fault, times: 5 });
			for (const continueOnFail of [false, true]) {
				const result = await runEvalytics(sim, parameters, { credentials, continueOnFail });
				assertClean(`${label} error`, errorText(result.error));
				assertClean(`${label} node error`, errorText(result.nodeError(NODE_NAME)));
				assertClean(`${label} logs`, JSON.stringify(result.logs));
				assertClean(`${label} output`, JSON.stringify(result.runData));
				expect(result.status === 'error' || continueOnFail).toBe(true);
			}
			sim.faults.clear();
		}
	});
});
