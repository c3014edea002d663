/**
 * The text rule (src/page-pass/mentions.ts) read back from a built page, for the checks that a
 * term's page lists a page if and only if the term occurs in that page's text
 * (tests/build/crosscut.test.ts): the same rule as the page pass's, on a hast tree.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { TERM_CLASS, outsideTextTag } from '../src/page-pass/mentions.ts';

/** Whether an element's content is outside the page's text: the rule, on a hast element. */
const outsideText = (node: Element) => outsideTextTag(node.tagName, node.properties?.dataSansGlossaire !== undefined);

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
