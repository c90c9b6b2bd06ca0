/**
 * What a V3 method handler sees and returns. A handler gets the parts (after `accesscode`) as node-soap's server
 * delivers them — strings, `''` as null, absent parts absent — and returns the payload: a number goes out typed
 * xsd:int, a string xsd:string. Failures throw `SmartschoolCode` (codes.ts).
 */
import type { SmartschoolState } from '../state';

export type Parts = Readonly<Record<string, string | null | undefined>>;

/**
 * A string payload already escaped for XML text the way node-soap escapes it, in pieces (cached per user), so a
 * 10 MB answer is neither re-escaped nor re-serialised after a single change.
 */
export class EscapedPayload {
	constructor(readonly pieces: Buffer[]) {}
}

export type Reply = number | string | EscapedPayload;
export type MethodHandler = (parts: Parts, state: SmartschoolState) => Reply;
export type MethodTable = Readonly<Record<string, MethodHandler>>;

/** A part as text: absent and nil are ''. */
export function text(parts: Parts, name: string): string {
	return parts[name] ?? '';
}

/** A part that was left out entirely (not merely empty). */
export function absent(parts: Parts, name: string): boolean {
	return parts[name] === undefined;
}

/** YYYY-MM-DD or DD-MM-YYYY (ref §6.4, lenient about padding) → YYYY-MM-DD; undefined when not a real date. */
export function parseDate(value: string): string | undefined {
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
	if (!year) return undefined;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
		return undefined;
	}
	return date.toISOString().slice(0, 10);
}
