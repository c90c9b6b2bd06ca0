import type { IDataObject } from 'n8n-workflow';

import { contentHash, pollSnapshot, type FirstPollBehaviour } from '../../../nodes/shared/poll';

interface Row {
	id: string;
	name: string;
}

const rows = (...names: string[]): Row[] => names.map((name, index) => ({ id: String(index + 1), name }));

function poll(staticData: IDataObject, records: Row[], manual = false, firstPoll: FirstPollBehaviour = 'nothing') {
	return pollSnapshot({
		staticData,
		records,
		idOf: (row) => row.id,
		hashOf: (row) => contentHash(row),
		manual,
		firstPoll,
		sampleSize: 2,
	});
}

describe('pollSnapshot', () => {
	it('records a baseline on the first production poll and then reports added, changed and removed', () => {
		const staticData: IDataObject = {};
		expect(poll(staticData, rows('a', 'b', 'c'))).toEqual({ added: [], changed: [], removedIds: [] });
		const next = [{ id: '1', name: 'a' }, { id: '2', name: 'B' }, { id: '4', name: 'd' }];
		expect(poll(staticData, next)).toEqual({ added: [next[2]], changed: [next[1]], removedIds: ['3'] });
		expect(poll(staticData, next)).toEqual({ added: [], changed: [], removedIds: [] });
	});

	it('can report every record on the first poll', () => {
		expect(poll({}, rows('a', 'b', 'c'), false, 'all').added).toHaveLength(3);
	});

	it('shows a sample in a test fetch without moving the baseline', () => {
		const staticData: IDataObject = {};
		expect(poll(staticData, rows('a', 'b', 'c'), true).added).toEqual(rows('a', 'b'));
		expect(staticData).toEqual({});
		poll(staticData, rows('a'));
		const saved = JSON.stringify(staticData);
		expect(poll(staticData, rows('a', 'b'), true).added).toEqual([rows('a', 'b')[1]]);
		expect(JSON.stringify(staticData)).toBe(saved);
	});
});
