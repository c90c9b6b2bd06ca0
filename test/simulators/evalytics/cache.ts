/**
 * The simulator's caches, so the bench measures the client and not us: each user's serialised JSON (dropped when
 * that user changes), and query results and page bytes (dropped when anything changes, by version number).
 */

/** Serialised once per change: list pages are concatenations of these bytes. */
export interface CachedUser {
	list?: Buffer;
	item?: Buffer;
	itemWithoutPropagated?: Buffer;
	search?: string;
}

const MEMO_LIMIT_BYTES = 128 * 1024 * 1024;

export class SimulatorCache {
	private users = new Map<number, CachedUser>();
	private results = new Map<string, unknown>();
	private resultsVersion = -1;
	private pages = new Map<string, Buffer>();
	private pageBytes = 0;
	private pagesVersion = -1;

	user(id: number): CachedUser {
		let entry = this.users.get(id);
		if (!entry) {
			entry = {};
			this.users.set(id, entry);
		}
		return entry;
	}

	/** Forgets one user's JSON, or every user's when no id is given. */
	forgetUser(id?: number): void {
		if (id === undefined) this.users.clear();
		else this.users.delete(id);
	}

	/** A computed value kept while `version` stays the same. */
	result<T>(version: number, key: string, compute: () => T): T {
		if (this.resultsVersion !== version) {
			this.results.clear();
			this.resultsVersion = version;
		}
		if (this.results.has(key)) return this.results.get(key) as T;
		const value = compute();
		this.results.set(key, value);
		return value;
	}

	/** Bytes kept while `version` stays the same; at most ~128 MB, oldest dropped first. */
	bytes(version: number, key: string, build: () => Buffer): Buffer {
		if (this.pagesVersion !== version) {
			this.pages.clear();
			this.pageBytes = 0;
			this.pagesVersion = version;
		}
		const hit = this.pages.get(key);
		if (hit) return hit;
		const bytes = build();
		this.pages.set(key, bytes);
		this.pageBytes += bytes.length;
		for (const [oldKey, old] of this.pages) {
			if (this.pageBytes <= MEMO_LIMIT_BYTES || oldKey === key) break;
			this.pages.delete(oldKey);
			this.pageBytes -= old.length;
		}
		return bytes;
	}
}
