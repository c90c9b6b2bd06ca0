/**
 * The simulated platform: settings, accounts, the group/class tree, messages. Change records only through these
 * methods (or call `touch()` after editing one by hand): user JSON and whole answers are cached per `version`.
 * The next issue's features (absences, courses, helpdesk, Skore) add their own maps here.
 */
import {
	ANSWER_FORM_READINGS,
	DEFAULT_READINGS,
	type SmartschoolAccount,
	type SmartschoolGroup,
	type SmartschoolMessage,
	type SmartschoolReadings,
	type SmartschoolSettings,
} from './types';

export const ROOT_GROUP_NAME = 'Iedereen';

export type NewAccount = Partial<SmartschoolAccount> & Pick<SmartschoolAccount, 'username' | 'firstName' | 'lastName' | 'baseRole'>;
export type NewGroup = Partial<Omit<SmartschoolGroup, 'members' | 'parentId'>> & Pick<SmartschoolGroup, 'name' | 'code'> & { parentCode?: string };

export class SmartschoolState {
	readonly settings: SmartschoolSettings;
	readings: SmartschoolReadings;
	readonly accounts = new Map<number, SmartschoolAccount>();
	readonly groups = new Map<number, SmartschoolGroup>();
	readonly messages: SmartschoolMessage[] = [];
	/** Bumped by every change; caches key on it. */
	version = 0;
	/** Serialised user JSON per account id, valid for `jsonVersion`. */
	private userJson = new Map<number, string>();
	/** The same JSON escaped for XML text, as bytes. */
	private userEscaped = new Map<number, Buffer>();
	private nextAccountId = 1;
	private nextGroupId = 1;
	private nextMessageId = 1;

	constructor(settings: Partial<SmartschoolSettings> = {}, readings: Partial<SmartschoolReadings> = {}) {
		this.settings = {
			accessCode: settings.accessCode ?? 'test-access-code',
			profiles: settings.profiles ?? new Map(),
			uniqueField: settings.uniqueField ?? 'username',
			targetGroupCode: settings.targetGroupCode ?? 'nieuw',
			platformId: settings.platformId ?? 4711,
		};
		this.readings = { ...DEFAULT_READINGS, ...readings };
		this.addRootGroup();
	}

	setReadings(readings: Partial<SmartschoolReadings>): void {
		const reencode = ANSWER_FORM_READINGS.some((key) => key in readings && readings[key] !== this.readings[key]);
		this.readings = { ...this.readings, ...readings };
		// The cached user JSON and its escaped bytes are in the old answer form.
		if (reencode) this.touch();
		else this.changed();
	}

	/** Marks everything stale; `accountId` drops that user's cached JSON (all users when left out). */
	touch(accountId?: number): void {
		if (accountId === undefined) {
			this.userJson.clear();
			this.userEscaped.clear();
		} else {
			this.userJson.delete(accountId);
			this.userEscaped.delete(accountId);
		}
		this.changed();
	}

	/** The cached JSON of one user, built by `build` after a change. */
	cachedUserJson(id: number, build: () => string): string {
		let json = this.userJson.get(id);
		if (json === undefined) {
			json = build();
			this.userJson.set(id, json);
		}
		return json;
	}

	/** The cached XML-escaped bytes of one user's JSON. */
	cachedUserEscaped(id: number, build: () => Buffer): Buffer {
		let bytes = this.userEscaped.get(id);
		if (bytes === undefined) {
			bytes = build();
			this.userEscaped.set(id, bytes);
		}
		return bytes;
	}

	private changed(): void {
		this.version += 1;
	}

	// ---- accounts ----

	addAccount(input: NewAccount): SmartschoolAccount {
		const id = input.id ?? this.nextAccountId;
		if (this.accounts.has(id)) throw new Error(`Account ${id} exists already`);
		this.nextAccountId = Math.max(this.nextAccountId, id + 1);
		const account: SmartschoolAccount = {
			internalNumber: '', status: 'actief', extraNames: '', initials: '', sex: '', birthday: '', birthplace: '',
			birthcountry: '', street: '', houseNumber: '', busNumber: '', postalCode: '', location: '', country: 'België',
			email: '', mobilePhone: '', homePhone: '', fax: '', prn: '', stamboeknummer: '', untis: '', classNumber: '',
			customFields: {}, password: '', mustChangePassword: true, coAccounts: [null, null, null, null, null, null],
			photo: null, lastLogins: ';', isEmailVerified: false, isAuthenticatorAppEnabled: false,
			...input,
			id,
		};
		this.accounts.set(id, account);
		this.touch(id);
		return account;
	}

