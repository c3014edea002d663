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
  values: readonly T[];
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  /** Entries whose form ends here; `exact` holds their case-kept forms when case matters. */
  ends: { value: T; exact?: Set<string> }[];
  /** The values of `ends` when none of them minds the case (then every occurrence names them all). */
  values?: readonly T[];
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

/**
 * Each UTF-16 code folded (./text.ts), without and with case, as one code; or DROP when folding
 * removes it (a combining mark), or SEVERAL when it gives more than one character (kept in
 * `severalFolds`). Filled on first sight of each code.
 */
const UNSEEN = -3;
const SEVERAL = -2;
const DROP = -1;
const lowerCode = new Int32Array(65536).fill(UNSEEN);
const keptCode = new Int32Array(65536).fill(UNSEEN);
const severalFolds = new Map<number, [string, string]>();
function learn(code: number) {
  const ch = String.fromCharCode(code);
  const lo = fold(ch);
  const ke = fold(ch, true);
  if (lo.length === 1 && ke.length === 1) {
    lowerCode[code] = lo.charCodeAt(0);
    keptCode[code] = ke.charCodeAt(0);
  } else if (lo.length === 0 && ke.length === 0) {
    lowerCode[code] = keptCode[code] = DROP;
  } else {
    lowerCode[code] = keptCode[code] = SEVERAL;
    severalFolds.set(code, [lo, ke]);
  }
}

/**
 * The text being matched, folded (`prepare`): `lower[k]` (case folded) and `kept[k]` (case kept)
 * for k < length, and `at[k]`, the index in the original text of the character that gave them.
 * Spaces are collapsed to one " ", combining marks dropped. One set of buffers, reused: `find`
 * runs to the end before anything else can call it.
 */
let lower = new Uint16Array(1024);
let kept = new Uint16Array(1024);
let at = new Int32Array(1024);

function prepare(text: string): number {
  // Folding never lengthens a text by more than SEVERAL codes do; grow the buffers when needed.
  const room = (n: number) => {
    if (n <= lower.length) return;
    const size = Math.max(n, lower.length * 2);
    const grow = <A extends Uint16Array | Int32Array>(a: A, b: A) => (b.set(a), b);
    lower = grow(lower, new Uint16Array(size));
    kept = grow(kept, new Uint16Array(size));
    at = grow(at, new Int32Array(size));
  };
  room(text.length);
  let n = 0;
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (classOf(code) === SPACE) {
      if (lastSpace) continue;
      lower[n] = kept[n] = 32;
      at[n++] = i;
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if (lowerCode[code] === UNSEEN) learn(code);
    const lo = lowerCode[code]!;
    if (lo >= 0) {
      lower[n] = lo;
      kept[n] = keptCode[code]!;
      at[n++] = i;
    } else if (lo === SEVERAL) {
      // Rare (a character folding to several, e.g. a Hangul syllable): as many codes as both forms share.
      const [l, k] = severalFolds.get(code)!;
      const m = Math.min(l.length, k.length);
      room(n + m + (text.length - i));
      for (let x = 0; x < m; x++) {
        lower[n] = l.charCodeAt(x);
        kept[n] = k.charCodeAt(x);
        at[n++] = i;
      }
    }
  }
  return n;
}

const normalizeForm = (form: string, keepCase: boolean) => fold(form.trim().replace(/\s+/g, ' '), keepCase);

/** Finds every form of every entry in texts; compiled once for all entries. */
export class Matcher<T> {
  private root: TrieNode<T> = { next: new Map(), ends: [] };

  constructor(entries: Findable<T>[]) {
    for (const e of entries) {
      for (const form of new Set(e.forms)) {
        const folded = normalizeForm(form, false);
        if (!folded) continue;
        let node = this.root;
        for (let i = 0; i < folded.length; i++) {
          const code = folded.charCodeAt(i);
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
    const settle = (node: TrieNode<T>) => {
      if (node.ends.length > 0 && node.ends.every((e) => !e.exact)) node.values = node.ends.map((e) => e.value);
      for (const child of node.next.values()) settle(child);
    };
    settle(this.root);
  }

  /**
   * Every occurrence in `text`, in order of start, the longest first at one start; nested
   * occurrences ("handicap" inside "correspondant handicap") are all reported.
   */
  find(text: string): Occurrence<T>[] {
    const out: Occurrence<T>[] = [];
    const n = prepare(text);
    for (let i = 0; i < n; i++) {
      // A form starts a word: not after a letter, digit or hyphen.
      if (i > 0) {
        const before = classOf(lower[i - 1]!);
        if (before === WORD || before === HYPHEN) continue;
      }
      const first = out.length;
      let node = this.root.next.get(lower[i]!);
      for (let j = i + 1; node; node = j < n ? node.next.get(lower[j++]!) : undefined) {
        if (node.ends.length === 0) continue;
        // …and ends one: not before a letter, digit or hyphen.
        if (j < n) {
          const after = classOf(lower[j]!);
          if (after === WORD || after === HYPHEN) continue;
        }
        let values = node.values;
        if (!values) {
          const written = String.fromCharCode(...kept.subarray(i, j));
          values = node.ends.filter((e) => !e.exact || e.exact.has(written)).map((e) => e.value);
        }
        // Trailing spaces were collapsed, not dropped: an end is never a space, so `end` is exact.
        if (values.length > 0) out.push({ start: at[i]!, end: j < n ? at[j]! : text.length, values });
      }
      // The longest first.
      for (let a = first, b = out.length - 1; a < b; a++, b--) [out[a], out[b]] = [out[b]!, out[a]!];
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
/** A passage marked in another language (by the page pass or by a body): it stays in the text around it too. */
const isLanguageMark = (node: Element) => node.tagName === 'span' && node.properties.lang !== undefined;

/**
 * The texts that count under the rule, in document order, from a built page (or any tree holding
 * <main>): one string per text node, except that a term marked by the page pass, or a passage
 * marked in another language, stays in the text around it (marking "DAGE" does not cut "Bureau de
 * la Logistique de la DAGE" in two).
 */
export function admittedTexts(tree: Root | Element): string[] {
  const out: string[] = [];
  const main = findMain(tree);
  if (!main || outsideText(main)) return out;
  let run: string | undefined;
  const close = () => {
    if (run !== undefined) out.push(run);
    run = undefined;
  };
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type === 'text') run = (run ?? '') + child.value;
      else if (child.type === 'element' && (isTermMark(child) || isLanguageMark(child))) run = (run ?? '') + toString(child);
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
