/**
 * Procedures step by step (issue 23, point 3): each step numbered, and the pages a step names
 * (actions and sections of its document, glossary entries) told which steps they are part of.
 * Computed once with the catalogue; a page reads its own `partOf`.
 */
import { anchors } from '../lib/paths.ts';
import { localName } from '../model/ids.ts';
import { countOf, noun } from '../lib/french.ts';
import type { Step, SubStep } from '../model/procedure.ts';
import type { ConventionNode, GlossaryNode, ProcedureNode, StepMember, StepNode } from './types.ts';

/** The steps of a procedure, numbered from 1, each with its fragment on the procedure page. */
export function numberSteps(procedure: ProcedureNode): StepNode[] {
  return procedure.data.steps.map((data, i) => ({
    procedure,
    number: i + 1,
    data,
    anchor: anchors.step(i + 1),
    path: `${procedure.path}#${anchors.step(i + 1)}`,
  }));
}

/**
 * Fills `partOf` of every page a step names. References were checked (src/model/integrity.ts);
 * one that does not resolve is skipped, not thrown on. A page named twice by the same step is
 * listed once.
 */
export function linkSteps(conventions: ConventionNode[], glossary: GlossaryNode[]): void {
  const glossaryById = new Map(glossary.map((g) => [g.id, g]));
  for (const convention of conventions) {
    const actionByNumber = new Map(convention.actions.map((a) => [a.data.number, a]));
    const sectionByName = new Map(convention.sections.map((s) => [localName(s.id), s]));
    for (const procedure of convention.procedures) {
      for (const step of procedure.steps) {
        const members = new Set<StepMember | undefined>([
          ...(step.data.actions ?? []).map((n) => actionByNumber.get(n)),
          ...(step.data.sections ?? []).map((n) => sectionByName.get(n)),
          ...(step.data.glossary ?? []).map((id) => glossaryById.get(id)),
        ]);
        for (const member of members) member?.partOf.push(step);
      }
    }
  }
}

/** How a step's sub-steps are joined, in the word the page prints between them. */
export type StepJoin = 'ou' | 'et';

/** A step's possibilities (« ou ») or parts all to do (« et »), if it has any. */
export function subSteps(step: Step): { join: StepJoin; items: SubStep[] } | undefined {
  if (step.alternatives) return { join: 'ou', items: step.alternatives };
  if (step.together) return { join: 'et', items: step.together };
  return undefined;
}

/** « Étape 2 : Étude du poste »: the number is part of the heading's text (govuk-frontend #3687). */
export function stepHeading(number: number, title: string): string {
  return `Étape ${number}\u00a0: ${title}`;
}

/** The sentence that says, in words, how the sub-steps relate: never left to layout alone. */
export function joinIntro(join: StepJoin, count: number): string {
  return join === 'ou'
    ? `Une seule de ces ${countOf(count, noun('possibilité', 'possibilités', 'f'))} s’applique\u00a0:`
    : `Ces ${countOf(count, noun('action', 'actions', 'f'))} sont toutes à mener\u00a0:`;
}

/** « étape 2 sur 4 : Étude du poste », as a page that is part of that step names it. */
export function stepReference(step: StepNode): string {
  return `étape ${step.number} sur ${step.procedure.steps.length}\u00a0: ${step.data.title}`;
}

/** How a page names a procedure: « Procédure : Le contrat », or its title alone when it says so already. */
export function procedureName(title: string): string {
  return /^procédure\b/i.test(title) ? title : `Procédure\u00a0: ${title}`;
}