	/** Applies a change to an account and drops its cached JSON. */
	updateAccount(account: SmartschoolAccount, change: Partial<SmartschoolAccount>): void {
		Object.assign(account, change);
		this.touch(account.id);
	}

	byUsername(username: string): SmartschoolAccount | undefined {
		const wanted = username.toLowerCase();
		for (const account of this.accounts.values()) if (account.username.toLowerCase() === wanted) return account;
		return undefined;
	}

	byNumber(number: string): SmartschoolAccount | undefined {
		if (number === '') return undefined;
		for (const account of this.accounts.values()) if (account.internalNumber === number) return account;
		return undefined;
	}

	/** A `userIdentifier`, read per Uniek veld (ref §6.1). */
	byIdentifier(identifier: string): SmartschoolAccount | undefined {
		return this.settings.uniqueField === 'number' ? this.byNumber(identifier) : this.byUsername(identifier);
	}

	// ---- groups ----

	private addRootGroup(): void {
		const root: SmartschoolGroup = {
			id: this.nextGroupId++, name: ROOT_GROUP_NAME, desc: ROOT_GROUP_NAME, type: 'G', code: '', untis: '', visible: true,
			isOfficial: false, coAccountLabel: '', adminNumber: '', instituteNumber: '', parentId: null, titulars: [],
			members: new Set(),
		};
		this.groups.set(root.id, root);
	}

	get root(): SmartschoolGroup {
		for (const group of this.groups.values()) if (group.parentId === null) return group;
		throw new Error('The simulator has no root group');
	}

	addGroup(input: NewGroup): SmartschoolGroup {
		if (input.code === '' || this.byCode(input.code)) throw new Error(`Group code "${input.code}" is empty or taken`);
		const parent = input.parentCode ? this.byCode(input.parentCode) : this.root;
		if (!parent) throw new Error(`Parent group "${input.parentCode}" is unknown`);
		const group: SmartschoolGroup = {
			desc: input.name, type: 'G', untis: '', visible: true, isOfficial: false, coAccountLabel: '', adminNumber: '',
			instituteNumber: '', titulars: [],
			...input,
			id: this.nextGroupId++,
			parentId: parent.id,
			members: new Set(),
		};
		delete (group as Partial<NewGroup>).parentCode;
		this.groups.set(group.id, group);
		this.touch();
		return group;
	}

	updateGroup(group: SmartschoolGroup, change: Partial<Omit<SmartschoolGroup, 'id' | 'members'>>): void {
		Object.assign(group, change);
		// Users' JSON lists their groups' names and codes.
		this.touch();
	}

	byCode(code: string): SmartschoolGroup | undefined {
		for (const group of this.groups.values()) if (group.code === code && group.parentId !== null) return group;
		return undefined;
	}

	byName(name: string): SmartschoolGroup | undefined {
		for (const group of this.groups.values()) if (group.name === name && group.parentId !== null) return group;
		return undefined;
	}

	childrenOf(group: SmartschoolGroup): SmartschoolGroup[] {
		return [...this.groups.values()].filter((candidate) => candidate.parentId === group.id);
	}

	/** The group and everything below it, parents before children. */
	subtree(group: SmartschoolGroup): SmartschoolGroup[] {
		const result = [group];
		for (let i = 0; i < result.length; i++) result.push(...this.childrenOf(result[i]));
		return result;
	}

	groupsOf(account: SmartschoolAccount): SmartschoolGroup[] {
		return [...this.groups.values()].filter((group) => group.members.has(account.id));
	}

	officialClassOf(account: SmartschoolAccount): SmartschoolGroup | undefined {
		return this.groupsOf(account).find((group) => group.isOfficial);
	}

	addMember(group: SmartschoolGroup, account: SmartschoolAccount): void {
		group.members.add(account.id);
		this.touch(account.id);
	}

	removeMember(group: SmartschoolGroup, account: SmartschoolAccount): void {
		group.members.delete(account.id);
		this.touch(account.id);
	}

	// ---- messages ----

	addMessage(message: Omit<SmartschoolMessage, 'id' | 'sentAt'>): SmartschoolMessage {
		const record: SmartschoolMessage = { ...message, id: this.nextMessageId++, sentAt: new Date().toISOString() };
		this.messages.push(record);
		return record;
	}
}
