/**
 * Passages in another language (RGAA 8.7, WCAG 3.1.2), from what the content declares, never
 * guessed: a glossary term's `lang` (the term and its variants, with the term's case rule), and
 * the `foreignPhrases` of the documents and of glossary entries (each expression with the case
 * written there). The page pass (./pass.ts) finds them with the matcher it already runs on each
 * text (./mentions.ts: one walk over the text whatever their number) and wraps each occurrence in
 * `<span lang="…">`, in every text of <main> (headings and links included) outside an element that
 * already says its language; attributes and the page's <title> are never touched. Bodies mark their
 * own passages with `<span lang="en">…</span>` (checked by src/model/body.ts). Exports and search
 * metadata stay plain text.
 */
import type { Catalogue, GlossaryNode } from '../catalogue/types.ts';
import type { Matcher, Occurrence } from '../model/matcher.ts';

/** One declared expression: its forms, whether their case matters, its language. */
export interface ForeignForm {
  forms: string[];
  caseSensitive: boolean;
  lang: string;
}

/**
 * Every expression the content declares in another language, once each. A glossary term with a
 * `lang` is not repeated here: its own entry in the matcher carries the language (`termLanguage`).
 */
export function foreignForms(catalogue: Pick<Catalogue, 'glossary' | 'conventions'>): ForeignForm[] {
  const out = new Map<string, ForeignForm>();
  const declared = [...catalogue.conventions, ...catalogue.glossary].flatMap((e) => e.data.foreignPhrases ?? []);
  for (const { text, lang } of declared) {
    const key = `${lang}\u0000${text}`;
    if (!out.has(key)) out.set(key, { forms: [text], caseSensitive: true, lang });
  }
  return [...out.values()];
}

/** A glossary term's language, when it is not French. */
export const termLanguage = (g: GlossaryNode): string | undefined => g.data.lang;

/** A run of a text in another language: [start, end) and its language. */
export interface LanguageRange {
  start: number;
  end: number;
  lang: string;
}

/**
 * The runs of a text in another language, from the matcher's occurrences in it (in order of start,
 * the longest first): at each place the longest occurrence of a declared expression, never two
 * overlapping (the first one wins).
 */
export function languageRanges<T extends { lang?: string }>(found: Occurrence<T>[]): LanguageRange[] {
  const out: LanguageRange[] = [];
  let end = 0;
  for (const o of found) {
    if (o.start < end) continue;
    const lang = o.values.find((v) => v.lang)?.lang;
    if (!lang) continue;
    out.push({ start: o.start, end: o.end, lang });
    end = o.end;
  }
  return out;
}

/** A piece of a text: in the page's language, or in `lang`. */
export interface Segment {
  text: string;
  lang?: string;
}

/** The characters Astro writes as references in text, read back by `holdsLanguage`. */
const REFERENCES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': ' ',
};

/**
 * Whether some HTML may name an expression in another language: `matcher` (of those expressions
 * alone) run once on the HTML as written, tags and attributes included (a false alarm only costs
 * a parse), without parsing it. Most pages made of lists name none and are left as they are.
 */
export function holdsLanguage(matcher: Matcher<unknown> | undefined, html: string): boolean {
  if (!matcher) return false;
  const references = referencesIn(matcher);
  const read = references && html.includes('&') ? html.replace(references, (r) => REFERENCES[r] ?? r) : html;
  return matcher.find(read).length > 0;
}

/**
 * The references worth reading back for a matcher: those of the characters its forms have (an
 * apostrophe, a space…); undefined when they have none. Made once per matcher.
 */
const referencesOf = new WeakMap<Matcher<unknown>, RegExp | undefined>();
function referencesIn(matcher: Matcher<unknown>): RegExp | undefined {
  if (!referencesOf.has(matcher)) {
    const kept = Object.keys(REFERENCES).filter((r) => matcher.writes(REFERENCES[r]!));
    referencesOf.set(matcher, kept.length > 0 ? new RegExp(kept.join('|'), 'g') : undefined);
  }
  return referencesOf.get(matcher);
}

/**
 * A text cut into the pieces in the page's language and those in another language, for the places
 * the page pass does not reach (the breadcrumb, outside <main>), by the site's one matcher of those
 * expressions (./pass.ts `languageMatcher`, built once with the site: src/catalogue/site.ts).
 */
export function languageSegments(text: string, matcher: Matcher<{ lang?: string }> | undefined): Segment[] {
  if (!matcher) return [{ text }];
  const out: Segment[] = [];
  let at = 0;
  for (const r of languageRanges(matcher.find(text))) {
    if (r.start > at) out.push({ text: text.slice(at, r.start) });
    out.push({ text: text.slice(r.start, r.end), lang: r.lang });
    at = r.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}
