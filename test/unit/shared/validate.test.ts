import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	booleanValue,
	integerInRange,
	oneOf,
	optionalString,
	parseDate,
	parseJson,
	requireString,
	validateEmail,
	type FieldContext,
} from '../../../nodes/shared/validate';

const node: INode = {
	id: 'node-1',
	name: 'Evalytics',
	type: 'n8n-nodes-edu.evalytics',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function ctx(field: string, itemIndex = 3): FieldContext {
	return { node, field, itemIndex };
}

/** Runs a check expected to fail and returns its error, asserting the shared shape of every failure. */
function failure(check: () => unknown, field: string): NodeOperationError {
	try {
		check();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		const nodeError = error as NodeOperationError;
		expect(nodeError.message).toContain(field);
		expect(nodeError.context.itemIndex).toBe(3);
		expect(nodeError.description).toContain('Item 3');
		expect(nodeError.description).toContain('Allowed:');
		return nodeError;
	}
	throw new Error('expected the check to fail');
}

describe('requireString / optionalString', () => {
	it('trims, accepts numbers as text and refuses empty or non-text values', () => {
		expect(requireString('  abc ', ctx('Name'))).toBe('abc');
		expect(requireString(42, ctx('User ID'))).toBe('42');
		failure(() => requireString('   ', ctx('Name')), 'Name');
		failure(() => requireString(undefined, ctx('Name')), 'Name');
		failure(() => requireString({ a: 1 }, ctx('Name')), 'Name');
		failure(() => requireString(NaN, ctx('Name')), 'Name');
	});

	it('returns undefined for empty optional values', () => {
		expect(optionalString('', ctx('Search'))).toBeUndefined();
		expect(optionalString(null, ctx('Search'))).toBeUndefined();
		expect(optionalString(' q ', ctx('Search'))).toBe('q');
		failure(() => optionalString(true, ctx('Search')), 'Search');
	});
});

describe('validateEmail', () => {
	it.each(['an.de-vries@school.nl', 'Piet+test@Sub.Example.BE', "o'brien@x.io", 'jörg@müller.de', ' a@b.co '])(
		'accepts %s as given (trimmed, case kept)',
		(address) => {
			expect(validateEmail(address, ctx('E-mail'))).toBe(address.trim());
		},
	);

	it.each(['', 'plain', '@school.nl', 'a@', 'a@b', 'a..b@school.nl', '.a@school.nl', 'a.@school.nl', 'a b@school.nl', 'a@-school.nl', 'a@school..nl', 'a@1.2.3.4', 'a@b@c.nl', `${'x'.repeat(65)}@school.nl`])(
		'refuses %j naming the field',
		(address) => {
			failure(() => validateEmail(address, ctx('E-mail')), 'E-mail');
		},
	);
});

describe('parseDate', () => {
	const date = (value: unknown, output: 'iso-date' | 'iso-datetime' | 'dd-mm-yyyy', accept?: Array<'iso' | 'dd-mm-yyyy'>) =>
		parseDate(value, { ...ctx('Birth Date'), output, accept });

	it('reads ISO dates and n8n dateTime strings', () => {
		expect(date('2024-02-29', 'iso-date')).toBe('2024-02-29');
		expect(date('2024-09-01T08:30:00', 'iso-date')).toBe('2024-09-01');
		expect(date('2024-09-01T08:30:00', 'dd-mm-yyyy')).toBe('01-09-2024');
		expect(date('2024-09-01T08:30', 'iso-datetime')).toBe('2024-09-01T08:30:00');
		expect(date('2024-09-01 08:30:15.250+0200', 'iso-datetime')).toBe('2024-09-01T08:30:15.250+02:00');
		expect(date('2024-09-01T08:30:00z', 'iso-datetime')).toBe('2024-09-01T08:30:00Z');
		expect(date('2024-09-01', 'iso-datetime')).toBe('2024-09-01T00:00:00');
	});

	it('reads day-first dates, Date objects and luxon-like values', () => {
		expect(date('1-9-2024', 'iso-date')).toBe('2024-09-01');
		expect(date('01/09/2024', 'dd-mm-yyyy')).toBe('01-09-2024');
		expect(date(new Date('2024-09-01T06:30:00Z'), 'iso-datetime')).toBe('2024-09-01T06:30:00.000Z');
		expect(date({ toISO: () => '2024-09-01T08:30:00.000+02:00' }, 'iso-date')).toBe('2024-09-01');
	});

	it('gives a date-time written without an offset the offset its zone has at that moment; a written offset wins', () => {
		const zoned = (value: string, zone: string) => parseDate(value, { ...ctx('Due Date'), output: 'iso-datetime', zone });
		expect(zoned('2026-09-01T08:00:00', 'Europe/Brussels')).toBe('2026-09-01T08:00:00+02:00');
		expect(zoned('2026-12-01T08:00:00', 'Europe/Brussels')).toBe('2026-12-01T08:00:00+01:00');
		// Either side of the change back to winter time (Brussels, 25 October 2026, 03:00 → 02:00).
		expect(zoned('2026-10-25T01:30:00', 'Europe/Brussels')).toBe('2026-10-25T01:30:00+02:00');
		expect(zoned('2026-10-25T04:00:00', 'Europe/Brussels')).toBe('2026-10-25T04:00:00+01:00');
		expect(zoned('2026-01-15T23:59', 'America/New_York')).toBe('2026-01-15T23:59:00-05:00');
		expect(zoned('2026-01-15', 'Asia/Kolkata')).toBe('2026-01-15T00:00:00+05:30');
		expect(zoned('2026-01-15T10:00:00Z', 'Europe/Brussels')).toBe('2026-01-15T10:00:00Z');
		expect(zoned('2026-01-15T10:00:00-03:00', 'Europe/Brussels')).toBe('2026-01-15T10:00:00-03:00');
	});

	it.each(['31-02-2024', '29-02-2023', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-09-01T24:00:00', '2024-09-01T10:60', '2024-09-01T10:00+19:00'])(
		'refuses %s as not a real date',
		(value) => {
			expect(failure(() => date(value, 'iso-date'), 'Birth Date').message).toMatch(/not a real date/);
		},
	);

	it('refuses unknown formats, formats not accepted and non-dates, listing what is allowed', () => {
		const error = failure(() => date('September 1st', 'iso-date'), 'Birth Date');
		expect(error.description).toContain('YYYY-MM-DD');
		expect(error.description).toContain('DD-MM-YYYY');
		const isoOnly = failure(() => date('01-09-2024', 'iso-date', ['iso']), 'Birth Date');
		expect(isoOnly.description).not.toContain('DD-MM-YYYY');
		failure(() => date('2024-09-01', 'iso-date', ['dd-mm-yyyy']), 'Birth Date');
		failure(() => date(new Date('nonsense'), 'iso-date'), 'Birth Date');
		failure(() => date({ toISO: () => null }, 'iso-date'), 'Birth Date');
		failure(() => date(20240901, 'iso-date'), 'Birth Date');
		failure(() => date('', 'iso-date'), 'Birth Date');
	});
});

describe('parseJson', () => {
	it('parses text, takes what an expression already built as it is, and refuses invalid JSON naming the field', () => {
		const json = (value: unknown) => parseJson(value, { ...ctx('Metadata'), allowed: 'a JSON object' });
		expect(json('{"a": [1]}')).toEqual({ a: [1] });
		const built = { a: 1 };
		expect(json(built)).toBe(built);
		const error = failure(() => json('{a'), 'Metadata');
		expect(error.message).toBe('Metadata: is not valid JSON');
		expect(error.description).toContain('a JSON object');
	});
});

describe('oneOf', () => {
	const roles = ['student', 'teacher'] as const;

	it('returns the matching value and lists the allowed ones otherwise', () => {
		expect(oneOf(' teacher ', roles, ctx('Role'))).toBe('teacher');
		const error = failure(() => oneOf('Teacher', roles, ctx('Role')), 'Role');
		expect(error.description).toContain('student, teacher');
		failure(() => oneOf(undefined, roles, ctx('Role')), 'Role');
		failure(() => oneOf('__proto__', roles, ctx('Role')), 'Role');
	});
});

describe('integerInRange', () => {
	it('accepts whole numbers and numeric text', () => {
		expect(integerInRange(12, ctx('Limit'))).toBe(12);
		expect(integerInRange(' 12 ', ctx('Limit'))).toBe(12);
		expect(integerInRange('-3', { ...ctx('Offset'), min: -5 })).toBe(-3);
		expect(integerInRange(5, { ...ctx('Limit'), min: 1, max: 5 })).toBe(5);
	});

	it.each([['1.5'], [1.5], ['abc'], ['1e3'], [''], [null], [Infinity], [9007199254740993], [true]])('refuses %p', (value) => {
		failure(() => integerInRange(value, ctx('Limit')), 'Limit');
	});

	it('names the range when out of it', () => {
		const error = failure(() => integerInRange(0, { ...ctx('Limit'), min: 1, max: 500 }), 'Limit');
		expect(error.description).toContain('from 1 to 500');
		expect(failure(() => integerInRange('501', { ...ctx('Limit'), max: 500 }), 'Limit').description).toContain('at most 500');
	});
});

describe('booleanValue', () => {
	it('accepts booleans and their usual spellings', () => {
		for (const value of [true, 'true', 'TRUE', ' yes ', '1', 1]) expect(booleanValue(value, ctx('Active'))).toBe(true);
		for (const value of [false, 'false', 'No', '0', 0]) expect(booleanValue(value, ctx('Active'))).toBe(false);
	});

	it('refuses anything else', () => {
		for (const value of ['maybe', 2, undefined, '', {}]) failure(() => booleanValue(value, ctx('Active')), 'Active');
	});
});
