import { account, keys, NODE_NAME, OUTPUT, runSync, student } from './setup';

describe('Roster Sync › key normalisation', () => {
	it('trims and ignores case by default', async () => {
		const result = await runSync({ source: [student(' An.Peeters ', 'An', 'Peeters', '1')], platform: [account('an.peeters', 'An', 'Peeters', '1')] });
		expect(keys(result, 'unchanged')).toEqual(['an.peeters']);
	});

	it('can match case and spaces exactly', async () => {
		const result = await runSync({
			source: [student('An.Peeters', 'An', 'Peeters', '1'), student('b ', 'B', 'B')],
			platform: [account('an.peeters', 'An', 'Peeters', '1'), account('b', 'B', 'B')],
			parameters: { keyOptions: { caseInsensitive: false, trim: false }, guards: { limitRemovals: false } },
		});
		expect(keys(result, 'create')).toEqual(['An.Peeters', 'b ']);
		expect(keys(result, 'remove')).toEqual(['an.peeters', 'b']);
	});

	it('keeps leading zeros by default, ignores them on request', async () => {
		const run = (leadingZeros?: string) =>
			runSync({
				source: [{ stamnr: '00042', firstName: 'A', lastName: 'B' }],
				platform: [{ internnummer: 42, voornaam: 'A', naam: 'B', status: 'actief' }],
				parameters: { preset: 'custom', sourceKey: 'stamnr', platformKey: 'internnummer', ...(leadingZeros && { keyOptions: { leadingZeros } }) },
			});
		expect(keys(await run(), 'create')).toEqual(['00042']);
		expect(keys(await run('ignore'), 'unchanged')).toEqual(['42']);
	});

	it('folds accents on request', async () => {
		const run = (foldAccents: boolean) =>
			runSync({ source: [student('noël.dupré', 'Noël', 'Dupré')], platform: [account('noel.dupre', 'Noël', 'Dupré')], parameters: { keyOptions: { foldAccents } } });
		expect(keys(await run(false), 'create')).toEqual(['noël.dupré']);
		expect(keys(await run(true), 'unchanged')).toEqual(['noel.dupre']);
	});

	it('matches an e-mail address by the part before @ (on by default with the Edu-V preset)', async () => {
		const employee = { email: 'J.Janssens@school.nl', givenName: 'Jan', familyName: 'Janssens', status: 'active' };
		const result = await runSync({
			source: [employee],
			platform: [account('j.janssens', 'Jan', 'Janssens', '', { emailadres: 'J.Janssens@school.nl' })],
			parameters: { preset: 'eduvToSmartschool' },
		});
		expect(keys(result, 'unchanged')).toEqual(['j.janssens']);
	});

	it('lists missing and duplicate platform keys; the duplicates beyond the first are left alone', async () => {
		const result = await runSync({
			source: [student('a', 'A', 'A')],
			platform: [account('a', 'A', 'A'), account('A', 'Dubbel', 'A'), account('', 'Zonder', 'Naam')],
			parameters: { dryRun: true },
		});
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(report.json).toMatchObject({
			counts: { unchanged: 1, remove: 0 },
			problems: { platformMissingKeys: [2], platformDuplicateKeys: [{ key: 'a', items: [0, 1] }] },
		});
	});
});

