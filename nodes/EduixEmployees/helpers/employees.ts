/** The Edu-V Employee model (v1.1.0) and pure mappers over it; nothing here touches the network. */
import type { IDataObject } from 'n8n-workflow';

export const ORG_ID_TYPES = ['OIE_CODE', 'BP_ID', 'DD_ID', 'AS_ID', 'V_ID'] as const;
export type OrgIdType = (typeof ORG_ID_TYPES)[number];

export const USER_ID_TYPES = ['NEPPI', 'BPI', 'eduID', 'NEPRI', 'ASI', 'eckId'] as const;
export type UserIdType = (typeof USER_ID_TYPES)[number];

export interface OrganisationReference {
	organisationMasterIdentifier?: string;
	organisationIds?: Array<{ organisationId: string; organisationIdType: OrgIdType }>;
}

export interface OrganisationRole {
	organisationRole: string;
	organisation: OrganisationReference;
	/** YYYY-MM-DD, inclusive. */
	beginDate: string;
	/** YYYY-MM-DD, exclusive. */
	endDate?: string;
}

export interface UserId {
	userId: string;
	userIdType: UserIdType;
}

export interface Employee extends IDataObject {
	userMasterIdentifier?: string;
	userIds: UserId[];
	givenName: string;
	preferredFirstName?: string;
	familyName: string;
	familyNamePrefix?: string;
	alias?: string;
	email?: string;
	phone?: string;
	mobile?: string;
	organisationRoles?: OrganisationRole[];
	status: 'active' | 'tobedeleted';
	dateCreated: string;
	dateLastModified: string;
}

/** Identifiers, name, e-mail and organisation roles; the rest stays in the raw output. */
export function simplifyEmployee(employee: Employee): IDataObject {
	const result: IDataObject = {};
	const keep = (key: keyof Employee) => {
		if (employee[key] !== undefined && employee[key] !== null && employee[key] !== '') result[key] = employee[key];
	};
	for (const key of ['userMasterIdentifier', 'userIds', 'givenName', 'preferredFirstName', 'familyNamePrefix', 'familyName', 'email', 'organisationRoles'] as const) {
		keep(key);
	}
	result.fullName = fullName(employee);
	return result;
}

/** "Sanne van Dijk": preferred first name when given, then the tussenvoegsel and family name. */
export function fullName(employee: Pick<Employee, 'givenName' | 'preferredFirstName' | 'familyNamePrefix' | 'familyName'>): string {
	return [employee.preferredFirstName || employee.givenName, employee.familyNamePrefix, employee.familyName]
		.filter((part) => typeof part === 'string' && part.trim() !== '')
		.join(' ');
}

/** Preference for the stable key of an employee: the administration system's own id first. */
const ID_PREFERENCE: readonly UserIdType[] = ['ASI', 'NEPPI', 'NEPRI', 'BPI', 'eckId', 'eduID'];

/**
 * A stable key for an employee. Employees have no primary identifier (userMasterIdentifier stays empty), so
 * the preferred secondary one is used, written `TYPE:value`; a later extra id of another type keeps the key.
 */
export function employeeKey(employee: Pick<Employee, 'userMasterIdentifier' | 'userIds'>): string {
	if (employee.userMasterIdentifier) return employee.userMasterIdentifier;
	const ids = Array.isArray(employee.userIds) ? employee.userIds : [];
	for (const type of ID_PREFERENCE) {
		const match = ids.find((id) => id.userIdType === type && id.userId);
		if (match) return `${type}:${match.userId}`;
	}
	const first = ids.find((id) => id.userId);
	return first ? `${String(first.userIdType)}:${first.userId}` : '';
}

export type LeftReason = 'gone' | 'tobedeleted' | 'rolesEnded';

/**
 * Why a listed employee no longer counts as working at the school on `today` (YYYY-MM-DD), or undefined.
 * Roles end on their exclusive endDate; an employee without roles (no roles scope) never leaves this way.
 */
export function leftReason(employee: Employee, today: string): LeftReason | undefined {
	if (employee.status === 'tobedeleted') return 'tobedeleted';
	const roles = Array.isArray(employee.organisationRoles) ? employee.organisationRoles : [];
	if (roles.length > 0 && roles.every((role) => typeof role.endDate === 'string' && role.endDate !== '' && role.endDate <= today)) {
		return 'rolesEnded';
	}
	return undefined;
}
