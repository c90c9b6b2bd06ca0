/**
 * The checks that stand between a broken export and a night of deactivated students. Each gives a verdict with the
 * numbers behind it; the node stops (sending nothing anywhere) when one says "stop". Confirm Removals lets one run
 * through only when it equals that run's removal count, so it stops holding as soon as the numbers change.
 */
import type { KeyProblems } from './compare';

export interface GuardSettings {
	emptySource: boolean;
	keys: boolean;
	removals: boolean;
	maxRemovalCount: number;
	maxRemovalPercent: number;
	shrink: boolean;
	maxShrinkPercent: number;
	/** 0: no confirmation. */
	confirmRemovals: number;
}

export interface Baseline {
	/** Source records of the last run that passed the guards. */
	sourceCount: number;
	/** When that run was (ISO). */
	at: string;
}

export interface GuardFacts {
	sourceCount: number;
	removals: number;
	scopedPlatform: number;
	sourceProblems: KeyProblems;
	baseline: Baseline | undefined;
}

export type GuardName = 'emptySource' | 'sourceKeys' | 'removals' | 'shrink';
export type Verdict = 'pass' | 'stop' | 'confirmed' | 'skipped' | 'off';

export interface GuardVerdict {
	guard: GuardName;
	verdict: Verdict;
	message: string;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

function preview(list: Array<string | number>, max = 10): string {
	const shown = list.slice(0, max).join(', ');
	return list.length > max ? `${shown} … (${list.length} in all)` : shown;
}

/** The most removals a run may make unasked: the larger of the count and the share of the managed accounts. */
export function removalLimit(settings: GuardSettings, scopedPlatform: number): number {
	return Math.max(settings.maxRemovalCount, Math.floor((settings.maxRemovalPercent / 100) * scopedPlatform));
}

export function judge(settings: GuardSettings, facts: GuardFacts): GuardVerdict[] {
	const verdicts: GuardVerdict[] = [];
	const confirmed = settings.confirmRemovals > 0 && settings.confirmRemovals === facts.removals;

	if (!settings.emptySource) verdicts.push({ guard: 'emptySource', verdict: 'off', message: 'Stop When the Source Is Empty is off' });
	else if (facts.sourceCount === 0) {
		verdicts.push({
			guard: 'emptySource',
			verdict: 'stop',
			message:
				'the Source input is empty (0 records: an empty or header-only export?) — syncing it would make every managed account a removal',
		});
	} else verdicts.push({ guard: 'emptySource', verdict: 'pass', message: `${facts.sourceCount} source records` });

	const { missing, duplicates } = facts.sourceProblems;
	if (!settings.keys) verdicts.push({ guard: 'sourceKeys', verdict: 'off', message: 'Stop on Missing or Duplicate Source Keys is off' });
	else if (missing.length || duplicates.length) {
		const parts: string[] = [];
		if (missing.length) parts.push(`${missing.length} source records have no key (items ${preview(missing)})`);
		if (duplicates.length) parts.push(`${duplicates.length} keys appear more than once in the source (${preview(duplicates.map((entry) => `"${entry.key}" ×${entry.items.length}`))})`);
		verdicts.push({ guard: 'sourceKeys', verdict: 'stop', message: parts.join('; ') });
	} else verdicts.push({ guard: 'sourceKeys', verdict: 'pass', message: 'every source record has a unique key' });

	const limit = removalLimit(settings, facts.scopedPlatform);
	if (!settings.removals) verdicts.push({ guard: 'removals', verdict: 'off', message: 'Limit Removals is off' });
	else if (facts.removals > limit) {
		const share = facts.scopedPlatform ? facts.removals / facts.scopedPlatform : 1;
		const numbers =
			`${facts.removals} removals of ${facts.scopedPlatform} managed accounts (${percent(share)}); the limit is ${limit} ` +
			`(the larger of ${settings.maxRemovalCount} accounts and ${settings.maxRemovalPercent} % of ${facts.scopedPlatform})`;
		verdicts.push(confirmed ? { guard: 'removals', verdict: 'confirmed', message: `${numbers} — let through by Confirm Removals = ${facts.removals}` } : { guard: 'removals', verdict: 'stop', message: numbers });
	} else verdicts.push({ guard: 'removals', verdict: 'pass', message: `${facts.removals} removals, limit ${limit}` });

	if (!settings.shrink) verdicts.push({ guard: 'shrink', verdict: 'off', message: 'Stop When the Source Shrinks is off' });
	else if (!facts.baseline) {
		verdicts.push({
			guard: 'shrink',
			verdict: 'skipped',
			message:
				'no baseline: no earlier production run passed the guards (n8n keeps workflow static data only for active workflows, not for manual runs), so the shrink check was skipped',
		});
	} else {
		const { sourceCount, at } = facts.baseline;
		const shrink = sourceCount > 0 ? (sourceCount - facts.sourceCount) / sourceCount : 0;
		const numbers = `the source has ${facts.sourceCount} records, ${percent(Math.max(shrink, 0))} fewer than the ${sourceCount} of the last run that passed (${at}); the limit is ${settings.maxShrinkPercent} %`;
		if (shrink * 100 > settings.maxShrinkPercent) {
			verdicts.push(confirmed ? { guard: 'shrink', verdict: 'confirmed', message: `${numbers} — let through by Confirm Removals = ${facts.removals}` } : { guard: 'shrink', verdict: 'stop', message: numbers });
		} else verdicts.push({ guard: 'shrink', verdict: 'pass', message: numbers });
	}
	return verdicts;
}

export function stopped(verdicts: GuardVerdict[]): GuardVerdict[] {
	return verdicts.filter((entry) => entry.verdict === 'stop');
}

/** What to tell the admin when a run stops: what was found, the numbers, and how to let it through once. */
export function stopDescription(settings: GuardSettings, facts: GuardFacts, verdicts: GuardVerdict[]): string {
	const stops = stopped(verdicts);
	const lines = stops.map((entry) => `• ${entry.message}.`);
	const confirmable = stops.every((entry) => entry.guard === 'removals' || entry.guard === 'shrink');
	if (confirmable) {
		if (settings.confirmRemovals > 0 && settings.confirmRemovals !== facts.removals) {
			lines.push(`Confirm Removals is ${settings.confirmRemovals}, but this run would make ${facts.removals} removals: it only lets through a run with exactly that count.`);
		}
		lines.push(
			`Check the source first. If these ${facts.removals} removals are right, set Confirm Removals to ${facts.removals} and run again: it lets this run through once and stops holding as soon as the count differs.`,
		);
	} else {
		if (stops.some((entry) => entry.guard === 'emptySource')) {
			lines.push('Check that the export ran and the file or list reached this workflow. Nothing was changed.');
		}
		if (stops.some((entry) => entry.guard === 'sourceKeys')) {
			lines.push('Fix the key column in the source (or the Source Key setting). Nothing was changed.');
		}
	}
	const skipped = verdicts.filter((entry) => entry.verdict === 'skipped');
	for (const entry of skipped) lines.push(`Note: ${entry.message}.`);
	return lines.join('\n');
}
