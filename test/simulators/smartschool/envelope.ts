/**
 * Just enough SOAP envelope reading to record what a client sent: the RPC method (local name of the Body's first
 * element) and each part as a string (nil → null). Values are unescaped; a part holding elements keeps its inner XML.
 * Also the fault envelope the simulator writes itself (injected faults, unknown methods), in PHP's SOAP-ENV style.
 */
import { escapeXml } from './views';

export interface ParsedEnvelope {
	soapMethod?: string;
	parts: Record<string, string | null>;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(value: string): string {
	return value.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
		return ENTITIES[entity] ?? whole;
	});
}

function unwrapCdata(value: string): string {
	return value.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, inner: string) => escapeXml(inner));
}

export function parseEnvelope(xml: string): ParsedEnvelope {
	const body = /<(?:[\w.-]+:)?Body\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?Body\s*>/.exec(xml);
	if (!body) return { parts: {} };
	const content = body[1];
	const open = /<((?:[\w.-]+:)?([\w.-]+))\b[^>]*?(\/?)>/.exec(content);
	if (!open) return { parts: {} };
	const soapMethod = open[2];
	if (open[3] === '/') return { soapMethod, parts: {} };
	const start = open.index + open[0].length;
	const end = content.lastIndexOf(`</${open[1]}`);
	return { soapMethod, parts: parseParts(content.slice(start, end < start ? content.length : end)) };
}

function parseParts(inner: string): Record<string, string | null> {
	// No prototype: a part named __proto__ stays an ordinary key.
	const parts = Object.create(null) as Record<string, string | null>;
	const tag = /<((?:[\w.-]+:)?([\w.-]+))\b([^>]*?)(\/?)>/g;
	let match: RegExpExecArray | null;
	while ((match = tag.exec(inner)) !== null) {
		const [, qualified, name, attributes, selfClosing] = match;
		const nil = /\bnil\s*=\s*["'](true|1)["']/.test(attributes);
		if (selfClosing) {
			parts[name] = nil ? null : '';
			continue;
		}
		const close = findClose(inner, qualified, tag.lastIndex);
		const raw = inner.slice(tag.lastIndex, close);
		parts[name] = nil ? null : /<[\w.-]/.test(raw) && !/^<!\[CDATA\[/.test(raw) ? raw : unescapeXml(unwrapCdata(raw));
		tag.lastIndex = inner.indexOf('>', close) + 1 || inner.length;
	}
	return parts;
}

/** Index of the closing tag that matches an opening one (same-named elements may nest). */
function findClose(xml: string, qualified: string, from: number): number {
	const pattern = new RegExp(`<(/?)${qualified.replace(/[.]/g, '\\.')}\\b[^>]*?(/?)>`, 'g');
	pattern.lastIndex = from;
	let depth = 1;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(xml)) !== null) {
		if (match[1]) depth -= 1;
		else if (!match[2]) depth += 1;
		if (depth === 0) return match.index;
	}
	return xml.length;
}

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A SOAP 1.1 fault as PHP's SoapServer writes it. */
export function faultEnvelope(faultcode: string, faultstring: string): string {
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV}"><SOAP-ENV:Body><SOAP-ENV:Fault>` +
		`<faultcode>${escapeXml(faultcode)}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>` +
		`</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n`
	);
}
