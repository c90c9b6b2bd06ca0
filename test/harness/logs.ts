import { AsyncLocalStorage } from 'node:async_hooks';

import { Logger } from '@n8n/backend-common';
import { GlobalConfig, InstanceSettingsConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import type { LogMetadata } from 'n8n-workflow';

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

/** Every line logged in this test file, in order. */
export const allLogs: LogLine[] = [];

/** The lines of the run (workflow, poll, credential test …) whose async context logged them. */
const runLogs = new AsyncLocalStorage<LogLine[]>();

function capture(level: string, message: string, meta?: LogMetadata): void {
	const line: LogLine = meta === undefined ? { level, message } : { level, message, meta };
	allLogs.push(line);
	runLogs.getStore()?.push(line);
}

/**
 * n8n-core hands nodes `Container.get(Logger)` as `this.logger`, and the engine logs through
 * `LoggerProxy`; both end here. Every level is kept (debug too), so a test can prove that no
 * secret reaches any log line, whatever N8N_LOG_LEVEL a real instance runs with.
 */
export class CapturingLogger extends Logger {
	constructor() {
		super(Container.get(GlobalConfig), Container.get(InstanceSettingsConfig), { isRoot: false });
	}

	override error(message: string, metadata?: LogMetadata): void {
		capture('error', message, metadata);
	}

	override warn(message: string, metadata?: LogMetadata): void {
		capture('warn', message, metadata);
	}

	override info(message: string, metadata?: LogMetadata): void {
		capture('info', message, metadata);
	}

	override debug(message: string, metadata?: LogMetadata): void {
		capture('debug', message, metadata);
	}

	override scoped(): Logger {
		return this;
	}
}

/** Runs `fn`, collecting the lines logged from its async context into the returned array. */
export async function withRunLogs<T>(fn: () => Promise<T>): Promise<{ value: T; logs: LogLine[] }> {
	const logs: LogLine[] = [];
	const value = await runLogs.run(logs, fn);
	return { value, logs };
}

/**
 * Flattens anything (log metadata, errors with their description/cause/context, run data) into
 * one string, so a test can search it for a secret — raw, URL-encoded or base64.
 */
export function searchableText(value: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const walk = (node: unknown, depth: number): void => {
		if (node === null || node === undefined || typeof node === 'function' || depth > 20) return;
		if (typeof node !== 'object') {
			parts.push(String(node));
			return;
		}
		if (seen.has(node)) return;
		seen.add(node);
		if (Buffer.isBuffer(node)) {
			parts.push(node.toString('utf8'));
			return;
		}
		// Own properties, enumerable or not: errors keep description, cause and context there.
		for (const key of Object.getOwnPropertyNames(node)) {
			parts.push(key);
			walk((node as Record<string, unknown>)[key], depth + 1);
		}
	};
	walk(value, 0);
	return parts.join('\n');
}

/**
 * Whether a secret appears anywhere in `value`: raw, URL-encoded, or inside any base64 token
 * (a Basic header encodes `user:secret`, so the secret's own base64 would not match).
 */
export function leaksSecret(value: unknown, secret: string): boolean {
	const text = searchableText(value);
	if (text.includes(secret) || text.includes(encodeURIComponent(secret))) return true;
	for (const token of text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
		const decoded = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
		if (decoded.includes(secret)) return true;
	}
	return false;
}
