/**
 * The hand-checked table of OneRoster endpoints: one row per operation, checked against the official 1EdTech
 * OpenAPI files by test/unit/oneroster/endpoints.test.ts. It drives the node's description (describe.ts) and the
 * generic executor (execute.ts); a row whose behaviour differs has an override in overrides/. Nothing here is
 * parsed from a spec at load time. Gradebook and resources rows carry their `service`; gradebook writes their `body` type.
 */
import type { GradebookType } from './gradebookBody';

export type OneRosterService = 'rostering' | 'gradebook' | 'resources';
export type EndpointMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint {
	/** The operationId of the official file (or of the vendor API for an extension). */
	id: string;
	service: OneRosterService;
	method: EndpointMethod;
	/** Relative to the service base; `{name}` placeholders become node parameters of the same name. */
	path: string;
	resource: string;
	op: string;
	/** Envelope key of the 2xx body; absent when the answer is empty. */
	key?: string;
	/** A collection: limit/offset/sort/orderBy/filter/fields and Return All. */
	list?: boolean;
	/** May be retried (reads, PUT upserts, DELETEs). */
	idempotent: boolean;
	/** Not in the standard: sent only when the credential enables vendor user writes. */
	extension?: boolean;
	/** Operation name and description as the editor shows them. */
	name: string;
	description: string;
	/** First version with this endpoint. */
	since: '1.1' | '1.2';
	/** A gradebook write: the object type sent (`{lineItem}` on a PUT, `{lineItems: […]}` on a POST). */
	body?: GradebookType;
}

type Row = Omit<Endpoint, 'service' | 'idempotent' | 'since' | 'method'> &
	Partial<Pick<Endpoint, 'service' | 'idempotent' | 'since' | 'method'>>;

const read = (row: Row): Endpoint => ({ service: 'rostering', method: 'GET', idempotent: true, since: '1.1', ...row });
const grade = (row: Row): Endpoint => read({ service: 'gradebook', ...row });
const resource = (row: Row): Endpoint => read({ service: 'resources', ...row });

