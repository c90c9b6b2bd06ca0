/**
 * Smartschool lets startSkoreSync run once per 15 minutes per platform (ref §3, §6.11). The node keeps the last
 * start in two places and checks both BEFORE sending: a module-level map per platform (every workflow of this n8n
 * process) and the workflow's global static data (survives restarts; n8n saves it after production runs).
 * Keys are a hash of the platform URL, so no address is stored in the workflow.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const SKORE_INTERVAL_MS = 15 * 60_000;
const STATIC_KEY = 'smartschoolSkoreSyncStarts';
const starts = new Map<string, number>();

function platformKey(platformUrl: string): string {
	return createHash('sha256').update(platformUrl).digest('base64url').slice(0, 16);
}

function stored(context: IExecuteFunctions): IDataObject {
	const data = context.getWorkflowStaticData('global');
	const entry = data[STATIC_KEY];
	if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) return entry as IDataObject;
	const fresh: IDataObject = {};
	data[STATIC_KEY] = fresh;
	return fresh;
}

/** The last known start (ms) for this platform, from either memory. */
function lastStart(context: IExecuteFunctions, platformUrl: string): number | undefined {
	const key = platformKey(platformUrl);
	const fromStatic = Date.parse(String(stored(context)[key] ?? ''));
	const times = [starts.get(key), Number.isNaN(fromStatic) ? undefined : fromStatic].filter((time): time is number => time !== undefined);
	return times.length ? Math.max(...times) : undefined;
}

/** Throws a NodeOperationError saying when the sync may run again, if the last start is under 15 minutes ago. */
export function assertSkoreSyncAllowed(context: IExecuteFunctions, platformUrl: string, itemIndex: number, now = Date.now()): void {
	const last = lastStart(context, platformUrl);
	if (last === undefined || now - last >= SKORE_INTERVAL_MS) return;
	const next = new Date(last + SKORE_INTERVAL_MS);
	const minutes = Math.ceil((last + SKORE_INTERVAL_MS - now) / 60_000);
	throw new NodeOperationError(
		context.getNode(),
		`Skore sync may run again at ${next.toISOString()} (in ${minutes} minute${minutes === 1 ? '' : 's'})`,
		{
			itemIndex,
			description: `Smartschool allows startSkoreSync once per 15 minutes per platform; it was last started at ${new Date(last).toISOString()}. Nothing was sent. Use Check Status with the job's service ID to follow the running sync.`,
		},
	);
}

export function recordSkoreSyncStart(context: IExecuteFunctions, platformUrl: string, at = Date.now()): void {
	const key = platformKey(platformUrl);
	starts.set(key, at);
	stored(context)[key] = new Date(at).toISOString();
}
