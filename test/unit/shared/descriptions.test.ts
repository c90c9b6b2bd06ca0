import { returnAllAndLimit, simplifyOption } from '../../../nodes/shared/descriptions';

describe('returnAllAndLimit', () => {
	it('builds Return All and a Limit shown only while Return All is off', () => {
		const show = { resource: ['user'], operation: ['getAll'] };
		const [returnAll, limit] = returnAllAndLimit(show);
		expect(returnAll).toMatchObject({
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		});
		expect(limit).toMatchObject({
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		});
		expect(limit.typeOptions).not.toHaveProperty('maxValue');
		expect(show).toEqual({ resource: ['user'], operation: ['getAll'] });
	});

	it('takes a default and a maximum', () => {
		const [, limit] = returnAllAndLimit({ operation: ['getAll'] }, { defaultLimit: 10, maxLimit: 500 });
		expect(limit.default).toBe(10);
		expect(limit.typeOptions).toEqual({ minValue: 1, maxValue: 500 });
	});
});

describe('simplifyOption', () => {
	it('is on by default and says what it keeps', () => {
		const option = simplifyOption({ operation: ['get'] }, 'ID, names and e-mail');
		expect(option).toMatchObject({ name: 'simplify', type: 'boolean', default: true, displayOptions: { show: { operation: ['get'] } } });
		expect(option.description).toBe(
			'Whether to return a simplified version of the response instead of the raw data (keeps ID, names and e-mail)',
		);
	});
});
