/** Reads and checks the school reference and list options before anything is sent. */
import type { IDataObject, IExecuteFunctions, INode, IPollFunctions } from 'n8n-workflow';

import type { QueryValue } from '../../shared/http';
import { invalidParameter } from '../../shared/errors';
import { oneOf, requireString } from '../../shared/validate';
import { ORG_ID_TYPES, type OrganisationReference } from '../helpers/employees';

export interface School {
	/** As query parameters of GET /employees/school. */
	query: { orgMasterId?: string; orgId?: string; orgIdType?: string };
	/** As the `school` object of the POST /employees lookup. */
	reference: OrganisationReference;
	byMasterId: boolean;
}

/** BRIN6: the 4-character BRIN and two digits. */
const BRIN6 = /^[0-9A-Z]{4}\d{2}$/i;

type Context = IExecuteFunctions | IPollFunctions;

function parameter(context: Context, name: string, itemIndex: number, fallback: unknown): unknown {
	return 'getInputData' in context
		? context.getNodeParameter(name, itemIndex, fallback)
		: (context as IPollFunctions).getNodeParameter(name, fallback);
}

export function readSchool(context: Context, itemIndex: number): School {
	const node = context.getNode();
	const mode = oneOf(parameter(context, 'schoolIdentifiedBy', itemIndex, 'orgMasterId'), ['orgMasterId', 'orgId'] as const, {
		node,
		field: 'School Identified By',
		itemIndex,
	});
	if (mode === 'orgMasterId') {
		const orgMasterId = requireString(parameter(context, 'orgMasterId', itemIndex, ''), { node, field: 'RIO ID (OrgMasterId)', itemIndex });
		return { query: { orgMasterId }, reference: { organisationMasterIdentifier: orgMasterId }, byMasterId: true };
	}
	const orgIdType = oneOf(parameter(context, 'orgIdType', itemIndex, ''), ORG_ID_TYPES, { node, field: 'Organisation ID Type', itemIndex });
	const orgId = requireString(parameter(context, 'orgId', itemIndex, ''), { node, field: 'Organisation ID', itemIndex });
	if (orgIdType === 'V_ID' && !BRIN6.test(orgId)) {
		// The reference says warn, not block: dummy locations may not follow the pattern.
		context.logger.warn(`Edu-iX: Organisation ID "${orgId}" (item ${itemIndex}) does not look like a BRIN6 vestiging ID (4 characters and 2 digits)`);
	}
	return {
		query: { orgId, orgIdType },
		reference: { organisationIds: [{ organisationId: orgId, organisationIdType: orgIdType }] },
		byMasterId: false,
	};
}

/** filterByOrgId and schoolPeriodId as query values: absent unless the user set them. */
export function readListOptions(node: INode, options: IDataObject, school: School, itemIndex: number): Record<string, QueryValue> {
	const query: Record<string, QueryValue> = {};
	const filter = options.filterByOrgId === undefined || options.filterByOrgId === '' ? 'default' : options.filterByOrgId;
	const choice = oneOf(typeof filter === 'boolean' ? String(filter) : filter, ['default', 'true', 'false'] as const, {
		node,
		field: 'Filter by Organisation ID',
		itemIndex,
	});
	if (choice === 'true' && school.byMasterId) {
		throw invalidParameter(node, {
			field: 'Filter by Organisation ID',
			itemIndex,
			message: 'Filter by Organisation ID cannot be "Only This Identifier" (true) with a RIO ID (orgMasterId)',
			allowed: 'Server Default or Whole Onderwijsaanbieder with a RIO ID; Only This Identifier needs a secondary ID (orgId + orgIdType)',
		});
	}
	if (choice !== 'default') query.filterByOrgId = choice;
	const period = options.schoolPeriodId;
	if (period !== undefined && period !== null && String(period).trim() !== '') {
		query.schoolPeriodId = requireString(period, { node, field: 'School Period ID', itemIndex });
	}
	return query;
}
