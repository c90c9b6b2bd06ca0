import type { INodeParameters } from 'n8n-workflow';

import { leaksSecret } from '../../harness';
import type { Fault } from '../../simulators/common/faults';
import type { SmartschoolSimulator } from '../../simulators/smartschool';
import type { RunResult } from '../../harness';
import { byId, NODE_NAME, runSmartschool, startSimulator, type RunOptions } from './setup';

/** Recognisable secrets: the credential's access code and a password set through the node. */
const ACCESS = 'SeCrEt-Smartschool-Code-4b7e1d';
const PASSWORD = 'Pw-Geheim&<Sleutel>-9c2f';

/** Every form either could take on the wire or in a message: raw, XML-escaped, URL-encoded, base64. */
const forms = (secret: string) => [
	secret,
	secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
	encodeURIComponent(secret),
	Buffer.from(secret).toString('base64'),
];

/** Answers that echo both secrets back, as a careless platform, proxy or PHP fatal error might. */
const echo = `accesscode=${ACCESS} password=${PASSWORD} ${forms(PASSWORD)[1]}`;
const HTTP_FAULTS: Array<[string, Fault]> = [
	['an HTML 500 echoing the request', { kind: 'status', status: 500, body: `<html><body>${echo}</body></html>`, contentType: 'text/html' }],
	['a 502 from a proxy', { kind: 'status', status: 502, body: echo, contentType: 'text/plain' }],
	['a reset', { kind: 'reset' }],
	['a 200 that is not SOAP', { kind: 'malformed', body: `<html>${echo}</html>`, contentType: 'text/html' }],
];

describe('Smartschool › secrets never leak (access code, passwords set through the node)', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ accessCode: ACCESS });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		sim.faults.clear();
		sim.soapFaults.clear();
	});

	const username = () => [...sim.state.accounts.values()][0].username;
	/** Each job with the secrets it sends: the read knows only the access code. */
	const jobs = (): Array<[string, INodeParameters, string[]]> => [
		['Get Many (read)', { operation: 'getAll', returnAll: false, limit: 2 }, [ACCESS]],
		[
			'Set Password (write)',
			{ operation: 'setPassword', user: byId(username()), password: '={{ $json.pw }}', accountType: 0 },
			[ACCESS, PASSWORD],
		],
		[
			'Create (write with passwords)',
			{
				operation: 'create',
				username: 'geheim.test',
				password: '={{ $json.pw }}',
				firstName: 'Ge',
				lastName: 'Heim',
				role: 'andere',
				additionalFields: { coAccount1Password: '={{ $json.pw }}' },
			},
			[ACCESS, PASSWORD],
		],
	];

	const run = async (parameters: INodeParameters, options: RunOptions = {}) =>
		await runSmartschool(sim, parameters, {
			inputItems: [{ pw: PASSWORD }],
			...options,
			credentials: { accessCode: ACCESS, ...options.credentials },
		});

	/**
	 * What the node produced: its output, its error (message, description, cause, context…) and every log line.
	 * Not searched: the input item that brings the password in, and the node's own definition (`node`) that errors
	 * and n8n's logs carry — a password typed literally into the node is stored there by n8n, as the workflow holds it.
	 */
	const withoutNodeDefinition = (_key: string, value: unknown) =>
		value && typeof value === 'object' && 'parameters' in value && 'type' in value ? undefined : value;

	async function assertClean(label: string, secrets: string[], execute: () => Promise<RunResult>) {
		const result = await execute();
		const produced = JSON.parse(
			JSON.stringify(
				{ error: result.error, nodeError: result.nodeError(NODE_NAME), logs: result.logs, runData: result.runData[NODE_NAME] },
				withoutNodeDefinition,
			),
		) as unknown;
		const text = JSON.stringify(produced);
		for (const secret of secrets) {
			for (const form of forms(secret)) {
				if (text.includes(form)) throw new Error(`${label} shows ${form.slice(0, 6)}…: ${text.slice(0, 400)}`);
			}
			expect(leaksSecret(produced, secret)).toBe(false);
		}
		return result;
	}

	it.each(HTTP_FAULTS)('%s', async (label, fault) => {
		for (const [job, parameters, secrets] of jobs()) {
			for (const continueOnFail of [false, true]) {
				sim.faults.add({ fault, times: 10 });
				await assertClean(`${label}, ${job}, continueOnFail ${continueOnFail}`, secrets, async () => await run(parameters, { continueOnFail }));
				sim.faults.clear();
			}
		}
	});

	it('a SOAP Fault whose text echoes both secrets', async () => {
		for (const [job, parameters, secrets] of jobs()) {
			sim.soapFaults.add({ faultstring: echo, times: Infinity });
			await assertClean(`SOAP fault, ${job}`, secrets, async () => await run(parameters));
			sim.soapFaults.clear();
		}
	});

	it('a wrong access code (code 8) and a refused password (code 4)', async () => {
		for (const [job, parameters, secrets] of jobs()) {
			const result = await assertClean(`code 8, ${job}`, secrets, async () => await run(parameters, { credentials: { accessCode: `${ACCESS}-wrong` } }));
			expect(result.nodeError(NODE_NAME)?.message).toMatch(/code 8/);
		}
		// Too short for the platform's rules: refused with code 4, and the refused password is not shown either.
		const weak = await assertClean('code 4', ['Pw-Gehe'], async () =>
			await run({ operation: 'setPassword', user: byId(username()), password: 'Pw-Gehe', accountType: 0 }),
		);
		expect(weak.nodeError(NODE_NAME)?.message).toMatch(/code 4/);
		expect(JSON.stringify(weak.nodeError(NODE_NAME), withoutNodeDefinition)).not.toContain('Pw-Gehe');
	});

	it('a successful Set Password and Create never put a password in the output or the logs', async () => {
		for (const [job, parameters, secrets] of jobs().slice(1)) {
			const result = await assertClean(job, secrets, async () => await run(parameters));
			expect(result.status).toBe('success');
		}
	});
});
