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
	group: 'create' | 'get' | 'getAll' | 'update';
	message: 'send';
	user:
		| 'addToGroup'
		| 'changeUsername'
		| 'create'
		| 'get'
		| 'getAll'
		| 'getPhoto'
		| 'removeFromGroup'
		| 'setPassword'
		| 'setPhoto'
		| 'setStatus'
		| 'update';
};

export type SmartschoolType = AllEntities<NodeMap>;
