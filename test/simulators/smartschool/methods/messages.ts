/** sendMsg (ref §3 "Messages", §6.8). No method reads messages back: tests look at `state.messages`. */
import { check, SmartschoolCode } from '../codes';
import type { SmartschoolState } from '../state';
import type { MessageAttachment } from '../types';
import { text, type MethodTable, type Parts } from './types';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** `[{"filename": "a.pdf", "filedata": "<base64>"}]`; anything else is a failed send (18). */
function parseAttachments(raw: string): MessageAttachment[] {
	if (raw === '') return [];
	let list: unknown;
	try {
		list = JSON.parse(raw);
	} catch {
		throw new SmartschoolCode(18);
	}
	check(!Array.isArray(list), 18);
	return (list as unknown[]).map((item) => {
		const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
		const { filename, filedata } = entry;
		check(typeof filename !== 'string' || filename === '' || typeof filedata !== 'string', 18);
		const data = (filedata as string).replace(/\s+/g, '');
		check(!BASE64.test(data), 18);
		return { filename: filename as string, data: Buffer.from(data, 'base64') };
	});
}

function sendMsg(parts: Parts, state: SmartschoolState): number {
	const recipient = state.byIdentifier(text(parts, 'userIdentifier'));
	check(!recipient, 12);
	const coaccount = text(parts, 'coaccount') || '0';
	check(!/^[0-6]$/.test(coaccount), 14);
	check(coaccount !== '0' && recipient!.coAccounts[Number(coaccount) - 1] === null, 18);
	check(text(parts, 'title').trim() === '', 14);
	const senderId = text(parts, 'senderIdentifier');
	let from: number | null = null;
	if (senderId === 'Null') {
		check(state.readings.nullSender === 'rejected', 12);
	} else if (senderId !== '') {
		const sender = state.byIdentifier(senderId);
		check(!sender, 12);
		from = sender!.id;
	}
	const copy = text(parts, 'copyToLVS').toLowerCase();
	state.addMessage({
		to: recipient!.id,
		coaccount: Number(coaccount),
		title: text(parts, 'title'),
		body: text(parts, 'body'),
		from,
		attachments: parseAttachments(text(parts, 'attachments')),
		copyToLVS: copy === 'true' || copy === '1',
	});
	return 0;
}

export const MESSAGE_METHODS: MethodTable = { sendMsg };
