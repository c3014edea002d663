/**
 * The linked model the pages read: conventions → axes → objectives → actions, sorted as in the
 * source, each node knowing its parents, its path and its status in words. Built once from
 * validated entries (see ./content.ts for Astro, src/model/read.ts for scripts and tests).
 */
import type { Entries } from '../model/collections.ts';
import type { Convention } from '../model/convention.ts';
import { STATUSES, type StatusKey } from '../model/statuses.ts';
import { SECTION_KINDS } from '../model/section.ts';
import { anchors, localName, paths } from '../lib/paths.ts';
import { heading } from '../lib/format.ts';
import { buildCrosscut } from './crosscut.ts';
import { linkSteps, numberSteps } from './steps.ts';
import type { Indicator } from '../model/indicator.ts';
import type {
  ActionNode,
  AxisNode,
  Catalogue,
  ConventionNode,
  IndicatorView,
  ObjectiveNode,
  ProcedureNode,
  RoundView,
  SectionNode,
  StatusView,
} from './types.ts';

/** "Action n°{n}" + "12" → "Action n°12". */
export function numberLabel(pattern: string, number: string): string {
  return pattern.replace('{n}', number);
}

/** Orders printed numbers the way a reader expects: 2 before 10, 1.2 before 1.10. */
export function compareNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { numeric: true });
}

/** Looks a code up in a convention's scale. */
export function statusView(convention: Convention, code: string): StatusView {
  const entry = (convention.statusScale ?? []).find((s) => s.code === code);
  if (!entry) throw new Error(`statut « ${code} » absent de l'échelle (les contrôles d'intégrité auraient dû le signaler)`);
  return { code, legend: entry.legend, key: entry.status, label: STATUSES[entry.status].label };
}

export { localName };

/** A label that is only a number or a letter as printed ("1", "1.", "II", "g)"): it says nothing alone. */
export function isBareLabel(label: string): boolean {
  return /^(\d+|[IVXLC]+|[A-Za-z])([.-]\d+)*[.)]?$/.test(label);
}

/**
 * The label of a node as it reads alone (breadcrumbs): a bare number or letter takes the
 * document's word for its level ("Engagement g)"), or, where the document has no word for it
 * (the "1", "2" under a chapter of a circular), its title ("1 : Les priorités en matière de mutation").
 */
export function standaloneLabel(label: string, title: string, levelWord?: string): string {
  if (!isBareLabel(label)) return label;
  return levelWord === undefined ? heading(label, title) : `${levelWord} ${label}`;
}

/** A section and the sections it sits in, outermost first: the breadcrumb trail down to it. */
export function sectionTrail(section: SectionNode | undefined): SectionNode[] {
  const trail: SectionNode[] = [];
  for (let s = section; s; s = s.parent) trail.unshift(s);
  return trail;
}

/** Links each node to its neighbours in a list. */
function chain<T extends { previous?: T; next?: T }>(list: T[]) {
  list.forEach((node, i) => {
    node.previous = list[i - 1];
    node.next = list[i + 1];
  });
}

/** An indicator with each value beside its round, in the order of the document's rounds (the check made them known, once each). */
export function indicatorView({ values, ...indicator }: Indicator, rounds: readonly RoundView[]): IndicatorView {
  return {
    ...indicator,
    values: rounds.flatMap((round) => {
      const found = values?.find((v) => v.round === round.id);
      return found ? [{ ...found, round }] : [];
    }),
  };
}

