/**
 * The rule saying which text of a page counts, for the marking of terms in pages (./pass.ts) and
 * for the lists of the glossary and organisation pages (src/catalogue/crosscut.ts), so that a
 * term's page lists a page if and only if the term occurs in that page's text. What an occurrence
 * is, and the matcher that finds them, are in src/model/matcher.ts.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

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

/** Class of the marks the page pass puts on terms (./pass.ts). */
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
