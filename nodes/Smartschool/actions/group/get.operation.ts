import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SmartschoolClient } from '../../transport';
import { groupLocator, readLocator } from '../common.descriptions';
import { findGroup, groupNotFound, loadGroupTree, toFlatGroup } from './tree';

const show = { resource: ['group'], operation: ['get'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [groupLocator]);

/** Looks the code up in the group tree, which is fetched once for all items of the run. */
export async function execute(this: IExecuteFunctions, itemIndex: number, client: SmartschoolClient) {
	const code = readLocator(this, 'group', itemIndex, 'Group or Class');
	const found = findGroup(await loadGroupTree(this, client, itemIndex), code);
	if (!found) throw groupNotFound(this.getNode(), code, itemIndex);
	return toFlatGroup(found.node, found.parent);
}
