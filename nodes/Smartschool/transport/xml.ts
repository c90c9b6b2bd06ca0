import { xmlUnescape } from '../../shared/soap';

/**
 * A small parser for the XML documents Smartschool wraps in base64 (group tree, accounts, courses): elements,
 * text, CDATA; attributes, comments, processing instructions and DOCTYPEs are skipped. No entity expansion
 * beyond the five XML ones and numeric references, so no entity bombs.
 */
export interface XmlElement {
	name: string;
	text: string;
	children: XmlElement[];
}

const MAX_DEPTH = 256;

export function parseXml(xml: string): XmlElement {
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let index = 0;
	const fail = (what: string): never => {
		throw new Error(`malformed XML at character ${index}: ${what}`);
	};
	while (index < xml.length) {
		const open = xml.indexOf('<', index);
		const textEnd = open < 0 ? xml.length : open;
		if (textEnd > index && stack.length > 0) stack[stack.length - 1].text += xmlUnescape(xml.slice(index, textEnd));
		if (open < 0) break;
		index = open;
		if (xml.startsWith('<!--', index)) {
			const end = xml.indexOf('-->', index);
			if (end < 0) fail('unclosed comment');
			index = end + 3;
		} else if (xml.startsWith('<![CDATA[', index)) {
			const end = xml.indexOf(']]>', index);
			if (end < 0) fail('unclosed CDATA');
			if (stack.length > 0) stack[stack.length - 1].text += xml.slice(index + 9, end);
			index = end + 3;
		} else if (xml.startsWith('<?', index) || xml.startsWith('<!', index)) {
			const end = xml.indexOf('>', index);
			if (end < 0) fail('unclosed declaration');
			index = end + 1;
		} else if (xml.startsWith('</', index)) {
			const end = xml.indexOf('>', index);
			if (end < 0) fail('unclosed end tag');
			const name = localName(xml.slice(index + 2, end).trim());
			const element = stack.pop();
			if (!element || element.name !== name) fail(`unexpected </${name}>`);
			index = end + 1;
		} else {
			const end = xml.indexOf('>', index);
			if (end < 0) fail('unclosed tag');
			const tag = xml.slice(index + 1, end);
			const selfClosing = tag.endsWith('/');
			const name = localName((/^[^\s/>]+/.exec(tag) ?? fail('empty tag name'))[0]);
			const element: XmlElement = { name, text: '', children: [] };
			if (stack.length > 0) stack[stack.length - 1].children.push(element);
			else if (root) fail('more than one root element');
			else root = element;
			if (!selfClosing) {
				if (stack.length >= MAX_DEPTH) fail('nested too deeply');
				stack.push(element);
			}
			index = end + 1;
		}
	}
	if (!root) return fail('no element');
	if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
	return root;
}

function localName(qualified: string): string {
	const colon = qualified.indexOf(':');
	return colon < 0 ? qualified : qualified.slice(colon + 1);
}
