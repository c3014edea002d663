/** Reading built HTML (or HTML the page pass changed) as a tree (hast), with the tooling the pass uses. */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

export interface Found extends Element {
  /** The element's text, as a reader gets it. */
  text: string;
}

/** Every element below `tree` (in document order) passing `test`. */
export function selectAll(tree: Root | Element, test: (e: Element) => boolean): Found[] {
  const out: Found[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) out.push(Object.assign(Object.create(null), child, { text: toString(child) }) as Found);
      walk(child);
    }
  };
  walk(tree);
  return out;
}
