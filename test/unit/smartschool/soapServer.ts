import type http from 'node:http';

import type { INode } from 'n8n-workflow';

import { SmartschoolClient } from '../../../nodes/Smartschool/transport';

/** Canned answers shaped as PHP's SoapServer sends them (the reference §1/§2; captured shapes of soap.listen too). */
export function soapAnswer(method: string, text: string, type = 'xsd:string', prefix = ''): string {
	const escaped = text.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char);
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="https://school.smartschool.be/Webservices/V3" ' +
		'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
		'SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><SOAP-ENV:Body>' +
		`<ns1:${method}Response><${prefix}return xsi:type="${type}">${escaped}</${prefix}return></ns1:${method}Response>` +
		'</SOAP-ENV:Body></SOAP-ENV:Envelope>\n'
	);
}

export function soapFault(faultcode: string, faultstring: string): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">' +
		`<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>${faultcode}</faultcode><faultstring>${faultstring}</faultstring></SOAP-ENV:Fault>` +
		'</SOAP-ENV:Body></SOAP-ENV:Envelope>'
	);
}

export function sendXml(response: http.ServerResponse, status: number, body: string, contentType = 'text/xml; charset=utf-8'): void {
	response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
	response.end(body);
}

/** The method name of a received envelope, from its Body's first element. */
export function soapMethodOf(body: string): string | undefined {
	return /<soap:Body><tns:(\w+)[\s>]/.exec(body)?.[1];
}

export const NODE: INode = {
	id: 'smartschool-node',
	name: 'Smartschool',
	type: 'n8n-nodes-edu.smartschool',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export const ACCESS_CODE = 'Geheim&<Code>"42\'/+=';

export function clientFor(platformUrl: string, accessCode = ACCESS_CODE): SmartschoolClient {
	return new SmartschoolClient(NODE, { platformUrl, accessCode }, undefined, undefined, { baseDelayMs: 1, maxDelayMs: 5, maxTotalWaitMs: 500 });
}

/** Everything an error could show: message, description, stack and every own field. */
export function everythingIn(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	return [error.message, (error as { description?: string }).description ?? '', error.stack ?? '', JSON.stringify({ ...error })].join('\n');
}

export async function caught(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof Error) return error;
		throw error;
	}
	throw new Error('expected a failure');
}
