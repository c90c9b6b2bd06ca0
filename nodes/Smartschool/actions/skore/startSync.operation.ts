import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions, type INode, type JsonObject } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { assertSkoreSyncAllowed, recordSkoreSyncStart, SKORE_INTERVAL_MS } from './syncGuard';

const show = { resource: ['skore'], operation: ['startSync'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName:
			'Smartschool allows one Skore sync per 15 minutes per platform. The node remembers the last start per platform (in this n8n process and in the workflow\'s static data) and refuses an earlier start without sending it.',
		name: 'skoreNotice',
		type: 'notice',
		default: '',
	},
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The job id in startSkoreSync's JSON: a bare string or an object holding it (the exact shape is unverified). */
function serviceIdOf(decoded: unknown): string | undefined {
	if (typeof decoded === 'string' && decoded.trim() !== '') return decoded.trim();
	if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) return undefined;
	const record = decoded as IDataObject;
	for (const key of ['serviceId', 'uuid', 'id', 'jobId']) if (typeof record[key] === 'string') return record[key] as string;
	return Object.values(record).find((value): value is string => typeof value === 'string' && UUID.test(value));
}

/**
 * Smartschool's answer to a start within 15 minutes is undocumented (the simulator tries 10 and others), and a
 * start made elsewhere (another n8n, Smartschool itself) is outside the node's memory: say so on any Smartschool
 * code but a wrong access code (8) or Skore being off (50); transport failures keep their own advice.
 */
function withTooSoonHint(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) {
		const code = /\(code (\d+)\)$/.exec(error.message)?.[1];
		if (code !== undefined && code !== '8' && code !== '50') {
			error.description = `${error.description ?? ''} If the Skore sync was started elsewhere in the last 15 minutes, Smartschool refuses a new start; wait and try again, or follow the running job with Check Status.`.trim();
		}
		return error;
	}
	return error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error, { itemIndex });
}

/** startSkoreSync: starts the Smartschool → Skore sync job; Check Status follows it by the service ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const platformUrl = client.credentials.platformUrl;
	assertSkoreSyncAllowed(this, platformUrl, itemIndex);
	let decoded: unknown;
	try {
		decoded = await client.call('startSkoreSync', {}, { itemIndex });
	} catch (error) {
		throw withTooSoonHint(this.getNode(), error, itemIndex);
	}
	const startedAt = Date.now();
	recordSkoreSyncStart(this, platformUrl, startedAt);
	const serviceId = serviceIdOf(decoded);
	if (!serviceId) {
		throw new NodeApiError(this.getNode(), { method: 'startSkoreSync' } as JsonObject, {
			message: 'Smartschool started the Skore sync but sent no service ID',
			description: 'The sync may be running; wait 15 minutes before starting it again.',
			httpCode: '200',
			itemIndex,
		});
	}
	return {
		serviceId,
		startedAt: new Date(startedAt).toISOString(),
		nextAllowedAt: new Date(startedAt + SKORE_INTERVAL_MS).toISOString(),
	};
}
