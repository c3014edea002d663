/**
 * "On the same themes, in the other documents": a fixed number of items per page, whatever the
 * size of the site (issue 9: per-page work must not scan the catalogue). The ranking is computed
 * once per distinct set of themes and per document, then looked up by every page sharing that set.
 */
import type { ActionNode, ConventionNode, ProcedureNode } from './types.ts';
import type { DocumentGroup } from './types.ts';

/** How many related items a page lists, in total. The theme pages list them all. */
export const RELATED_LIMIT = 6;

type Item = ActionNode | ProcedureNode;
interface Ranked {
  item: Item;
  /** Themes shared with the page's item. */
  shared: number;
  /** Position among the candidates of its own document (0 = its best). */
  rank: number;
  documentIndex: number;
}

const themeKey = (item: Item) => [...new Set(item.data.themes ?? [])].sort().join(' ');

/**
 * Returns the lookup for one catalogue, built once with the site (./site.ts). Candidates are ranked
 * by the number of themes they share, then by their rank in their own document (so that equal
 * scores alternate between documents), then in site order; the page's own document is left out.
 */
export function relatedIndex(conventions: ConventionNode[], limit = RELATED_LIMIT): (item: Item) => DocumentGroup[] {
  // Inverted index, built once: theme → candidates of each document, in document order.
  const byTheme = new Map<string, Item[][]>();
  conventions.forEach((c, d) => {
    for (const item of [...c.actions, ...c.procedures]) {
      for (const t of new Set(item.data.themes ?? [])) {
        let lists = byTheme.get(t);
        if (!lists) byTheme.set(t, (lists = conventions.map(() => [])));
        lists[d]!.push(item);
      }
    }
  });
  // Per set of themes: the best `limit` candidates of each document (enough for any page).
  const bestPerDocument = new Map<string, Ranked[][]>();
  const best = (item: Item): Ranked[][] => {
    const key = themeKey(item);
    let found = bestPerDocument.get(key);
    if (found) return found;
    const themes = key ? key.split(' ') : [];
    found = conventions.map((_, d) => {
      const shared = new Map<Item, number>();
      for (const t of themes) for (const e of byTheme.get(t)?.[d] ?? []) shared.set(e, (shared.get(e) ?? 0) + 1);
      // Map keeps first-insertion order; sort by document order to break ties as the source does.
      return [...shared]
        .sort(([a, x], [b, y]) => y - x || position(a) - position(b))
        .slice(0, limit)
        .map(([e, n], rank) => ({ item: e, shared: n, rank, documentIndex: d }));
    });
    bestPerDocument.set(key, found);
    return found;
  };
  // Actions before procedures, each in document order.
  const positions = new Map<Item, number>();
  const procedures = new Set<Item>(conventions.flatMap((c) => c.procedures));
  for (const c of conventions) [...c.actions, ...c.procedures].forEach((e, i) => positions.set(e, i));
  const position = (e: Item) => positions.get(e)!;

  // Per set of themes, every document's best candidates in one list, best first: an item's related
  // items are the first `limit` of it outside its own document, found without going through every
  // document again for each page (issue 21, point 9: at 20,000 actions, a hundred documents).
  const ordered = new Map<string, Ranked[]>();
  const rankedFor = (item: Item): Ranked[] => {
    const key = themeKey(item);
    let list = ordered.get(key);
    if (!list) {
      list = best(item)
        .flat()
        .sort((a, b) => b.shared - a.shared || a.rank - b.rank || a.documentIndex - b.documentIndex);
      ordered.set(key, list);
    }
    return list;
  };
  const documentIndex = new Map(conventions.map((c, d) => [c, d]));

  return (item) => {
    const own = documentIndex.get(item.convention);
    const picked: Ranked[] = [];
    for (const r of rankedFor(item)) {
      if (picked.length === limit) break;
      if (r.documentIndex !== own) picked.push(r);
    }
    // Grouped by document, in document order, each group in the document's order.
    picked.sort((a, b) => a.documentIndex - b.documentIndex || position(a.item) - position(b.item));
    const groups: DocumentGroup[] = [];
    for (const r of picked) {
      const convention = conventions[r.documentIndex]!;
      const last = groups.at(-1);
      const group =
        last?.convention === convention
          ? last
          : { convention, inDocument: false, sections: [], objectives: [], actions: [], procedures: [] };
      if (group !== last) groups.push(group);
      if (procedures.has(r.item)) group.procedures.push(r.item as ProcedureNode);
      else group.actions.push(r.item as ActionNode);
    }
    return groups;
  };
}
