/**
 * The rule saying which text of a page counts, for the marking of terms in pages (./pass.ts) and
 * for the lists of the glossary and organisation pages (src/catalogue/crosscut.ts), so that a
 * term's page lists a page if and only if the term occurs in that page's text. What an occurrence
 * is, and the matcher that finds them, are in src/model/matcher.ts.
 */

/**
 * The text rule: which text of a page counts (for marking and for the listings). Inside <main>,
 * every text counts except what a template marks with this attribute (labels, the document name
 * above a title, lists of other pages, navigation: anything that is not the text of the page's
 * own entries), and except what is not text at all (scripts, styles, templates). Attribute values
 * are never text. The data side of the same rule is `textsOf` in src/model/texts.ts.
 */
export const NOT_TEXT_ATTRIBUTE = 'data-sans-glossaire';
const NOT_RENDERED = new Set(['script', 'style', 'template', 'noscript']);

/**
 * Whether an element's content is outside the page's text (see NOT_TEXT_ATTRIBUTE), from its tag
 * name and whether it carries the attribute: the page pass's rules (./rules.ts) and the checker of
 * the built pages (tests/text-rule.ts) read the same function.
 */
export function outsideTextTag(tagName: string, notText: boolean): boolean {
  return NOT_RENDERED.has(tagName) || notText;
}

/** Class of the marks the page pass puts on terms (./pass.ts). */
export const TERM_CLASS = 'terme';