/** Get, Get Many, Create or Replace (PUT) and Delete of one gradebook type. 1.1 has only categories, line items and results. */
function gradebookType(type: GradebookType, plural: string, label: string, labels: string, since: '1.1' | '1.2'): Endpoint[] {
	const upper = type.charAt(0).toUpperCase() + type.slice(1);
	const upperPlural = plural.charAt(0).toUpperCase() + plural.slice(1);
	const aLabel = `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
	return [
		grade({ id: `getAll${upperPlural}`, path: `/${plural}`, resource: type, op: 'getAll', key: plural, list: true, since, name: 'Get Many', description: `List ${labels}` }),
		grade({ id: `get${upper}`, path: `/${plural}/{sourcedId}`, resource: type, op: 'get', key: type, since, name: 'Get', description: `Get one ${label}` }),
		grade({ id: `put${upper}`, method: 'PUT', path: `/${plural}/{sourcedId}`, resource: type, op: 'upsert', body: type, since, name: 'Create or Replace', description: `Create ${aLabel} under a sourcedId you choose, or replace it whole (PUT)` }),
		grade({ id: `delete${upper}`, method: 'DELETE', path: `/${plural}/{sourcedId}`, resource: type, op: 'delete', since, name: 'Delete', description: `Delete ${aLabel}` }),
	];
}

export const ENDPOINTS: readonly Endpoint[] = [
	read({ id: 'getAllAcademicSessions', path: '/academicSessions', resource: 'academicSession', op: 'getAll', key: 'academicSessions', list: true, name: 'Get Many', description: 'List academic sessions (school years, semesters, terms, grading periods)' }),
	read({ id: 'getAcademicSession', path: '/academicSessions/{sourcedId}', resource: 'academicSession', op: 'get', key: 'academicSession', name: 'Get', description: 'Get one academic session' }),

	read({ id: 'getAllClasses', path: '/classes', resource: 'class', op: 'getAll', key: 'classes', list: true, name: 'Get Many', description: 'List classes' }),
	read({ id: 'getClass', path: '/classes/{sourcedId}', resource: 'class', op: 'get', key: 'class', name: 'Get', description: 'Get one class' }),
	read({ id: 'getStudentsForClass', path: '/classes/{classSourcedId}/students', resource: 'class', op: 'getStudents', key: 'users', list: true, name: 'Get Students', description: 'List the students of a class' }),
	read({ id: 'getTeachersForClass', path: '/classes/{classSourcedId}/teachers', resource: 'class', op: 'getTeachers', key: 'users', list: true, name: 'Get Teachers', description: 'List the teachers of a class' }),

	read({ id: 'getAllCourses', path: '/courses', resource: 'course', op: 'getAll', key: 'courses', list: true, name: 'Get Many', description: 'List courses' }),
	read({ id: 'getCourse', path: '/courses/{sourcedId}', resource: 'course', op: 'get', key: 'course', name: 'Get', description: 'Get one course' }),
	read({ id: 'getClassesForCourse', path: '/courses/{courseSourcedId}/classes', resource: 'course', op: 'getClasses', key: 'classes', list: true, name: 'Get Classes', description: 'List the classes of a course' }),

	read({ id: 'getAllDemographics', path: '/demographics', resource: 'demographics', op: 'getAll', key: 'demographics', list: true, name: 'Get Many', description: 'List demographics records (needs the roster-demographics scope)' }),
	// The official file names this envelope `demographics` too, not `demographic`.
	read({ id: 'getDemographics', path: '/demographics/{sourcedId}', resource: 'demographics', op: 'get', key: 'demographics', name: 'Get', description: 'Get the demographics of one user (needs the roster-demographics scope)' }),

	read({ id: 'getAllEnrollments', path: '/enrollments', resource: 'enrollment', op: 'getAll', key: 'enrollments', list: true, name: 'Get Many', description: 'List enrollments (a user in a class, with a role)' }),
	read({ id: 'getEnrollment', path: '/enrollments/{sourcedId}', resource: 'enrollment', op: 'get', key: 'enrollment', name: 'Get', description: 'Get one enrollment' }),

	read({ id: 'getAllGradingPeriods', path: '/gradingPeriods', resource: 'gradingPeriod', op: 'getAll', key: 'academicSessions', list: true, name: 'Get Many', description: 'List grading periods' }),
	read({ id: 'getGradingPeriod', path: '/gradingPeriods/{sourcedId}', resource: 'gradingPeriod', op: 'get', key: 'academicSession', name: 'Get', description: 'Get one grading period' }),

	read({ id: 'getAllOrgs', path: '/orgs', resource: 'org', op: 'getAll', key: 'orgs', list: true, name: 'Get Many', description: 'List organisations (districts, schools, departments)' }),
	read({ id: 'getOrg', path: '/orgs/{sourcedId}', resource: 'org', op: 'get', key: 'org', name: 'Get', description: 'Get one organisation' }),

	read({ id: 'getAllSchools', path: '/schools', resource: 'school', op: 'getAll', key: 'orgs', list: true, name: 'Get Many', description: 'List schools' }),
	read({ id: 'getSchool', path: '/schools/{sourcedId}', resource: 'school', op: 'get', key: 'org', name: 'Get', description: 'Get one school' }),
	read({ id: 'getClassesForSchool', path: '/schools/{schoolSourcedId}/classes', resource: 'school', op: 'getClasses', key: 'classes', list: true, name: 'Get Classes', description: 'List the classes of a school' }),
	read({ id: 'getEnrollmentsForClassInSchool', path: '/schools/{schoolSourcedId}/classes/{classSourcedId}/enrollments', resource: 'school', op: 'getClassEnrollments', key: 'enrollments', list: true, name: 'Get Class Enrollments', description: 'List the enrollments of a class in a school' }),
	read({ id: 'getStudentsForClassInSchool', path: '/schools/{schoolSourcedId}/classes/{classSourcedId}/students', resource: 'school', op: 'getClassStudents', key: 'users', list: true, name: 'Get Class Students', description: 'List the students of a class in a school' }),
	read({ id: 'getTeachersForClassInSchool', path: '/schools/{schoolSourcedId}/classes/{classSourcedId}/teachers', resource: 'school', op: 'getClassTeachers', key: 'users', list: true, name: 'Get Class Teachers', description: 'List the teachers of a class in a school' }),
	read({ id: 'getCoursesForSchool', path: '/schools/{schoolSourcedId}/courses', resource: 'school', op: 'getCourses', key: 'courses', list: true, name: 'Get Courses', description: 'List the courses of a school' }),
	read({ id: 'getEnrollmentsForSchool', path: '/schools/{schoolSourcedId}/enrollments', resource: 'school', op: 'getEnrollments', key: 'enrollments', list: true, name: 'Get Enrollments', description: 'List the enrollments of a school' }),
	read({ id: 'getStudentsForSchool', path: '/schools/{schoolSourcedId}/students', resource: 'school', op: 'getStudents', key: 'users', list: true, name: 'Get Students', description: 'List the students of a school' }),
	read({ id: 'getTeachersForSchool', path: '/schools/{schoolSourcedId}/teachers', resource: 'school', op: 'getTeachers', key: 'users', list: true, name: 'Get Teachers', description: 'List the teachers of a school' }),
	read({ id: 'getTermsForSchool', path: '/schools/{schoolSourcedId}/terms', resource: 'school', op: 'getTerms', key: 'academicSessions', list: true, name: 'Get Terms', description: 'List the terms of a school' }),

	read({ id: 'getAllStudents', path: '/students', resource: 'student', op: 'getAll', key: 'users', list: true, name: 'Get Many', description: 'List students' }),
	read({ id: 'getStudent', path: '/students/{sourcedId}', resource: 'student', op: 'get', key: 'user', name: 'Get', description: 'Get one student' }),
	read({ id: 'getClassesForStudent', path: '/students/{studentSourcedId}/classes', resource: 'student', op: 'getClasses', key: 'classes', list: true, name: 'Get Classes', description: 'List the classes of a student' }),

	read({ id: 'getAllTeachers', path: '/teachers', resource: 'teacher', op: 'getAll', key: 'users', list: true, name: 'Get Many', description: 'List teachers' }),
	read({ id: 'getTeacher', path: '/teachers/{sourcedId}', resource: 'teacher', op: 'get', key: 'user', name: 'Get', description: 'Get one teacher' }),
	read({ id: 'getClassesForTeacher', path: '/teachers/{teacherSourcedId}/classes', resource: 'teacher', op: 'getClasses', key: 'classes', list: true, name: 'Get Classes', description: 'List the classes of a teacher' }),

	read({ id: 'getAllTerms', path: '/terms', resource: 'term', op: 'getAll', key: 'academicSessions', list: true, name: 'Get Many', description: 'List terms' }),
	read({ id: 'getTerm', path: '/terms/{sourcedId}', resource: 'term', op: 'get', key: 'academicSession', name: 'Get', description: 'Get one term' }),
	read({ id: 'getClassesForTerm', path: '/terms/{termSourcedId}/classes', resource: 'term', op: 'getClasses', key: 'classes', list: true, name: 'Get Classes', description: 'List the classes of a term' }),
	read({ id: 'getGradingPeriodsForTerm', path: '/terms/{termSourcedId}/gradingPeriods', resource: 'term', op: 'getGradingPeriods', key: 'academicSessions', list: true, name: 'Get Grading Periods', description: 'List the grading periods of a term' }),

	read({ id: 'getAllUsers', path: '/users', resource: 'user', op: 'getAll', key: 'users', list: true, name: 'Get Many', description: 'List users (students, teachers, parents, administrators)' }),
	read({ id: 'getUser', path: '/users/{sourcedId}', resource: 'user', op: 'get', key: 'user', name: 'Get', description: 'Get one user' }),
	read({ id: 'getClassesForUser', path: '/users/{userSourcedId}/classes', resource: 'user', op: 'getClasses', key: 'classes', list: true, name: 'Get Classes', description: 'List the classes a user is enrolled in' }),

	// Gradebook: every endpoint of the official gradebook file (35).
	...gradebookType('assessmentLineItem', 'assessmentLineItems', 'assessment line item', 'assessment line items', '1.2'),
	...gradebookType('assessmentResult', 'assessmentResults', 'assessment result', 'assessment results', '1.2'),
	...gradebookType('category', 'categories', 'category', 'gradebook categories (e.g. Homework, Tests)', '1.1'),
	grade({ id: 'getCategoriesForClass', path: '/classes/{classSourcedId}/categories', resource: 'category', op: 'getForClass', key: 'categories', list: true, since: '1.2', name: 'Get Many for Class', description: 'List the categories of a class' }),
	...gradebookType('lineItem', 'lineItems', 'line item', 'line items (assignments, tests)', '1.1'),
	grade({ id: 'getLineItemsForClass', path: '/classes/{classSourcedId}/lineItems', resource: 'lineItem', op: 'getForClass', key: 'lineItems', list: true, name: 'Get Many for Class', description: 'List the line items (assignments, tests) of a class' }),
	grade({ id: 'postLineItemsForClass', method: 'POST', path: '/classes/{classSourcedId}/lineItems', resource: 'lineItem', op: 'createForClass', key: 'sourcedIdPairs', idempotent: false, body: 'lineItem', since: '1.2', name: 'Create for Class', description: 'Create line items in a class; the provider allocates the sourcedIds (never retried)' }),
	grade({ id: 'postLineItemsForSchool', method: 'POST', path: '/schools/{schoolSourcedId}/lineItems', resource: 'lineItem', op: 'createForSchool', key: 'sourcedIdPairs', idempotent: false, body: 'lineItem', since: '1.2', name: 'Create for School', description: 'Create line items in a school; the provider allocates the sourcedIds (never retried)' }),
	...gradebookType('result', 'results', 'result', 'results (grades)', '1.1'),
	grade({ id: 'getResultsForClass', path: '/classes/{classSourcedId}/results', resource: 'result', op: 'getForClass', key: 'results', list: true, name: 'Get Many for Class', description: 'List the results (grades) of a class' }),
	grade({ id: 'getResultsForLineItemForClass', path: '/classes/{classSourcedId}/lineItems/{lineItemSourcedId}/results', resource: 'result', op: 'getForLineItem', key: 'results', list: true, name: 'Get Many for Line Item', description: 'List the results of one line item of a class' }),
	grade({ id: 'getResultsForStudentForClass', path: '/classes/{classSourcedId}/students/{studentSourcedId}/results', resource: 'result', op: 'getForStudent', key: 'results', list: true, name: 'Get Many for Student', description: 'List the results of one student in a class' }),
	grade({ id: 'postResultsForLineItem', method: 'POST', path: '/lineItems/{lineItemSourcedId}/results', resource: 'result', op: 'createForLineItem', key: 'sourcedIdPairs', idempotent: false, body: 'result', since: '1.2', name: 'Create for Line Item', description: 'Create results for a line item; the provider allocates the sourcedIds (never retried)' }),
	grade({ id: 'postResultsForAcademicSessionForClass', method: 'POST', path: '/classes/{classSourcedId}/academicSessions/{academicSessionSourcedId}/results', resource: 'result', op: 'createForAcademicSession', key: 'sourcedIdPairs', idempotent: false, body: 'result', since: '1.2', name: 'Create for Class and Session', description: 'Create results of a class for an academic session; the provider allocates the sourcedIds (never retried)' }),
	...gradebookType('scoreScale', 'scoreScales', 'score scale', 'score scales', '1.2'),
	grade({ id: 'getScoreScalesForClass', path: '/classes/{classSourcedId}/scoreScales', resource: 'scoreScale', op: 'getForClass', key: 'scoreScales', list: true, since: '1.2', name: 'Get Many for Class', description: 'List the score scales of a class' }),
	grade({ id: 'getScoreScalesForSchool', path: '/schools/{schoolSourcedId}/scoreScales', resource: 'scoreScale', op: 'getForSchool', key: 'scoreScales', list: true, since: '1.2', name: 'Get Many for School', description: 'List the score scales of a school' }),

	// Resources (learning materials): the 5 endpoints of the official resources file.
	resource({ id: 'getAllResources', path: '/resources', resource: 'resource', op: 'getAll', key: 'resources', list: true, name: 'Get Many', description: 'List learning resources' }),
	resource({ id: 'getResource', path: '/resources/{sourcedId}', resource: 'resource', op: 'get', key: 'resource', name: 'Get', description: 'Get one learning resource' }),
	resource({ id: 'getResourcesForClass', path: '/classes/{classSourcedId}/resources', resource: 'resource', op: 'getForClass', key: 'resources', list: true, name: 'Get Many for Class', description: 'List the resources of a class' }),
	resource({ id: 'getResourcesForCourse', path: '/courses/{courseSourcedId}/resources', resource: 'resource', op: 'getForCourse', key: 'resources', list: true, name: 'Get Many for Course', description: 'List the resources of a course' }),
	resource({ id: 'getResourcesForUser', path: '/users/{userSourcedId}/resources', resource: 'resource', op: 'getForUser', key: 'resources', list: true, since: '1.2', name: 'Get Many for User', description: 'List the resources of a user' }),

	// Vendor extensions (TimeBack and others): not in the 1.2 standard, offered only when the credential says so.
	read({ id: 'getUserWithDemographics', path: '/users/{sourcedId}/demographics', resource: 'user', op: 'getWithDemographics', key: 'user', extension: true, since: '1.2', name: 'Get With Demographics', description: 'Get one user with their demographics merged in (vendor extension)' }),
	read({ id: 'createUser', method: 'POST', path: '/users', resource: 'user', op: 'create', key: 'sourcedIdPairs', idempotent: false, extension: true, since: '1.2', name: 'Create', description: 'Create a user; returns the allocated sourcedId (vendor extension)' }),
	read({ id: 'updateUser', method: 'PUT', path: '/users/{sourcedId}', resource: 'user', op: 'update', key: 'user', extension: true, since: '1.2', name: 'Update', description: 'Create or replace a user under its sourcedId (vendor extension)' }),
	read({ id: 'deleteUser', method: 'DELETE', path: '/users/{sourcedId}', resource: 'user', op: 'delete', extension: true, since: '1.2', name: 'Delete', description: 'Soft-delete a user: its status becomes tobedeleted (vendor extension)' }),
];

/** Resource picker entries, in display order, with what the term means. */
export const RESOURCES: ReadonlyArray<{ value: string; name: string; description: string }> = [
	{ value: 'academicSession', name: 'Academic Session', description: 'School years, semesters, terms and grading periods' },
	{ value: 'assessmentLineItem', name: 'Assessment Line Item', description: 'Gradebook: a test or assessment outside a class\'s line items' },
	{ value: 'assessmentResult', name: 'Assessment Result', description: 'Gradebook: a student\'s score on an assessment line item' },
	{ value: 'category', name: 'Category', description: 'Gradebook: a group of line items with a weight, e.g. Homework' },
	{ value: 'class', name: 'Class', description: 'A group of students taught a course in a term' },
	{ value: 'course', name: 'Course', description: 'A course of study offered by a school' },
	{ value: 'demographics', name: 'Demographics', description: 'Birth date, sex and background of a user (privileged)' },
	{ value: 'enrollment', name: 'Enrollment', description: 'A user in a class, with a role' },
	{ value: 'gradingPeriod', name: 'Grading Period', description: 'A period for which grades are given' },
	{ value: 'lineItem', name: 'Line Item', description: 'Gradebook: an assignment, test or other gradable column of a class' },
	{ value: 'org', name: 'Org', description: 'District, school, department or other organisation' },
	{ value: 'resource', name: 'Resource', description: 'A learning resource (content) assigned to a class, course or user' },
	{ value: 'result', name: 'Result', description: 'Gradebook: a student\'s score on a line item' },
	{ value: 'school', name: 'School', description: 'An org of type school, and what belongs to it' },
	{ value: 'scoreScale', name: 'Score Scale', description: 'Gradebook: how scores map to grades, e.g. 90-100 = A' },
	{ value: 'student', name: 'Student', description: 'A user with the student role' },
	{ value: 'teacher', name: 'Teacher', description: 'A user with the teacher role' },
	{ value: 'term', name: 'Term', description: 'An academic session of type term' },
	{ value: 'user', name: 'User', description: 'Any person: student, teacher, parent, administrator' },
];

/** The placeholders of a path, in order: `/schools/{schoolSourcedId}/classes/{classSourcedId}` → both names. */
export function pathParameters(path: string): string[] {
	return [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]);
}

export function findEndpoint(resource: string, op: string): Endpoint | undefined {
	return ENDPOINTS.find((row) => row.resource === resource && row.op === op);
}
