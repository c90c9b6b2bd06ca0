/** Data and switches of the Edu-V Employees simulator. Field names follow the Employee model v1.1.0. */
import type { KeyObject } from 'node:crypto';

import type { Employee } from '../../../nodes/EduixEmployees/helpers/employees';

export type { Employee } from '../../../nodes/EduixEmployees/helpers/employees';

/**
 * One switch per point the reference marks unverified [G]; the node is tested against each reading.
 */
export interface EduixReadings {
	/** `status` of error bodies: the catalogue's zero-padded string ("0022") or the OpenAPI's integer (22). */
	statusFormat: 'string' | 'number';
	/** How the token endpoint finds the client's public key: the `kid` header, or the first `x5c` certificate. */
	assertionKey: 'kid' | 'x5c';
	/** What the assertion's `aud` must be: the token endpoint URL (RFC 7523) or the issuer (the server origin). */
	audience: 'tokenUrl' | 'issuer';
	/** Where the POST /employees lookup expects the person: under `employee`, or beside `school`. */
	personField: 'employee' | 'topLevel';
	/** The code for an unknown school: the catalogue's 0023 or the test lab's business code 2001. */
	unknownSchoolCode: '0023' | '2001';
	/**
	 * GET /employees/school without any school (the Test button's call): the catalogue's 0011 schema error, or
	 * the unknown-school code. Neither is documented for this case.
	 */
	noSchool: 'schema' | 'unknownSchool';
	/** POST /employees for an employee the school does not have: 404 with an Edu-V 0099 body, or 404 without body. */
	notFound: 'eduv' | 'empty';
	/** Sent as the API-Version response header; a request header with another major version gets 0012. */
	apiVersion: string;
	/** Lifetime of issued access tokens. */
	tokenLifetimeSeconds: number;
}

export const DEFAULT_READINGS: EduixReadings = {
	statusFormat: 'string',
	assertionKey: 'kid',
	audience: 'tokenUrl',
	personField: 'employee',
	unknownSchoolCode: '0023',
	noSchool: 'schema',
	notFound: 'eduv',
	apiVersion: '1.1.0',
	tokenLifetimeSeconds: 3600,
};

export const SCOPES = ['eduv.employee.basic', 'eduv.employee.communication', 'eduv.employee.roles'] as const;

export interface Location {
	/** V_ID: BRIN6. */
	vId: string;
	bpId: string;
	ddId: string;
	asId: string;
}

export interface School {
	/** RIO OnderwijsaanbiederId (orgMasterId). */
	masterId: string;
	name: string;
	/** PO: primary, filterByOrgId defaults to true; VO: secondary, defaults to false. */
	sector: 'PO' | 'VO';
	/** BRIN4, shared by all locations. */
	oieCode: string;
	locations: Location[];
	/** School period IDs the source knows (Association API style). */
	periods: string[];
}

export interface StoredEmployee {
	schoolId: string;
	/** Index into the school's locations: the secondary identifier the employee works at. */
	location: number;
	/** School periods the employee is in. */
	periods: string[];
	employee: Employee;
}

export interface RegisteredClient {
	clientId: string;
	/** private_key_jwt keys by kid; `certificate` (PEM) is what an x5c chain must start with. */
	keys: Array<{ kid: string; publicKey: KeyObject; certificate?: string }>;
	secret?: string;
	/** Scopes the vendor granted this client. */
	scopes: string[];
}

export interface IssuedToken {
	clientId: string;
	scopes: string[];
	/** ms since epoch */
	expiresAt: number;
}
