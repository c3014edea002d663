/**
 * The plan being recognised in a word-processing file (issue 22): what ./structure.ts gives
 * (`Plan`), and the `Builder` the readers of tables (./tables.ts) and of paragraphs
 * (./paragraphs.ts) add axes, objectives and items to, recording each decision on the way.
 */
import type { Paragraph } from './blocks.ts';
import { displayWord, foldWord, labelNumber, normaliseSpace, numberOpening, stripBullet, type LevelOpening } from './levels.ts';
import type { ScaleEntry } from './legend.ts';
import { excerpt, type Decision, type Place } from './places.ts';
import type { Statement } from './statements.ts';
import { countOf, noun } from '../../src/lib/french.ts';

/** The part a heading with no level word plays (./paragraphs.ts). */
export type HeadingRole = 'axis' | 'objective' | 'item';

/** A text folded for comparison: spaces normalised, no accent, lower case. */
export const fold = (s: string) => normaliseSpace(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface PlanItem {
  axis: string;
  objective?: string;
  /** The number as printed; none for an unnumbered measure. */
  number?: string;
  kind: 'action' | 'mesure' | 'engagement';
  wording: string;
  /** The status code as printed (one of the legend's). */
  status?: string;
  due?: string;
  responsible?: string;
  comment?: string;
  subItems: { letter: string; text: string }[];
  place: Place;
  /** Why this item is to be checked, when it is. */
  uncertain: string[];
}

export interface Plan {
  title?: string;
  /** The paragraphs before the first level, the title excepted. */
  presentation: string[];
  levels: { axis: string; objective: string; action: string; numbering: 'document' | 'axis' | 'objective' };
  scale: ScaleEntry[];
  axes: { number: string; title: string; place: Place }[];
  objectives: { axis: string; number: string; title: string; place: Place }[];
  items: PlanItem[];
  decisions: Decision[];
  /** Dates the document states of itself (in force, signed). */
  statements: Statement[];
  /** Texts not carried into the workbook, and why. */
  leftOut: { place: Place; why: string; /** Text under an item, not carried by the workbook. */ text?: true }[];
}

/** « l’action », « le engagement » → « l’engagement »: the article before a level word. */
const elided = (word: string) =>
  /^[aeéèêiouyh]/i.test(word)
    ? `l’${word}`
    : `${['mesure', 'action', 'fiche', 'section', 'partie', 'priorité', 'orientation'].includes(word) ? 'la' : 'le'} ${word}`;

/** Raised when the document holds no plan this import recognises. */
export class NoStructureError extends Error {}

export const paragraphPlace = (p: Paragraph): Place =>
  p.cell
    ? { table: p.cell.table, row: p.cell.row, column: p.cell.column, excerpt: excerpt(p.text) }
    : { paragraph: p.index, excerpt: excerpt(p.text) };
export const cellPlace = (table: number, row: number, column: number, text: string): Place => ({
  table,
  row,
  column,
  excerpt: excerpt(text),
});

export interface Words {
  axis?: string;
  objective?: string;
  action?: string;
}

export class Builder {
  readonly plan: Plan;
  private axis: string | undefined;
  private objective: string | undefined;
  private lastItem: PlanItem | undefined;
  readonly words: Words = {};
  private readonly subItemPlaces = new Map<PlanItem, Place[]>();
  private readonly lettersInText = new Map<PlanItem, Place[]>();

  constructor() {
    this.plan = {
      presentation: [],
      levels: { axis: 'Axe', objective: 'Objectif', action: 'Action', numbering: 'document' },
      scale: [],
      axes: [],
      objectives: [],
      items: [],
      decisions: [],
      statements: [],
      leftOut: [],
    };
  }

  get started(): boolean {
    return this.plan.axes.length > 0;
  }

  decide(place: Place, what: string, uncertain = false): void {
    this.plan.decisions.push({ place, what, uncertain });
  }

  /** A new axis, or the current one again (a merged cell carried down). */
  addAxis(opening: LevelOpening | undefined, text: string, place: Place): void {
    let number = opening?.number;
    const title = opening ? opening.rest : normaliseSpace(stripBullet(text));
    if (opening) this.words.axis ??= opening.word;
    const known = this.plan.axes.find((a) => (number !== undefined ? a.number === number : a.title === title));
    if (known) {
      this.axis = known.number;
      return;
    }
    if (number === undefined && opening?.numberWord) {
      // « Section liminaire »: a word where a number goes, kept as the section's number.
      number = foldWord(opening.numberWord);
      this.decide(place, `« ${opening.word} ${opening.numberWord} » : « ${number} » gardé comme numéro`);
    }
    if (number === undefined) {
      const previous = this.plan.axes.at(-1)?.number;
      number = previous !== undefined && /^\d+$/.test(previous) ? String(Number(previous) + 1) : String(this.plan.axes.length + 1);
      this.decide(
        place,
        `sans numéro imprimé : pris comme ${displayWord(this.words.axis ?? 'axe').toLowerCase()} ${number}, à la suite du précédent`,
        true,
      );
    }
    this.plan.axes.push({ number, title: title || `${displayWord(this.words.axis ?? 'Axe')} ${number}`, place });
    this.axis = number;
    this.objective = undefined;
    this.lastItem = undefined;
  }

  addObjective(opening: LevelOpening, place: Place, title = opening.rest): void {
    this.words.objective ??= opening.word;
    if (this.axis === undefined) this.addAxis(undefined, '', place);
    const number = opening.number ?? (opening.numberWord ? foldWord(opening.numberWord) : undefined);
    if (number === undefined) return;
    if (opening.numberWord) this.decide(place, `« ${opening.word} ${opening.numberWord} » : « ${number} » pris comme numéro`);
    const known = this.plan.objectives.find((o) => o.axis === this.axis && o.number === number);
    if (known && title && fold(known.title) !== fold(title)) {
      // The same number again under another title: most likely a part whose heading the document lacks.
      const axisWord = displayWord(this.words.axis ?? 'axe').toLowerCase();
      this.decide(
        place,
        `${displayWord(opening.word).toLowerCase()} ${number} déjà vu dans ${elided(axisWord)} ${this.axis!} (« ${excerpt(known.title)} ») : rangé avec lui ; ${elided(axisWord)} qui le contient manque peut-être`,
        true,
      );
    }
    if (!known) this.plan.objectives.push({ axis: this.axis!, number, title: title || `${displayWord(opening.word)} ${number}`, place });
    this.objective = number;
    this.lastItem = undefined;
  }

  addItem(item: Omit<PlanItem, 'axis' | 'objective' | 'subItems' | 'uncertain'> & { uncertain?: string[] }): PlanItem | undefined {
    if (this.axis === undefined) {
      this.plan.leftOut.push({ place: item.place, why: 'avant le premier niveau du plan : pas d’axe où le ranger' });
      return undefined;
    }
    const full: PlanItem = {
      axis: this.axis,
      ...(this.objective ? { objective: this.objective } : {}),
      subItems: [],
      uncertain: [],
      ...item,
    };
    // The same item again (a table that sums up the actions listed in the text): read once, the
    // table adding what the text lacks (status, due date, who).
    const same = this.plan.items.find(
      (i) => i.number !== undefined && i.number === full.number && i.axis === full.axis && fold(i.wording) === fold(full.wording),
    );
    if (same) {
      for (const key of ['status', 'due', 'responsible', 'comment'] as const) if (full[key] !== undefined) same[key] ??= full[key];
      this.repeated.push({ first: same.place, again: full.place });
      this.lastItem = same;
      return undefined;
    }
    this.plan.items.push(full);
    this.lastItem = full;
    return full;
  }

  /**
   * A heading with no level word, as the part its level plays (see `headingRoles`): its number is
   * the one Word or LibreOffice displays, or the one it prints first, or else its rank.
   */
  addHeading(role: HeadingRole, p: Paragraph): void {
    const place = paragraphPlace(p);
    const shown = p.label && !p.bullet ? labelNumber(p.label) : undefined;
    const printed = shown ? undefined : numberOpening(p.text);
    const title = printed ? printed.rest : normaliseSpace(p.text);
    const word = { axis: 'Axe', objective: 'Objectif', item: 'Action' }[role];
    const rank =
      role === 'axis'
        ? this.plan.axes.length + 1
        : role === 'objective'
          ? this.plan.objectives.filter((o) => o.axis === this.axis).length + 1
          : this.plan.items.filter((i) => i.axis === this.axis && i.objective === this.objective).length + 1;
    const number = shown ?? printed?.number ?? String(rank);
    const how = shown ? 'numéro affiché' : printed ? 'numéro imprimé' : `sans numéro : numéroté ${number} dans l’ordre`;
    this.decide(
      place,
      `titre de niveau ${p.headingLevel} sans mot de niveau (${how}) : pris comme ${word.toLowerCase()} ${number}`,
      !shown && !printed,
    );
    const opening: LevelOpening = { word, folded: foldWord(word), number, rest: title };
    if (role === 'axis') this.addAxis(opening, p.text, place);
    else if (role === 'objective') this.addObjective(opening, place);
    else this.addItem({ number, kind: 'action', wording: title, place });
  }

  /** Items found a second time (see `addItem`), for one decision in the report. */
  readonly repeated: { first: Place; again: Place }[] = [];
  /** Paragraphs whose displayed number made them items, for one decision in the report. */
  readonly numberedParagraphs: Place[] = [];

  /** The decisions taken many times, said once each. */
  summarise(): void {
    const [firstRepeat] = this.repeated;
    if (firstRepeat) {
      const tables = [...new Set(this.repeated.map((r) => r.again.table).filter((t) => t !== undefined))];
      this.decide(
        firstRepeat.again,
        `${countOf(this.repeated.length, noun('élément'))} ${tables.length > 0 ? `du tableau ${tables.join(', ')} ` : ''}déjà lu${this.repeated.length > 1 ? 's' : ''} plus haut (même numéro, même libellé) : pris une seule fois, complété${this.repeated.length > 1 ? 's' : ''} par ce que le tableau ajoute (statut, échéance, responsables)`,
      );
    }
    const [firstNumbered] = this.numberedParagraphs;
    if (firstNumbered) {
      this.decide(
        firstNumbered,
        `${countOf(this.numberedParagraphs.length, noun('paragraphe numéroté', 'paragraphes numérotés'))} sans mot de niveau repris comme ${this.numberedParagraphs.length > 1 ? 'actions' : 'action'}, avec le numéro que Word ou LibreOffice affiche`,
      );
    }
  }

  /**
   * A lettered paragraph under the current item: one of its sub-items, unless the letters start
   * again under it (a) b) c) then a) b): lists inside its text, not its points), in which case they
   * are its text, left out with the rest of it. Returns false when there is no item above.
   */
  subItem(letter: string, text: string, place: Place): boolean {
    const item = this.lastItem;
    if (!item) return false;
    const inText = this.lettersInText.get(item);
    if (inText) {
      inText.push(place);
      this.plan.leftOut.push({ place, why: this.underItem(item), text: true });
      return true;
    }
    if (item.subItems.some((s) => s.letter === letter)) {
      const places = this.subItemPlaces.get(item) ?? [];
      this.lettersInText.set(item, places);
      for (const p of places) this.plan.leftOut.push({ place: p, why: this.underItem(item), text: true });
      this.plan.leftOut.push({ place, why: this.underItem(item), text: true });
      this.plan.decisions = this.plan.decisions.filter((d) => !places.includes(d.place));
      this.decide(
        places[0] ?? place,
        `lettres répétées sous ${this.describe(item)} (« ${letter}) » revient) : lues comme des listes de son texte, pas comme ses sous-éléments`,
      );
      item.subItems = [];
      return true;
    }
    item.subItems.push({ letter, text });
    this.subItemPlaces.set(item, [...(this.subItemPlaces.get(item) ?? []), place]);
    this.decide(place, `« ${letter}) » rattaché comme sous-élément à ${this.describe(item)}`);
    return true;
  }

  /** Why the text under an item is left out. */
  underItem(item: PlanItem): string {
    return `texte sous ${this.describe(item)}, que le classeur ne porte pas : à reprendre dans son fichier après l’import`;
  }

  /** « l’action 3 (axe 2) », « la mesure « Mise en place… » (axe 8) », in the document's words. */
  describe(item: PlanItem): string {
    const word = (w: string | undefined, fallback: string) => displayWord(w ?? fallback).toLowerCase();
    const what =
      item.kind === 'mesure'
        ? `la mesure « ${excerpt(item.wording)} »`
        : `${elided(word(this.words.action, 'action'))} ${item.number ?? ''}`.trim();
    return `${what} (${word(this.words.axis, 'axe')} ${item.axis})`;
  }

  get currentItem(): PlanItem | undefined {
    return this.lastItem;
  }
}
