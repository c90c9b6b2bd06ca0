/** Endpoints whose behaviour differs from the generic executor, by operationId. Only these four. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OneRosterClient } from '../../transport';
import type { Endpoint } from '../endpoints';
import * as createUser from './createUser';
import * as deleteUser from './deleteUser';
import * as getUserWithDemographics from './getUserWithDemographics';
import * as updateUser from './updateUser';

export interface Override {
	/** Extra parameters beside the path parameters. */
	description?: (show: Record<string, string[]>) => INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: OneRosterClient,
		row: Endpoint,
		path: string,
		ids: Record<string, string>,
		query: Record<string, string[] | undefined>,
	): Promise<IDataObject>;
}

export const OVERRIDES: Readonly<Record<string, Override>> = Object.freeze({
	createUser,
	deleteUser,
	getUserWithDemographics,
	updateUser,
});

export function overrideFor(row: Endpoint): Override | undefined {
	return Object.hasOwn(OVERRIDES, row.id) ? OVERRIDES[row.id] : undefined;
}
