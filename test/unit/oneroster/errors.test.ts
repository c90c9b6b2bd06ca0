import { codeMinorMeaning, describeFailure, mapOneRosterError, readStatus } from '../../../nodes/OneRoster/transport/errors';
import { TransportError } from '../../../nodes/shared/errors';

const failure = (status: number, body: unknown) =>
	new TransportError({ kind: 'http', status, message: `GET x answered HTTP ${status}`, method: 'GET', url: 'https://sis.example.org/x', body });

describe('OneRoster error bodies', () => {
	it('reads the 1.2 imsx_StatusInfo with its nested codeMinor', () => {
		const body = {
			imsx_codeMajor: 'failure',
			imsx_severity: 'error',
			imsx_description: 'unknown field in filter',
			imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'invalid_filter_field' }] },
		};
		expect(readStatus(body)).toEqual({ codeMajor: 'failure', codeMinor: 'invalid_filter_field', description: 'unknown field in filter' });
	});

	it('reads 1.1 statusInfoSet, Ed-Fi\'s flat codeMinor, capitalised spaced values and token errors', () => {
		expect(readStatus({ statusInfoSet: [{ imsx_codeMajor: 'failure', imsx_codeMinor: 'unknownobject', imsx_description: 'no such user' }] })).toMatchObject({
			codeMinor: 'unknownobject',
			description: 'no such user',
		});
		expect(readStatus({ imsx_codeMinor: 'invalid_data', imsx_description: 'bad' })?.codeMinor).toBe('invalid_data');
		expect(readStatus({ CodeMajor: 'failure', CodeMinor: 'unknown object', Description: 'gone' })).toMatchObject({ codeMinor: 'unknown object', description: 'gone' });
		expect(readStatus({ error: 'invalid_client', error_description: 'bad secret' })).toMatchObject({ codeMinor: 'invalid_client', description: 'bad secret' });
		expect(readStatus('<html>gateway</html>')).toBeUndefined();
	});

	it('gives each codeMinor its meaning, whatever its spelling', () => {
		for (const spelling of ['unknownobject', 'unknown object', 'UNKNOWN_OBJECT']) expect(codeMinorMeaning(spelling)).toMatch(/does not know this sourcedId/);
		expect(codeMinorMeaning('invalid data')).toMatch(/rejected the data/);
		expect(codeMinorMeaning('server_busy')).toMatch(/busy/);
		expect(codeMinorMeaning('something else')).toBeUndefined();
	});

	it('maps an error to platform code, message and a description naming the codeMinor', () => {
		const error = mapOneRosterError(failure(403, { imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'forbidden' }] } }));
		expect(error.platformCode).toBe('forbidden');
		expect(describeFailure(error, { write: false })).toBe(
			'The credential may not read this. Check the scopes granted to the client (demographics need roster-demographics). (OneRoster codeMinor forbidden)',
		);
		expect(describeFailure(mapOneRosterError(failure(405, undefined)), { write: true })).toMatch(/may not support user writes/);
		expect(describeFailure(mapOneRosterError(failure(404, { imsx_codeMinor: 'unknownobject' })), { write: true })).toMatch(/does not know this sourcedId/);
	});
});
