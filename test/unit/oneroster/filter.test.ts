import type { INode } from 'n8n-workflow';

import { buildFilter, checkRawFilter, combineFilters, parseFilter, quoteValue } from '../../../nodes/OneRoster/actions/filter';

const node: INode = { id: '1', name: 'OneRoster', type: 'n8n-nodes-edu.oneRoster', typeVersion: 1, position: [0, 0], parameters: {} };

describe('OneRoster filter builder', () => {
	it('builds predicates joined by one logical operator, with every value quoted', () => {
		expect(buildFilter(node, 0, [{ field: 'status', operator: 'eq', value: 'active' }], 'AND')).toBe("status='active'");
		expect(
			buildFilter(node, 0, [
				{ field: 'roles.role', operator: 'eq', value: 'student' },
				{ field: 'familyName', operator: 'contains', value: 'jans' },
			], 'OR'),
		).toBe("roles.role='student' OR familyName~'jans'");
		expect(buildFilter(node, 0, [{ field: 'enabledUser', operator: 'ne', value: false }], 'AND')).toBe("enabledUser!='false'");
		expect(buildFilter(node, 0, [], 'AND')).toBeUndefined();
	});

	it.each([
		['eq', '='], ['ne', '!='], ['gt', '>'], ['ge', '>='], ['lt', '<'], ['le', '<='], ['contains', '~'], ['>=', '>='],
	])('operator %s is sent as %s', (operator, symbol) => {
		expect(buildFilter(node, 0, [{ field: 'sourcedId', operator, value: 'x' }], 'AND')).toBe(`sourcedId${symbol}'x'`);
	});

	it('writes dates as the standard wants: dateLastModified as a UTC instant, plain dates as YYYY-MM-DD', () => {
		expect(buildFilter(node, 0, [{ field: 'dateLastModified', operator: 'gt', value: '2024-01-31T08:00:00+01:00' }], 'AND')).toBe(
			"dateLastModified>'2024-01-31T07:00:00.000Z'",
		);
		expect(buildFilter(node, 0, [{ field: 'dateLastModified', operator: 'gt', value: '2024-01-31' }], 'AND')).toBe("dateLastModified>'2024-01-31T00:00:00.000Z'");
		expect(buildFilter(node, 0, [{ field: 'birthDate', operator: 'lt', value: '2010-05-04T00:00:00Z' }], 'AND')).toBe("birthDate<'2010-05-04'");
	});

	it('escapes a quote inside a value by doubling it', () => {
		expect(quoteValue("O'Brien")).toBe("'O''Brien'");
		expect(buildFilter(node, 0, [{ field: 'familyName', operator: 'eq', value: "O'Brien" }], 'AND')).toBe("familyName='O''Brien'");
		expect(parseFilter("familyName='O''Brien'").predicates[0].value).toBe("O'Brien");
	});

	it.each([
		[[{ field: 'status', operator: 'like', value: 'x' }], 'AND', /unknown operator "like".*/],
		[[{ field: 'status x', operator: 'eq', value: 'x' }], 'AND', /invalid field name/],
		[[{ field: 'dateLastModified', operator: 'gt', value: 'yesterday' }], 'AND', /not a date/],
		[[{ field: 'status', operator: 'eq', value: 'x' }], 'XOR', /unknown combination/],
	])('refuses bad conditions with the field and item: %j %s', (conditions, combine, message) => {
		expect(() => buildFilter(node, 3, conditions, combine)).toThrow(message);
		try {
			buildFilter(node, 3, conditions, combine);
		} catch (error) {
			expect((error as { description: string }).description).toMatch(/Item 3, field "Filter"/);
		}
	});

	it.each([
		["status='active'", true],
		["role='student' AND status='active'", true],
		["familyName~'de ' OR givenName~'an'", true],
		["status='active' AND role='student' OR x='1'", false],
		["status=active", false],
		["status=='active'", false],
		["status='active", false],
		["status='active' and role='x'", false],
		["'active'=status", false],
	])('checks a raw filter: %s → %s', (raw, valid) => {
		if (valid) expect(checkRawFilter(node, 0, raw)).toBe(raw);
		else expect(() => checkRawFilter(node, 0, raw)).toThrow(/raw filter is not valid/);
	});

	it('joins the conditions and the raw filter with AND, refusing an OR filter that would mix', () => {
		expect(combineFilters(node, 0, [{ field: 'status', operator: 'eq', value: 'active' }], 'AND', "role='student'")).toBe(
			"status='active' AND role='student'",
		);
		expect(() => combineFilters(node, 0, [{ field: 'a', operator: 'eq', value: '1' }, { field: 'b', operator: 'eq', value: '2' }], 'OR', "c='3'")).toThrow(/cannot be mixed/);
		expect(combineFilters(node, 0, [], 'AND', '  ')).toBeUndefined();
	});
});
