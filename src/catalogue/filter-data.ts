/**
 * The compact list the actions index filters read (issue 9: the index is split into pages, the
 * filters still work across every action). One definition for the build (actions/filtres.json)
 * and the script that reads it (src/scripts/actions-filter.ts).
 */
import { THEMES, THEME_KEYS } from '../model/themes.ts';
import type { ActionNode, ConventionNode } from './types.ts';
import { FACET_KEYS, facetValues } from './facets.ts';

export interface FilterRow {
  /** Values of each facet, in the order of `FilterData.facets`. */
  f: string[][];
  /** Label of the action in its document: "Action n°12". */
  n: string;
  /** Title. */
  t: string;
  /** Base-relative path of its page. */
  u: string;
  /** Status badge: "key:code" (a <template data-statut> of the page), "" without status. */
  b: string;
  /** Responsible bodies as shown, when given. */
  r?: string;
  /** Wording, searched with the title by the text filter. */
  x: string;
}
export interface FilterData {
  facets: readonly string[];
  /** Short title of each document, by id. */
  documents: Record<string, string>;
  /** Label of each theme, by key. */
  themes: Record<string, string>;
  rows: FilterRow[];
}

export function actionsFilterData(conventions: ConventionNode[], actions: ActionNode[]): FilterData {
  return {
    facets: FACET_KEYS,
    documents: Object.fromEntries(conventions.map((c) => [c.id, c.data.shortTitle])),
    themes: Object.fromEntries(THEME_KEYS.map((k) => [k, THEMES[k].label])),
    rows: actions.map((a) => {
      const values = facetValues(a);
      return {
        f: FACET_KEYS.map((k) => values[k]!),
        n: a.label,
        t: a.data.title,
        u: a.path,
        b: a.status ? `${a.status.key}:${a.status.code}` : '',
        ...(a.data.responsible?.length ? { r: a.data.responsible.join(', ') } : {}),
        x: a.data.wording,
      };
    }),
  };
}
