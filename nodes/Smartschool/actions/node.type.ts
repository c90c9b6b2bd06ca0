import type { AllEntities } from 'n8n-workflow';

/** Resource → operation values; a resource is one line here. */
type NodeMap = {
	absence:
		| 'getByDate'
		| 'getByDateAndGroup'
		| 'getByDateWithAlias'
		| 'getByDateWithInternalNumber'
		| 'getByDateWithUsername'
		| 'getByStudent'
		| 'getByStudentWithAlias';
	advanced: 'callMethod';
	course: 'addStudents' | 'addTeacher' | 'create' | 'getAll';
	helpdesk: 'createTicket' | 'getMiniDbItems';
	skore: 'checkStatus' | 'getClassTeacherCourseRelation' | 'startSync';
	group:
		| 'clear'
		| 'create'
		| 'createClass'
		| 'delete'
		| 'get'
		| 'getAll'
		| 'getClassList'
		| 'getClassListJson'
		| 'getClassTeachers'
		| 'getSchoolYearData'
		| 'saveClassList'
		| 'saveClassListJson'
		| 'setSchoolYearData'
		| 'setTitulars'
		| 'update';
	message: 'send';
	platform: 'getErrorCodes' | 'getErrorCodesCsv' | 'getUniqueField';
	security: 'deactivateTwoFactor' | 'forcePasswordReset' | 'requirePasswordChange';
	user:
		| 'addToGroup'
		| 'addToGroups'
		| 'changeInternalNumber'
		| 'changeUsername'
		| 'create'
		| 'delete'
		| 'get'
		| 'getAll'
		| 'getAllBasic'
		| 'getByInternalNumber'
		| 'getByScannableCode'
		| 'getByUsername'
		| 'getClassHistory'
		| 'getOfficialClass'
		| 'getPhoto'
		| 'removeCoAccount'
		| 'removeFromGroup'
		| 'replaceInternalNumber'
		| 'setGroups'
		| 'setPassword'
		| 'setPhoto'
		| 'setProfileField'
		| 'setSignature'
		| 'setStatus'
		| 'unregister'
		| 'update';
};

export type SmartschoolType = AllEntities<NodeMap>;