describe('Roster Sync › scope', () => {
	const platform = [
		account('leerling.weg', 'L', 'Weg'),
		account('leerkracht.x', 'L', 'X', '', { basisrol: 'leerkracht' }),
		account('admin', 'Ad', 'Min', '', { basisrol: 'andere' }),
		account('inactief', 'In', 'Actief', '', { status: 'uitgeschakeld' }),
		account('blijft', 'Blijft', 'Hier'),
	];
	const source = [student('blijft', 'Blijft', 'Hier')];

	it('manages only active accounts by default: inactive ones are never removals', async () => {
		const result = await runSync({ source, platform });
		expect(keys(result, 'remove')).toEqual(['leerling.weg', 'leerkracht.x', 'admin']);
	});

	it('limits removals and updates to a role or group', async () => {
		const result = await runSync({
			source: [...source, student('leerkracht.x', 'Nieuwe', 'Naam')],
			platform,
			parameters: { scope: { scopeField: 'basisrol', scopeValues: 'Leerling' }, dryRun: true },
		});
		const [report] = result.output(NODE_NAME, OUTPUT.report);
		expect(report.json).toMatchObject({ remove: [{ key: 'leerling.weg', reason: 'notInSource' }], update: [], skipped: [{ key: 'leerkracht.x', reason: 'outOfScope' }] });
		expect((report.json.counts as { managedPlatform: number }).managedPlatform).toBe(2);
	});

	it('matches a list field (groups) when any entry does', async () => {
		const result = await runSync({
			source,
			platform: [account('in.groep', 'A', 'B', '', { groups: ['1A', 'leerlingen'] }), account('buiten', 'C', 'D', '', { groups: ['personeel'] }), account('blijft', 'Blijft', 'Hier')],
			parameters: { scope: { scopeField: 'groups', scopeValues: 'leerlingen' } },
		});
		expect(keys(result, 'remove')).toEqual(['in.groep']);
	});

	it('never removes or updates accounts on the never-touch list', async () => {
		const result = await runSync({
			source: [...source, student('Admin', 'Andere', 'Naam')],
			platform,
			parameters: { scope: { neverTouch: 'admin,\nleerkracht.x' } },
		});
		expect(keys(result, 'remove')).toEqual(['leerling.weg']);
		expect(keys(result, 'update')).toEqual([]);
		expect(keys(result, 'create')).toEqual([]);
	});

	it('removes inactive accounts too when asked (e.g. to delete them)', async () => {
		const result = await runSync({ source, platform, parameters: { scope: { removeInactive: true } } });
		expect(keys(result, 'remove')).toEqual(['leerling.weg', 'leerkracht.x', 'admin', 'inactief']);
	});

	it('reads the status from another field, or treats every account as active when the status field is empty', async () => {
		const custom = await runSync({
			source,
			platform: [account('blijft', 'Blijft', 'Hier', '', { status: undefined, enabled: 'ja' }), account('weg', 'W', 'E', '', { status: undefined, enabled: 'nee' })],
			parameters: { scope: { statusField: 'enabled', activeValues: 'ja' } },
		});
		expect(keys(custom, 'remove')).toEqual([]);
		const none = await runSync({ source, platform, parameters: { scope: { statusField: '' } } });
		expect(keys(none, 'remove')).toEqual(['leerling.weg', 'leerkracht.x', 'admin', 'inactief']);
	});
});

describe('Roster Sync › leavers flagged in the source', () => {
	const oneRoster = (username: string, extra: Record<string, unknown> = {}) => ({
		sourcedId: `s-${username}`,
		status: 'active',
		enabledUser: 'true',
		username,
		givenName: 'Voor',
		familyName: username,
		identifier: '',
		...extra,
	});
	const platform = ['actief.kind', 'weg.kind', 'uit.kind', 'gestopt.kind'].map((name) => account(name, 'Voor', name, '', name === 'gestopt.kind' ? { status: 'uitgeschakeld' } : {}));

	it('removes OneRoster users with status tobedeleted or enabledUser false although present', async () => {
		const result = await runSync({
			source: [oneRoster('actief.kind'), oneRoster('weg.kind', { status: 'tobedeleted' }), oneRoster('uit.kind', { enabledUser: false }), oneRoster('gestopt.kind', { status: 'tobedeleted' }), oneRoster('nooit.gehad', { status: 'tobedeleted' })],
			platform,
			parameters: { preset: 'oneRosterToSmartschool' },
		});
		expect(keys(result, 'unchanged')).toEqual(['actief.kind']);
		const removed = result.output(NODE_NAME, OUTPUT.remove);
		expect(removed.map((item) => [item.json.key, item.json.reason])).toEqual([
			['weg.kind', 'leaver'],
			['uit.kind', 'leaver'],
		]);
		expect(removed[0].pairedItem).toEqual([
			{ item: 1, input: 1 },
			{ item: 1, input: 0 },
		]);
		// A leaver whose account is inactive, or who never had one, is neither a removal, a reactivation nor a create.
		expect(keys(result, 'update')).toEqual([]);
		expect(keys(result, 'create')).toEqual([]);
	});

	it('takes a leaver field, or an expression (an Edu-V employment that ended)', async () => {
		const byField = await runSync({
			source: [student('actief.kind', 'Voor', 'actief.kind'), student('weg.kind', 'Voor', 'weg.kind', '', { vertrokken: 'JA' })],
			platform: platform.slice(0, 2),
			parameters: { leavers: { leaverField: 'vertrokken', leaverValues: 'ja' } },
		});
		expect(keys(byField, 'remove')).toEqual(['weg.kind']);
		const byExpression = await runSync({
			source: [
				{ email: 'actief.kind@school.nl', givenName: 'Voor', familyName: 'actief.kind', organisationRoles: [{ endDate: '2999-01-01' }] },
				{ email: 'weg.kind@school.nl', givenName: 'Voor', familyName: 'weg.kind', organisationRoles: [{ endDate: '2020-08-01' }] },
			],
			platform: platform.slice(0, 2).map((entry) => ({ ...entry, emailadres: `${entry.gebruikersnaam}@school.nl` })),
			parameters: { preset: 'eduvToSmartschool', leavers: { isLeaver: "={{ $json.organisationRoles.every(role => role.endDate && role.endDate <= '2026-12-07') }}" } },
		});
		expect(keys(byExpression, 'unchanged')).toEqual(['actief.kind']);
		expect(keys(byExpression, 'remove')).toEqual(['weg.kind']);
	});
});
