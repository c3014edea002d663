/**
 * Ways into the documents that cut across them: shared themes, glossary terms and the
 * organisations and roles they name. Built once with the catalogue (./catalogue.ts).
 */
import type { Entries, Entry } from '../model/collections.ts';
import { THEMES, THEME_KEYS, type ThemeKey } from '../model/themes.ts';
import { ORGANISATION_KINDS } from '../model/organisation.ts';
import type { ActionNode, ConventionNode, ObjectiveNode, ProcedureNode, SectionNode } from './catalogue.ts';
import { fold, nameMatcher } from './mentions.ts';
import { paths } from './paths.ts';

/** What a page lists for one document: the document itself if it names the thing, then its items. */
export interface DocumentGroup {
  convention: ConventionNode;
  /** Whether the document's own header or introduction names it. */
  inDocument: boolean;
  sections: SectionNode[];
  /** Objectives (or articles) whose title or text names it; linked on their axis page. */
  objectives: ObjectiveNode[];
  actions: ActionNode[];
  procedures: ProcedureNode[];
}

export interface ThemeNode {
  key: ThemeKey;
  label: string;
  description: string;
  path: string;
  actions: ActionNode[];
  procedures: ProcedureNode[];
  groups: DocumentGroup[];
}

export interface GlossaryNode extends Entry<'glossary'> {
  path: string;
  /** First letter for the A–Z index, without accent: "E" for "Émploi". */
  letter: string;
  /** Finds the term (and its variants) in text. */
  matcher: RegExp;
  seeAlso: GlossaryNode[];
  groups: DocumentGroup[];
}

export interface OrganisationNode extends Entry<'organisations'> {
  path: string;
  /** Short name, or the name. */
  label: string;
  kindLabel: string;
  groups: DocumentGroup[];
}

export interface Crosscut {
  themes: ThemeNode[];
  glossary: GlossaryNode[];
  organisations: OrganisationNode[];
}

/** Fields that hold identifiers or codes, not text a reader sees ("inserm-fiphfp-2023-2026"). */
const NOT_TEXT = new Set(['convention', 'section', 'parent', 'seeAlso', 'themes', 'audience', 'kind', 'status', 'statusScale', 'numbering', 'levels', 'order']);

/** Every string of an entry's data (any depth) and its body: the text a reader can see. */
export function textOf(entry: { data: unknown; body?: string }): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) walk(x);
  };
  walk(entry.data);
  if (entry.body) out.push(entry.body);
  return out.join('\n');
}

/** Groups the items matching `test`, per document, in site order; documents without any are left out. */
function groupBy(conventions: ConventionNode[], test: (e: { data: unknown; body?: string }) => boolean): DocumentGroup[] {
  return conventions
    .map((convention) => ({
      convention,
      inDocument: test({ data: { title: convention.data.title, issuer: convention.data.issuer, parties: convention.data.parties, summary: convention.data.summary }, body: convention.body }),
      sections: convention.sections.filter(test),
      objectives: convention.axes.flatMap((a) => a.objectives).filter(test),
      actions: convention.actions.filter(test),
      procedures: convention.procedures.filter(test),
    }))
    .filter((g) => g.inDocument || g.sections.length + g.objectives.length + g.actions.length + g.procedures.length > 0);
}

const initial = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();

export function buildCrosscut(conventions: ConventionNode[], entries: Entries): Crosscut {
  // Each entry's text, folded once (with and without case) for the ~300 terms and names tested on it.
  const folded = new Map<object, [string, string]>();
  const foldedText = (e: { data: unknown; body?: string }, keepCase: boolean) => {
    let pair = folded.get(e);
    if (!pair) {
      const text = textOf(e);
      folded.set(e, (pair = [fold(text), fold(text, true)]));
    }
    return pair[keepCase ? 1 : 0];
  };
  const names = (matcher: RegExp, caseSensitive: boolean) => (e: { data: unknown; body?: string }) => matcher.test(foldedText(e, caseSensitive));

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
    .map((g) => {
      const caseSensitive = g.data.caseSensitive !== false;
      const matcher = nameMatcher([g.data.term, ...(g.data.variants ?? [])], caseSensitive);
      return {
        ...g,
        path: paths.glossaryTerm(g.id),
        letter: initial(g.data.term),
        matcher,
        seeAlso: [],
        groups: groupBy(conventions, names(matcher, caseSensitive)),
      };
    });
  const byId = new Map(glossary.map((g) => [g.id, g]));
  for (const g of glossary) g.seeAlso = (g.data.seeAlso ?? []).map((id) => byId.get(id)!).filter(Boolean);

  const organisations: OrganisationNode[] = [...entries.organisations]
    .sort((a, b) => a.data.kind.localeCompare(b.data.kind) || (a.data.shortName ?? a.data.name).localeCompare(b.data.shortName ?? b.data.name, 'fr'))
    .map((o) => {
      const matcher = nameMatcher(o.data.names);
      return {
        ...o,
        path: paths.organisation(o.id),
        label: o.data.shortName ?? o.data.name,
        kindLabel: ORGANISATION_KINDS[o.data.kind].label,
        groups: groupBy(conventions, names(matcher, false)),
      };
    });
  return { themes, glossary, organisations };
}
