/**
 * OneRoster's filter grammar (§3.2 of the REST binding): `field op 'value'` predicates joined by one logical
 * operator, AND or OR, never both. Built from the node's conditions or checked when written by hand, always
 * before a request is sent; errors name the field and the item.
 */
import type { INode } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';

export const FILTER_OPERATORS = ['=', '!=', '>', '>=', '<', '<=', '~'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * The operator picker's values: n8n reads a parameter value starting with "=" as an expression, so the symbols
 * cannot be option values themselves. A symbol typed in an expression is accepted too.
 */
export const OPERATOR_NAMES: Record<string, FilterOperator> = {
	eq: '=',
	ne: '!=',
	gt: '>',
	ge: '>=',
	lt: '<',
	le: '<=',
	contains: '~',
};

function operatorOf(value: unknown): FilterOperator | undefined {
	const text = String(value ?? '').trim();
	if (Object.hasOwn(OPERATOR_NAMES, text)) return OPERATOR_NAMES[text];
	return FILTER_OPERATORS.find((operator) => operator === text);
}
export type FilterLogic = 'AND' | 'OR';

export interface FilterCondition {
	field: string;
	operator: string;
	value: unknown;
}

const FIELD = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;
/** Date-time fields are compared as UTC instants with Z; plain date fields as YYYY-MM-DD. */
const DATE_TIME_FIELDS = new Set(['dateLastModified', 'assignDate', 'dueDate']);
const DATE_FIELDS = new Set(['birthDate', 'beginDate', 'endDate', 'startDate', 'scoreDate']);

/** No escape is defined by the standard; a quote inside a value is doubled (`O''Brien`), as SQL does. */
export function quoteValue(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

function fieldError(node: INode, itemIndex: number, message: string, allowed?: string): never {
	throw invalidParameter(node, { field: 'Filter', itemIndex, message, allowed });
}

function formatValue(node: INode, itemIndex: number, field: string, raw: unknown): string {
	const leaf = field.split('.').pop()!;
	if (raw instanceof Date || DATE_TIME_FIELDS.has(leaf) || DATE_FIELDS.has(leaf)) {
		const source = raw instanceof Date ? raw.toISOString() : String(raw ?? '').trim();
		const withZone = /^\d{4}-\d{2}-\d{2}$/.test(source) || /(Z|[+-]\d{2}:?\d{2})$/i.test(source) ? source : `${source}Z`;
		const time = Date.parse(withZone);
		if (!source || Number.isNaN(time)) {
			fieldError(node, itemIndex, `the value of ${field} is not a date: "${source}"`, 'an ISO 8601 date such as 2024-01-31 or 2024-01-31T08:00:00Z');
		}
		const iso = new Date(time).toISOString();
		return DATE_FIELDS.has(leaf) ? iso.slice(0, 10) : iso;
	}
	if (typeof raw === 'boolean') return String(raw);
	if (raw === undefined || raw === null) return '';
	if (typeof raw === 'object') fieldError(node, itemIndex, `the value of ${field} must be text, not an object`);
	return String(raw);
}

/** The filter expression for the node's conditions, or undefined when there are none. */
export function buildFilter(node: INode, itemIndex: number, conditions: FilterCondition[], logic: string): string | undefined {
	if (conditions.length === 0) return undefined;
	if (logic !== 'AND' && logic !== 'OR') fieldError(node, itemIndex, `unknown combination "${logic}"`, 'AND, OR');
	const parts = conditions.map((condition, index) => {
		const field = String(condition.field ?? '').trim();
		if (!FIELD.test(field)) {
			fieldError(node, itemIndex, `condition ${index + 1} has an invalid field name "${field}"`, 'a field name such as familyName, or one dotted sub-field such as role.org');
		}
		const operator = operatorOf(condition.operator);
		if (!operator) {
			fieldError(node, itemIndex, `condition ${index + 1} has an unknown operator "${String(condition.operator)}"`, FILTER_OPERATORS.join(' '));
		}
		return `${field}${operator}${quoteValue(formatValue(node, itemIndex, field, condition.value))}`;
	});
	return parts.join(` ${logic} `);
}

interface Predicate {
	field: string;
	operator: FilterOperator;
	value: string;
}

/** Parses a filter expression; throws a message (no node) when it breaks the grammar. */
export function parseFilter(expression: string): { predicates: Predicate[]; logic?: FilterLogic } {
	const predicates: Predicate[] = [];
	let logic: FilterLogic | undefined;
	let at = 0;
	const source = expression.trim();
	const skip = () => {
		while (source[at] === ' ') at++;
	};
	for (;;) {
		skip();
		const field = /^[A-Za-z][A-Za-z0-9.]*/.exec(source.slice(at))?.[0];
		if (!field || !FIELD.test(field)) throw new Error(`expected a field name at position ${at + 1}`);
		at += field.length;
		skip();
		const operator = /^(!=|>=|<=|=|>|<|~)/.exec(source.slice(at))?.[0] as FilterOperator | undefined;
		if (!operator) throw new Error(`unknown or missing operator after "${field}"`);
		at += operator.length;
		skip();
		if (source[at] !== "'") throw new Error(`the value of ${field} must be in single quotes`);
		let value = '';
		at++;
		for (;;) {
			if (at >= source.length) throw new Error(`the value of ${field} has no closing quote`);
			if (source[at] === "'") {
				if (source[at + 1] === "'") {
					value += "'";
					at += 2;
					continue;
				}
				at++;
				break;
			}
			value += source[at++];
		}
		predicates.push({ field, operator, value });
		skip();
		if (at >= source.length) return { predicates, logic };
		const word = /^(AND|OR)(?= )/.exec(source.slice(at))?.[0] as FilterLogic | undefined;
		if (!word) throw new Error(`expected AND or OR at position ${at + 1}`);
		if (logic && logic !== word) throw new Error('AND and OR cannot be mixed in one filter');
		logic = word;
		at += word.length;
	}
}

/** A hand-written filter, checked; returned trimmed. */
export function checkRawFilter(node: INode, itemIndex: number, raw: string): string {
	try {
		parseFilter(raw);
	} catch (error) {
		fieldError(
			node,
			itemIndex,
			`the raw filter is not valid: ${(error as Error).message}`,
			"field op 'value' joined by AND or OR (not both); op is one of = != > >= < <= ~; a quote inside a value is doubled",
		);
	}
	return raw.trim();
}

/** Conditions and raw filter as one expression; both set means both must hold, so they must join with AND. */
export function combineFilters(
	node: INode,
	itemIndex: number,
	conditions: FilterCondition[],
	combine: string,
	raw: string,
): string | undefined {
	const built = buildFilter(node, itemIndex, conditions, combine);
	const written = raw.trim() ? checkRawFilter(node, itemIndex, raw) : undefined;
	if (built && written) return checkRawFilter(node, itemIndex, `${built} AND ${written}`);
	return built ?? written;
}
