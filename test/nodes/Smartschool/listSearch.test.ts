import { loadOptions } from '../../harness';
import type { SmartschoolSimulator } from '../../simulators/smartschool';
import { byId, credentialsFor, NODE_TYPE, startSimulator } from './setup';

interface Page {
	results: Array<{ name: string; value: string }>;
	paginationToken?: string;
}

describe('Smartschool › list search for users, groups and classes', () => {
	let sim: SmartschoolSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ accounts: 250, seed: 3 });
	});
	afterAll(async () => await sim.close());

	const search = async (method: string, filter?: string, paginationToken?: string, parameters = {}) =>
		(await loadOptions({
			nodeType: NODE_TYPE,
			kind: 'listSearch',
			method,
			parameters: { resource: 'message', operation: 'send', ...parameters },
			credentials: credentialsFor(sim),
			filter,
			paginationToken,
		})) as Page;

	it('pages through every account of the platform with one download, values per the unique field', async () => {
		sim.clearRequests();
		const values: string[] = [];
		let token: string | undefined;
		do {
			const page = await search('searchUsers', undefined, token);
			values.push(...page.results.map((result) => result.value));
			token = page.paginationToken;
		} while (token);
		expect(values.sort()).toEqual([...sim.state.accounts.values()].map((account) => account.username).sort());
		expect(sim.requests.filter((request) => request.soapMethod === 'getAllAccountsExtended')).toHaveLength(1);
	});

	it('finds a user by name without accents or by username', async () => {
		const account = [...sim.state.accounts.values()][17];
		const byName = await search('searchUsers', account.lastName.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
		expect(byName.results.map((result) => result.value)).toContain(account.username);
		expect(byName.results.find((result) => result.value === account.username)?.name).toContain(account.firstName);
		const byUsername = await search('searchUsers', account.username);
		expect(byUsername.results.map((result) => result.value)).toEqual([account.username]);
	});

	it('lists the members of the chosen group for Remove From Group style pickers', async () => {
		const group = [...sim.state.groups.values()].find((candidate) => candidate.type === 'K' && candidate.members.size > 0)!;
		const page = await search('searchGroupMembers', undefined, undefined, {
			resource: 'user',
			operation: 'removeFromGroup',
			group: byId(group.code),
		});
		const members = sim.state.subtree(group).flatMap((node) => [...node.members]);
		expect(page.results.map((result) => result.value).sort()).toEqual(
			[...new Set(members)].map((id) => sim.state.accounts.get(id)!.username).sort(),
		);
	});

	it('searches groups and classes by name or code, and classes only', async () => {
		const klas = [...sim.state.groups.values()].find((group) => group.type === 'K')!;
		const groups = await search('searchGroups', klas.code);
		expect(groups.results).toContainEqual({ name: `${klas.name} (klas ${klas.code})`, value: klas.code });
		const all = await search('searchGroups');
		expect(all.results).toHaveLength(sim.state.groups.size - 1);
		const classes = await search('searchClasses');
		expect(classes.results.map((result) => result.value).sort()).toEqual(
			[...sim.state.groups.values()].filter((group) => group.type === 'K').map((group) => group.code).sort(),
		);
	});
});
