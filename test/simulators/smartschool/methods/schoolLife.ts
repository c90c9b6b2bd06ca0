/**
 * Courses, helpdesk and Skore (ref §3). A course is known by its name + description pair. Which code an unknown
 * course, group or mini-db item gives is not documented; the choices are listed in README.md ("School life").
 */
import { check, SmartschoolCode } from '../codes';
import { schoolOf, SKORE_INTERVAL_MS, type SimCourse } from '../school';
import type { SmartschoolState } from '../state';
import type { SmartschoolAccount } from '../types';
import { answerJson, escapeXml } from '../views';
import { text, type MethodTable, type Parts } from './types';

function course(parts: Parts, state: SmartschoolState): SimCourse {
	const [name, desc] = [text(parts, 'coursename').trim(), text(parts, 'coursedesc').trim()];
	const found = schoolOf(state).courses.find((candidate) => candidate.name === name && candidate.desc === desc);
	if (!found) throw new SmartschoolCode(22);
	return found;
}

function csv(value: string): string[] {
	return value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function addCourse(parts: Parts, state: SmartschoolState): string {
	const [name, desc] = [text(parts, 'coursename').trim(), text(parts, 'coursedesc').trim()];
	check(name === '', 14);
	const visibility = text(parts, 'visibility') || '1';
	check(visibility !== '0' && visibility !== '1', 20);
	const courses = schoolOf(state).courses;
	check(courses.some((candidate) => candidate.name === name && candidate.desc === desc), 21);
	courses.push({ name, desc, visible: visibility === '1', teacher: null, coTeachers: [], groups: [] });
	// xsd:string per the WSDL; "0" is success like every other write.
	return '0';
}

function addCourseStudents(parts: Parts, state: SmartschoolState): number {
	const target = course(parts, state);
	const codes = csv(text(parts, 'groupIds'));
	check(codes.length === 0, 5);
	for (const code of codes) check(!state.byCode(code), 53);
	for (const code of codes) if (!target.groups.includes(code)) target.groups.push(code);
	return 0;
}

function addCourseTeacher(parts: Parts, state: SmartschoolState): number {
	const target = course(parts, state);
	const main = state.byIdentifier(text(parts, 'internnummer'));
	check(!main, 12);
	const coTeachers = csv(text(parts, 'userlist')).map((identifier) => state.byIdentifier(identifier));
	check(coTeachers.some((account) => !account), 12);
	target.teacher = main!.id;
	for (const account of coTeachers as SmartschoolAccount[]) if (!target.coTeachers.includes(account.id)) target.coTeachers.push(account.id);
	return 0;
}

function personXml(tag: string, account: SmartschoolAccount, extra = ''): string {
	return (
		`<${tag}><username>${escapeXml(account.username)}</username><internnummer>${escapeXml(account.internalNumber)}</internnummer>` +
		`<firstname>${escapeXml(account.firstName)}</firstname><lastname>${escapeXml(account.lastName)}</lastname>${extra}</${tag}>`
	);
}

/** `<courses><course>` name, description, active, teachers, groups (ref §3), base64. */
function getCourses(_parts: Parts, state: SmartschoolState): string {
	const body = schoolOf(state)
		.courses.map((entry) => {
			const teachers = [entry.teacher, ...entry.coTeachers]
				.map((id) => (id === null ? undefined : state.accounts.get(id)))
				.filter((account): account is SmartschoolAccount => account !== undefined)
				.map((account) => personXml('teacher', account))
				.join('');
			const groups = entry.groups
				.map((code) => state.byCode(code))
				.filter((group) => group !== undefined)
				.map((group) => `<group><code>${escapeXml(group.code)}</code><name>${escapeXml(group.name)}</name></group>`)
				.join('');
			return (
				`<course><name>${escapeXml(entry.name)}</name><description>${escapeXml(entry.desc)}</description>` +
				`<active>${entry.visible ? 1 : 0}</active><teachers>${teachers}</teachers><groups>${groups}</groups></course>`
			);
		})
		.join('\n');
	return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<courses>\n${body}\n</courses>\n`, 'utf8').toString('base64');
}

function getHelpdeskMiniDbItems(_parts: Parts, state: SmartschoolState): string {
	return answerJson(
		state,
		schoolOf(state).miniDbs.map((db) => ({
			itemId: db.itemId,
			name: db.name,
			type: 'group',
			kind: 'miniDb',
			children: db.items.map((item) => ({ itemId: item.itemId, name: item.name, type: 'item', kind: 'item' })),
		})),
	);
}

function addHelpdeskTicket(parts: Parts, state: SmartschoolState): number {
	const life = schoolOf(state);
	const title = text(parts, 'title').trim();
	check(title === '', 14);
	const priority = text(parts, 'priority') || '3';
	check(!/^[1-5]$/.test(priority), 14);
	const itemId = text(parts, 'miniDbItem');
	check(!life.miniDbs.some((db) => db.items.some((item) => item.itemId === itemId)), 14);
	const from = state.byIdentifier(text(parts, 'userIdentifier'));
	check(!from, 12);
	life.addTicket({ title, description: text(parts, 'description'), priority: Number(priority), miniDbItem: itemId, from: from!.id });
	return 0;
}

function skoreOn(state: SmartschoolState): ReturnType<typeof schoolOf> {
	const life = schoolOf(state);
	check(!life.readings.skoreEnabled, 50);
	return life;
}

function startSkoreSync(_parts: Parts, state: SmartschoolState): string {
	const life = skoreOn(state);
	check(life.lastSkoreSync !== undefined && life.now() - life.lastSkoreSync < SKORE_INTERVAL_MS, life.readings.skoreTooSoonCode);
	const job = life.startSkoreJob();
	job.status = 'busy';
	return answerJson(state, life.readings.skoreSyncAnswer === 'object' ? { serviceId: job.serviceId } : job.serviceId);
}

/** A job reports busy once, then done; an unknown id has no status. */
function checkStatus(parts: Parts, state: SmartschoolState): string {
	const job = skoreOn(state).skoreJobs.get(text(parts, 'serviceId'));
	if (!job) return 'no_status';
	const status = job.status;
	if (status === 'busy') job.status = 'done';
	return status;
}

/** Class–teacher–course links with the students' fields; "an XML file" (base64 or plain per reading). */
function getSkoreClassTeacherCourseRelation(_parts: Parts, state: SmartschoolState): string {
	const life = skoreOn(state);
	const relations: string[] = [];
	for (const entry of life.courses) {
		const teacher = entry.teacher === null ? undefined : state.accounts.get(entry.teacher);
		for (const code of entry.groups) {
			const group = state.byCode(code);
			if (!group || !teacher) continue;
			const students = [...group.members]
				.map((id) => state.accounts.get(id))
				.filter((account): account is SmartschoolAccount => account?.baseRole === 'leerling')
				.map((account) => personXml('student', account, `<classnumber>${escapeXml(account.classNumber)}</classnumber>`))
				.join('');
			relations.push(
				`<relation><class>${escapeXml(group.code)}</class><course>${escapeXml(entry.name)}</course>` +
					`<courseDescription>${escapeXml(entry.desc)}</courseDescription>${personXml('teacher', teacher)}<students>${students}</students></relation>`,
			);
		}
	}
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<relations>\n${relations.join('\n')}\n</relations>\n`;
	return life.readings.skoreRelationEncoding === 'base64' ? Buffer.from(xml, 'utf8').toString('base64') : xml;
}

export const SCHOOL_LIFE_METHODS: MethodTable = {
	addCourse,
	addCourseStudents,
	addCourseTeacher,
	getCourses,
	getHelpdeskMiniDbItems,
	addHelpdeskTicket,
	startSkoreSync,
	checkStatus,
	getSkoreClassTeacherCourseRelation,
};
