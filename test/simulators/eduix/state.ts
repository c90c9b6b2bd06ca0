/** The simulator's data: schools, their employees, registered clients, consent, issued tokens and used jti's. */
import { randomBytes } from 'node:crypto';

import { employeeKey } from '../../../nodes/EduixEmployees/helpers/employees';
import {
	DEFAULT_READINGS,
	type Employee,
	type EduixReadings,
	type IssuedToken,
	type Location,
	type RegisteredClient,
	type School,
	type StoredEmployee,
} from './types';

export type OrgIdType = 'OIE_CODE' | 'BP_ID' | 'DD_ID' | 'AS_ID' | 'V_ID';

const LOCATION_FIELD: Record<Exclude<OrgIdType, 'OIE_CODE'>, keyof Location> = { V_ID: 'vId', BP_ID: 'bpId', DD_ID: 'ddId', AS_ID: 'asId' };

export interface SchoolMatch {
	school: School;
	/** The locations the identifier names: every location for a RIO id or a BRIN. */
	locations: number[];
}

export class EduixState {
	readings: EduixReadings;
	readonly schools = new Map<string, School>();
	/** By employeeKey (e.g. "ASI:…"). */
	readonly employees = new Map<string, StoredEmployee>();
	readonly clients = new Map<string, RegisteredClient>();
	/** `${clientId}|${masterId}`: the school activated the Employees data service for that client. */
	readonly consent = new Set<string>();
	readonly tokens = new Map<string, IssuedToken>();
	/** jti's of accepted assertions, until their exp (ms). */
	readonly usedJti = new Map<string, number>();

	constructor(readings: Partial<EduixReadings> = {}) {
		this.readings = { ...DEFAULT_READINGS, ...readings };
	}

	setReadings(readings: Partial<EduixReadings>): void {
		this.readings = { ...this.readings, ...readings };
	}

	addSchool(school: School): School {
		this.schools.set(school.masterId, school);
		return school;
	}

	registerClient(client: RegisteredClient): void {
		this.clients.set(client.clientId, client);
	}

	setConsent(clientId: string, masterId: string, given: boolean): void {
		const key = `${clientId}|${masterId}`;
		if (given) this.consent.add(key);
		else this.consent.delete(key);
	}

	hasConsent(clientId: string, masterId: string): boolean {
		return this.consent.has(`${clientId}|${masterId}`);
	}

	issueToken(clientId: string, scopes: string[], lifetimeSeconds = this.readings.tokenLifetimeSeconds): string {
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, { clientId, scopes, expiresAt: Date.now() + lifetimeSeconds * 1000 });
		return token;
	}

	/** Every issued token stops working, as after a restart of the authorization server. */
	expireTokens(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	findSchool(query: { orgMasterId?: string; orgId?: string; orgIdType?: string }): SchoolMatch | undefined {
		if (query.orgMasterId !== undefined) {
			const school = this.schools.get(query.orgMasterId);
			return school && { school, locations: school.locations.map((_, index) => index) };
		}
		for (const school of this.schools.values()) {
			if (query.orgIdType === 'OIE_CODE') {
				if (school.oieCode === query.orgId) return { school, locations: school.locations.map((_, index) => index) };
				continue;
			}
			const field = LOCATION_FIELD[query.orgIdType as keyof typeof LOCATION_FIELD];
			const index = school.locations.findIndex((location) => location[field] === query.orgId);
			if (index >= 0) return { school, locations: [index] };
		}
		return undefined;
	}

	addEmployee(schoolId: string, employee: Employee, options: { location?: number; periods?: string[] } = {}): StoredEmployee {
		const school = this.schools.get(schoolId);
		if (!school) throw new Error(`Unknown school ${schoolId}`);
		const stored: StoredEmployee = { schoolId, location: options.location ?? 0, periods: options.periods ?? [...school.periods], employee };
		this.employees.set(employeeKey(employee), stored);
		return stored;
	}

	/** Changes fields of an employee and stamps dateLastModified. */
	updateEmployee(key: string, patch: Partial<Employee>): Employee {
		const stored = this.employees.get(key);
		if (!stored) throw new Error(`Unknown employee ${key}`);
		stored.employee = { ...stored.employee, ...patch, dateLastModified: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
		return stored.employee;
	}

	removeEmployee(key: string): void {
		this.employees.delete(key);
	}

	employeesOf(schoolId: string): StoredEmployee[] {
		return [...this.employees.values()].filter((stored) => stored.schoolId === schoolId);
	}
}
