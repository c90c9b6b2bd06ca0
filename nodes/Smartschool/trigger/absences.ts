/**
 * The absences feed of the Smartschool Trigger. V3 has no change feed, so each poll reads the half-day
 * registrations of every date in the window (getAbsentsByDate, or getAbsentsByDateAndGroup for one class or
 * group) and compares them with the previous poll's `<date>|<student>` → hash snapshot (shared/poll.ts).
 * A date that leaves the window is dropped from the snapshot without a "removed" event.
 */
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { changeItems, contentHash, pollSnapshot, selectedEvents, type FirstPollBehaviour } from '../../shared/poll';
import { dateItems, type AbsenceItem } from '../actions/absence/codes';
import { groupLocatorFor } from '../actions/common.descriptions';
import type { SmartschoolClient } from '../transport';

const show = { show: { watch: ['absences'] } };
const MAX_DAYS = 31;
const SNAPSHOT_KEY = 'absenceSnapshot';

export const absenceProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'absenceEvents',
		type: 'multiOptions',
		required: true,
		default: ['added', 'changed'],
		displayOptions: show,
		options: [
			{ name: 'Absence Registered', value: 'added', description: 'A student got a registration on a date of the window' },
			{ name: 'Absence Changed', value: 'changed', description: 'The morning (am) or afternoon (pm) code of a registration changed' },
			{ name: 'Absence Removed', value: 'removed', description: 'A registration of a date still in the window is gone' },
		],
	},
	{
		displayName: 'Dates',
		name: 'range',
		type: 'options',
		default: 'today',
		displayOptions: show,
		options: [
			{ name: 'Today', value: 'today' },
			{ name: 'Yesterday', value: 'yesterday' },
			{ name: 'Today and the Days Before', value: 'lastDays', description: 'A window of several days up to today' },
		],
		description: 'Which school days to watch, in the workflow\'s time zone',
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 1, maxValue: MAX_DAYS },
		displayOptions: { show: { watch: ['absences'], range: ['lastDays'] } },
		description: 'How many days, today included (one call per day and poll)',
	},
	{
		...groupLocatorFor('absenceGroup', 'Class or Group', {
			description: 'Watch the students of this class (klas) or group only. Leave empty to watch the whole school.',
		}),
		displayOptions: show,
	},
	{
		displayName: 'Only Absent',
		name: 'absentOnly',
		type: 'boolean',
		default: true,
		displayOptions: show,
		description: 'Whether to ignore registrations that say present (|) or late (L) for both half-days',
	},
];

/**
 * YYYY-MM-DD of the calendar day `back` days before today in the time zone. Calendar arithmetic on today's local
 * date, not `now - 24 h`: on the night clocks go back, 24 hours earlier is still the same local day.
 */
export function dayIn(timeZone: string, back: number, now = Date.now()): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
	const [year, month, day] = today.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day - back)).toISOString().slice(0, 10);
}

function windowDates(context: IPollFunctions): string[] {
	const range = context.getNodeParameter('range', 'today') as string;
	const timeZone = context.getTimezone();
	if (range === 'today') return [dayIn(timeZone, 0)];
	if (range === 'yesterday') return [dayIn(timeZone, 1)];
	const days = Number(context.getNodeParameter('days', 7));
	if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
		throw new NodeOperationError(context.getNode(), `Days: "${String(days)}" is out of range`, { description: `Allowed: a whole number from 1 to ${MAX_DAYS}` });
	}
	return Array.from({ length: days }, (_, back) => dayIn(timeZone, days - 1 - back));
}

const idOf = (entry: AbsenceItem) => `${entry.date}|${entry.student}`;

export async function pollAbsences(this: IPollFunctions, client: SmartschoolClient): Promise<IDataObject[]> {
	const events = selectedEvents(this.getNode(), this.getNodeParameter('absenceEvents', []));
	const code = String(this.getNodeParameter('absenceGroup', '', { extractValue: true }) ?? '').trim();
	const absentOnly = this.getNodeParameter('absentOnly', true) !== false;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const dates = windowDates(this);

	const records: AbsenceItem[] = [];
	for (const date of dates) {
		const decoded = code
			? await client.call('getAbsentsByDateAndGroup', { date, code })
			: await client.call('getAbsentsByDate', { date });
		for (const entry of dateItems(decoded, date, 'userId')) if (!absentOnly || entry.absent) records.push(entry);
	}
	const diff = pollSnapshot({
		staticData: this.getWorkflowStaticData('node'),
		records,
		idOf,
		hashOf: (entry) => contentHash({ am: entry.am, pm: entry.pm }),
		manual: this.getMode() === 'manual',
		firstPoll: (options.firstPoll === 'all' ? 'all' : 'nothing') as FirstPollBehaviour,
		key: SNAPSHOT_KEY,
	});
	// Dates that left the window are forgotten, not reported as removed.
	const inWindow = new Set(dates);
	const removedIds = diff.removedIds.filter((id) => inWindow.has(id.slice(0, id.indexOf('|'))));
	return changeItems({ ...diff, removedIds }, events, { recordKey: 'absence', idOf });
}
