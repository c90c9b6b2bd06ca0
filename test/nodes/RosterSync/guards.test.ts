import { cohort, keys, NODE_NAME, OUTPUT, runSync, student } from './setup';

/** A stopped run: the node failed and sent nothing to any output (the engine records no output data). */
function expectStopped(result: Awaited<ReturnType<typeof runSync>>) {
	expect(result.status).toBe('error');
	const task = result.runData[NODE_NAME]?.[0];
	expect(task).toBeDefined();
	expect(task!.data).toBeUndefined();
	return result.nodeError(NODE_NAME)!;
}

describe('Roster Sync › guards', () => {
	describe('empty source', () => {
		it('stops when the Source branch emitted nothing (header-only CSV): the node still runs thanks to requiredInputs', async () => {
			const { platform } = cohort(3);
			const error = expectStopped(await runSync({ source: [], platform }));
			expect(error.message).toBe(
				'Roster Sync stopped, nothing was changed: the Source input is empty (0 records: an empty or header-only export?) — syncing it would make every managed account a removal',
			);
			expect(error.description).toContain('Check that the export ran');
		});

		it('is not let through by Confirm Removals, only by switching the guard off', async () => {
			const { platform } = cohort(3);
			expectStopped(await runSync({ source: [], platform, parameters: { confirmRemovals: 3 } }));
			const result = await runSync({ source: [], platform, parameters: { guards: { stopOnEmptySource: false } } });
			expect(result.status).toBe('success');
			expect(keys(result, 'remove')).toEqual(['user001', 'user002', 'user003']);
		});
	});

	describe('removals', () => {
		it('stops above 25 removals (5 % of 100 is less), with the numbers and how to let it through once', async () => {
			const { source, platform } = cohort(100);
			const error = expectStopped(await runSync({ source: source.slice(0, 74), platform }));
			expect(error.message).toBe(
				'Roster Sync stopped, nothing was changed: 26 removals of 100 managed accounts (26 %); the limit is 25 (the larger of 25 accounts and 5 % of 100)',
			);
			expect(error.description).toContain('set Confirm Removals to 26 and run again');
			expect((await runSync({ source: source.slice(0, 75), platform })).status).toBe('success');
		});

		it('uses the share when it is larger: 5 % of 1,000 managed accounts = 50', async () => {
			const { source, platform } = cohort(1000);
			expect((await runSync({ source: source.slice(0, 950), platform })).status).toBe('success');
			const error = expectStopped(await runSync({ source: source.slice(0, 949), platform }));
			expect(error.message).toContain('51 removals of 1000 managed accounts (5.1 %); the limit is 50');
		});

		it('lets exactly one count through: Confirm Removals = this run’s removals', async () => {
			const { source, platform } = cohort(100);
			const confirmed = await runSync({ source: source.slice(0, 60), platform, parameters: { confirmRemovals: 40 } });
			expect(confirmed.status).toBe('success');
			expect(keys(confirmed, 'remove')).toHaveLength(40);
			const [report] = confirmed.output(NODE_NAME, OUTPUT.report);
			expect(report.json.guards).toContainEqual(expect.objectContaining({ guard: 'removals', verdict: 'confirmed' }));

			// The next night another truncation: the same confirmation no longer holds.
			const error = expectStopped(await runSync({ source: source.slice(0, 55), platform, parameters: { confirmRemovals: 40 } }));
			expect(error.description).toContain('Confirm Removals is 40, but this run would make 45 removals');
		});

		it('follows the configured limits, and can be switched off', async () => {
			const { source, platform } = cohort(100);
			expectStopped(await runSync({ source: source.slice(0, 89), platform, parameters: { guards: { maxRemovalCount: 10, maxRemovalPercent: 0 } } }));
			expect((await runSync({ source: source.slice(0, 90), platform, parameters: { guards: { maxRemovalCount: 10, maxRemovalPercent: 0 } } })).status).toBe('success');
			expect((await runSync({ source: source.slice(0, 10), platform, parameters: { guards: { limitRemovals: false, stopOnShrink: false } } })).status).toBe(
				'success',
			);
		});
	});

	describe('source shrink against the last run that passed', () => {
		const baseline = (sourceCount: number) => ({ 'node:Roster Sync': { baseline: { sourceCount, at: '2026-12-06T23:30:00.000Z' } } });

		it('skips the check without a baseline and says so; a passing production run saves one', async () => {
			const { source, platform } = cohort(10);
			const result = await runSync({ source, platform, mode: 'trigger' });
			const [report] = result.output(NODE_NAME, OUTPUT.report);
			expect(report.json.guards).toContainEqual({ guard: 'shrink', verdict: 'skipped', message: expect.stringContaining('no baseline') });
			expect(report.json.baseline).toBe('no baseline');
			expect(result.staticData).toEqual({ 'node:Roster Sync': { baseline: { sourceCount: 10, at: expect.any(String) } } });
		});

		it('stops when the source shrank more than 10 % (removals within their own limit), confirmable once', async () => {
			const { source, platform } = cohort(300);
			// 40 removals would also trip Limit Removals (limit 25): switched off to see this guard alone.
			const parameters = { guards: { limitRemovals: false } };
			const error = expectStopped(await runSync({ source: source.slice(0, 260), platform, parameters, staticData: baseline(300) }));
			expect(error.message).toBe(
				'Roster Sync stopped, nothing was changed: the source has 260 records, 13.3 % fewer than the 300 of the last run that passed (2026-12-06T23:30:00.000Z); the limit is 10 %',
			);
			expect(error.description).toContain('set Confirm Removals to 40');
			const through = await runSync({ source: source.slice(0, 260), platform, parameters: { ...parameters, confirmRemovals: 40 }, staticData: baseline(300) });
			expect(through.status).toBe('success');
			expect(through.staticData).toMatchObject({ 'node:Roster Sync': { baseline: { sourceCount: 260 } } });
			expect((await runSync({ source: source.slice(0, 271), platform, parameters, staticData: baseline(300) })).status).toBe('success');
		});

		it('does not move the baseline when the run stops', async () => {
			const { source, platform } = cohort(300);
			const result = await runSync({ source: source.slice(0, 200), platform, staticData: baseline(300) });
			expect(result.status).toBe('error');
			expect(result.staticData).toEqual(baseline(300));
		});
	});

	describe('source keys', () => {
		it('stops on missing and duplicate source keys and lists them', async () => {
			const { platform } = cohort(3);
			const source = [student('user001', 'A', 'A'), student('', 'Leeg', 'Veld'), student('USER001 ', 'Dubbel', 'Op'), student('user002', 'B', 'B')];
			const error = expectStopped(await runSync({ source, platform }));
			expect(error.message).toBe(
				'Roster Sync stopped, nothing was changed: 1 source records have no key (items 1); 1 keys appear more than once in the source ("user001" ×2)',
			);
			expect(error.description).toContain('Fix the key column');
		});

		it('can be switched off: the first record of a key is used, the others are skipped', async () => {
			const { platform } = cohort(2);
			const source = [student('user001', 'Voornaam', 'Naam1', '1'), student('user001', 'Ander', 'Iemand'), student('user002', 'Voornaam', 'Naam2', '2')];
			const result = await runSync({ source, platform, parameters: { guards: { stopOnKeyProblems: false }, dryRun: true } });
			const [report] = result.output(NODE_NAME, OUTPUT.report);
			expect(report.json).toMatchObject({
				counts: { unchanged: 2 },
				skipped: [{ key: 'user001', reason: 'duplicateKey' }],
				problems: { sourceDuplicateKeys: [{ key: 'user001', items: [0, 1] }] },
			});
		});
	});

	it('with On Error "Continue", sends the stop to Report only: n8n would otherwise pass the Source items on as Create', async () => {
		const { source, platform } = cohort(100);
		const result = await runSync({ source: source.slice(0, 50), platform, onError: 'continueRegularOutput' });
		expect(result.status).toBe('success');
		for (const output of ['create', 'update', 'remove', 'unchanged'] as const) expect(result.output(NODE_NAME, OUTPUT[output])).toEqual([]);
		expect(result.output(NODE_NAME, OUTPUT.report)).toEqual([
			{ json: { error: expect.stringContaining('50 removals of 100 managed accounts'), description: expect.stringContaining('Confirm Removals to 50') }, pairedItem: { item: 0, input: 0 } },
		]);
	});

	it('never lets an error through to an output, even with several guards tripped at once', async () => {
		const { source, platform } = cohort(100);
		const error = expectStopped(await runSync({ source: [...source.slice(0, 10), student('', 'x', 'y')], platform, staticData: baseline100() }));
		expect(error.message).toContain('have no key');
		expect(error.message).toContain('removals of 100 managed accounts');
		expect(error.message).toContain('fewer than the 100');
		// Key problems cannot be confirmed away.
		expect(error.description).toContain('Fix the key column');
	});
});

function baseline100() {
	return { 'node:Roster Sync': { baseline: { sourceCount: 100, at: '2026-12-06T23:30:00.000Z' } } };
}
