import type { IDataObject } from 'n8n-workflow';

export interface KeyOptions {
	trim: boolean;
	caseInsensitive: boolean;
	/** 'ignore': "007" and "7" are the same key (an SIS export read by a spreadsheet loses leading zeros). */
	leadingZeros: 'keep' | 'ignore';
	/** "Noël" and "Noel" are the same key. */
	foldAccents: boolean;
	/** "j.peeters@school.be" → "j.peeters": Smartschool usernames of staff taken from their e-mail address. */
	emailLocalPart: boolean;
}

export type FieldReader = (record: IDataObject) => unknown;

/** A reader for a field name or a dotted path ("name.given"); a name that exists as written wins over a path. */
export function fieldReader(path: string): FieldReader {
	const parts = path.split('.');
	if (parts.length === 1) return (record) => record[path];
	return (record) => {
		if (path in record) return record[path];
		let value: unknown = record;
		for (const part of parts) {
			if (value === null || typeof value !== 'object') return undefined;
			value = (value as IDataObject)[part];
		}
		return value;
	};
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const DIGITS = /^\d+$/;

/** The key as the sync compares it; undefined when the record has none (empty, null, missing, an object). */
export function keyNormaliser(options: KeyOptions): (value: unknown) => string | undefined {
	return (value) => {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return undefined;
		let key = String(value);
		if (options.trim) key = key.trim();
		if (options.emailLocalPart) {
			const at = key.lastIndexOf('@');
			if (at > 0) key = key.slice(0, at);
		}
		if (options.caseInsensitive) key = key.toLowerCase();
		if (options.foldAccents) key = key.normalize('NFD').replace(COMBINING_MARKS, '');
		if (options.leadingZeros === 'ignore' && DIGITS.test(key)) key = key.replace(/^0+(?=\d)/, '');
		return key === '' ? undefined : key;
	};
}

/** A field value as text for comparing and reporting: null, undefined and '' are all "empty". */
export function comparable(value: unknown, trim: boolean): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	const text = String(value);
	return trim ? text.trim() : text;
}

/** Comma- or line-separated list → trimmed, non-empty entries. */
export function splitList(text: string): string[] {
	return text
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}
