/** The school reference every Employees call needs, shared by both operations and the trigger. */
import type { INodeProperties } from 'n8n-workflow';

import { ORG_ID_TYPES } from '../helpers/employees';

const ORG_ID_TYPE_LABELS: Record<(typeof ORG_ID_TYPES)[number], { name: string; description: string }> = {
	OIE_CODE: { name: 'OIE_CODE (BRIN)', description: 'OnderwijsInstellingserkenningcode: the 4-character BRIN of the school' },
	BP_ID: { name: 'BP_ID (Basispoort)', description: 'The Basispoort identifier of the school' },
	DD_ID: { name: 'DD_ID (DigiDelivery)', description: 'DigiDeliveryId issued by the Central Registration of Edu-iX' },
	AS_ID: { name: 'AS_ID (LAS-Key)', description: "The school's key in its administration system (LAS)" },
	V_ID: { name: 'V_ID (Vestiging, BRIN6)', description: 'VestigingsId in BRIN6 format (BRIN + 2 digits), dummy locations included' },
};

export const schoolFields: INodeProperties[] = [
	{
		displayName: 'School Identified By',
		name: 'schoolIdentifiedBy',
		type: 'options',
		default: 'orgMasterId',
		options: [
			{
				name: 'RIO ID (OrgMasterId)',
				value: 'orgMasterId',
				description: 'The OnderwijsaanbiederId from RIO (Registratie Instellingen en Opleidingen), the primary school identifier',
			},
			{
				name: 'Secondary ID (OrgId + OrgIdType)',
				value: 'orgId',
				description: 'A BRIN, vestiging or platform ID, when the RIO ID is not available',
			},
		],
	},
	{
		displayName: 'RIO ID (OrgMasterId)',
		name: 'orgMasterId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '104A158',
		description: "The school's OnderwijsaanbiederId in RIO (Registratie Instellingen en Opleidingen, DUO's register of schools), sent as orgMasterId",
		displayOptions: { show: { schoolIdentifiedBy: ['orgMasterId'] } },
	},
	{
		displayName: 'Organisation ID Type',
		name: 'orgIdType',
		type: 'options',
		default: 'OIE_CODE',
		options: ORG_ID_TYPES.map((value) => ({ value, ...ORG_ID_TYPE_LABELS[value] })),
		description: 'Sent as orgIdType',
		displayOptions: { show: { schoolIdentifiedBy: ['orgId'] } },
	},
	{
		displayName: 'Organisation ID',
		name: 'orgId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '12AB',
		description: 'The secondary identifier of the school, sent as orgId',
		displayOptions: { show: { schoolIdentifiedBy: ['orgId'] } },
	},
];

/** School-list options of Get Many and the trigger. */
export const listOptions: INodeProperties[] = [
	{
		displayName: 'Filter by Organisation ID',
		name: 'filterByOrgId',
		type: 'options',
		default: 'default',
		options: [
			{ name: 'Server Default', value: 'default', description: 'Send nothing: primary schools (PO) filter, secondary schools (VO) do not' },
			{ name: 'Only This Identifier', value: 'true', description: 'Sends filterByOrgId=true: only staff of this secondary identifier' },
			{ name: 'Whole Onderwijsaanbieder', value: 'false', description: 'Sends filterByOrgId=false: all staff of the school board entity' },
		],
		description: 'Only with a secondary ID; with a RIO ID it must stay default or false. Check that the source supports it.',
	},
	{
		displayName: 'School Period ID',
		name: 'schoolPeriodId',
		type: 'string',
		default: '',
		placeholder: '2025-2026',
		description: 'Only employees within this school period. IDs come from the Edu-V Association API (/schoolperiods/school); an unknown one fails with Edu-V 2008.',
	},
];
