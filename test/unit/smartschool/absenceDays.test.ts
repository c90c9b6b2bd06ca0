import { dayIn } from '../../../nodes/Smartschool/trigger/absences';

describe('Smartschool Trigger: the days of the absence window', () => {
	it('counts calendar days in the workflow time zone, also on the night clocks go back', () => {
		// 2026-10-25 23:30 in Brussels (CET, after the change from CEST): 24 hours earlier is still 25 October there.
		const lateSunday = Date.parse('2026-10-25T22:30:00Z');
		expect(dayIn('Europe/Brussels', 0, lateSunday)).toBe('2026-10-25');
		expect(dayIn('Europe/Brussels', 1, lateSunday)).toBe('2026-10-24');
		expect(dayIn('Europe/Brussels', 31, lateSunday)).toBe('2026-09-24');
	});

	it('uses the zone, not UTC, for today', () => {
		const justAfterMidnight = Date.parse('2026-03-01T23:15:00Z');
		expect(dayIn('Europe/Brussels', 0, justAfterMidnight)).toBe('2026-03-02');
		expect(dayIn('UTC', 0, justAfterMidnight)).toBe('2026-03-01');
		expect(dayIn('Europe/Brussels', 1, justAfterMidnight)).toBe('2026-03-01');
	});
});
