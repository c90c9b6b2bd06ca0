import { decodeCourses, decodePayload, decodeSkoreRelations, decodeXmlRecords } from '../../../nodes/Smartschool/transport/codecs';
import { SMARTSCHOOL_METHODS } from '../../../nodes/Smartschool/transport/methods';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('XML record lists (getCourses, getSkoreClassTeacherCourseRelation)', () => {
	it('the method table gives both methods their record codec', () => {
		expect(SMARTSCHOOL_METHODS.getCourses.returns).toBe('coursesXml');
		expect(SMARTSCHOOL_METHODS.getSkoreClassTeacherCourseRelation.returns).toBe('skoreXml');
	});

	it('courses: one or many teachers and groups are always lists, active is a boolean, empty wrappers are []', () => {
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<courses>
 <course><name>Wiskunde</name><description>Wiskunde &amp; co</description><active>1</active>
  <teachers><teacher><username>els.claes</username></teacher></teachers>
  <groups><group><code>1A</code></group><group><code>1B</code></group></groups></course>
 <course><name>Latijn</name><description/><active>0</active><teachers></teachers><groups/></course>
</courses>`;
		const expected = [
			{
				name: 'Wiskunde',
				description: 'Wiskunde & co',
				active: true,
				teachers: [{ username: 'els.claes' }],
				groups: [{ code: '1A' }, { code: '1B' }],
			},
			{ name: 'Latijn', description: '', active: false, teachers: [], groups: [] },
		];
		expect(decodeCourses(base64(xml))).toEqual(expected);
		expect(decodePayload('coursesXml', base64(xml))).toEqual(expected);
		expect(decodeCourses(base64('<courses></courses>'))).toEqual([]);
	});

	it('Skore links: base64 or plain, one record per link whatever the element names, students always a list', () => {
		const xml =
			'<relations><relation><class>1A</class><course>Wiskunde</course><teacher><username>els.claes</username></teacher>' +
			'<students><student><username>jan.peeters</username><classnumber>3</classnumber></student></students></relation>' +
			'<relation><class>1B</class><course>Wiskunde</course><students/></relation></relations>';
		const expected = [
			{ class: '1A', course: 'Wiskunde', teacher: { username: 'els.claes' }, students: [{ username: 'jan.peeters', classnumber: '3' }] },
			{ class: '1B', course: 'Wiskunde', students: [] },
		];
		expect(decodeSkoreRelations(base64(xml))).toEqual(expected);
		expect(decodeSkoreRelations(xml)).toEqual(expected);
		expect(decodePayload('skoreXml', xml)).toEqual(expected);
		const other = '<links><link><klas>1A</klas><vak>Wiskunde</vak><students><student><naam>Jan</naam></student></students></link></links>';
		expect(decodeSkoreRelations(other)).toEqual([{ klas: '1A', vak: 'Wiskunde', students: [{ naam: 'Jan' }] }]);
	});

	it('keeps repeated non-wrapper elements as arrays and leaves an empty non-list element as text', () => {
		const xml = '<r><row><tag>a</tag><tag>b</tag><tag>c</tag><note/><items><item>x</item></items></row><leaf>t</leaf></r>';
		expect(decodeXmlRecords(xml)).toEqual([{ tag: ['a', 'b', 'c'], note: '', items: [{ item: 'x' }] }, { leaf: 't' }]);
	});

	it('rejects broken XML rather than guessing', () => {
		expect(() => decodeCourses(base64('<courses><course>'))).toThrow(/not closed/);
	});
});
