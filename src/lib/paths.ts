/**
 * Paths of the site's pages, relative to the site base (no leading slash). The export uses them as
 * they are; pages turn them into links with `href()` from ./url.ts.
 */
export const paths = {
  home: () => '',
  search: () => 'recherche/',
  siteMap: () => 'plan-du-site/',
  accessibility: () => 'accessibilite/',
  legal: () => 'mentions-legales/',
  /** Print-ready single page of a convention. */
  print: (conventionId: string) => `${conventionId}/imprimer/`,
  convention: (conventionId: string) => `${conventionId}/`,
  axis: (conventionId: string, axisNumber: string) => `${conventionId}/axe-${axisNumber}/`,
  /** Actions live under their convention, named after their file: `inserm…/actions/action-12/`. */
  action: (actionId: string) => {
    const [conventionId, ...rest] = actionId.split('/');
    return `${conventionId}/actions/${rest.join('/')}/`;
  },
  /** Sections live under their convention, named after their file: `ucanss…/article-6/`. */
  section: (sectionId: string) => `${sectionId}/`,
  procedure: (procedureId: string) => {
    const [conventionId, ...rest] = procedureId.split('/');
    return `${conventionId}/procedures/${rest.join('/')}/`;
  },
  themes: () => 'themes/',
  theme: (key: string) => `themes/${key}/`,
  /** Every action and commitment of every document, in one table. */
  actionsIndex: () => 'actions/',
  /** The actions index narrowed to one value of one facet, for readers without JavaScript. */
  actionsFacet: (facet: string, value: string) => `actions/${facet}/${value}/`,
  glossary: () => 'glossaire/',
  glossaryTerm: (id: string) => `glossaire/${id}/`,
  organisations: () => 'organisations/',
  organisation: (id: string) => `organisations/${id}/`,
  exportJson: () => 'donnees/actions.json',
  exportCsv: () => 'donnees/actions.csv',
  itemsJson: () => 'donnees/elements.json',
  itemsCsv: () => 'donnees/elements.csv',
};

/** Joins the site base and a base-relative path into an absolute URL path. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/**
 * Pages of the lists that grow with the site (issue 9: no page over ~100 KB compressed). Page 1
 * keeps the list's own path; the next ones sit under it: `actions/` → `actions/page-2/`.
 */
export const listPaths = {
  page: (first: string, n: number) => (n <= 1 ? first : `${first}page-${n}/`),
  /** The `[...page]` route parameter of page `n`: undefined for the first page. */
  param: (n: number) => (n <= 1 ? undefined : `page-${n}`),
  /** Plan du site of one document: its sections, axes, actions and procedures. */
  siteMapDocument: (conventionId: string) => `plan-du-site/${conventionId}/`,
  /** The actions in compact form, fetched by the filters of the actions index on first use. */
  actionsData: () => 'actions/filtres.json',
};
