/** Path-parameter values from the seeded district, so every endpoint has something to return. */
import type { OneRosterSimulator } from '../../simulators/oneroster';

export function sampleIds(sim: OneRosterSimulator): Record<string, Record<string, string>> {
	const users = sim.state.all('users');
	const student = users.find((user) => (user.roles as Array<{ role: string }>)[0].role === 'student')!;
	const teacher = users.find((user) => (user.roles as Array<{ role: string }>)[0].role === 'teacher')!;
	const klass = sim.state.classesOfUser(String(teacher.sourcedId))[0];
	const schoolId = String((klass.school as { sourcedId: string }).sourcedId);
	const common = {
		classSourcedId: String(klass.sourcedId),
		schoolSourcedId: schoolId,
		courseSourcedId: String((klass.course as { sourcedId: string }).sourcedId),
		studentSourcedId: String(student.sourcedId),
		teacherSourcedId: String(teacher.sourcedId),
		termSourcedId: 'term-1',
		userSourcedId: String(student.sourcedId),
	};
	const single: Record<string, string> = {
		academicSession: 'year-2026',
		class: String(klass.sourcedId),
		course: common.courseSourcedId,
		demographics: String(sim.state.all('demographics')[0].sourcedId),
		enrollment: String(sim.state.all('enrollments')[0].sourcedId),
		gradingPeriod: 'gp-1-1',
		org: 'district-0001',
		school: schoolId,
		student: common.studentSourcedId,
		teacher: common.teacherSourcedId,
		term: 'term-1',
		user: common.userSourcedId,
	};
	// Gradebook and resources are seeded for the first classes: their ids come from there.
	const gbClass = sim.state.all('classes')[0];
	const gbStudent = sim.state.enrolledUsers(String(gbClass.sourcedId), 'student')[0];
	const gbCommon = {
		...common,
		classSourcedId: String(gbClass.sourcedId),
		schoolSourcedId: String((gbClass.school as { sourcedId: string }).sourcedId),
		courseSourcedId: String((gbClass.course as { sourcedId: string }).sourcedId),
		studentSourcedId: String(gbStudent.sourcedId),
		userSourcedId: String(gbStudent.sourcedId),
		lineItemSourcedId: `lineitem-${String(gbClass.sourcedId)}-1`,
		academicSessionSourcedId: 'term-1',
	};
	const gradebook: Record<string, string> = {
		category: 'category-homework',
		lineItem: gbCommon.lineItemSourcedId,
		result: `result-${gbCommon.lineItemSourcedId}-${gbCommon.studentSourcedId}`,
		scoreScale: `scale-${gbCommon.classSourcedId}`,
		assessmentLineItem: 'assessment-reading',
		assessmentResult: 'assessment-reading-1',
		resource: 'resource-1',
	};
	return Object.fromEntries([
		...Object.entries(single).map(([resource, sourcedId]) => [resource, { ...common, sourcedId }]),
		...Object.entries(gradebook).map(([resource, sourcedId]) => [resource, { ...gbCommon, sourcedId }]),
	]);
}
