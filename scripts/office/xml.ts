/**
 * The XML of office files (the .ods reader, scripts/spreadsheet/ods.ts; the .docx and .odt readers,
 * scripts/document-import/): one small tokenizer, and a tree built on it. Not fast-xml-parser: it is
 * only a development dependency of the project (the tests use it), so a command that a référent
 * runs after `npm install --omit=dev` could not import it; nor saxes, which exceljs brings but the
 * project does not declare. What these files need is small: elements, attributes, text in order
 * (mixed content), the five predefined entities and character references. A DOCTYPE is refused
 * outright, so that no entity can be defined and nothing external is ever read (no "billion
 * laughs", no XXE).
 */

/** An element: its qualified name as written ("w:p"), its attributes, its children in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Why a part is refused: malformed, a DOCTYPE, or past the limits below. */
export type XmlFault = 'malformed' | 'doctype' | 'too-deep' | 'too-many-elements';

/** Refused XML; `message` is English, for --debug: parts.ts says it in French. */
export class XmlError extends Error {
  readonly fault: XmlFault;
  constructor(message: string, fault: XmlFault = 'malformed') {
    super(message);
    this.name = 'XmlError';
    this.fault = fault;
  }
}

/**
 * Bounds on the tree: the readers walk it recursively (past some thousands of levels the stack
 * would overflow) and a tree node takes some hundred bytes (tens of millions of `<a/>` in a part
 * would take gigabytes). A 100-page plan's body nests some 15 levels and holds some 100,000 elements.
 */
export const XML_LIMITS = { depth: 200, elements: 3_000_000 };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its predefined entities and character references decoded; any other entity is an error. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`bare & in "${text.slice(0, 40)}"`);
    const number = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (number !== undefined) {
      const code = parseInt(number, /^#x/i.test(name) ? 16 : 10);
      if (code > 0x10ffff) throw new XmlError(`character reference ${name}`);
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[name];
    if (known === undefined) throw new XmlError(`unknown entity &${name};`);
    return known;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The index after the first `end` from `from`. */
function after(xml: string, end: string, from: number): number {
  const i = xml.indexOf(end, from);
  if (i < 0) throw new XmlError(`unterminated markup at ${from}`);
  return i + end.length;
}

/** The index after the `>` that ends the start tag at `lt` (a `>` inside a quoted value does not). */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote.charCodeAt(0)) quote = '';
    } else if (c === 34 || c === 39) quote = xml[i]!;
    else if (c === 62) return i + 1;
  }
  throw new XmlError(`unterminated tag at ${lt}`);
}

/** An XML token: a start tag (with `empty` for `<x/>`), an end tag, or text (entities decoded). */
export type Token =
  | { kind: 'open'; name: string; attributes: Map<string, string>; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

/**
 * The tokens of an XML document, in order: start and end tags, attributes, text; comments and
 * processing instructions dropped, CDATA as text. A DOCTYPE (or any `<!` declaration) throws an
 * XmlError of fault "doctype"; unbalanced tags throw. An empty element `<x/>` gives its open and
 * its close tokens.
 */
export function* xmlTokens(xml: string): Generator<Token> {
  let at = 0;
  const stack: string[] = [];
  let root = false;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      if (xml.slice(at).trim() !== '') throw new XmlError('text after the root element');
      break;
    }
    if (lt > at && stack.length > 0) yield { kind: 'text', text: decode(xml.slice(at, lt)) };
    if (xml.startsWith('<!--', lt)) at = after(xml, '-->', lt);
    else if (xml.startsWith('<?', lt)) at = after(xml, '?>', lt);
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = after(xml, ']]>', lt);
      yield { kind: 'text', text: xml.slice(lt + 9, end - 3) };
      at = end;
    } else if (xml.startsWith('<!', lt)) throw new XmlError('DOCTYPE or declaration', 'doctype');
    else if (xml.charCodeAt(lt + 1) === 47) {
      const end = after(xml, '>', lt);
      const name = xml.slice(lt + 2, end - 1).trim();
      if (stack.pop() !== name) throw new XmlError(`unexpected </${name}>`);
      yield { kind: 'close', name };
      at = end;
    } else {
      const end = tagEnd(xml, lt);
      const empty = xml.charCodeAt(end - 2) === 47;
      const inner = xml.slice(lt + 1, empty ? end - 2 : end - 1);
      const name = /^[^\s/>]+/.exec(inner)?.[0];
      if (name === undefined) throw new XmlError(`tag without a name at ${lt}`);
      if (root && stack.length === 0) throw new XmlError('two root elements');
      root = true;
      const attributes = new Map<string, string>();
      for (const m of inner.slice(name.length).matchAll(ATTRIBUTE)) attributes.set(m[1]!, decode(m[2] ?? m[3] ?? ''));
      yield { kind: 'open', name, attributes, empty };
      if (empty) yield { kind: 'close', name };
      else stack.push(name);
      at = end;
    }
  }
  if (stack.length > 0) throw new XmlError(`unclosed <${stack.at(-1)}>`);
  if (!root) throw new XmlError('no root element');
}

/**
 * The root element of `xml`, as a tree of `xmlTokens`: whitespace-only text is kept (a
 * `<w:t> </w:t>` is a space); a tree past XML_LIMITS throws.
 */
export function parseXml(xml: string): XmlElement {
  const top: XmlElement = { name: '', attributes: {}, children: [] };
  const stack: XmlElement[] = [top];
  let count = 0;
  for (const token of xmlTokens(xml)) {
    const parent = stack[stack.length - 1]!;
    if (token.kind === 'text') parent.children.push(token.text);
    else if (token.kind === 'close') stack.pop();
    else {
      if (++count > XML_LIMITS.elements) throw new XmlError(`more than ${XML_LIMITS.elements} elements`, 'too-many-elements');
      if (stack.length > XML_LIMITS.depth) throw new XmlError(`more than ${XML_LIMITS.depth} nested elements`, 'too-deep');
      const element: XmlElement = { name: token.name, attributes: Object.fromEntries(token.attributes), children: [] };
      parent.children.push(element);
      stack.push(element);
    }
  }
  return top.children[0] as XmlElement;
}

/** The child elements of `element`, all or those named `name`. */
export function elements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const child of element.children) if (typeof child !== 'string' && (name === undefined || child.name === name)) found.push(child);
  return found;
}

/** The first child element of `element` named `name`. */
export function element(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const child of parent.children) if (typeof child !== 'string' && child.name === name) return child;
  return undefined;
}

/** The first descendant element named `name`, depth first. */
export function descendant(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const child of parent.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) return child;
    const found = descendant(child, name);
    if (found) return found;
  }
  return undefined;
}

/** All the text inside `element`, in order. */
export function textContent(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  let text = '';
  for (const child of node.children) text += textContent(child);
  return text;
}
