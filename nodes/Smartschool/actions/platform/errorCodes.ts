import type { IDataObject } from 'n8n-workflow';

import { describeCode } from '../../transport/errorCodes';

/** One item per code: the platform's own (Dutch) text as sent, and the node's English meaning of it. */
export function codeItems(entries: Array<[string, unknown]>): IDataObject[] {
	return entries
		.filter(([code]) => /^\d+$/.test(code.trim()))
		.map(([code, text]) => ({ code: Number(code), text: String(text ?? ''), meaning: describeCode(Number(code)).meaning }));
}
