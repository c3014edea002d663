/**
 * Finding glossary terms and organisation names in the documents' text, and the rule saying which
 * text counts. One matcher and one rule serve the marking of terms in pages (./enrich.ts) and the
 * lists of the glossary and organisation pages (./crosscut.ts), so that a term's page lists a page
 * if and only if the term occurs in that page's text.
 *
 * The matcher is compiled once per build for every term and name (a tree of their folded
 * characters): finding them in a text costs one walk over the text, whatever their number.
 *
 * What counts as an occurrence: a form of the entry (term, variant, name) as whole words: the
 * characters before and after are neither letters, digits nor a hyphen ("CAP" is not in
 * "CAP-BEP": a hyphen joins words); accents are ignored, straight and curly apostrophes are the
 * same, any run of spaces matches a space; case is ignored unless the entry asks for it (then
 * only accents and apostrophes are folded). An occurrence lies within one text (one text node of
 * a page, one field of an entry).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { fold } from './text.ts';

/** One thing to find: its forms, and whether their case matters. */
export interface Findable<T> {
  value: T;
  forms: string[];
  caseSensitive: boolean;
}

/** An occurrence in a text: [start, end) in the text as given, and what was found there. */
export interface Occurrence<T> {
  start: number;
  end: number;
  values: T[];
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  /** Entries whose form ends here; `exact` holds their case-kept forms when case matters. */
  ends: { value: T; exact?: Set<string> }[];
}

// Character classes by UTF-16 code: 1 letter or digit, 2 hyphen, 3 space, 0 other.
const WORD = 1;
const HYPHEN = 2;
const SPACE = 3;
const classes = new Uint8Array(65536).fill(255);
function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 255) {
    const ch = String.fromCharCode(code);
    c = /[\p{L}\p{N}]/u.test(ch) ? WORD : ch === '-' ? HYPHEN : /\s/u.test(ch) ? SPACE : 0;
    classes[code] = c;
  }
  return c;
}

/** Per character of the original text: its folded forms (with and without case), cached. */
const folded = new Map<string, [string, string]>();
function foldChar(ch: string): [string, string] {
  let f = folded.get(ch);
  if (!f) folded.set(ch, (f = [fold(ch), fold(ch, true)]));
  return f;
}

/**
 * A text folded for matching: `lower` (case folded) and `kept` (case kept) have the same length;
 * `at[i]` is the index in the original text of the character that gave `lower[i]`. Spaces are
 * collapsed to one " ", combining marks dropped.
 */
function prepare(text: string): { lower: string; kept: string; at: number[] } {
  let lower = '';
  let kept = '';
  const at: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && code !== 39) {
      if (classOf(code) === SPACE) {
        if (lastSpace) continue;
        lower += ' ';
        kept += ' ';
        lastSpace = true;
      } else {
        lower += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
        kept += text[i];
        lastSpace = false;
      }
      at.push(i);
      continue;
    }
    if (classOf(code) === SPACE) {
      if (lastSpace) continue;
      lower += ' ';
      kept += ' ';
      at.push(i);
      lastSpace = true;
      continue;
    }
    const [lo, ke] = foldChar(text[i]!);
    // Folding may drop a character (a combining mark) or, rarely, change its length.
    const n = Math.min(lo.length, ke.length);
    for (let k = 0; k < n; k++) {
      lower += lo[k];
      kept += ke[k];
      at.push(i);
    }
    lastSpace = false;
  }
  return { lower, kept, at };
}

const normalizeForm = (form: string, keepCase: boolean) => fold(form.trim().replace(/\s+/g, ' '), keepCase);

/** Finds every form of every entry in texts; compiled once for all entries. */
export class Matcher<T> {
  private root: TrieNode<T> = { next: new Map(), ends: [] };

  constructor(entries: Findable<T>[]) {
    for (const e of entries) {
      for (const form of new Set(e.forms)) {
        const lower = normalizeForm(form, false);
        if (!lower) continue;
        let node = this.root;
        for (let i = 0; i < lower.length; i++) {
          const code = lower.charCodeAt(i);
          let child = node.next.get(code);
          if (!child) node.next.set(code, (child = { next: new Map(), ends: [] }));
          node = child;
        }
        let end = node.ends.find((x) => x.value === e.value);
        if (!end) node.ends.push((end = { value: e.value, exact: e.caseSensitive ? new Set() : undefined }));
        else if (!e.caseSensitive) end.exact = undefined;
        end.exact?.add(normalizeForm(form, true));
      }
    }
  }

