/**
 * The few calls of n8n 2.8.4's internal REST API (`/rest`, what the editor uses) that `npm start` and the
 * end-to-end suite need: set up the owner, log in, read execution records. Session = the `n8n-auth`
 * cookie issued by /owner/setup or /login.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { N8nInstall } from './n8n';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	/** n8n's rule: 8–64 characters with at least one digit and one capital. */
	password: string;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

/** The parts of `IRunExecutionData` the tests read. */
export interface RunData {
	resultData: {
		runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
		error?: { message?: string; description?: string };
		lastNodeExecuted?: string;
	};
}

export interface ExecutionDetail extends ExecutionSummary {
	data: RunData;
}

export class N8nRestError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export class N8nRestClient {
	private cookie = '';

	/** `install` lends n8n's own `flatted`, the format execution data is stored and served in. */
	constructor(
		readonly baseUrl: string,
		private readonly install: N8nInstall,
	) {}

	/** Creates the owner on a fresh instance; on one that has an owner already, logs in instead. */
	async setupOwner(owner: OwnerAccount): Promise<'created' | 'existing'> {
		try {
			await this.call('POST', '/rest/owner/setup', owner);
			return 'created';
		} catch (error) {
			if (!(error instanceof N8nRestError) || error.status !== 400) throw error;
			await this.login(owner.email, owner.password);
			return 'existing';
		}
	}

	async login(email: string, password: string): Promise<void> {
		await this.call('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Newest first, finished and running, up to 100. */
	async listExecutions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.call<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
		return page.results;
	}

	async getExecution(id: string): Promise<ExecutionDetail> {
		const raw = await this.call<ExecutionSummary & { data: string }>('GET', `/rest/executions/${id}`);
		const flatted = createRequire(join(this.install.dir, 'node_modules', 'n8n', 'package.json'))('flatted') as {
			parse: (text: string) => unknown;
		};
		return { ...raw, data: flatted.parse(raw.data) as RunData };
	}

	async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) {
			let message = text.slice(0, 500);
			try {
				message = (JSON.parse(text) as { message?: string }).message ?? message;
			} catch {
				// not JSON
			}
			throw new N8nRestError(response.status, `${method} ${path}: HTTP ${response.status} ${message}`);
		}
		return (JSON.parse(text) as { data: T }).data;
	}
}

/** The items a node emitted on its first output in its last run. */
export function nodeOutput(run: RunData, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`Node "${nodeName}" did not run; ran: ${Object.keys(run.resultData.runData).join(', ')}`);
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((item) => item.json);
}
