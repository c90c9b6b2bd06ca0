/**
 * Shared input checks. Each returns the clean value or throws a NodeOperationError (via `invalidParameter`)
 * that names the field as the UI shows it, the item index, and what is allowed — before any request is made.
 */
import type { INode } from 'n8n-workflow';

import { invalidParameter } from './errors';

export interface FieldContext {
	node: INode;
	/** The UI display name, e.g. 'E-mail'. */
	field: string;
	itemIndex: number;
}

type DateFormat = 'iso' | 'dd-mm-yyyy';
type DateOutput = 'iso-date' | 'iso-datetime' | 'dd-mm-yyyy';

function fail(ctx: FieldContext, message: string, allowed?: string): never {
	throw invalidParameter(ctx.node, { field: ctx.field, itemIndex: ctx.itemIndex, message, allowed });
}

/** The value as written, shortened, for messages (inputs checked here are never secrets). */
function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
	return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Trimmed text; numbers are accepted as their decimal text (IDs typed as numbers in expressions). */
export function requireString(value: unknown, ctx: FieldContext): string {
	if (isEmpty(value)) fail(ctx, 'is required but empty', 'any non-empty text');
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') fail(ctx, `must be text, got ${shown(value)}`, 'text');
	return value.trim();
}

export function optionalString(value: unknown, ctx: FieldContext): string | undefined {
	return isEmpty(value) ? undefined : requireString(value, ctx);
}

// Pragmatic RFC 5322 subset: dot-atom local part (no quoted strings, comments or IP literals) and a host
// name with a dot. Letters beyond ASCII are allowed (RFC 6531 addresses, IDN domains).
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** A trimmed e-mail address; its case is kept as given. */
export function validateEmail(value: unknown, ctx: FieldContext): string {
	const address = requireString(value, ctx);
	const at = address.lastIndexOf('@');
	const local = address.slice(0, at);
	const labels = address.slice(at + 1).split('.');
	const valid =
		at > 0 &&
		address.length <= 254 &&
		local.length <= 64 &&
		LOCAL_PART.test(local) &&
		labels.length >= 2 &&
		labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label)) &&
		!/^\d+$/.test(labels[labels.length - 1]);
	if (!valid) fail(ctx, `${shown(address)} is not a valid e-mail address`, 'an address like name@school.example');
	return address;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const FORMAT_HELP: Record<DateFormat, string> = {
	iso: 'YYYY-MM-DD, optionally with a time (2024-09-01T08:30:00, with Z or +02:00)',
	'dd-mm-yyyy': 'DD-MM-YYYY (e.g. 01-09-2024)',
};

interface DateParts {
	year: number;
	month: number;
	day: number;
	time?: string;
	zone?: string;
}

/**
 * A calendar-checked date (31-02 is refused) in the requested output format. Accepts n8n dateTime strings,
 * Date objects and luxon DateTimes (anything with `toISO()`). The wall-clock time and zone are kept as
 * written — nothing is converted between zones; a Date is read in UTC. With `zone` (an IANA name, e.g. the
 * workflow's time zone), an `iso-datetime` written without an offset gets that zone's offset at that moment:
 * n8n's date picker gives wall-clock time without one.
 */
export function parseDate(
	value: unknown,
	ctx: FieldContext & { accept?: DateFormat[]; output: DateOutput; zone?: string },
): string {
	const accept = ctx.accept ?? ['iso', 'dd-mm-yyyy'];
	const allowed = accept.map((format) => FORMAT_HELP[format]).join(', or ');
	let text: unknown = value;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) fail(ctx, 'is not a valid date', allowed);
		text = value.toISOString();
	} else if (value !== null && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = (value as { toISO: () => unknown }).toISO();
		if (isEmpty(text)) fail(ctx, 'is not a valid date', allowed);
	}
	if (isEmpty(text)) fail(ctx, 'is required but empty', allowed);
	if (typeof text !== 'string') fail(ctx, `must be a date, got ${shown(value)}`, allowed);
	const parts = readDate(text.trim(), value instanceof Date ? ['iso'] : accept);
	if (!parts) fail(ctx, `${shown(text)} is not a date in an accepted format`, allowed);
	if (!isRealDate(parts)) fail(ctx, `${shown(text)} is not a real date or time`, allowed);

	const pad = (number: number, width = 2) => String(number).padStart(width, '0');
	const date = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
	if (ctx.output === 'iso-date') return date;
	if (ctx.output === 'dd-mm-yyyy') return `${pad(parts.day)}-${pad(parts.month)}-${pad(parts.year, 4)}`;
	const zone = parts.zone ?? (ctx.zone ? offsetIn(ctx.zone, parts) : '');
	return `${date}T${parts.time ?? '00:00:00'}${zone}`;
}

