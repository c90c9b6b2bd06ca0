/** A tiny fetch client for talking to the simulator in tests (no jest imports: it is compiled with the rest). */
import { DEFAULT_API_KEY } from './index';

export interface CallOptions {
	method?: string;
	/** Repeated keys as arrays; `organisation` defaults to '100' unless set to null. */
	query?: Record<string, string | number | boolean | Array<string | number> | null>;
	body?: unknown;
	/** null sends no api-key header. */
	apiKey?: string | null;
}

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON, or undefined when the body is empty. */
	json: unknown;
}

export async function callSimulator(baseUrl: string, path: string, options: CallOptions = {}): Promise<CallResult> {
	const url = new URL(path, baseUrl);
	const query = { organisation: '100', ...options.query };
	for (const [key, value] of Object.entries(query)) {
		if (value === null || value === undefined) continue;
		for (const single of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(single));
	}
	const headers: Record<string, string> = { accept: 'application/json' };
	const apiKey = options.apiKey === undefined ? DEFAULT_API_KEY : options.apiKey;
	if (apiKey !== null) headers['api-key'] = apiKey;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}
