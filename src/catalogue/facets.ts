/**
 * The filters of the actions index (document, status, theme, audience, responsible): one
 * definition serves the static pages (`/actions/<facet>/<value>/`, for readers without
 * JavaScript), the data attributes the filtering script reads, and the tests.
 */
import { AUDIENCES, AUDIENCE_KEYS } from '../model/audiences.ts';
import { STATUSES, STATUS_KEYS } from '../model/statuses.ts';
import { THEMES, THEME_KEYS } from '../model/themes.ts';
import type { ActionNode, ConventionNode, StatusView } from './types.ts';
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
  // Each action's values read once, each action put under each of its values in one pass: the
  // work grows with the actions, not with the actions times the values (issue 21, point 9).
  const byValue = new Map<string, ActionNode[]>();
  for (const a of actions) {
    for (const [key, values] of Object.entries(facetValues(a))) {
      for (const value of new Set(values)) {
        const k = `${key}\u0000${value}`;
        const list = byValue.get(k);
        if (list) list.push(a);
        else byValue.set(k, [a]);
      }
    }
  }
  const collect = (key: string, order: { value: string; label: string }[]): Facet['values'] =>
    order
      .map(({ value, label }) => ({ value, label, actions: byValue.get(`${key}\u0000${value}`) ?? [] }))
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

/** What every page of the actions tables shows of the whole site: made once, not per page (issue 9). */
export interface ActionsTables {
  facets: Facet[];
  /** The number of actions of the site. */
  total: number;
  statuses: [string, StatusView | undefined][];
}

/**
 * The statuses the actions take, one per scale and code (`en-cours` of one scale, of another),
 * keyed as the filtering script looks them up (`statut:code`, or '' for none): the badges it
 * clones for the rows it draws. Once per site, not per page of the table.
 */
export function statusesMet(actions: readonly ActionNode[]): [string, StatusView | undefined][] {
  const met = new Map<string, StatusView | undefined>();
  for (const a of actions) met.set(a.status ? `${a.status.key}:${a.status.code}` : '', a.status);
  return [...met];
}
