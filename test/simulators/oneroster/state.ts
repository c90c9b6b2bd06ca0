/** The simulator's data: one array per collection, kept in sourcedId order (the default order), plus indexes. */
import type { Collection, Json, OneRosterReadings } from './types';
import { COLLECTIONS, DEFAULT_READINGS } from './types';

export class OneRosterState {
	readings: OneRosterReadings;

	/** Bumped on every change; cached query results are keyed by it. */
	version = 0;

	private readonly data = new Map<Collection, Json[]>();

	private readonly byId = new Map<Collection, Map<string, Json>>();

	constructor(readings: Partial<OneRosterReadings> = {}) {
		this.readings = { ...DEFAULT_READINGS, ...readings };
		for (const name of COLLECTIONS) {
			this.data.set(name, []);
			this.byId.set(name, new Map());
		}
	}

	setReadings(readings: Partial<OneRosterReadings>): void {
		this.readings = { ...this.readings, ...readings };
		this.version++;
	}

	all(collection: Collection): Json[] {
		return this.data.get(collection)!;
	}

	get(collection: Collection, sourcedId: string): Json | undefined {
		return this.byId.get(collection)!.get(sourcedId);
	}

	/** Inserts at its sourcedId position (appends fast while seeding in order); replaces a record with the same id. */
	insert(collection: Collection, record: Json): void {
		const list = this.all(collection);
		const id = String(record.sourcedId);
		const index = this.byId.get(collection)!;
		if (index.has(id)) {
			list[list.indexOf(index.get(id)!)] = record;
		} else if (list.length === 0 || String(list[list.length - 1].sourcedId) < id) {
			list.push(record);
		} else {
			let low = 0;
			let high = list.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				if (String(list[middle].sourcedId) < id) low = middle + 1;
				else high = middle;
			}
			list.splice(low, 0, record);
		}
		index.set(id, record);
		this.version++;
	}

	/** Seeding: appends without keeping the order (random UUIDs would make each insert O(n)); call `sortAll` after. */
	append(collection: Collection, record: Json): void {
		this.all(collection).push(record);
		this.byId.get(collection)!.set(String(record.sourcedId), record);
	}

	sortAll(): void {
		for (const [collection, list] of this.data) {
			const keyed = list.map((record) => [String(record.sourcedId), record] as const);
			keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
			this.data.set(collection, keyed.map(([, record]) => record));
		}
		this.version++;
	}

	/** Removes a record outright (as if purged between two page requests). */
	remove(collection: Collection, sourcedId: string): boolean {
		const record = this.get(collection, sourcedId);
		if (!record) return false;
		const list = this.all(collection);
		list.splice(list.indexOf(record), 1);
		this.byId.get(collection)!.delete(sourcedId);
		this.version++;
		return true;
	}

	/** Changes fields of a record and stamps dateLastModified with now. */
	touch(collection: Collection, sourcedId: string, changes: Json = {}): Json | undefined {
		const record = this.get(collection, sourcedId);
		if (!record) return undefined;
		Object.assign(record, changes, { dateLastModified: new Date().toISOString() });
		this.version++;
		return record;
	}

	/** Users enrolled in a class with a role; users of a school with a role. */
	enrolledUsers(classId: string, role: string): Json[] {
		const ids = new Set(
			this.all('enrollments')
				.filter((enrollment) => (enrollment.class as Json).sourcedId === classId && enrollment.role === role)
				.map((enrollment) => String((enrollment.user as Json).sourcedId)),
		);
		return this.all('users').filter((user) => ids.has(String(user.sourcedId)));
	}

	classesOfUser(userId: string): Json[] {
		const ids = new Set(
			this.all('enrollments')
				.filter((enrollment) => (enrollment.user as Json).sourcedId === userId)
				.map((enrollment) => String((enrollment.class as Json).sourcedId)),
		);
		return this.all('classes').filter((klass) => ids.has(String(klass.sourcedId)));
	}
}
