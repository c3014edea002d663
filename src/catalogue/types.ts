/**
 * The nodes of the linked model the pages read (./catalogue.ts builds them) and of the ways across
 * the documents (./crosscut.ts): in a module of their own, so that both builders import them and
 * neither imports the other's types.
 */
import type { Entry } from '../model/collections.ts';
import type { ThemeKey } from '../model/themes.ts';
import type { StatusKey } from '../model/statuses.ts';
import type { Matcher } from '../model/matcher.ts';
import type { Step } from '../model/procedure.ts';
import type { Evidence } from '../model/evidence.ts';
import type { Indicator } from '../model/indicator.ts';

export interface StatusView {
  /** Code printed in the source ("R"). */
  code: string;
  /** Legend printed in the source ("Objectif réalisé"). */
  legend: string;
  /** Shared status key ("realise"). */
  key: StatusKey;
  /** Shared French label ("Réalisé"). */
  label: string;
}

/** A review round of a document, with its "what changed" page. */
export interface RoundView {
  id: string;
  /** As the document words it. */
  label: string;
  date?: string;
  period?: string;
  note?: string;
  /** Its "what changed" page. */
  path: string;
  /** Position among the document's rounds, from 0. */
  index: number;
}

/** What one round says of one action: its status there, or nothing (not reviewed in that round). */
export interface RoundEntry {
  round: RoundView;
  status?: StatusView;
  comment?: string;
  /** What attests the status, as the action's file gives it (src/model/evidence.ts: `evidenceTarget` says where each leads). */
  evidence?: Evidence[];
  /** Withdrawn (or merged) at this round. */
  withdrawn?: boolean;
  /** Withdrawn at an earlier round: no longer reviewed, rather than not reviewed at this one. */
  withdrawnBefore?: boolean;
}

/** One value of an indicator, at a round of its document. */
export interface IndicatorValueView {
  round: RoundView;
  value: number;
  source?: string;
  note?: string;
}

/** An indicator as the pages read it (src/model/indicator.ts): its values in the order of the document's rounds, each with its round. */
export interface IndicatorView extends Omit<Indicator, 'values'> {
  values: IndicatorValueView[];
}

export interface ConventionNode extends Entry<'conventions'> {
  path: string;
  /** Review rounds, oldest first. */
  rounds: RoundView[];
  /** The indicators of the document as a whole (its actions' are on each action). */
  indicators: IndicatorView[];
  /** The document of this site this one replaces (renewed convention, new plan). */
  replaces?: ConventionNode;
  /** The document of this site that replaces this one. */
  replacedBy?: ConventionNode;
  axes: AxisNode[];
  actions: ActionNode[];
  /** Every section, in document order. */
  sections: SectionNode[];
  /** Sections that are not inside another one, in document order. */
  topSections: SectionNode[];
  procedures: ProcedureNode[];
}
export interface SectionNode extends Entry<'sections'>, StepMember {
  path: string;
  /** "Article 6", "Préambule", or the label printed in the source. */
  label: string;
  /** The label as it reads alone, in breadcrumbs: "Article 6", or "1 : <title>" where the source prints a bare number. */
  crumb: string;
  convention: ConventionNode;
  parent?: SectionNode;
  children: SectionNode[];
  /** Axes printed inside this section. */
  axes: AxisNode[];
  procedures: ProcedureNode[];
  previous?: SectionNode;
  next?: SectionNode;
}
export interface ProcedureNode extends Entry<'procedures'> {
  path: string;
  convention: ConventionNode;
  section?: SectionNode;
  /** Its steps, numbered from 1 in the source's order. */
  steps: StepNode[];
  previous?: ProcedureNode;
  next?: ProcedureNode;
}
/** A numbered step of a procedure, which the pages it concerns point back to (issue 23). */
export interface StepNode {
  procedure: ProcedureNode;
  /** Its number on the page, from 1. */
  number: number;
  data: Step;
  /** Fragment id on the procedure page: `etape-2`. */
  anchor: string;
  /** The procedure page and that fragment. */
  path: string;
}

/** A page that a procedure's step concerns: it says « Fait partie de » that step. */
export interface StepMember {
  /** The steps that name this page, in site order. */
  partOf: StepNode[];
}

export interface AxisNode extends Entry<'axes'> {
  path: string;
  label: string;
  /** The label as it reads alone, in breadcrumbs: "Section 1", "Thème 3". */
  crumb: string;
  convention: ConventionNode;
  section?: SectionNode;
  objectives: ObjectiveNode[];
  /** Every action of the axis, in source order. */
  actions: ActionNode[];
  /** Actions the source lists directly under the axis, outside any objective. */
  looseActions: ActionNode[];
}
export interface ObjectiveNode extends Entry<'objectives'> {
  label: string;
  /** Fragment id of the objective on its axis page, in the document's word: "article-2", "objectif-3". */
  anchor: string;
  /** Its axis page and that fragment: "convention-multipartite…/section-1/#article-2". */
  path: string;
  /** The label as it reads alone, in breadcrumbs: "Article 2", "Objectif n°3". */
  crumb: string;
  axis: AxisNode;
  actions: ActionNode[];
}
export interface ActionNode extends Entry<'actions'>, StepMember {
  path: string;
  /** "Action n°12", or "Mesure non numérotée" where the source gives no number. */
  label: string;
  /** The label as it reads alone, in breadcrumbs: "Action n°12", "Engagement g)" for a bare "g)". */
  crumb: string;
  convention: ConventionNode;
  axis: AxisNode;
  objective?: ObjectiveNode;
  /** The current status: the latest round's (none when the action is absent from it). */
  status?: StatusView;
  /** One entry per round of the document, oldest first (absent rounds included, without status). */
  history: RoundEntry[];
  /** The indicators the action follows. */
  indicators: IndicatorView[];
  /** The round at which the action was withdrawn, and the action it was merged into. */
  withdrawn?: { round: RoundView; mergedInto?: ActionNode; note?: string };
  /** Actions of the same document the source refers to ("cf."). */
  seeAlso: ActionNode[];
  previous?: ActionNode;
  next?: ActionNode;
}
export interface Catalogue extends Crosscut {
  conventions: ConventionNode[];
  /** Every action of every convention, in site order. */
  actions: ActionNode[];
  sections: SectionNode[];
  procedures: ProcedureNode[];
}

/** What a page lists for one document: the document itself if it names the thing, then its items. */
export interface DocumentGroup {
  convention: ConventionNode;
  /** Whether the document's own page (header, identity, introduction) names it. */
  inDocument: boolean;
  sections: SectionNode[];
  /** Axes whose own text names it (title, notes, text; not their objectives'). Absent where not listed. */
  axes?: AxisNode[];
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

export interface GlossaryNode extends Entry<'glossary'>, StepMember {
  path: string;
  /** First letter for the A–Z index, without accent: "E" for "Émploi". */
  letter: string;
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

/** What the matcher finds: a glossary entry or an organisation. */
export type Mentionable = GlossaryNode | OrganisationNode;

export interface Crosscut {
  themes: ThemeNode[];
  glossary: GlossaryNode[];
  organisations: OrganisationNode[];
  /** The one matcher of glossary terms and organisation names (./mentions.ts), compiled once. */
  matcher: Matcher<Mentionable>;
}
