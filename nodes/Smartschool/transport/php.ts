/**
 * PHP `unserialize` for data only: null, booleans, integers, floats, strings and arrays. Objects, references and
 * custom serialisations are refused, so a payload can never name a class. String lengths are UTF-8 byte counts,
 * so the text is read as bytes.
 */
export type PhpValue = null | boolean | number | string | PhpValue[] | { [key: string]: PhpValue };

const MAX_DEPTH = 64;

class Reader {
	offset = 0;
	constructor(private readonly bytes: Buffer) {}

	fail(what: string): never {
		throw new Error(`malformed PHP serialize data at byte ${this.offset}: ${what}`);
	}

	expect(char: string): void {
		if (this.bytes[this.offset] !== char.charCodeAt(0)) this.fail(`expected "${char}"`);
		this.offset++;
	}

	until(char: string): string {
		const end = this.bytes.indexOf(char.charCodeAt(0), this.offset);
		if (end < 0) this.fail(`missing "${char}"`);
		const text = this.bytes.toString('latin1', this.offset, end);
		this.offset = end + 1;
		return text;
	}

	integer(text: string): number {
		if (!/^[+-]?\d+$/.test(text)) this.fail(`"${text}" is not an integer`);
		return Number(text);
	}

	value(depth: number): PhpValue {
		if (depth > MAX_DEPTH) this.fail('nested too deeply');
		const type = String.fromCharCode(this.bytes[this.offset] ?? 0);
		this.offset++;
		if (type === 'N') {
			this.expect(';');
			return null;
		}
		this.expect(':');
		switch (type) {
			case 'b': {
				const text = this.until(';');
				if (text !== '0' && text !== '1') this.fail(`"${text}" is not a boolean`);
				return text === '1';
			}
			case 'i':
				return this.integer(this.until(';'));
			case 'd': {
				const text = this.until(';');
				if (text === 'INF') return Infinity;
				if (text === '-INF') return -Infinity;
				if (text === 'NAN') return NaN;
				const number = Number(text);
				if (text.trim() === '' || Number.isNaN(number)) this.fail(`"${text}" is not a number`);
				return number;
			}
			case 's': {
				const length = this.integer(this.until(':'));
				this.expect('"');
				if (this.offset + length > this.bytes.length) this.fail('string runs past the end');
				const text = this.bytes.toString('utf8', this.offset, this.offset + length);
				this.offset += length;
				this.expect('"');
				this.expect(';');
				return text;
			}
			case 'a':
				return this.array(depth);
			default:
				return this.fail(`type "${type}" is not supported (only N, b, i, d, s, a)`);
		}
	}

	array(depth: number): PhpValue {
		const count = this.integer(this.until(':'));
		this.expect('{');
		const entries: Array<[string | number, PhpValue]> = [];
		for (let index = 0; index < count; index++) {
			const key = this.value(depth + 1);
			if (typeof key !== 'string' && typeof key !== 'number') this.fail('array keys must be integers or strings');
			entries.push([key, this.value(depth + 1)]);
		}
		this.expect('}');
		// A PHP list (keys 0…n-1 in order) becomes an array, anything else an object.
		if (entries.every(([key], index) => key === index)) return entries.map(([, value]) => value);
		const result: { [key: string]: PhpValue } = {};
		for (const [key, value] of entries) result[String(key)] = value;
		return result;
	}
}

export function unserializePhp(text: string): PhpValue {
	const reader = new Reader(Buffer.from(text, 'utf8'));
	const value = reader.value(0);
	if (reader.offset !== Buffer.byteLength(text, 'utf8')) reader.fail('trailing data');
	return value;
}

/**
 * PHP `serialize()` of plain data, for saveClassList's input. A JS array becomes a PHP list (keys 0…n-1);
 * string lengths are UTF-8 byte counts; integers stay `i:`, other numbers `d:`.
 */
export function serializePhp(value: PhpValue | undefined): string {
	if (value === null || value === undefined) return 'N;';
	if (typeof value === 'boolean') return `b:${value ? 1 : 0};`;
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value)) return `i:${value};`;
		if (Number.isNaN(value)) return 'd:NAN;';
		if (!Number.isFinite(value)) return value > 0 ? 'd:INF;' : 'd:-INF;';
		return `d:${value};`;
	}
	if (typeof value === 'string') return `s:${Buffer.byteLength(value, 'utf8')}:"${value}";`;
	const entries: Array<[string | number, PhpValue]> = Array.isArray(value)
		? value.map((item, index): [number, PhpValue] => [index, item])
		: Object.entries(value);
	// PHP turns integer-like string keys into integers itself; do the same so both ends agree.
	const body = entries
		.map(([key, item]) => (typeof key === 'number' || /^(0|-?[1-9]\d*)$/.test(key) ? `i:${key};` : serializePhp(key)) + serializePhp(item))
		.join('');
	return `a:${entries.length}:{${body}}`;
}
