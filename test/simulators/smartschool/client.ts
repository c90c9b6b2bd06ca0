/**
 * A node-soap client on the node's WSDL file pointed at a simulator, for the simulator's own tests (no jest here).
 * The WSDL keeps its published host in namespace and SOAPAction: the simulator dispatches by element name.
 */
import { createClientAsync, type Client } from 'soap';

import { findWsdl } from './soapHost';

export interface V3Answer {
	/** The `<return>` text ('' when empty). */
	value: string;
	/** `xsd:int` / `xsd:string`, as the xsi:type attribute said. */
	type?: string;
}

export async function createV3Client(endpoint: string): Promise<Client> {
	return await createClientAsync(findWsdl(), { endpoint });
}

type AsyncMethod = (args: unknown) => Promise<[unknown, ...unknown[]]>;

/** Calls one V3 method; parts in WSDL order (node-soap sends them in key order). Parts-less methods take null. */
export async function callV3(client: Client, method: string, args: Record<string, unknown> | null): Promise<V3Answer> {
	const call = (client as unknown as Record<string, AsyncMethod>)[`${method}Async`];
	if (typeof call !== 'function') throw new Error(`The WSDL has no method ${method}`);
	const [result] = await call.call(client, args);
	const returned = (result as { return?: unknown } | null)?.return;
	if (typeof returned === 'object' && returned !== null) {
		const typed = returned as { attributes?: Record<string, string>; $value?: unknown };
		return { value: typed.$value === undefined ? '' : String(typed.$value), type: typed.attributes?.['xsi:type'] };
	}
	return { value: returned === undefined || returned === null ? '' : String(returned) };
}
