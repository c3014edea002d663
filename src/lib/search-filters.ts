/**
 * The search page's filters (Pagefind filter keys and their French labels): the page's form
 * (src/pages/recherche/index.astro), its script (src/scripts/search.ts) and the browser tests read
 * this one list; the pages declare them in src/layouts/Base.astro (`searchFilters`). No `import.meta.env` here, so that Node can load it outside Vite.
 */
import { countOf, noun } from './french.ts';

const RESULT = noun('résultat');

export const SEARCH_FILTERS = [
  { key: 'type', label: "Type d'élément" },
  { key: 'document', label: 'Document' },
  { key: 'statut', label: 'Statut' },
  /** The only filter a page may carry several values of (an action's themes). */
  { key: 'theme', label: 'Thème', several: true },
  /** Whether the document was replaced by a newer one (src/catalogue/dates.ts `replacementState`). */
  { key: 'etat', label: 'État du document' },
] as const;

/** A filter key of the search page. */
export type FilterKey = (typeof SEARCH_FILTERS)[number]['key'];
/** The filters a reader chose: one value per filter key, as Pagefind takes them. */
export type Chosen = Partial<Record<string, string>>;
/** Pagefind's counts of one search: for each filter key, the number of results per value. */
export type FilterCounts = Record<string, Record<string, number> | undefined>;

/**
 * The filters to search with to count the choices of one filter: the reader's, without that one.
 * A filter is a single choice (a `<select>`): choosing another value replaces the current one, so
 * each value is counted as if it were the only one chosen in its filter, the others kept. Pagefind's
 * own counts (`filters` of a search) are the results that would remain with that value *added*, which
 * for « Glossaire » chosen would read « Action ou engagement (0) » whatever the query.
 */
export function othersThan(chosen: Chosen, key: string): Chosen {
  return Object.fromEntries(Object.entries(chosen).filter(([k, v]) => k !== key && v));
}

/** « Glossaire (3) »: a choice of a filter with the number of results it gives for the query. */
export function choiceLabel(value: string, count: number): string {
  return `${value} (${count})`;
}

/** « Tous (12) »: the first choice of a filter, every result of the query with the other filters. */
export function allLabel(count: number): string {
  return `Tous (${count})`;
}

/**
 * « , avec le filtre Type d'élément : Glossaire » — said with the count, so the filters are heard
 * too; « avec le filtre » rather than « filtrés par », which would agree with no result or one.
 */
export function filtersSaid(chosen: Chosen): string {
  const parts = SEARCH_FILTERS.filter((f) => chosen[f.key]).map((f) => `${f.label} : ${chosen[f.key]}`);
  if (parts.length === 0) return '';
  return `, avec ${parts.length > 1 ? 'les filtres' : 'le filtre'} ${parts.join(' ; ')}`;
}

/**
 * What the status region says once a search has settled (one message per search, read politely by
 * screen readers: RGAA 7.5, WCAG 4.1.3). The query between guillemets with no-break spaces inside,
 * as everywhere on the site: a guillemet is never left alone at the end of a line.
 */
export function searchOutcome(query: string, found: number, chosen: Chosen): string {
  if (found === 0) {
    return `Aucun résultat pour «\u00a0${query}\u00a0»${filtersSaid(chosen)}. Essayez un autre mot, ou parcourez les documents depuis le menu ou le plan du site.`;
  }
  return `${countOf(found, RESULT)} pour «\u00a0${query}\u00a0»${filtersSaid(chosen)}.`;
}

/**
 * The line that says what a result is and where it sits, apart from its excerpt: its type (the
 * filter every record carries), its document, its part of the document (the breadcrumb between the
 * two, so that « 1 : Les procédures de recrutement » or « Article 3 » can be placed) and, for an
 * action, its status and who is responsible.
 */
export function resultAbout(result: { filters: Record<string, string[] | undefined>; meta: Record<string, string | undefined> }): string {
  const { filters, meta } = result;
  return [
    filters.type?.[0],
    meta.document,
    meta.partie,
    meta.statut && `Statut : ${meta.statut}`,
    meta.responsables && `Responsables : ${meta.responsables}`,
  ]
    .filter(Boolean)
    .join(' — ');
}
