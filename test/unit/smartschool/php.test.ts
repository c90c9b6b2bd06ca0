import { serializePhp, unserializePhp, type PhpValue } from '../../../nodes/Smartschool/transport/php';
import { phpSerialize } from '../../simulators/smartschool';

describe('Smartschool › serializePhp (saveClassList input)', () => {
	it('writes lists, string keys, integers, floats, booleans, null and UTF-8 byte lengths as PHP serialize() does', () => {
		expect(serializePhp([{ name: 'Klas é', id: 12, ok: true, none: null, ratio: 1.5 }])).toBe(
			'a:1:{i:0;a:5:{s:4:"name";s:7:"Klas é";s:2:"id";i:12;s:2:"ok";b:1;s:4:"none";N;s:5:"ratio";d:1.5;}}',
		);
		// PHP turns integer-like string keys into integer keys itself.
		expect(serializePhp({ '3': 'a', x: 'b' })).toBe('a:2:{i:3;s:1:"a";s:1:"x";s:1:"b";}');
		expect(serializePhp('"quoted";')).toBe('s:9:""quoted";";');
	});

	it('round-trips through our decoder and matches the simulator encoder', () => {
		const list: PhpValue[] = [
			{ id: 1, name: '1A', desc: 'Eerste jaar A', code: '1A' },
			{ name: 'Œuvre', desc: '', code: 'x;y"z' },
		];
		expect(unserializePhp(serializePhp(list))).toEqual(list);
		expect(serializePhp(list)).toBe(phpSerialize(list));
	});
});
