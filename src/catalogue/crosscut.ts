/**
 * Ways into the documents that cut across them: shared themes, glossary terms and the
 * organisations and roles they name. Built once with the catalogue (./catalogue.ts).
 */
import type { Entries } from '../model/collections.ts';
import { THEMES, THEME_KEYS } from '../model/themes.ts';
import { ORGANISATION_KINDS } from '../model/organisation.ts';
import { textsOf } from '../model/texts.ts';
import type { ConventionNode, Crosscut, DocumentGroup, GlossaryNode, Mentionable, OrganisationNode, ThemeNode } from './types.ts';
import { Matcher, type Findable } from '../model/matcher.ts';
import { fold } from '../model/text.ts';
import { paths } from '../lib/paths.ts';

/**
 * What the matcher finds, and how: a glossary term by its term and variants (case as its entry
 * says), an organisation by its names (any case). The listings (here) and the page pass
 * (src/page-pass/pass.ts) compile their matcher from this one list.
 */
export function mentionForms(glossary: GlossaryNode[], organisations: OrganisationNode[]): Findable<Mentionable>[] {
  return [
    ...glossary.map((g) => ({ value: g, forms: [g.data.term, ...(g.data.variants ?? [])], caseSensitive: g.data.caseSensitive !== false })),
    ...organisations.map((o) => ({ value: o, forms: o.data.names, caseSensitive: false })),
  ];
}

/** Groups the items matching `test`, per document, in site order; documents without any are left out. */
function groupBy(conventions: ConventionNode[], test: (e: { data: unknown; body?: string }) => boolean): DocumentGroup[] {
  return conventions
    .map((convention) => ({
      convention,
      inDocument: false,
      sections: convention.sections.filter(test),
      objectives: convention.axes.flatMap((a) => a.objectives).filter(test),
      actions: convention.actions.filter(test),
      procedures: convention.procedures.filter(test),
    }))
    .filter((g) => g.sections.length + g.objectives.length + g.actions.length + g.procedures.length > 0);
}

/**
 * For each thing the matcher finds, the items whose own text names it, per document, in site
 * order. One walk over every item's texts for all terms and names at once.
 */
function mentionGroups(conventions: ConventionNode[], matcher: Matcher<Mentionable>): Map<Mentionable, DocumentGroup[]> {
  const out = new Map<Mentionable, DocumentGroup[]>();
  for (const convention of conventions) {
    const groups = new Map<Mentionable, DocumentGroup>();
    const group = (v: Mentionable) => {
      let g = groups.get(v);
      if (!g) groups.set(v, (g = { convention, inDocument: false, sections: [], axes: [], objectives: [], actions: [], procedures: [] }));
      return g;
    };
    for (const v of matcher.valuesIn(textsOf(convention))) group(v).inDocument = true;
    const add = <K extends 'sections' | 'axes' | 'objectives' | 'actions' | 'procedures'>(key: K, items: NonNullable<DocumentGroup[K]>) => {
      for (const item of items) for (const v of matcher.valuesIn(textsOf(item))) (group(v)[key] as unknown[]).push(item);
    };
    add('sections', convention.sections);
    add('axes', convention.axes);
    add(
      'objectives',
      convention.axes.flatMap((a) => a.objectives),
    );
    add('actions', convention.actions);
    add('procedures', convention.procedures);
    for (const [v, g] of groups) {
      let list = out.get(v);
      if (!list) out.set(v, (list = []));
      list.push(g);
    }
  }
  return out;
}

export function buildCrosscut(conventions: ConventionNode[], entries: Entries): Crosscut {
  const themes: ThemeNode[] = THEME_KEYS.map((key) => {
    const groups = groupBy(conventions, (e) => (e as { data: { themes?: string[] } }).data.themes?.includes(key) ?? false);
    return {
      key,
      ...THEMES[key],
      path: paths.theme(key),
      actions: groups.flatMap((g) => g.actions),
      procedures: groups.flatMap((g) => g.procedures),
      groups,
    };
  });

  const glossary: GlossaryNode[] = [...entries.glossary]
    .sort((a, b) => a.data.term.localeCompare(b.data.term, 'fr', { sensitivity: 'base' }))
    .map((g) => ({
      ...g,
      path: paths.glossaryTerm(g.id),
      letter: fold(g.data.term, true).charAt(0).toUpperCase(),
      seeAlso: [],
      groups: [],
      partOf: [],
    }));
  const byId = new Map(glossary.map((g) => [g.id, g]));
  for (const g of glossary) g.seeAlso = (g.data.seeAlso ?? []).map((id) => byId.get(id)!).filter(Boolean);

  const organisations: OrganisationNode[] = [...entries.organisations]
    .sort(
      (a, b) =>
        a.data.kind.localeCompare(b.data.kind) || (a.data.shortName ?? a.data.name).localeCompare(b.data.shortName ?? b.data.name, 'fr'),
    )
    .map((o) => ({
      ...o,
      path: paths.organisation(o.id),
      label: o.data.shortName ?? o.data.name,
      kindLabel: ORGANISATION_KINDS[o.data.kind].label,
      groups: [],
    }));

  const matcher = new Matcher(mentionForms(glossary, organisations));
  const groups = mentionGroups(conventions, matcher);
  for (const node of [...glossary, ...organisations]) node.groups = groups.get(node) ?? [];
  return { themes, glossary, organisations, matcher };
}
