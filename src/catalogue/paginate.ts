/**
 * Splitting a growing list into pages of a fixed size (issue 9: no page over ~100 KB compressed,
 * every item still reachable by links without JavaScript). Pure helpers; the paths of the pages
 * come from `listPaths` (./paths.ts).
 */
import type { DocumentGroup } from './types.ts';

/*
 * Page sizes, from the sizes measured (gzip -9) on the real site and on a build of the benchmark
 * corpus at 5,000 actions: a row of the actions table weighs ~55 bytes compressed (~35 on the
 * corpus), an item of a theme, glossary or organisation list ~25, a link of a plan ~20, the rest
 * of a page (menu, criteria, filters) 3 to 7 KB. The heaviest list page weighs 14 KB compressed
 * (real site, 200 rows; 9.8 KB on the corpus at 5,000 actions): a margin of 7 under the 100 KB
 * limit (tests/build/size.test.ts) for longer titles. Larger pages would mean fewer pages to
 * build, smaller ones shorter tables for the reader; 200 rows also keep the real site's table
 * (~200 actions) in two pages, so that its pagination is tested.
 */
/** Rows per page of the actions tables (all actions, and each criterion). */
export const ROWS_PER_PAGE = 200;
/** Items per page of the lists grouped by document (themes, glossary, organisations). */
export const ITEMS_PER_PAGE = 200;
/** Links per page of a document's plan. */
export const LINKS_PER_PAGE = 500;

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** Number of pages of the list (at least 1). */
  total: number;
  items: T[];
}

/** `items` in pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`taille de page invalide : ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: items.slice(i * size, (i + 1) * size) }));
}

/**
 * The page numbers a pagination bar shows: the first, the last, and those around the current
 * one; `null` stands for a gap ("…"). 12 pages, current 6 → 1 … 5 6 7 … 12.
 */
export function pageWindow(current: number, total: number, around = 1): (number | null)[] {
  const shown = [...new Set([1, ...Array.from({ length: 2 * around + 1 }, (_, i) => current - around + i), total])]
    .filter((n) => n >= 1 && n <= total)
    .sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const last = out.at(-1);
    // A gap of one page is shown as that page, not as "…".
    if (typeof last === 'number' && n - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** The number of listed items of a document group (its own mention counts as one). */
export function groupSize(g: DocumentGroup): number {
  return (g.inDocument ? 1 : 0) + g.sections.length + (g.axes?.length ?? 0) + g.objectives.length + g.actions.length + g.procedures.length;
}

/**
 * Groups of items in pages of at most `size` items, in the same order; a group cut between two
 * pages continues on the next one (`continued` tells the page to say so under its heading).
 */
export function paginateGroups(groups: readonly DocumentGroup[], size: number): Page<DocumentGroup & { continued: boolean }>[] {
  type Item = ['doc'] | ['sections' | 'axes' | 'objectives' | 'actions' | 'procedures', unknown];
  const flat = groups.flatMap((g, i) => {
    const items: Item[] = [
      ...(g.inDocument ? [['doc'] as Item] : []),
      ...(['sections', 'axes', 'objectives', 'actions', 'procedures'] as const).flatMap((k) =>
        ((g[k] ?? []) as unknown[]).map((x) => [k, x] as Item),
      ),
    ];
    return items.map((item) => ({ group: i, item }));
  });
  return paginate(flat, size).map((page) => {
    const start = (page.number - 1) * size;
    const out: (DocumentGroup & { continued: boolean })[] = [];
    for (const { group, item } of page.items) {
      let g = out.at(-1);
      if (!g || g.convention !== groups[group]!.convention) {
        // Groups are contiguous: only the first one of a page can have begun on the page before.
        const continued = out.length === 0 && start > 0 && flat[start - 1]!.group === group;
        g = {
          convention: groups[group]!.convention,
          inDocument: false,
          sections: [],
          axes: [],
          objectives: [],
          actions: [],
          procedures: [],
          continued,
        };
        out.push(g);
      }
      if (item[0] === 'doc') g.inDocument = true;
      else ((g[item[0]] ??= []) as unknown[]).push(item[1]);
    }
    return { number: page.number, total: page.total, items: out };
  });
}

/**
 * The items cut into runs of consecutive items that share a key, in the same order: the rows of
 * an actions table grouped under their document (issue 23: the document named once per group,
 * not on every row). An item whose key comes back later starts a new run.
 */
export function runsOf<T>(items: readonly T[], key: (item: T) => string): { key: string; items: T[] }[] {
  const runs: { key: string; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const last = runs.at(-1);
    if (last?.key === k) last.items.push(item);
    else runs.push({ key: k, items: [item] });
  }
  return runs;
}
