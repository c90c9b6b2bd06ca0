import type * as Transport from './index';
import type { SmartschoolClient, SmartschoolContext } from './index';

/**
 * The transport on first use. n8n requires every node file at start-up and a description needs none of it, so the
 * node files (node, trigger, methods) reach the transport — and behind it the shared HTTP and SOAP layers, the
 * codecs and undici — through here; types still come from './index' (erased at build).
 */
export function loadTransport(): typeof Transport {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('./index') as typeof Transport;
}

export async function createSmartschoolClient(context: SmartschoolContext): Promise<SmartschoolClient> {
	return await loadTransport().createSmartschoolClient(context);
}
