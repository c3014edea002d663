/**
 * A document's items counted by kind, for the pages that count them (the document page, its card).
 * Apart from src/lib/french.ts, which the site's scripts bundle: the kinds come from the model,
 * whose schemas (zod) must not reach the browser.
 */
import { ACTION_KINDS } from '../model/action.ts';
import { andList, countOf, levelNoun, noun, type Noun } from '../lib/french.ts';

/**
 * A document's items counted by kind, in its own word for its actions: « 70 actions, 2 mesures ».
 * A measure or a commitment is not an action, and a count that called it one would be false. Kinds
 * named by the same word (a document whose actions are « mesures ») are counted together.
 */
export function itemCounts(
  items: readonly { data: { kind: keyof typeof ACTION_KINDS } }[],
  actionLevel: { singular: string; plural: string },
): [number, Noun][] {
  const counts = new Map<string, [number, Noun]>();
  for (const kind of Object.keys(ACTION_KINDS) as (keyof typeof ACTION_KINDS)[]) {
    const what = kind === 'action' ? levelNoun(actionLevel) : noun(ACTION_KINDS[kind].toLowerCase());
    const n = items.filter((i) => i.data.kind === kind).length;
    counts.set(what.singular, [(counts.get(what.singular)?.[0] ?? 0) + n, what]);
  }
  return [...counts.values()];
}

/** « 70 actions et 2 mesures », « 3 actions », « aucune action ». */
export function itemsInWords(items: Parameters<typeof itemCounts>[0], actionLevel: { singular: string; plural: string }): string {
  const said = itemCounts(items, actionLevel)
    .filter(([n]) => n > 0)
    .map(([n, what]) => countOf(n, what));
  return said.length > 0 ? andList(said) : countOf(0, levelNoun(actionLevel));
}
