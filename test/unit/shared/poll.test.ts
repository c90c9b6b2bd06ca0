import type { IDataObject } from 'n8n-workflow';

import {
	contentHash,
	diffSnapshot,
	getHighWaterMark,
	loadSnapshot,
	saveSnapshot,
	setHighWaterMark,
	stableStringify,
} from '../../../nodes/shared/poll';

describe('stableStringify', () => {
	it('sorts keys at every level and keeps array order', () => {
		const a = stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } });
		const b = stableStringify({ a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 });
		expect(a).toBe(b);
		expect(a).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
		expect(stableStringify([2, 1])).not.toBe(stableStringify([1, 2]));
	});

	it('writes what JSON would for dates, undefined, non-finite numbers and escapes', () => {
		expect(stableStringify({ at: new Date('2024-05-01T10:00:00Z'), gone: undefined, n: NaN, s: 'a"\n' })).toBe(
			'{"at":"2024-05-01T10:00:00.000Z","n":null,"s":"a\\"\\n"}',
		);
		expect(stableStringify([undefined])).toBe('[null]');
		expect(stableStringify(undefined)).toBe('null');
		expect(stableStringify(10n)).toBe('"10"');
	});

	it('refuses circular values but allows repeated references', () => {
		const shared = { x: 1 };
		expect(stableStringify({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
		const loop: IDataObject = {};
		loop.self = loop;
		expect(() => stableStringify(loop)).toThrow(/circular/);
	});
});

describe('contentHash', () => {
	it('is short, base64url, independent of key order and sensitive to content', () => {
		const hash = contentHash({ id: 1, name: 'An', roles: [3] });
		expect(hash).toMatch(/^[A-Za-z0-9_-]{8,11}$/);
		expect(contentHash({ roles: [3], name: 'An', id: 1 })).toBe(hash);
		expect(contentHash({ id: 1, name: 'Ann', roles: [3] })).not.toBe(hash);
		expect(contentHash({ id: 1, name: 'An', roles: [3, 5] })).not.toBe(hash);
	});

	it('ignores the given top-level keys only', () => {
		const a = contentHash({ id: 1, fetchedAt: '2024-01-01', nested: { fetchedAt: 1 } }, { ignore: ['fetchedAt'] });
		const b = contentHash({ id: 1, fetchedAt: '2025-06-30', nested: { fetchedAt: 1 } }, { ignore: ['fetchedAt'] });
		const c = contentHash({ id: 1, fetchedAt: '2025-06-30', nested: { fetchedAt: 2 } }, { ignore: ['fetchedAt'] });
		expect(a).toBe(b);
		expect(c).not.toBe(b);
	});
});

describe('snapshots in static data', () => {
	it('tells "never polled" from "polled, found nothing"', () => {
		const staticData: IDataObject = {};
		expect(loadSnapshot(staticData)).toBeUndefined();
		saveSnapshot(staticData, new Map());
		expect(loadSnapshot(staticData)).toEqual(new Map());
	});

	it('round-trips ids and hashes with tabs, newlines and backslashes, under separate keys', () => {
		const entries = new Map([
			['plain', 'h1'],
			['tab\there', 'h\\2'],
			['comma, space ~tilde', '~s'],
			['new\nline\\n', 'h3'],
			['', 'empty-id'],
			['comma, space ~tilde~', '~s, ~'],
			['urn:x,y', ''],
		]);
		const staticData: IDataObject = {};
		saveSnapshot(staticData, entries, 'users');
		saveSnapshot(staticData, new Map([['x', 'y']]), 'groups');
		expect(loadSnapshot(staticData, 'users')).toEqual(entries);
		expect(loadSnapshot(staticData, 'groups')).toEqual(new Map([['x', 'y']]));
		expect(loadSnapshot(JSON.parse(JSON.stringify(staticData)) as IDataObject, 'users')).toEqual(entries);
	});

	it('treats unreadable stored data as never polled', () => {
		expect(loadSnapshot({ snapshot: 'text' })).toBeUndefined();
		expect(loadSnapshot({ snapshot: { format: 99, entries: '' } })).toBeUndefined();
		expect(loadSnapshot({ snapshot: { format: 1, entries: 'no-tab' } })).toBeUndefined();
	});

	it('packs UUID ids losslessly, keeping their case', () => {
		const lower = '0f8fad5b-d9cb-469f-a165-70867728950e';
		const entries = new Map([
			[lower, 'a'],
			[lower.toUpperCase(), 'b'],
			['0F8fad5b-d9cb-469f-a165-70867728950e', 'c'],
			['~u' + 'A'.repeat(22), 'looks packed'],
			['~~u' + 'A'.repeat(21), 'escaped tilde'],
		]);
		const staticData: IDataObject = {};
		saveSnapshot(staticData, entries);
		expect(loadSnapshot(staticData)).toEqual(entries);
	});

	it('keeps 20,000 UUID records under 700 KB', () => {
		const entries = new Map<string, string>();
		for (let n = 0; n < 20_000; n++) {
			const hex = contentHash(n).padEnd(32, '0').replace(/[^0-9a-f]/g, 'a').slice(0, 32);
			const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${n.toString(16).padStart(12, '0')}`;
			entries.set(id, contentHash({ id }));
		}
		const staticData: IDataObject = {};
		saveSnapshot(staticData, entries);
		expect(Buffer.byteLength(JSON.stringify(staticData))).toBeLessThan(700_000);
		expect(loadSnapshot(JSON.parse(JSON.stringify(staticData)) as IDataObject)).toEqual(entries);
	});

	it('keeps 20,000 records with numeric ids under 400 KB of static data', () => {
		const entries = new Map<string, string>();
		for (let id = 100_000; id < 120_000; id++) entries.set(String(id), contentHash({ id, name: `User ${id}` }));
		const staticData: IDataObject = {};
		saveSnapshot(staticData, entries);
		const size = Buffer.byteLength(JSON.stringify(staticData));
		expect(size).toBeLessThan(400_000);
		expect(loadSnapshot(JSON.parse(JSON.stringify(staticData)) as IDataObject)?.size).toBe(20_000);
	});
});

describe('diffSnapshot', () => {
	interface User {
		id: number;
		name: string;
	}
	const options = { idOf: (user: User) => String(user.id), hashOf: (user: User) => contentHash(user) };

	it('counts everything as added without a previous snapshot', () => {
		const users = [
			{ id: 1, name: 'A' },
			{ id: 2, name: 'B' },
		];
		const diff = diffSnapshot(undefined, users, options);
		expect(diff.added).toEqual(users);
		expect(diff.changed).toEqual([]);
		expect(diff.removedIds).toEqual([]);
		expect([...diff.next.keys()]).toEqual(['1', '2']);
	});

	it('finds added, changed and removed records and returns the next snapshot', () => {
		const first = diffSnapshot(undefined, [
			{ id: 1, name: 'A' },
			{ id: 2, name: 'B' },
			{ id: 3, name: 'C' },
		], options);
		const second = diffSnapshot(first.next, [
			{ id: 1, name: 'A' },
			{ id: 2, name: 'Bee' },
			{ id: 4, name: 'D' },
			{ id: 4, name: 'D again' },
		], options);
		expect(second.added).toEqual([{ id: 4, name: 'D' }]);
		expect(second.changed).toEqual([{ id: 2, name: 'Bee' }]);
		expect(second.removedIds).toEqual(['3']);
		expect([...second.next.keys()]).toEqual(['1', '2', '4']);
		const third = diffSnapshot(second.next, [{ id: 1, name: 'A' }, { id: 2, name: 'Bee' }, { id: 4, name: 'D' }], options);
		expect([third.added, third.changed, third.removedIds]).toEqual([[], [], []]);
	});
});

describe('high-water mark', () => {
	it('starts empty and only moves forward', () => {
		const staticData: IDataObject = {};
		expect(getHighWaterMark(staticData)).toBeUndefined();
		setHighWaterMark(staticData, '2024-05-01T10:00:00Z');
		setHighWaterMark(staticData, '2024-04-30T23:59:59Z');
		expect(getHighWaterMark(staticData)).toBe('2024-05-01T10:00:00Z');
		setHighWaterMark(staticData, '2024-05-01T10:00:01Z');
		expect(getHighWaterMark(staticData)).toBe('2024-05-01T10:00:01Z');
	});

	it('compares ISO strings as instants, not as text', () => {
		const staticData: IDataObject = { mark: '2024-05-01T10:00:00Z' };
		// Earlier instant although it sorts later as text.
		setHighWaterMark(staticData, '2024-05-01T11:00:00+02:00', 'mark');
		expect(getHighWaterMark(staticData, 'mark')).toBe('2024-05-01T10:00:00Z');
		setHighWaterMark(staticData, '2024-05-01T13:00:00+02:00', 'mark');
		expect(getHighWaterMark(staticData, 'mark')).toBe('2024-05-01T13:00:00+02:00');
		setHighWaterMark(staticData, '2024-05-01T11:00:00.0000001Z', 'mark');
		expect(getHighWaterMark(staticData, 'mark')).toBe('2024-05-01T11:00:00.0000001Z');
	});

	it('compares whole numbers as numbers and keeps marks per key', () => {
		const staticData: IDataObject = {};
		setHighWaterMark(staticData, '999', 'cursor');
		setHighWaterMark(staticData, '1000', 'cursor');
		setHighWaterMark(staticData, '998', 'cursor');
		expect(getHighWaterMark(staticData, 'cursor')).toBe('1000');
		expect(getHighWaterMark(staticData)).toBeUndefined();
	});
});
