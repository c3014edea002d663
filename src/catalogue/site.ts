/**
 * The site built once from validated entries: the linked catalogue and everything derived from it
 * that pages look up (issue 21, point 3: computed once with the catalogue and passed down, no
 * module-level cache keyed by the catalogue). ./content.ts builds it for Astro; tests build it from
 * src/model/read.ts.
 */
import type { Entries } from '../model/collections.ts';
import { buildCatalogue } from './catalogue.ts';
import { siteDates, type PageDates } from './dates.ts';
import { buildFacets, statusesMet, type ActionsTables, type Facet } from './facets.ts';
import { relatedIndex } from './related.ts';
import type { ActionNode, Catalogue, DocumentGroup, ProcedureNode } from './types.ts';
import { languageMatcher, passData, type LanguageMatcher, type PassData } from '../page-pass/pass.ts';

export interface Site {
  catalogue: Catalogue;
  /** The dates the pages outside any document show: the site's first publication and latest change. */
  dates: PageDates;
  /** The criteria of the actions tables (./facets.ts), each value with its actions. */
  facets: Facet[];
  /** What every page of the actions tables shows of the whole site (./facets.ts). */
  tables: ActionsTables;
  /** "On the same themes, in the other documents" for an action or a procedure (./related.ts). */
  related: (item: ActionNode | ProcedureNode) => DocumentGroup[];
  /** The one matcher of the expressions in another language (src/page-pass/pass.ts); undefined when none is declared. */
  languages: LanguageMatcher | undefined;
  /** What the page pass needs, as plain data that can cross to its worker thread. */
  pass: PassData;
}

/** Builds the catalogue and its indexes, each once. */
export function buildSite(entries: Entries): Site {
  const catalogue = buildCatalogue(entries);
  const pass = passData(catalogue);
  const facets = buildFacets(catalogue.conventions, catalogue.actions);
  return {
    catalogue,
    dates: siteDates(catalogue.conventions),
    facets,
    tables: { facets, total: catalogue.actions.length, statuses: statusesMet(catalogue.actions) },
    related: relatedIndex(catalogue.conventions),
    languages: languageMatcher(pass),
    pass,
  };
}