/** The UTC offset (±HH:MM) that `timeZone` has at the given wall-clock time; DST gaps resolve forwards. */
export function offsetIn(timeZone: string, wall: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number }): string {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
	});
	const offsetAt = (instant: number): number => {
		const fields = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
		return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second) - Math.floor(instant / 1000) * 1000;
	};
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0);
	// The offset at "the wall time read as UTC" is right except near a change; one correction settles it.
	const first = offsetAt(asUtc);
	const offset = offsetAt(asUtc - first);
	const minutes = Math.round(offset / 60000);
	const sign = minutes < 0 ? '-' : '+';
	const pad = (number: number) => String(number).padStart(2, '0');
	return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function readDate(text: string, accept: DateFormat[]): (DateParts & { hour?: number; minute?: number; second?: number }) | undefined {
	const iso = accept.includes('iso') ? ISO.exec(text) : null;
	if (iso) {
		const [, year, month, day, hour, minute, second, fraction, zone] = iso;
		const time = hour === undefined ? undefined : `${hour}:${minute}:${second ?? '00'}${fraction ?? ''}`;
		return {
			year: Number(year),
			month: Number(month),
			day: Number(day),
			hour: hour === undefined ? undefined : Number(hour),
			minute: minute === undefined ? undefined : Number(minute),
			second: second === undefined ? undefined : Number(second),
			time,
			zone: zone === undefined ? undefined : normaliseZone(zone),
		};
	}
	const dayFirst = accept.includes('dd-mm-yyyy') ? DAY_FIRST.exec(text) : null;
	if (dayFirst) return { day: Number(dayFirst[1]), month: Number(dayFirst[2]), year: Number(dayFirst[3]) };
	return undefined;
}

function normaliseZone(zone: string): string {
	if (zone.toUpperCase() === 'Z') return 'Z';
	const digits = zone.slice(1).replace(':', '');
	return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

function isRealDate(parts: DateParts & { hour?: number; minute?: number; second?: number }): boolean {
	const { year, month, day } = parts;
	if (year < 1 || month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	if (day > days) return false;
	if ((parts.hour ?? 0) > 23 || (parts.minute ?? 0) > 59 || (parts.second ?? 0) > 59) return false;
	if (parts.zone && parts.zone !== 'Z') {
		const [hours, minutes] = parts.zone.slice(1).split(':').map(Number);
		if (hours > 18 || minutes > 59) return false;
	}
	return true;
}

/**
 * A JSON parameter's value: text is parsed, anything else (an object or list an expression produced) is taken as
 * it is. Invalid JSON is refused naming the field; the text is not quoted back (it is the user's whole input).
 */
export function parseJson(value: unknown, ctx: FieldContext & { allowed: string }): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return fail(ctx, 'is not valid JSON', ctx.allowed);
	}
}

/** One of the allowed values, compared exactly after trimming. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], ctx: FieldContext): T {
	const list = allowed.join(', ');
	const text = typeof value === 'string' ? value.trim() : value;
	if (isEmpty(text)) fail(ctx, 'is required but empty', list);
	const match = allowed.find((option) => option === text);
	if (match === undefined) fail(ctx, `${shown(value)} is not one of the allowed values`, list);
	return match;
}

/** A whole number, also from text such as '12'; '1.5', '1e3' and 'abc' are refused. */
export function integerInRange(value: unknown, ctx: FieldContext & { min?: number; max?: number }): number {
	const { min, max } = ctx;
	const range =
		min !== undefined && max !== undefined
			? `a whole number from ${min} to ${max}`
			: min !== undefined
				? `a whole number of at least ${min}`
				: max !== undefined
					? `a whole number of at most ${max}`
					: 'a whole number';
	if (isEmpty(value)) fail(ctx, 'is required but empty', range);
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) number = Number(value.trim());
	if (number === undefined || !Number.isSafeInteger(number)) fail(ctx, `${shown(value)} is not a whole number`, range);
	if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
		fail(ctx, `${number} is out of range`, range);
	}
	return number;
}

const TRUE_TEXT = new Set(['true', '1', 'yes']);
const FALSE_TEXT = new Set(['false', '0', 'no']);

/** true/false, also from the texts true/false, yes/no, 1/0 (any case) and the numbers 1/0. */
export function booleanValue(value: unknown, ctx: FieldContext): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (TRUE_TEXT.has(text)) return true;
		if (FALSE_TEXT.has(text)) return false;
	}
	const problem = isEmpty(value) ? 'is required but empty' : `${shown(value)} is not true or false`;
	return fail(ctx, problem, 'true or false');
}
