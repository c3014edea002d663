/**
 * Where the pages built meet the search index: src/integrations/search-index.ts opens the index
 * when the build starts and src/middleware.ts hands it each page's indexed part as soon as the
 * page is rendered. Astro renders the pages in the process that runs the integrations, so the
 * index under way is reached through a global (nothing is there outside a build: `astro dev`).
 */
export interface PageIndexer {
  /** Gives Pagefind a page's `<main data-pagefind-body>`; `path` is the page's path under the base. */
  add(path: string, main: string): void;
}

const KEY = Symbol.for('conventions-handicap/index-de-recherche');
type WithIndexer = typeof globalThis & { [KEY]?: PageIndexer };

export const pageIndexer = (): PageIndexer | undefined => (globalThis as WithIndexer)[KEY];

export function setPageIndexer(indexer: PageIndexer | undefined) {
  (globalThis as WithIndexer)[KEY] = indexer;
}

/** The page's `<main>` when it is marked for the index (`data-pagefind-body`), else undefined. */
export function indexedMain(html: string): string | undefined {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return undefined;
  const tag = html.slice(start, html.indexOf('>', start));
  return tag.includes('data-pagefind-body') ? html.slice(start, end + '</main>'.length) : undefined;
}
