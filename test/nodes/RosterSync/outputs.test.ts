import { account, keys, NODE_NAME, OUTPUT, runSync, student } from './setup';

describe('Roster Sync › outputs (CSV → Smartschool preset)', () => {
	const source = [
		student('an.peeters', 'An', 'Peeters', '101'), // unchanged
		student('bram.claes', 'Bram', 'Claes-Nieuw', '102'), // update: naam
		student('nieuw.kind', 'Nieuw', 'Kind', '103'), // create
		student('terug.gekeerd', 'Terug', 'Gekeerd', '104'), // inactive account: reactivate
	];
	const platform = [
		account('an.peeters', 'An', 'Peeters', '101', { wachtwoord: 'oud' }),
		account('bram.claes', 'Bram', 'Claes', '102'),
		account('terug.gekeerd', 'Terug', 'Gekeerd', '104', { status: 'uitgeschakeld' }),
		account('weg.gegaan', 'Weg', 'Gegaan', '105'), // left: remove
		account('al.weg', 'Al', 'Weg', '106', { status: 'uitgeschakeld' }), // inactive and not in source: left alone
	];

	it('sends each person to exactly one output, paired with the source or platform item', async () => {
		const result = await runSync({ source, platform });
		expect(result.status).toBe('success');
		expect(keys(result, 'create')).toEqual(['nieuw.kind']);
		expect(keys(result, 'update')).toEqual(['bram.claes', 'terug.gekeerd']);
		expect(keys(result, 'remove')).toEqual(['weg.gegaan']);
		expect(keys(result, 'unchanged')).toEqual(['an.peeters']);

		const [create] = result.output(NODE_NAME, OUTPUT.create);
		expect(create).toEqual({ json: { key: 'nieuw.kind', source: source[2] }, pairedItem: { item: 2, input: 0 } });
		const [update, reactivate] = result.output(NODE_NAME, OUTPUT.update);
		expect(update.json).toEqual({
			key: 'bram.claes',
			reactivate: false,
			changes: { naam: { sourceField: 'lastName', before: 'Claes', after: 'Claes-Nieuw' } },
			source: source[1],
			platform: platform[1],
		});
		expect(update.pairedItem).toEqual([
			{ item: 1, input: 0 },
			{ item: 1, input: 1 },
		]);
		expect(reactivate.json).toMatchObject({ key: 'terug.gekeerd', reactivate: true, changes: {} });
		const [remove] = result.output(NODE_NAME, OUTPUT.remove);
		expect(remove).toEqual({ json: { key: 'weg.gegaan', reason: 'notInSource', platform: platform[3] }, pairedItem: { item: 3, input: 1 } });
		const [unchanged] = result.output(NODE_NAME, OUTPUT.unchanged);
		expect(unchanged).toEqual({ json: { key: 'an.peeters', source: source[0], platform: platform[0] }, pairedItem: { item: 0, input: 0 } });
	});

	it('puts a report with counts and guard verdicts on the Report output', async () => {
		const result = await runSync({ source, platform });
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(report.json).toMatchObject({
			dryRun: false,
			counts: { source: 4, platform: 5, managedPlatform: 3, create: 1, update: 2, reactivate: 1, remove: 1, unchanged: 1, inactiveNotInSource: 1 },
			guards: [
				{ guard: 'emptySource', verdict: 'pass' },
				{ guard: 'sourceKeys', verdict: 'pass' },
				{ guard: 'removals', verdict: 'pass' },
				{ guard: 'shrink', verdict: 'skipped', message: expect.stringContaining('no baseline') },
			],
		});
		expect(report.json).not.toHaveProperty('create');
		expect(report.json.problems).toEqual({ sourceMissingKeys: [], sourceDuplicateKeys: [], platformMissingKeys: [], platformDuplicateKeys: [] });
		const html = (await result.binary(NODE_NAME, 0, 'summary', OUTPUT.report)).toString();
		expect(html).toContain('create 1, update 2 (reactivate 1), remove 1, leave 1 unchanged');
		expect(html).toContain('weg.gegaan');
	});

	it('never compares, diffs or reports password-like fields, even when mapped', async () => {
		const result = await runSync({
			source: [student('an.peeters', 'An', 'Peeters', '101', { password: 'Nieuw-Geheim-9' })],
			platform: [account('an.peeters', 'An', 'Peeters', '101', { wachtwoord: 'Oud-Geheim-1' })],
			parameters: { fields: { pair: [{ sourceField: 'password', platformField: 'wachtwoord' }] }, dryRun: true },
		});
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(report.json).toMatchObject({ counts: { unchanged: 1, update: 0 }, mapping: { neverCompared: ['password → wachtwoord'] } });
		for (const property of ['create', 'update', 'remove', 'unchanged', 'problems', 'summary']) {
			const text = (await result.binary(NODE_NAME, 0, property, OUTPUT.report)).toString();
			expect(text).not.toContain('Geheim');
		}
		expect(JSON.stringify(report.json)).not.toContain('Geheim');
	});

	it('runs and creates everyone when the platform has no accounts yet (requiredInputs: one input is enough)', async () => {
		const result = await runSync({ source: [student('a', 'A', 'A'), student('b', 'B', 'B')], platform: [] });
		expect(result.status).toBe('success');
		expect(keys(result, 'create')).toEqual(['a', 'b']);
	});

	it('compares fields after trimming values, unless told not to', async () => {
		const run = (trimValues?: boolean) =>
			runSync({
				source: [student('an', 'An ', 'Peeters', '1')],
				platform: [account('an', 'An', 'Peeters', '1')],
				parameters: trimValues === undefined ? {} : { options: { trimValues } },
			});
		expect(keys(await run(), 'unchanged')).toEqual(['an']);
		expect(keys(await run(false), 'update')).toEqual(['an']);
	});

	it('adds or replaces compared pairs and leaves out preset fields on request', async () => {
		const result = await runSync({
			source: [student('an', 'An', 'Peeters', '1', { email: 'an@school.be' })],
			platform: [account('an', 'An', 'Peeters', '999', { emailadres: 'oud@school.be' })],
			parameters: { fields: { pair: [{ sourceField: 'email', platformField: 'emailadres' }] }, skipFields: 'internnummer' },
		});
		const [update] = result.output(NODE_NAME, OUTPUT.update);
		expect(update.json.changes).toEqual({ emailadres: { sourceField: 'email', before: 'oud@school.be', after: 'an@school.be' } });
	});

	it('says which field is missing when a custom mapping has no key', async () => {
		const result = await runSync({ source: [student('a', 'A', 'A')], platform: [], parameters: { preset: 'custom' } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toBe('Source Key is empty');
	});

	it('refuses an expression as Platform Key (it would read the Source input)', async () => {
		const result = await runSync({ source: [student('a', 'A', 'A')], platform: [], parameters: { platformKey: '={{ $json.gebruikersnaam }}' } });
		expect(result.nodeError(NODE_NAME)?.message).toBe('Platform Key must be a field name, not an expression');
	});

	it('reads the source key from an expression per item', async () => {
		const result = await runSync({
			source: [{ mail: 'An.Peeters@school.be', firstName: 'An', lastName: 'Peeters', internalNumber: '1' }],
			platform: [account('an.peeters', 'An', 'Peeters', '1')],
			parameters: { sourceKey: "={{ $json.mail.split('@')[0] }}" },
		});
		expect(keys(result, 'unchanged')).toEqual(['an.peeters']);
	});
});
