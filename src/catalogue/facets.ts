/**
 * The filters of the actions index (document, status, theme, audience, responsible): one
 * definition serves the static pages (`/actions/<facet>/<value>/`, for readers without
 * JavaScript), the data attributes the filtering script reads, and the tests.
 */
import { AUDIENCES, AUDIENCE_KEYS } from '../model/audiences.ts';
import { STATUSES, STATUS_KEYS } from '../model/statuses.ts';
import { THEMES, THEME_KEYS } from '../model/themes.ts';
import type { ActionNode, ConventionNode } from './types.ts';
import { slugify } from '../lib/paths.ts';

export interface FacetValue {
  value: string;
  label: string;
  actions: ActionNode[];
}
export interface Facet {
  /** URL segment and query parameter: "statut". */
  key: string;
  /** Label of the filter: "Statut". */
  label: string;
  /** Values with at least one action, in a stable order. */
  values: FacetValue[];
}

/** The facets, in the order of the filters. */
export const FACET_KEYS = ['document', 'statut', 'theme', 'public', 'responsable'] as const;

export const NO_STATUS = 'sans-statut';
export const NOT_GIVEN = 'non-precise';

/** The values an action takes for each facet (several for themes, audiences, responsible). */
export function facetValues(action: ActionNode): Record<string, string[]> {
  return {
    document: [action.convention.id],
    statut: [action.status?.key ?? NO_STATUS],
    theme: [...(action.data.themes ?? [])],
    public: [...(action.data.audience ?? [])],
    responsable: action.data.responsible?.length ? action.data.responsible.map(slugify) : [NOT_GIVEN],
  };
}

export function buildFacets(conventions: ConventionNode[], actions: ActionNode[]): Facet[] {
  const valuesOf = new Map(actions.map((a) => [a, facetValues(a)]));
  const collect = (key: string, order: { value: string; label: string }[]): Facet['values'] =>
    order
      .map(({ value, label }) => ({ value, label, actions: actions.filter((a) => valuesOf.get(a)![key]!.includes(value)) }))
      .filter((v) => v.actions.length > 0);
  const responsible = new Map<string, string>();
  for (const a of actions) for (const r of a.data.responsible ?? []) if (!responsible.has(slugify(r))) responsible.set(slugify(r), r);
  return [
    {
      key: 'document',
      label: 'Document',
      values: collect(
        'document',
        conventions.map((c) => ({ value: c.id, label: c.data.shortTitle })),
      ),
    },
    {
      key: 'statut',
      label: 'Statut',
      values: collect('statut', [
        ...STATUS_KEYS.map((k) => ({ value: k, label: STATUSES[k].label })),
        { value: NO_STATUS, label: 'Sans indicateur' },
      ]),
    },
    {
      key: 'theme',
      label: 'Thème',
      values: collect(
        'theme',
        THEME_KEYS.map((k) => ({ value: k, label: THEMES[k].label })),
      ),
    },
    {
      key: 'public',
      label: 'Public',
      values: collect(
        'public',
        AUDIENCE_KEYS.map((k) => ({ value: k, label: AUDIENCES[k].label })),
      ),
    },
    {
      key: 'responsable',
      label: 'Responsable',
      values: collect('responsable', [
        ...[...responsible].sort((a, b) => a[1].localeCompare(b[1], 'fr')).map(([value, label]) => ({ value, label })),
        { value: NOT_GIVEN, label: 'Non précisé' },
      ]),
    },
  ];
}
