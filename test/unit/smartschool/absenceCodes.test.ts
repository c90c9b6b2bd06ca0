import { dateItems, meaningOf, studentYearItems } from '../../../nodes/Smartschool/actions/absence/codes';
import { decodeJson } from '../../../nodes/Smartschool/transport/codecs';

describe('Smartschool absence answers → items', () => {
	it('gives each half-day code its meaning; null is no registration; unknown codes pass through', () => {
		expect(meaningOf('Z')).toBe('sick');
		expect(meaningOf('|')).toBe('present');
		expect(meaningOf(null)).toBeNull();
		expect(meaningOf('G')).toMatch(/code G \(meaning not documented/);
	});

	it('reads plain codes and {code, alias} alike; late and present are not absent', () => {
		const decoded = decodeJson('{"1017":{"am":"L","pm":"|"},"1018":{"am":{"code":"Z","alias":"ziek"},"pm":null}}');
		expect(dateItems(decoded, '2025-11-17', 'userId')).toEqual([
			{ date: '2025-11-17', student: '1017', studentKey: 'userId', am: 'L', amMeaning: 'late', pm: '|', pmMeaning: 'present', absent: false },
			{ date: '2025-11-17', student: '1018', studentKey: 'userId', am: 'Z', amMeaning: 'sick', amAlias: 'ziek', pm: null, pmMeaning: null, absent: true },
		]);
	});

	it('sorts a school year by date, and reads PHP\'s empty map `[]` as no registrations', () => {
		const decoded = decodeJson('{"2026-01-12":{"am":"D","pm":"D"},"2025-09-08":{"am":"-","pm":"|"}}');
		expect(studentYearItems(decoded, 'jan.peeters').map((item) => item.date)).toEqual(['2025-09-08', '2026-01-12']);
		expect(studentYearItems(decodeJson('[]'), 'jan.peeters')).toEqual([]);
		expect(dateItems(decodeJson('[]'), '2025-11-17', 'username')).toEqual([]);
	});
});
