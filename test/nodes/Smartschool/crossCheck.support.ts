/**
 * Support for crossCheck.test.ts: two simulators seeded alike (one for the seed library `smartschool-client`, one
 * for our node, so each side's writes land on an identical platform), the seed library's API as typed here, our
 * node run through n8n-core's engine, and each side's SOAP calls in a comparable form.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MANUAL_TRIGGER_NAME, runWorkflow, singleNodeWorkflow, testCredential, type RunResult } from '../../harness';
import type { SmartschoolRequest, SmartschoolSimulator } from '../../simulators/smartschool';
import { ACCESS_CODE, CREDENTIAL_TYPE, NODE_NAME, NODE_TYPE } from './setup';

/** The part of smartschool-client@1.0.0's API the cross-check calls (index.js; the seed text lists the 20). */
export interface SeedLibrary {
	init(options: { apiWSDL: string; accessCode: string }): Promise<void>;
	getUser(options: { userId: string }): Promise<IDataObject | null>;
	createUser(options: Record<string, string | undefined>): Promise<void>;
	updateUser(options: Record<string, string | undefined>): Promise<unknown>;
	updateUserName(options: { internalNumber: string; newUserName: string }): Promise<unknown>;
	updateUserPassword(options: { userName: string; password: string; accountType?: number }): Promise<void>;
	setUserStateActive(options: { userName: string }): Promise<void>;
	setUserStateInactive(options: { userName: string }): Promise<void>;
	setUserStateAdministrative(options: { userName: string }): Promise<void>;
	addUserToGroup(options: { userName: string; groupOrClassId: string }): Promise<void>;
	removeUserFromGroup(options: { userName: string; groupOrClassId: string }): Promise<void>;
	getUsers(options?: { groupId?: string; recursive?: boolean }): Promise<IDataObject[]>;
	getClasses(): Promise<IDataObject[]>;
	getGroup(options: { groupOrClassId: string }): Promise<IDataObject | null>;
	getGroups(options?: { flat?: boolean; groupId?: string }): Promise<IDataObject[] | IDataObject>;
	createGroup(options: { groupId: string; description?: string; parent?: string; untis?: string }): Promise<void>;
	updateGroup(options: { groupId: string; description?: string; parent?: string; untis?: string }): Promise<void>;
	getUserPhoto(options: { userName: string }): Promise<string>;
	setUserPhoto(options: { userName: string; photo: string }): Promise<void>;
	sendMessage(options: {
		userName: string;
		title: string;
		body: string;
		fromUser?: string;
		accountType?: number;
		attachments?: Array<{ filename: string; filedata: string }>;
	}): Promise<void>;
}

/** One request as the platform saw it: the V3 method and its parts without the access code. */
export interface Call {
	method: string;
	parts: Record<string, string>;
}

/**
 * The calls a simulator received, oldest first. Equivalent parameters: an absent part, a nil part and an empty
 * part all reach Smartschool as "no value" (node-soap's server even reads '' as nil, ref §9), so only parts with a
 * value are kept; values are compared as the strings on the wire; a JSON `attachments` part is compared parsed
 * (key order and spacing are no difference). A request that is no SOAP call (the seed's WSDL download) is kept
 * as `GET /Webservices/V3?wsdl`. Every call but the three code-table methods must carry the access code.
 */
export function callsOf(sim: SmartschoolSimulator): Call[] {
	return sim.requests.map((request: SmartschoolRequest) => {
		if (!request.soapMethod) {
			const query = Object.keys(request.query).join('&');
			return { method: `${request.method} ${request.path}${query ? `?${query}` : ''}`, parts: {} };
		}
		const { accesscode, ...rest } = request.parts;
		if (!request.soapMethod.startsWith('return') && accesscode !== ACCESS_CODE) {
			throw new Error(`${request.soapMethod} arrived without the access code`);
		}
		const parts: Record<string, string> = {};
		for (const [name, value] of Object.entries(rest)) {
			if (value === null || value === '') continue;
			parts[name] = name === 'attachments' ? JSON.stringify(JSON.parse(value)) : value;
		}
		return { method: request.soapMethod, parts };
	});
}

/** The method names only. */
export const methodsOf = (calls: Call[]) => calls.map((call) => call.method);

/** The parts of the only call of a method. */
export function partsOf(calls: Call[], method: string): Record<string, string> {
	const found = calls.filter((call) => call.method === method);
	if (found.length !== 1) throw new Error(`Expected one ${method} call, got ${found.length}: ${methodsOf(calls).join(', ')}`);
	return found[0].parts;
}

/** Our node, one run: Manual Trigger (its items pinned, binary data inline as n8n keeps pinned files) → Smartschool. */
export async function runOurs(sim: SmartschoolSimulator, parameters: INodeParameters, items?: INodeExecutionData[]): Promise<RunResult> {
	const workflow = singleNodeWorkflow({
		type: NODE_TYPE,
		nodeName: NODE_NAME,
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Smartschool cross-check' } },
	});
	if (items) workflow.pinData = { [MANUAL_TRIGGER_NAME]: items };
	const result = await runWorkflow({
		workflow,
		credentials: { [CREDENTIAL_TYPE]: { platformUrl: sim.url, accessCode: ACCESS_CODE } },
	});
	return result;
}

/** Our credential's Test button, the node's counterpart of the seed's init(). */
export async function testOurCredential(sim: SmartschoolSimulator) {
	return await testCredential({
		nodeType: NODE_TYPE,
		credentialType: CREDENTIAL_TYPE,
		data: { platformUrl: sim.url, accessCode: ACCESS_CODE },
	});
}

/** A locator in ID mode. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A small real JPEG (header, payload, end marker). */
export const JPEG = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
	Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 53) % 256)),
	Buffer.from([0xff, 0xd9]),
]);

/** An item carrying binary properties, as pinned data holds them (base64). */
export function binaryItem(files: Record<string, { data: Buffer; mimeType: string; fileName: string }>): INodeExecutionData {
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	for (const [name, file] of Object.entries(files)) {
		binary[name] = { data: file.data.toString('base64'), mimeType: file.mimeType, fileName: file.fileName };
	}
	return { json: {}, binary };
}