/** Assumes entries passed checkIntegrity: every reference resolves. */
export function buildCatalogue(entries: Entries): Catalogue {
  const conventions: ConventionNode[] = [...entries.conventions]
    .sort((a, b) => a.data.order - b.data.order)
    .map((c) => {
      const rounds = (c.data.rounds ?? []).map((r, index) => ({ ...r, path: paths.round(c.id, r.id), index }));
      return {
        ...c,
        path: paths.convention(c.id),
        rounds,
        indicators: (c.data.indicators ?? []).map((i) => indicatorView(i, rounds)),
        axes: [],
        actions: [],
        sections: [],
        topSections: [],
        procedures: [],
      };
    });
  const conventionById = new Map(conventions.map((c) => [c.id, c]));
  for (const c of conventions) {
    c.replaces = c.data.replaces === undefined ? undefined : conventionById.get(c.data.replaces);
    c.replacedBy = c.data.replacedBy === undefined ? undefined : conventionById.get(c.data.replacedBy);
  }
  const key = (...parts: string[]) => parts.join('\u0000');

  const sectionByKey = new Map<string, SectionNode>();
  for (const s of [...entries.sections].sort((x, y) => x.data.order - y.data.order)) {
    const convention = conventionById.get(s.data.convention)!;
    const kind = SECTION_KINDS[s.data.kind];
    const label = s.data.label ?? (s.data.number ? `${kind} ${s.data.number}` : kind);
    const node: SectionNode = {
      ...s,
      path: paths.section(s.id),
      label,
      crumb: standaloneLabel(label, s.data.title),
      convention,
      children: [],
      axes: [],
      procedures: [],
      partOf: [],
    };
    convention.sections.push(node);
    sectionByKey.set(key(convention.id, localName(s.id)), node);
  }
  for (const convention of conventions) {
    for (const node of convention.sections) {
      node.parent = node.data.parent === undefined ? undefined : sectionByKey.get(key(convention.id, node.data.parent));
      (node.parent ? node.parent.children : convention.topSections).push(node);
    }
    chain(convention.sections);
  }

  const axisByKey = new Map<string, AxisNode>();
  for (const a of [...entries.axes].sort((x, y) => compareNumbers(x.data.number, y.data.number))) {
    const convention = conventionById.get(a.data.convention)!;
    const section = a.data.section === undefined ? undefined : sectionByKey.get(key(convention.id, a.data.section));
    const label = a.data.label ?? numberLabel(convention.data.levels.axis.label, a.data.number);
    const node: AxisNode = {
      ...a,
      path: paths.axis(a.id),
      label,
      crumb: standaloneLabel(label, a.data.title, convention.data.levels.axis.singular),
      convention,
      section,
      objectives: [],
      actions: [],
      looseActions: [],
    };
    convention.axes.push(node);
    section?.axes.push(node);
    axisByKey.set(key(convention.id, a.data.number), node);
  }
  const objectiveByKey = new Map<string, ObjectiveNode>();
  for (const o of [...entries.objectives].sort((x, y) => compareNumbers(x.data.number, y.data.number))) {
    const axis = axisByKey.get(key(o.data.convention, o.data.axis))!;
    const levels = axis.convention.data.levels;
    const anchor = anchors.objective(levels.objective.singular, o.data.number);
    const label = o.data.label ?? numberLabel(levels.objective.label, o.data.number);
    const node: ObjectiveNode = {
      ...o,
      label,
      crumb: standaloneLabel(label, o.data.title, levels.objective.singular),
      anchor,
      path: paths.objective(axis.id, anchor),
      axis,
      actions: [],
    };
    axis.objectives.push(node);
    objectiveByKey.set(key(o.data.convention, o.data.axis, o.data.number), node);
  }
  for (const a of [...entries.actions].sort((x, y) => x.data.order - y.data.order)) {
    const convention = conventionById.get(a.data.convention)!;
    const axis = axisByKey.get(key(convention.id, a.data.axis))!;
    const objective = a.data.objective === undefined ? undefined : objectiveByKey.get(key(convention.id, a.data.axis, a.data.objective));
    const label =
      a.data.label ??
      (a.data.number === undefined ? 'Mesure non numérotée' : numberLabel(convention.data.levels.action.label, a.data.number));
    // The round at which the action left the document (-1: never): reviewed no more after it.
    const withdrawnAt = convention.rounds.findIndex((r) => r.id === a.data.withdrawn?.round);
    const node: ActionNode = {
      ...a,
      path: paths.action(a.id),
      label,
      crumb: standaloneLabel(label, a.data.title, convention.data.levels.action.singular),
      convention,
      axis,
      objective,
      history: convention.rounds.map((round, at) => {
        const s = a.data.statuses?.find((x) => x.round === round.id);
        return {
          round,
          status: s && statusView(convention.data, s.status),
          comment: s?.comment,
          evidence: s?.evidence,
          withdrawn: at === withdrawnAt || undefined,
          withdrawnBefore: (withdrawnAt >= 0 && withdrawnAt < at) || undefined,
        };
      }),
      indicators: (a.data.indicators ?? []).map((i) => indicatorView(i, convention.rounds)),
      seeAlso: [],
      partOf: [],
    };
    convention.actions.push(node);
    axis.actions.push(node);
    (objective ? objective.actions : axis.looseActions).push(node);
  }
  for (const p of [...entries.procedures].sort((x, y) => x.data.order - y.data.order)) {
    const convention = conventionById.get(p.data.convention)!;
    const section = p.data.section === undefined ? undefined : sectionByKey.get(key(convention.id, p.data.section));
    const node: ProcedureNode = { ...p, path: paths.procedure(p.id), convention, section, steps: [] };
    node.steps = numberSteps(node);
    convention.procedures.push(node);
    section?.procedures.push(node);
  }
  for (const convention of conventions) {
    chain(convention.actions);
    chain(convention.procedures);
    const byNumber = new Map(convention.actions.map((a) => [a.data.number, a]));
    for (const action of convention.actions) {
      action.seeAlso = (action.data.seeAlso ?? []).map((n) => byNumber.get(n)!).filter(Boolean);
      action.status = action.history.at(-1)?.status;
      const w = action.data.withdrawn;
      if (w)
        action.withdrawn = {
          round: convention.rounds.find((r) => r.id === w.round)!,
          mergedInto: w.mergedInto === undefined ? undefined : byNumber.get(w.mergedInto),
          note: w.note,
        };
    }
  }
  const crosscut = buildCrosscut(conventions, entries);
  linkSteps(conventions, crosscut.glossary);
  return {
    conventions,
    ...crosscut,
    actions: conventions.flatMap((c) => c.actions),
    sections: conventions.flatMap((c) => c.sections),
    procedures: conventions.flatMap((c) => c.procedures),
  };
}

/** How many actions have each shared status; actions without a status are counted under `null`. */
export function countByStatus(actions: ActionNode[]): Map<StatusKey | null, number> {
  const counts = new Map<StatusKey | null, number>();
  for (const action of actions) {
    const k = action.status?.key ?? null;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
