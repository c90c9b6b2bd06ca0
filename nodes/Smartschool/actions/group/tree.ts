/**
 * The group tree (getAllGroupsAndClasses) as the Group/Class operations use it: fetched once per node run
 * and shared by all its items, flattened with parent links, searched by code, pruned by type.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { GroupNode, SmartschoolClient } from '../../transport';

export type GroupType = 'group' | 'class';
export type TypeFilter = GroupType | 'both';

/** A group as one flat record: the tree's fields, its parent by code and name, its direct children by code. */
export type FlatGroup = IDataObject &
	Omit<GroupNode, 'children'> & {
		parentCode: string | null;
		parentName: string | null;
		children: Array<Pick<GroupNode, 'code' | 'name' | 'type'>>;
	};

// Keyed by the node run's context: one n8n execution context serves all items of a run, and a later run (or
// another node) gets a fresh tree, so a cached tree never outlives the run that fetched it.
const trees = new WeakMap<object, Promise<GroupNode>>();

export async function loadGroupTree(run: object, client: SmartschoolClient, itemIndex: number): Promise<GroupNode> {
	let tree = trees.get(run);
	if (!tree) {
		tree = client.call('getAllGroupsAndClasses', {}, { itemIndex }) as Promise<GroupNode>;
		trees.set(run, tree);
		// A failed fetch is not cached: the next item (with Continue On Fail) tries again.
		tree.catch(() => trees.delete(run));
	}
	return await tree;
}

/** The root ("Iedereen") has no code; it is the platform itself, not a group anyone can pick. */
function isRoot(node: GroupNode, parent: GroupNode | undefined): boolean {
	return parent === undefined && node.code === '';
}

export function toFlatGroup(node: GroupNode, parent: GroupNode | undefined): FlatGroup {
	const { children, ...fields } = node;
	const realParent = parent && parent.code !== '' ? parent : undefined;
	return {
		...fields,
		parentCode: realParent ? realParent.code : null,
		parentName: realParent ? realParent.name : null,
		children: children.map((child) => ({ code: child.code, name: child.name, type: child.type })),
	};
}

/** Every group below `start` (and `start` itself unless it is the root), depth first, in platform order. */
export function flattenGroups(start: GroupNode, startParent: GroupNode | undefined, type: TypeFilter): FlatGroup[] {
	const out: FlatGroup[] = [];
	const visit = (node: GroupNode, parent: GroupNode | undefined) => {
		if (!isRoot(node, parent) && (type === 'both' || node.type === type)) out.push(toFlatGroup(node, parent));
		for (const child of node.children) visit(child, node);
	};
	visit(start, startParent);
	return out;
}

/** The group with this code and its parent; an exact match first, else the only case-insensitive one. */
export function findGroup(root: GroupNode, code: string): { node: GroupNode; parent: GroupNode | undefined } | undefined {
	const exact: Array<{ node: GroupNode; parent: GroupNode | undefined }> = [];
	const loose: typeof exact = [];
	const wanted = code.toLowerCase();
	const visit = (node: GroupNode, parent: GroupNode | undefined) => {
		if (!isRoot(node, parent)) {
			if (node.code === code) exact.push({ node, parent });
			else if (node.code.toLowerCase() === wanted) loose.push({ node, parent });
		}
		for (const child of node.children) visit(child, node);
	};
	visit(root, undefined);
	return exact[0] ?? (loose.length === 1 ? loose[0] : undefined);
}

/** The tree keeping nodes of the wanted type and the ancestors that lead to them. */
export function pruneTree(node: GroupNode, type: TypeFilter, keepSelf = true): GroupNode | undefined {
	const children = node.children
		.map((child) => pruneTree(child, type, false))
		.filter((child): child is GroupNode => child !== undefined);
	if (keepSelf || type === 'both' || node.type === type || children.length > 0) return { ...node, children };
	return undefined;
}

/** Adds a group this run created, so later items of the same run see it (existence checks, Get). */
export function rememberCreated(root: GroupNode, parentCode: string, node: GroupNode): void {
	const parent = parentCode ? findGroup(root, parentCode)?.node : undefined;
	(parent ?? root).children.push(node);
}

/** "No such group": a platform-state failure (like an HTTP 404), with what to check. */
export function groupNotFound(node: INode, code: string, itemIndex: number, field = 'Group or Class'): NodeApiError {
	const message = `Smartschool has no group or class with code "${code}"`;
	return new NodeApiError(
		node,
		{ message, groupCode: code },
		{
			message,
			description: `Check the "${field}" of item ${itemIndex}: codes are case-sensitive and are shown under Groepen/Klassen in Smartschool's user management.`,
			httpCode: '404',
			itemIndex,
		},
	);
}

/** saveGroup and saveClass upsert: a Create that finds the code in use stops here instead of overwriting. */
export function codeInUse(node: INode, existing: GroupNode, itemIndex: number): NodeApiError {
	const message = `A ${existing.type} with code "${existing.code}" already exists`;
	return new NodeApiError(
		node,
		{ message, groupCode: existing.code },
		{
			message,
			description: `Item ${itemIndex}: use the Update operation to change it, or choose another code.`,
			httpCode: '409',
			itemIndex,
		},
	);
}
