import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireString } from '../../../shared/validate';
import type { SmartschoolClient } from '../../transport';

/**
 * The getUserDetailsBy… methods: one required text field, one call, the same record as User › Get. They ignore
 * the platform's "Uniek veld", so they suit workflows that always hold the same kind of key.
 */
export interface DetailsBySpec {
	operation: string;
	method: 'getUserDetailsByUsername' | 'getUserDetailsByNumber' | 'getUserDetailsByScannableCode';
	part: 'username' | 'number' | 'scannableCode';
	field: Omit<INodeProperties, 'name' | 'type' | 'required' | 'default'>;
}

export function detailsByDescription(spec: DetailsBySpec): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['user'], operation: [spec.operation] } }, [
		{ ...spec.field, name: spec.part, type: 'string', required: true, default: '' },
	]);
}

export async function detailsBy(this: IExecuteFunctions, spec: DetailsBySpec, itemIndex: number, client: SmartschoolClient) {
	const value = requireString(this.getNodeParameter(spec.part, itemIndex, ''), {
		node: this.getNode(),
		field: spec.field.displayName,
		itemIndex,
	});
	return (await client.call(spec.method, { [spec.part]: value }, { itemIndex })) as IDataObject;
}
