/**
 * Finding glossary terms and organisation names in texts: one matcher, compiled once per build for
 * every term and name (a tree of their folded characters), so that finding them in a text costs one
 * walk over the text, whatever their number. The model uses it to check that an entry's forms are
 * found (./integrity.ts); the catalogue and the page pass use it to list and mark them.
 *
 * What counts as an occurrence: a form of the entry (term, variant, name) as whole words: the
 * characters before and after are neither letters, digits nor a hyphen ("CAP" is not in
 * "CAP-BEP": a hyphen joins words); accents are ignored, straight and curly apostrophes are the
 * same, any run of spaces matches a space; case is ignored unless the entry asks for it (then
 * only accents and apostrophes are folded). An occurrence lies within one text (one text node of
 * a page, one field of an entry).
 */
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
  /** 1 for each folded code that begins a form: where `mayFind` starts a walk. */
  private starts = new Uint8Array(65536);
  /** Every folded code written in a form. */
  private written = new Set<number>();

  constructor(entries: Findable<T>[]) {
    for (const e of entries) {
      for (const form of new Set(e.forms)) {
        const folded = normalizeForm(form, false);
        if (!folded) continue;
        let node = this.root;
        for (let i = 0; i < folded.length; i++) {
          const code = folded.charCodeAt(i);
          this.written.add(code);
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
    for (const code of this.root.next.keys()) this.starts[code] = 1;
  }

  /** Whether some form has this character (as folded: any space is one). */
  writes(character: string): boolean {
    const folded = /^\s$/u.test(character) ? ' ' : fold(character);
    return folded.length === 1 && this.written.has(folded.charCodeAt(0));
  }

  /**
   * Whether `text` may hold an occurrence: false only when `find` would find none. One look at each
   * character, folded as `prepare` folds it but written nowhere, and a walk down the tree from each
   * word start whose character begins a form, stopping at the first form's end (the word boundary
   * after it and the case are left to `find`). Most texts hold nothing, and then cost no more:
   * `find` starts with it.
   */
  mayFind(text: string): boolean {
    const starts = this.starts;
    // Whether the character before (folded) is a letter, a digit or a hyphen: no form starts there.
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let folded = lowerCode[code]!;
      if (folded === UNSEEN) {
        learn(code);
        folded = lowerCode[code]!;
      }
      // A combining mark folds to nothing: the character before it stays the one before.
      if (folded === DROP) continue;
      // A character folding to several (rare) anywhere: left to `find` (the walks stop at it).
      if (folded === SEVERAL) return true;
      if (starts[folded] === 1 && !inWord && this.formFrom(text, i + 1, this.root.next.get(folded)!)) return true;
      // Spaces need no collapsing here: no form starts with one, and any of them ends a word.
      const c = classOf(folded);
      inWord = c === WORD || c === HYPHEN;
    }
    return false;
  }

  /** Whether the walk down from `node`, reading `text` from `i` folded as `prepare` does, reaches a form's end. */
  private formFrom(text: string, i: number, node: TrieNode<T>): boolean {
    let lastSpace = false;
    for (let at: TrieNode<T> | undefined = node; at;) {
      if (at.ends.length > 0) return true;
      if (i >= text.length) return false;
      const code = text.charCodeAt(i++);
      let folded: number;
      if (classOf(code) === SPACE) {
        if (lastSpace) continue;
        folded = 32;
        lastSpace = true;
      } else {
        lastSpace = false;
        if (lowerCode[code] === UNSEEN) learn(code);
        folded = lowerCode[code]!;
        if (folded === DROP) continue;
      }
      at = at.next.get(folded);
    }
    return false;
  }

  /**
   * Every occurrence in `text`, in order of start, the longest first at one start; nested
   * occurrences ("handicap" inside "correspondant handicap") are all reported.
   */
  find(text: string): Occurrence<T>[] {
    return this.mayFind(text) ? this.scan(text) : [];
  }

  /** What `find` gives, read without the quick look first (`mayFind` must never miss what this finds). */
  scan(text: string): Occurrence<T>[] {
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