  /**
   * Every occurrence in `text`, in order of start, the longest first at one start; nested
   * occurrences ("handicap" inside "correspondant handicap") are all reported.
   */
  find(text: string): Occurrence<T>[] {
    const out: Occurrence<T>[] = [];
    const { lower, kept, at } = prepare(text);
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      // A form starts a word: not after a letter, digit or hyphen.
      if (i > 0) {
        const before = classOf(lower.charCodeAt(i - 1));
        if (before === WORD || before === HYPHEN) continue;
      }
      let node: TrieNode<T> | undefined = this.root;
      const here: Occurrence<T>[] = [];
      for (let j = i; j < n && node;) {
        node = node.next.get(lower.charCodeAt(j));
        j++;
        if (!node || node.ends.length === 0) continue;
        // …and ends one: not before a letter, digit or hyphen.
        if (j < n) {
          const after = classOf(lower.charCodeAt(j));
          if (after === WORD || after === HYPHEN) continue;
        }
        const values = node.ends.filter((e) => !e.exact || e.exact.has(kept.slice(i, j))).map((e) => e.value);
        if (values.length > 0) here.push({ start: at[i]!, end: j < n ? at[j]! : text.length, values });
      }
      // Trailing spaces were collapsed, not dropped: an end is never a space, so `end` is exact.
      for (let k = here.length - 1; k >= 0; k--) out.push(here[k]!);
    }
    return out;
  }

  /** Every entry occurring in any of `texts`. */
  valuesIn(texts: Iterable<string>): Set<T> {
    const found = new Set<T>();
    for (const text of texts) for (const o of this.find(text)) for (const v of o.values) found.add(v);
    return found;
  }
}

/**
 * The text rule: which text of a page counts (for marking and for the listings). Inside <main>,
 * every text counts except what a template marks with this attribute (labels, the document name
 * above a title, lists of other pages, navigation: anything that is not the text of the page's
 * own entries), and except what is not text at all (scripts, styles, templates). Attribute values
 * are never text. The data side of the same rule is `textsOf` in ./crosscut.ts.
 */
export const NOT_TEXT_ATTRIBUTE = 'data-sans-glossaire';
const NOT_TEXT_PROPERTY = 'dataSansGlossaire';
const NOT_RENDERED = new Set(['script', 'style', 'template', 'noscript']);

/** Whether an element's content is outside the page's text (see NOT_TEXT_ATTRIBUTE). */
export function outsideText(node: Element): boolean {
  return outsideTextTag(node.tagName, node.properties?.[NOT_TEXT_PROPERTY] !== undefined);
}

/** The same rule on an element given by its tag name and whether it carries NOT_TEXT_ATTRIBUTE. */
export function outsideTextTag(tagName: string, notText: boolean): boolean {
  return NOT_RENDERED.has(tagName) || notText;
}

/** Class of the marks the page pass puts on terms (./enrich.ts). */
export const TERM_CLASS = 'terme';
const isTermMark = (node: Element) =>
  node.tagName === 'a' && Array.isArray(node.properties.className) && node.properties.className.includes(TERM_CLASS);

/**
 * The texts that count under the rule, in document order, from a built page (or any tree holding
 * <main>): one string per text node, except that a term marked by the page pass stays in the text
 * around it (marking "DAGE" does not cut "Bureau de la Logistique de la DAGE" in two).
 */
export function admittedTexts(tree: Root | Element): string[] {
  const out: string[] = [];
  const main = findMain(tree);
  if (!main) return out;
  let run: string | undefined;
  const close = () => {
    if (run !== undefined) out.push(run);
    run = undefined;
  };
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type === 'text') run = (run ?? '') + child.value;
      else if (child.type === 'element' && isTermMark(child)) run = (run ?? '') + toString(child);
      else if (child.type === 'element') {
        close();
        if (!outsideText(child)) walk(child);
        close();
      }
    }
  };
  walk(main);
  close();
  return out;
}

/** The <main> element of a tree (the tree itself if it is one). */
export function findMain(tree: Root | Element): Element | undefined {
  if (tree.type === 'element' && tree.tagName === 'main') return tree;
  for (const child of tree.children as (RootContent | ElementContent)[]) {
    if (child.type === 'element') {
      const found = findMain(child);
      if (found) return found;
    }
  }
  return undefined;
}
