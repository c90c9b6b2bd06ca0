import type { INode } from 'n8n-workflow';

import { fullName, employeeKey, leftReason, simplifyEmployee, type Employee } from '../../../nodes/EduixEmployees/helpers/employees';
import { readCredentials } from '../../../nodes/EduixEmployees/transport/credentials';
import { normaliseStatus } from '../../../nodes/EduixEmployees/transport/errors';
import { SecretSet } from '../../../nodes/shared/errors';
import { tlsFingerprint } from '../../../nodes/shared/pools';
import { demoKeys } from '../../simulators/eduix';

const node: INode = { id: '1', name: 'Edu-iX Employees', type: 'n8n-nodes-edu.eduixEmployees', typeVersion: 1, position: [0, 0], parameters: {} };
const keys = demoKeys();

describe('Edu-iX transport helpers', () => {
	it('normalises the status of an Edu-V body from number or string to four digits', () => {
		expect(normaliseStatus(22)).toBe('0022');
		expect(normaliseStatus('22')).toBe('0022');
		expect(normaliseStatus('0022')).toBe('0022');
		expect(normaliseStatus(2008)).toBe('2008');
		expect(normaliseStatus('E-17')).toBe('E-17');
		expect(normaliseStatus('')).toBeUndefined();
		expect(normaliseStatus(null)).toBeUndefined();
	});

	it('carries the TLS client certificate and key to the token request and every call (mTLS)', () => {
		const secrets = new SecretSet();
		const credentials = readCredentials(
			node,
			{ baseUrl: 'https://api.vendor.example/eduv/v1/', tokenUrl: 'https://auth.vendor.example/token', clientId: 'c', privateKey: keys.privateKey, tlsCertificate: keys.certificate, tlsPrivateKey: keys.privateKey },
			secrets,
		);
		expect(credentials.baseUrl).toBe('https://api.vendor.example/eduv/v1');
		expect(credentials.tls).toEqual({ cert: keys.certificate.trim(), key: keys.privateKey.trim() });
		expect(credentials.oauth?.tls).toBe(credentials.tls);
		// The pool key tells this identity apart from no identity without holding the key.
		expect(tlsFingerprint(credentials.tls)).not.toBe(tlsFingerprint(undefined));
		expect(secrets.redact(keys.privateKey.trim())).toBe('[redacted]');
	});
});

describe('Edu-iX employee mappers', () => {
	const employee: Employee = {
		userIds: [
			{ userId: 'eck-1', userIdType: 'eckId' },
			{ userId: 'las-1', userIdType: 'ASI' },
		],
		givenName: 'Sanne',
		preferredFirstName: 'San',
		familyNamePrefix: 'van',
		familyName: 'Dijk',
		email: 's.vandijk@school.example',
		phone: '+31300000000',
		organisationRoles: [{ organisationRole: 'leraar', organisation: { organisationMasterIdentifier: '104A158' }, beginDate: '2025-08-01', endDate: '2026-08-01' }],
		status: 'active',
		dateCreated: '2025-08-01T07:00:00Z',
		dateLastModified: '2025-12-12T11:29:32Z',
	};

	it('keys an employee by the administration system id first', () => {
		expect(employeeKey(employee)).toBe('ASI:las-1');
		expect(employeeKey({ userIds: [{ userId: 'x', userIdType: 'eduID' }] })).toBe('eduID:x');
		expect(employeeKey({ userMasterIdentifier: 'M', userIds: [] })).toBe('M');
	});

	it('simplifies to identifiers, name, e-mail and roles', () => {
		expect(simplifyEmployee(employee)).toEqual({
			userIds: employee.userIds,
			givenName: 'Sanne',
			preferredFirstName: 'San',
			familyNamePrefix: 'van',
			familyName: 'Dijk',
			email: 's.vandijk@school.example',
			organisationRoles: employee.organisationRoles,
			fullName: 'San van Dijk',
		});
		expect(fullName({ givenName: 'Jan', familyName: 'Smit' })).toBe('Jan Smit');
	});

	it('treats the role end date as exclusive and tobedeleted as left', () => {
		expect(leftReason(employee, '2026-07-31')).toBeUndefined();
		expect(leftReason(employee, '2026-08-01')).toBe('rolesEnded');
		expect(leftReason({ ...employee, status: 'tobedeleted' }, '2025-01-01')).toBe('tobedeleted');
		expect(leftReason({ ...employee, organisationRoles: [] }, '2030-01-01')).toBeUndefined();
	});
});
