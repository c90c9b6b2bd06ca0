import { account, cohort, NODE_NAME, OUTPUT, runSync, student } from './setup';

describe('Roster Sync › dry run', () => {
	const source = [
		student('an.peeters', 'An', 'Peeters', '101'),
		student('bram.claes', 'Bram', 'Claes, "jr"', '102'),
		student('nieuw.kind', 'Nieuw', '=HYPERLINK("x")', '103'),
	];
	const platform = [account('an.peeters', 'An', 'Peeters', '101'), account('bram.claes', 'Bram', 'Claes', '102'), account('weg.gegaan', 'Weg', 'Gegaan', '105')];

	it('sends one report item with counts, lists and verdicts to Report, and nothing to the action outputs', async () => {
		const result = await runSync({ source, platform, parameters: { dryRun: true } });
		expect(result.status).toBe('success');
		for (const output of ['create', 'update', 'remove', 'unchanged'] as const) expect(result.output(NODE_NAME, OUTPUT[output])).toEqual([]);
		const items = result.output(NODE_NAME, OUTPUT.report);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			dryRun: true,
			summary: 'Dry run: would create 1, update 1 (reactivate 0), remove 1, leave 1 unchanged',
			counts: { source: 3, platform: 3, managedPlatform: 3, create: 1, update: 1, reactivate: 0, remove: 1, unchanged: 1, skipped: 0, inactiveNotInSource: 0 },
			guards: [
				{ guard: 'emptySource', verdict: 'pass', message: '3 source records' },
				{ guard: 'sourceKeys', verdict: 'pass', message: 'every source record has a unique key' },
				{ guard: 'removals', verdict: 'pass', message: '1 removals, limit 25' },
				{ guard: 'shrink', verdict: 'skipped', message: expect.stringContaining('no baseline') },
			],
			baseline: 'no baseline',
			mapping: {
				sourceKey: 'username',
				platformKey: 'gebruikersnaam',
				fields: [
					{ source: 'firstName', platform: 'voornaam' },
					{ source: 'lastName', platform: 'naam' },
					{ source: 'internalNumber', platform: 'internnummer' },
				],
				neverCompared: [],
			},
			create: ['nieuw.kind'],
			update: [{ key: 'bram.claes', reactivate: false, changes: [{ field: 'naam', before: 'Claes', after: 'Claes, "jr"' }] }],
			remove: [{ key: 'weg.gegaan', reason: 'notInSource' }],
			skipped: [],
			problems: { sourceMissingKeys: [], sourceDuplicateKeys: [], platformMissingKeys: [], platformDuplicateKeys: [] },
		});
		expect(items[0].pairedItem).toEqual({ item: 0, input: 0 });
	});

	it('attaches a CSV per list (quoted, formulas defused) and an HTML summary', async () => {
		const result = await runSync({ source, platform, parameters: { dryRun: true } });
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(Object.fromEntries(Object.entries(report.binary!).map(([name, data]) => [name, [data.fileName, data.mimeType]]))).toEqual({
			create: ['create.csv', 'text/csv'],
			update: ['update.csv', 'text/csv'],
			remove: ['remove.csv', 'text/csv'],
			unchanged: ['unchanged.csv', 'text/csv'],
			problems: ['problems.csv', 'text/csv'],
			summary: ['summary.html', 'text/html'],
		});
		const file = async (name: string) => (await result.binary(NODE_NAME, 0, name, OUTPUT.report)).toString();
		expect(await file('create')).toBe('key,firstName,lastName,internalNumber\r\nnieuw.kind,Nieuw,"\'=HYPERLINK(""x"")",103\r\n');
		expect(await file('update')).toBe('key,reactivate,field,before,after\r\nbram.claes,false,naam,Claes,"Claes, ""jr"""\r\n');
		expect(await file('remove')).toBe('key,reason,voornaam,naam,internnummer\r\nweg.gegaan,notInSource,Weg,Gegaan,105\r\n');
		expect(await file('unchanged')).toBe('key\r\nan.peeters\r\n');
		const html = await file('summary');
		expect(html).toContain('<h2>Roster Sync (dry run)</h2>');
		expect(html).toContain('<li><b>removals: pass</b> — 1 removals, limit 25</li>');
		expect(html).toContain('<h3>Remove (1)</h3><p>weg.gegaan</p>');
	});

	it('gives each guard’s verdict instead of stopping, and changes no baseline', async () => {
		const { source: all, platform: accounts } = cohort(100);
		const staticData = { 'node:Roster Sync': { baseline: { sourceCount: 100, at: '2026-12-06T23:30:00.000Z' } } };
		const result = await runSync({ source: all.slice(0, 50), platform: accounts, parameters: { dryRun: true }, staticData, mode: 'trigger' });
		expect(result.status).toBe('success');
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(report.json.summary).toBe('Dry run: would create 0, update 0 (reactivate 0), remove 50, leave 50 unchanged — a real run would stop: removals, shrink');
		expect(report.json.guards).toEqual([
			expect.objectContaining({ guard: 'emptySource', verdict: 'pass' }),
			expect.objectContaining({ guard: 'sourceKeys', verdict: 'pass' }),
			expect.objectContaining({ guard: 'removals', verdict: 'stop' }),
			expect.objectContaining({ guard: 'shrink', verdict: 'stop' }),
		]);
		expect(result.staticData).toEqual(staticData);
	});

	it('reports an empty source instead of failing', async () => {
		const result = await runSync({ source: [], platform: [account('a', 'A', 'A')], parameters: { dryRun: true } });
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(report.json.guards).toContainEqual(expect.objectContaining({ guard: 'emptySource', verdict: 'stop' }));
		expect(report.pairedItem).toEqual({ item: 0, input: 1 });
	});
});
