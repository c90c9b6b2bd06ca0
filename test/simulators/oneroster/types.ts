/** Records as OneRoster 1.2 defines them (JSON objects), and the simulator's switches. */
export type Json = Record<string, unknown>;

export interface GuidRef {
	href: string;
	sourcedId: string;
	type: string;
}

export type RosteringCollection = 'orgs' | 'academicSessions' | 'courses' | 'classes' | 'users' | 'enrollments' | 'demographics';
export type GradebookCollection = 'categories' | 'lineItems' | 'results' | 'scoreScales' | 'assessmentLineItems' | 'assessmentResults';
export type Collection = RosteringCollection | GradebookCollection | 'resources';

export const COLLECTIONS: readonly Collection[] = [
	'orgs', 'academicSessions', 'courses', 'classes', 'users', 'enrollments', 'demographics',
	'categories', 'lineItems', 'results', 'scoreScales', 'assessmentLineItems', 'assessmentResults', 'resources',
];

/** A GET answered from a collection (list) or one record. */
export type Source = { collection: Collection; key: string; records: () => Json[]; scope?: string; known?: ReadonlySet<string> };
export type Single = { collection: Collection; key: string; id: string; where?: (record: Json) => boolean; scope?: string };

export interface OneRosterReadings {
	/** Send X-Total-Count on collections. */
	totalCountHeader: boolean;
	/** Send a Link header (next/last) on collections. */
	linkHeader: boolean;
	/** Largest page served whatever `limit` asks, without saying so (Ed-Fi: 500); undefined = no cap. */
	pageCap?: number;
	/** Unknown `fields`: 400 invalid_selection_field (the 1.2 files) or 200 with every field (1.1 practice). */
	unknownFields: 'error' | 'ignore';
	/** Predicates allowed in one filter (2 in the standard; Ed-Fi allows 20). */
	maxPredicates: number;
	/** Vendor user writes (POST/PUT/DELETE /users, GET /users/{id}/demographics); 405 when off. */
	userWrites: boolean;
	/** What a create answers: `sourcedIdPairs` (current TimeBack docs) or the created `{user}` (May-2025 file). */
	createAnswer: 'sourcedIdPairs' | 'user';
	/** What an update answers: 200 `{user}` (TimeBack) or 201 empty (the gradebook PUT convention). */
	updateAnswer: 'user' | 'empty';
	/** Client authentication accepted at the token endpoint. */
	clientAuth: 'basic' | 'body' | 'both';
	/** POST creates: keep the supplied sourcedId when free, or always allocate a new one (both readings of the standard). */
	allocateIds: 'supplied' | 'new';
	/** OAuth 1.0a signature methods a 1.1 server accepts (ClassLink's library signs only HMAC-SHA1). */
	oauth1Methods: Array<'HMAC-SHA256' | 'HMAC-SHA1'>;
	/** `token_type` as the token endpoint writes it. */
	tokenType: 'Bearer' | 'bearer';
	/** Lifetime of issued tokens in seconds, as `expires_in` states it. */
	tokenLifetimeSeconds: number;
	/**
	 * A token that dies before its `expires_in` (a vendor issuing 3,600 s tokens that really last 1 s): refused after
	 * it was presented this many times, whatever the answer was. Counted in requests, not seconds, so no test races
	 * the clock; undefined = the token lives as long as it says.
	 */
	tokenRealUses?: number;
	/**
	 * Query parameters the token endpoint requires on its URL (Infinite Campus: `?appName=district1`); without
	 * them it answers 400 invalid_request. Undefined = none.
	 */
	tokenUrlQuery?: Record<string, string>;
	/** Error bodies quote the request's headers in imsx_description (a vendor's debug echo, Authorization included). */
	echoRequestHeaders: boolean;
}

