import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { loadNodeDescriptions, ROOT } from '../support/operationsTable';

/**
 * Every node of this package in examples/*.json against the built node descriptions (npm test builds first): an
 * example that names a parameter the node no longer has, hides it behind another operation, or misses a required
 * one imports without a word in n8n and only fails when someone runs it.
 */
const PACKAGE_PREFIX = 'n8n-nodes-edu.';
const ERROR_TRIGGER = 'n8n-nodes-base.errorTrigger';
const ROSTER_SYNC = `${PACKAGE_PREFIX}rosterSync`;
const EXAMPLES_DIR = join(ROOT, 'examples');

interface ExampleWorkflow {
	id?: string;
	nodes: INode[];
	connections: Record<string, { main?: Array<Array<{ node: string; index?: number }> | null> }>;
	settings?: { errorWorkflow?: string; executionOrder?: string };
}

const examples = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow }));
const descriptions = loadNodeDescriptions();

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with one parameter value: unknown keys in collections, a value outside the options, an unknown locator mode. */
function valueProblems(property: INodeProperties, value: unknown, path: string): string[] {
	if (isExpression(value)) return [];
	const problems: string[] = [];
	const children = (property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>;
	if (property.type === 'options' && children.length && !children.some((option) => 'value' in option && option.value === value)) {
		problems.push(`${path}: ${JSON.stringify(value)} is not one of its options`);
	}
	if (property.type === 'resourceLocator' && isObject(value) && !property.modes?.some((mode) => mode.name === value.mode)) {
		problems.push(`${path}: locator mode ${JSON.stringify(value.mode)} is not one of its modes`);
	}
	if (property.type === 'collection' && isObject(value)) {
		for (const [key, inner] of Object.entries(value)) {
			const option = children.find((child) => child.name === key);
			problems.push(...(option ? valueProblems(option, inner, `${path}.${key}`) : [`${path}.${key}: not an option of the collection`]));
		}
	}
	if (property.type === 'fixedCollection' && isObject(value)) {
		for (const [key, entries] of Object.entries(value)) {
			const group = children.find((child) => child.name === key);
			if (!group) {
				problems.push(`${path}.${key}: not a group of the fixed collection`);
				continue;
			}
			for (const entry of Array.isArray(entries) ? entries : [entries]) {
				for (const [field, inner] of Object.entries(isObject(entry) ? entry : {})) {
					const known = group.values?.find((candidate) => candidate.name === field);
					problems.push(...(known ? valueProblems(known, inner, `${path}.${key}.${field}`) : [`${path}.${key}.${field}: unknown field`]));
				}
			}
		}
	}
	return problems;
}

/** Everything wrong with one example node of this package; empty when n8n would run it as written. */
function nodeProblems(node: INode, description: INodeTypeDescription): string[] {
	const problems: string[] = [];
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	if (!versions.includes(node.typeVersion)) problems.push(`typeVersion ${node.typeVersion} is not one of ${versions.join(', ')}`);
	const credentialTypes = (description.credentials ?? []).map((credential) => credential.name);
	for (const type of Object.keys(node.credentials ?? {})) {
		if (!credentialTypes.includes(type)) problems.push(`credential type ${type} is not one the node takes (${credentialTypes.join(', ')})`);
	}
	// With defaults, n8n's own resolution returns exactly the parameters shown for these resource/operation values.
	const shown = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	for (const [name, value] of Object.entries(node.parameters as INodeParameters)) {
		if (!(name in shown)) {
			const exists = description.properties.some((property) => property.name === name);
			problems.push(`${name}: ${exists ? 'not shown for this resource and operation' : 'no such parameter'}`);
			continue;
		}
		const property = description.properties.find(
			(candidate) => candidate.name === name && NodeHelpers.displayParameter(node.parameters, candidate, node, description),
		);
		if (property) problems.push(...valueProblems(property, value, name));
	}
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
	for (const [name, messages] of Object.entries(issues?.parameters ?? {})) problems.push(`${name}: ${messages.join('; ')}`);
	return problems;
}

describe('example workflows', () => {
	it('exist', () => {
		expect(examples.map(({ file }) => file)).toEqual(
			expect.arrayContaining(['evalytics-sync-users-from-csv.json', 'smartschool-nightly-account-sync.json']),
		);
	});

	describe.each(examples.map(({ file, workflow }) => [file, workflow] as const))('%s', (_file, workflow) => {
		const ours = workflow.nodes.filter((node) => node.type.startsWith(PACKAGE_PREFIX));

		const isErrorWorkflow = workflow.nodes.some((node) => node.type === ERROR_TRIGGER);

		it('uses nodes of this package (an Error Workflow e-mails about them instead)', () => {
			if (isErrorWorkflow) expect(workflow.nodes.map((node) => node.type)).toContain('n8n-nodes-base.emailSend');
			else expect(ours.length).toBeGreaterThan(0);
		});

		it.each(ours.length ? ours.map((node) => [node.name, node] as const) : [['(none)', undefined] as const])('%s: parameters the node knows, shown and complete', (_name, node) => {
			if (!node) return;
			const description = descriptions.find((candidate) => `${PACKAGE_PREFIX}${candidate.name}` === node.type);
			expect(description?.name).toBe(node.type.slice(PACKAGE_PREFIX.length));
			expect(nodeProblems(node, description!)).toEqual([]);
		});

		it('connects only nodes it has', () => {
			const names = new Set(workflow.nodes.map((node) => node.name));
			const targets = Object.values(workflow.connections).flatMap((outputs) => (outputs.main ?? []).flatMap((output) => output ?? []));
			for (const name of [...Object.keys(workflow.connections), ...targets.map((target) => target.node)]) expect(names).toContain(name);
		});
	});
});

describe('examples run by the e2e suite', () => {
	// Issue 7: the e2e absences workflow is the example "message parents when a student is marked absent"; only its
	// trigger differs (Manual instead of Schedule), so the example's package nodes must be the ones n8n runs there.
	// Issue 15: the e2e Roster Sync runs are the nightly Smartschool sync example (Manual Trigger instead of Schedule;
	// the second with Confirm Removals set, as the admin would after the guard stopped a run).
	it.each([
		['smartschool-message-parents-on-absence.json', 'smartschool-absences.json'],
		['smartschool-nightly-account-sync.json', 'roster-sync-nightly.json'],
	])('%s = test/e2e/workflows/%s', (example, e2e) => {
		const ours = (file: string) =>
			(JSON.parse(readFileSync(file, 'utf8')) as ExampleWorkflow).nodes
				.filter((node) => node.type.startsWith(PACKAGE_PREFIX))
				.map(({ name, type, parameters, onError }) => ({ name, type, parameters, onError }));
		expect(ours(join(ROOT, 'test', 'e2e', 'workflows', e2e))).toEqual(ours(join(EXAMPLES_DIR, example)));
	});
});

/** Issue 15: every account sync runs through Roster Sync, guarded, at an hour that exists every night, with an Error Workflow. */
describe('sync examples', () => {
	const SYNCS = [
		'smartschool-nightly-account-sync.json',
		'oneroster-to-smartschool-nightly-students.json',
		'eduix-employees-to-smartschool.json',
		'evalytics-sync-users-from-csv.json',
	];
	const byFile = new Map(examples.map(({ file, workflow }) => [file, workflow]));
	const errorWorkflow = examples.find(({ workflow }) => workflow.nodes.some((node) => node.type === ERROR_TRIGGER))?.workflow;

	/** Nodes upstream of `name` (following connections backwards). */
	function upstream(workflow: ExampleWorkflow, name: string): Set<string> {
		const seen = new Set<string>();
		const visit = (target: string) => {
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				const feeds = (outputs.main ?? []).some((output) => (output ?? []).some((connection) => connection.node === target));
				if (feeds && !seen.has(from)) {
					seen.add(from);
					visit(from);
				}
			}
		};
		visit(name);
		return seen;
	}

	it('has an Error Workflow that e-mails the admin, with a fixed id', () => {
		expect(errorWorkflow?.id).toEqual(expect.any(String));
		expect(errorWorkflow!.nodes.map((node) => node.type)).toEqual(expect.arrayContaining([ERROR_TRIGGER, 'n8n-nodes-base.emailSend']));
	});

	describe.each(SYNCS)('%s', (file) => {
		const workflow = byFile.get(file)!;
		const sync = workflow.nodes.find((node) => node.type === ROSTER_SYNC);

		it('syncs through Roster Sync, with the guards at their defaults (on)', () => {
			expect(sync).toBeDefined();
			expect(sync!.parameters.guards ?? {}).toEqual({});
			expect(sync!.parameters.confirmRemovals ?? 0).toBe(0);
			expect(workflow.nodes.map((node) => node.type)).not.toContain('n8n-nodes-base.compareDatasets');
		});

		it('reads the Platform list from the trigger branch, not from the source rows', () => {
			const feeds = (index: number) =>
				Object.entries(workflow.connections)
					.filter(([, outputs]) => (outputs.main ?? []).some((output) => (output ?? []).some((c) => c.node === sync!.name && (c.index ?? 0) === index)))
					.map(([from]) => from);
			const [platformNode] = feeds(1);
			const [sourceNode] = feeds(0);
			expect(platformNode).toBeDefined();
			expect(sourceNode).toBeDefined();
			const platformUpstream = upstream(workflow, platformNode);
			expect(platformUpstream).not.toContain(sourceNode);
			expect([...upstream(workflow, sourceNode)].filter((name) => platformUpstream.has(name))).toEqual(
				[...platformUpstream].filter((name) => workflow.nodes.find((node) => node.name === name)?.type === 'n8n-nodes-base.scheduleTrigger'),
			);
		});

		it('sends Create, Update and Remove somewhere, and Remove never deletes', () => {
			const outputs = workflow.connections[sync!.name].main ?? [];
			for (const index of [0, 1, 2]) expect(outputs[index]?.length ?? 0).toBeGreaterThan(0);
			for (const { node } of outputs[2] ?? []) {
				const target = workflow.nodes.find((candidate) => candidate.name === node)!;
				expect(['setStatus', 'block']).toContain(target.parameters.operation);
			}
		});

		it('runs at an hour that exists once every night (not 02:00–03:00, the clock-change hour)', () => {
			const schedules = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
			expect(schedules.length).toBeGreaterThan(0);
			for (const schedule of schedules) {
				const intervals = ((schedule.parameters.rule as { interval: Array<{ triggerAtHour?: number }> }).interval ?? []);
				for (const interval of intervals) expect([2, 3]).not.toContain(interval.triggerAtHour ?? 0);
			}
		});

		it('names the example Error Workflow in its settings', () => {
			expect(workflow.settings).toMatchObject({ executionOrder: 'v1', errorWorkflow: errorWorkflow!.id });
		});

		it('has a sticky note that says what the guard does and what Remove does', () => {
			const notes = workflow.nodes
				.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
				.map((node) => String(node.parameters.content))
				.join('\n');
			expect(notes).toMatch(/Confirm Removals/);
			expect(notes).toMatch(/Remove\*\*: (the account is set \*\*inactive|the user is \*\*blocked)/);
			expect(notes).toMatch(/never deleted/);
		});
	});
});
