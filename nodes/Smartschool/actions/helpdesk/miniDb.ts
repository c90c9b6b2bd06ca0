import type { IDataObject } from 'n8n-workflow';

export interface MiniDbEntry {
	itemId: string;
	name: string;
	miniDbId: string;
	miniDb: string;
}

/** getHelpdeskMiniDbItems: `[{itemId, name, type: "group", kind: "miniDb", children: [{itemId, name, …}]}]` (ref §3), flattened. */
export function flattenMiniDb(decoded: unknown): MiniDbEntry[] {
	const entries: MiniDbEntry[] = [];
	for (const db of Array.isArray(decoded) ? (decoded as IDataObject[]) : []) {
		const children = Array.isArray(db.children) ? (db.children as IDataObject[]) : [];
		for (const child of children) {
			if (child.itemId === undefined || child.itemId === null) continue;
			entries.push({ itemId: String(child.itemId), name: String(child.name ?? ''), miniDbId: String(db.itemId ?? ''), miniDb: String(db.name ?? '') });
		}
	}
	return entries;
}