export const DEFAULT_READINGS: OneRosterReadings = {
	totalCountHeader: true,
	linkHeader: true,
	pageCap: undefined,
	unknownFields: 'error',
	maxPredicates: 2,
	userWrites: true,
	createAnswer: 'sourcedIdPairs',
	updateAnswer: 'user',
	clientAuth: 'both',
	tokenType: 'Bearer',
	allocateIds: 'new',
	oauth1Methods: ['HMAC-SHA256', 'HMAC-SHA1'],
	tokenLifetimeSeconds: 3600,
	tokenRealUses: undefined,
	tokenUrlQuery: undefined,
	echoRequestHeaders: false,
};

/** Top-level fields per collection, from the 1.2 models: anything else is an unknown filter or selection field. */
export const KNOWN_FIELDS: Record<Collection, ReadonlySet<string>> = {
	orgs: new Set('sourcedId status dateLastModified metadata name type identifier parent children'.split(' ')),
	academicSessions: new Set('sourcedId status dateLastModified metadata title startDate endDate type parent children schoolYear'.split(' ')),
	courses: new Set('sourcedId status dateLastModified metadata title schoolYear courseCode grades subjects org subjectCodes resources'.split(' ')),
	classes: new Set('sourcedId status dateLastModified metadata title classCode classType location grades subjects course school terms subjectCodes periods resources'.split(' ')),
	users: new Set(
		'sourcedId status dateLastModified metadata userMasterIdentifier username userIds enabledUser givenName familyName middleName preferredFirstName preferredMiddleName preferredLastName pronouns roles userProfiles primaryOrg identifier email sms phone agents grades password resources'.split(' '),
	),
	enrollments: new Set('sourcedId status dateLastModified metadata user class school role primary beginDate endDate'.split(' ')),
	demographics: new Set(
		'sourcedId status dateLastModified metadata birthDate sex americanIndianOrAlaskaNative asian blackOrAfricanAmerican nativeHawaiianOrOtherPacificIslander white demographicRaceTwoOrMoreRaces hispanicOrLatinoEthnicity countryOfBirthCode stateOfBirthAbbreviation cityOfBirth publicSchoolResidenceStatus'.split(' '),
	),
	categories: new Set('sourcedId status dateLastModified metadata title weight'.split(' ')),
	lineItems: new Set('sourcedId status dateLastModified metadata title description assignDate dueDate class school category gradingPeriod academicSession scoreScale resultValueMin resultValueMax learningObjectiveSet'.split(' ')),
	results: new Set('sourcedId status dateLastModified metadata lineItem student class scoreScale scoreStatus score textScore scoreDate comment learningObjectiveSet inProgress incomplete late missing'.split(' ')),
	scoreScales: new Set('sourcedId status dateLastModified metadata title type course class scoreScaleValue'.split(' ')),
	assessmentLineItems: new Set('sourcedId status dateLastModified metadata title description class parentAssessmentLineItem scoreScale resultValueMin resultValueMax learningObjectiveSet'.split(' ')),
	assessmentResults: new Set('sourcedId status dateLastModified metadata assessmentLineItem student score textScore scoreDate scoreScale scorePercentile scoreStatus comment learningObjectiveSet inProgress incomplete late missing'.split(' ')),
	resources: new Set('sourcedId status dateLastModified metadata title roles importance vendorResourceId vendorId applicationId'.split(' ')),
};

/** hrefs must be absolute URIs; the simulator uses one fixed host whatever port it listens on. */
export const HREF_ROOT = 'https://sis.example.org/ims/oneroster/rostering/v1p2';

export function ref(type: string, collection: string, sourcedId: string): GuidRef {
	return { href: `${HREF_ROOT}/${collection}/${sourcedId}`, sourcedId, type };
}

/** A reference into the gradebook or resources service. */
export function serviceRef(service: 'gradebook' | 'resources', type: string, collection: string, sourcedId: string): GuidRef {
	return { href: `${HREF_ROOT.replace('rostering', service)}/${collection}/${sourcedId}`, sourcedId, type };
}
