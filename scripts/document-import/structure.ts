/**
 * The plan in a word-processing file (issue 22): its levels in its own words, its axes,
 * objectives and items (actions, measures, lettered commitments) with the numbers it prints, the
 * status of each where a table gives one, its status legend, its title and presentation; and every
 * decision taken on the way, the uncertain ones marked, each with its place in the source, for the
 * import-quality report (./report.ts). Reads only what ./blocks.ts describes, so a .docx and an
 * .odt of the same document give the same plan.
 *
 * Three shapes are recognised, and may mix: tables with a header row (columns known by their
 * header words, merged cells carried down, repeated headers skipped, continued tables joined);
 * paragraphs opening with a level word ("Axe 1 :", "Article 3", "Action n°12 –"), in heading
 * styles or not; items as numbered or lettered list paragraphs under the last level.
 */
import type { Block, Cell, Paragraph, Row, SourceDocument, Table } from './blocks.ts';
import {
  displayWord,
  foldWord,
  isItemWord,
  labelNumber,
  letterOpening,
  levelOpening,
  normaliseSpace,
  numberOpening,
  stripBullet,
  type LevelOpening,
} from './levels.ts';
import { findLegend, statusOfLegend, type ScaleEntry } from './legend.ts';
import { excerpt, type Decision, type Place } from './places.ts';
import { countOf, noun } from '../../src/lib/french.ts';
import { documentStatements, type Statement } from './statements.ts';

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

const paragraphPlace = (p: Paragraph): Place =>
  p.cell
    ? { table: p.cell.table, row: p.cell.row, column: p.cell.column, excerpt: excerpt(p.text) }
    : { paragraph: p.index, excerpt: excerpt(p.text) };
const cellPlace = (table: number, row: number, column: number, text: string): Place => ({ table, row, column, excerpt: excerpt(text) });

// ---------------------------------------------------------------------------------------------
// Tables of actions.

type Role = 'axis' | 'objective' | 'number' | 'action' | 'status' | 'due' | 'responsible' | 'audience' | 'comment';

/** Header words of each column role (folded, no accent), tried in this order. */
const HEADER_WORDS: [Role, RegExp][] = [
  ['number', /^(n|no|n°|num|numero)\.?$/],
  ['status', /^(ind|indicateur|indicateurs|statut|etat|etat d'avancement|etat d’avancement|avancement|realisation|suivi)\.?$/],
  ['axis', /^(axe|theme|orientation|partie|pilier|chapitre|volet|domaine|enjeu|priorite)s?$/],
  ['objective', /^(objectif|article)s?$/],
  ['action', /^(action|mesure|engagement|libelle|intitule|description|fiche)s?( .*)?$/],
  ['due', /(echeance|calendrier|delai|date|periode)/],
  ['responsible', /(pilote|responsable|porteur|referent)/],
  ['audience', /^(public|publics|cible|cibles|beneficiaire|beneficiaires)/],
  ['comment', /^(commentaire|observation|remarque|precision)s?/],
];

const fold = (s: string) => normaliseSpace(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function headerRoles(row: Row): (Role | undefined)[] | undefined {
  const roles = row.cells.map((c) => HEADER_WORDS.find(([, re]) => re.test(fold(c.text)))?.[0]);
  const known = roles.filter(Boolean);
  // A header row names the action column and at least one other.
  if (!known.includes('action') || known.length < 2) return undefined;
  return roles;
}

/** The grid columns of a row's cells, a spanning cell counted for each column it spans. */
function gridCells(row: Row): Cell[] {
  return row.cells.flatMap((c) => Array.from({ length: c.span ?? 1 }, () => c));
}

interface ActionTable {
  tables: Table[];
  roles: (Role | undefined)[];
  header: string[];
}

/** The tables of actions, continued tables joined to the one before them. */
function actionTables(blocks: Block[], decisions: Decision[]): ActionTable[] {
  const found: ActionTable[] = [];
  let last: ActionTable | undefined;
  for (const block of blocks) {
    if (block.kind !== 'table') {
      if (normaliseSpace(block.text) !== '') last = undefined;
      continue;
    }
    const first = block.rows[0];
    const roles = first ? headerRoles({ cells: gridCells(first) }) : undefined;
    if (roles) {
      const header = gridCells(first!).map((c) => normaliseSpace(c.text));
      if (last && last.header.join('\u0000') === header.join('\u0000')) {
        last.tables.push(block);
        decisions.push({
          place: { table: block.index, excerpt: header.join(' | ') },
          what: `tableau ${block.index} joint au tableau ${last.tables[0]!.index} : mêmes colonnes, suite du même tableau`,
          uncertain: false,
        });
        continue;
      }
      last = { tables: [block], roles, header };
      found.push(last);
    } else if (last && first && gridCells(first).length === last.roles.length) {
      last.tables.push(block);
      decisions.push({
        place: { table: block.index, excerpt: excerpt(first.cells.map((c) => c.text).join(' | ')) },
        what: `tableau ${block.index} sans ligne d’en-tête, de même nombre de colonnes : lu comme la suite du tableau ${last.tables[0]!.index}`,
        uncertain: true,
      });
    } else last = undefined;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The walk.

interface Words {
  axis?: string;
  objective?: string;
  action?: string;
}

class Builder {
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

function readTable(table: ActionTable, b: Builder): void {
  const column = (role: Role) => table.roles.indexOf(role);
  for (const part of table.tables) {
    part.rows.forEach((row, r) => {
      const cells = gridCells(row);
      const header = cells.map((c) => normaliseSpace(c.text));
      // The header row, and its repetitions (at each page, or a part's own header).
      if ((r === 0 && part === table.tables[0]) || row.header || header.join('\u0000') === table.header.join('\u0000')) return;
      if (headerRoles({ cells }) !== undefined) return;
      const at = (role: Role) => {
        const i = column(role);
        return i >= 0 ? cells[i] : undefined;
      };
      const text = (role: Role) => normaliseSpace(at(role)?.text ?? '');
      const place = (role: Role) => cellPlace(part.index, r + 1, column(role) + 1, at(role)?.text ?? '');
      const axisCell = at('axis');
      if (axisCell && normaliseSpace(axisCell.text) !== '') b.addAxis(levelOpening(axisCell.text), axisCell.text, place('axis'));
      const objectiveText = text('objective');
      if (objectiveText !== '') {
        const opening = levelOpening(objectiveText);
        if (opening && !isItemWord(opening.folded)) b.addObjective(opening, place('objective'));
      }
      readActionCell(at('action'), text, place, b);
    });
  }
}

function readActionCell(cell: Cell | undefined, text: (role: Role) => string, place: (role: Role) => Place, b: Builder): void {
  if (!cell || cell.carried) return;
  const paragraphs = cell.paragraphs.filter((p) => normaliseSpace(p.text) !== '');
  if (paragraphs.length === 0) return;
  const whole = normaliseSpace(stripBullet(paragraphs.map((p) => p.text).join('\n')));
  // A row that only repeats a level word ("Actions") is a part's own header.
  if (/^(actions?|mesures?|engagements?)$/i.test(whole)) return;
  const numberCell = text('number');
  const opening = levelOpening(stripBullet(paragraphs[0]!.text));
  const bare = opening ? undefined : numberOpening(stripBullet(paragraphs[0]!.text));
  const labelled = paragraphs[0]!.label && !paragraphs[0]!.bullet ? labelNumber(paragraphs[0]!.label) : undefined;
  const number = numberCell || opening?.number || bare?.number || labelled;
  const wording = opening ? normaliseSpace([opening.rest, ...paragraphs.slice(1).map((p) => p.text)].join(' ')) : bare ? bare.rest : whole;
  if (opening) b.words.action ??= opening.word;
  const status = text('status');
  const uncertain: string[] = [];
  if (number === undefined) uncertain.push('sans numéro imprimé : repris comme mesure sans numéro');
  const item = b.addItem({
    number: number || undefined,
    kind: number ? 'action' : 'mesure',
    wording,
    ...(status ? { status } : {}),
    ...(text('due') ? { due: text('due') } : {}),
    ...(text('responsible') ? { responsible: text('responsible') } : {}),
    ...(text('comment') ? { comment: text('comment') } : {}),
    place: place('action'),
    uncertain,
  });
  if (item && number === undefined) b.decide(item.place, 'sans numéro imprimé : repris comme mesure sans numéro', true);
}

/** The body paragraphs, in order, outside the tables of actions. */
function readParagraphs(paragraphs: Paragraph[], b: Builder, words: ParagraphWords): void {
  for (const p of paragraphs) {
    const text = p.text;
    if (normaliseSpace(text) === '') continue;
    const opening = levelOpening(text);
    const folded = opening?.folded;
    const role = opening === undefined && p.headingLevel !== undefined ? words.headings?.get(p.headingLevel) : undefined;
    if (role) {
      b.addHeading(role, p);
      continue;
    }
    if (opening && folded === words.axis) {
      b.addAxis(opening, text, paragraphPlace(p));
      continue;
    }
    if (opening && folded === words.objective) {
      b.addObjective(opening, paragraphPlace(p));
      continue;
    }
    if (opening && folded !== undefined && folded === words.item && isItemWord(folded)) {
      b.words.action ??= opening.word;
      b.addItem({ number: opening.number, kind: 'action', wording: opening.rest, place: paragraphPlace(p) });
      continue;
    }
    if (!b.started) {
      b.plan.presentation.push(normaliseSpace(text));
      continue;
    }
    // A lettered paragraph: a commitment of its article, or a sub-item of the action above.
    const typed = letterOpening(text);
    const shownLetter = p.label && !p.bullet ? labelNumber(p.label) : undefined;
    const letter = typed?.letter ?? (shownLetter && /^[a-z]$/.test(shownLetter) ? shownLetter : undefined);
    if (letter) {
      const rest = typed ? typed.rest : normaliseSpace(text);
      if (words.letters && !words.item) {
        b.words.action ??= 'Engagement';
        b.addItem({ number: letter, kind: 'engagement', wording: rest, place: paragraphPlace(p) });
      } else if (!b.subItem(letter, rest, paragraphPlace(p)))
        b.plan.leftOut.push({ place: paragraphPlace(p), why: 'lettre sans action au-dessus' });
      continue;
    }
    // A numbered paragraph under the last level, when the document has no item word.
    const shownNumber = p.label && !p.bullet ? labelNumber(p.label) : undefined;
    const bare = numberOpening(text);
    if (!words.item && !words.letters && (shownNumber || bare)) {
      const number = shownNumber ?? bare!.number;
      b.addItem({ number, kind: 'action', wording: shownNumber ? normaliseSpace(text) : bare!.rest, place: paragraphPlace(p) });
      b.numberedParagraphs.push(paragraphPlace(p));
      continue;
    }
    b.plan.leftOut.push(
      b.currentItem
        ? { place: paragraphPlace(p), why: b.underItem(b.currentItem), text: true }
        : { place: paragraphPlace(p), why: 'texte entre deux niveaux du plan, sans action' },
    );
  }
}

/** The level words of the paragraphs, ranked: heading level first, then first appearance. */
type HeadingRole = 'axis' | 'objective' | 'item';
interface ParagraphWords {
  axis?: string;
  objective?: string;
  item?: string;
  letters: boolean;
  /** When no paragraph opens with a level word: the part each heading level plays. */
  headings?: Map<number, HeadingRole>;
}

/**
 * The parts heading levels play in a document whose headings carry no level word: the first
 * level is the axis; below it, if numbered paragraphs are the items, the second is the objective;
 * otherwise the deepest heading level is the item, and a level between the two the objective.
 */
function headingRoles(paragraphs: Paragraph[]): Map<number, HeadingRole> | undefined {
  const levels = [
    ...new Set(paragraphs.filter((p) => p.headingLevel !== undefined && normaliseSpace(p.text) !== '').map((p) => p.headingLevel!)),
  ].sort((a, b) => a - b);
  if (levels.length === 0) return undefined;
  const numberedItems = paragraphs.some(
    (p) => p.headingLevel === undefined && p.label && !p.bullet && /^\d/.test(labelNumber(p.label) ?? ''),
  );
  const roles = new Map<number, HeadingRole>([[levels[0]!, 'axis']]);
  if (numberedItems) {
    if (levels[1] !== undefined) roles.set(levels[1], 'objective');
  } else if (levels.length >= 2) {
    roles.set(levels.at(-1)!, 'item');
    if (levels.length >= 3) roles.set(levels[1]!, 'objective');
  }
  return roles;
}

function paragraphWords(paragraphs: Paragraph[]): ParagraphWords {
  const seen = new Map<string, { rank: number; first: number; count: number }>();
  paragraphs.forEach((p, i) => {
    const opening = levelOpening(p.text);
    if (!opening || (opening.number === undefined && opening.numberWord === undefined)) return;
    const entry = seen.get(opening.folded) ?? { rank: 99, first: i, count: 0 };
    entry.count++;
    if (p.headingLevel !== undefined) entry.rank = Math.min(entry.rank, p.headingLevel);
    seen.set(opening.folded, entry);
  });
  const ranked = [...seen.entries()].sort((a, b) => a[1].rank - b[1].rank || a[1].first - b[1].first).map(([w]) => w);
  const item = ranked.find(isItemWord);
  const structure = ranked.filter((w) => !isItemWord(w));
  const letters = paragraphs.some((p) => letterOpening(p.text) || (p.label && !p.bullet && /^[a-z]$/.test(labelNumber(p.label) ?? '')));
  return {
    axis: structure[0],
    objective: structure[1],
    item,
    letters,
    ...(structure.length === 0 && !item ? { headings: headingRoles(paragraphs) } : {}),
  };
}

/** Recognises the plan of `source`; throws NoStructureError when it holds none. */
export function recognisePlan(source: SourceDocument): Plan {
  const b = new Builder();
  const tables = actionTables(source.blocks, b.plan.decisions);
  const inTables = new Set(tables.flatMap((t) => t.tables));
  const paragraphs = source.blocks.filter((x): x is Paragraph => x.kind === 'paragraph');
  const words = paragraphWords(paragraphs);

  // The legend, wherever it is (a table of its own, a paragraph, a run of paragraphs).
  const legend = findLegend(source.blocks, inTables);
  b.plan.scale = legend.entries;
  for (const d of legend.decisions) b.plan.decisions.push(d);

  // Blocks in order: paragraphs until a table of actions, that table, and so on.
  let pending: Paragraph[] = [];
  const flush = () => {
    readParagraphs(pending, b, words);
    pending = [];
  };
  for (const block of source.blocks) {
    if (block.kind === 'paragraph') {
      if (!legend.used.has(block)) pending.push(block);
      continue;
    }
    const table = tables.find((t) => t.tables[0] === block);
    if (table) {
      flush();
      readTable(table, b);
    } else if (!inTables.has(block) && !legend.usedTables.has(block)) {
      b.plan.leftOut.push({
        place: { table: block.index, excerpt: excerpt(block.rows[0]?.cells.map((c) => c.text).join(' | ') ?? '') },
        why: 'tableau sans colonne d’actions reconnue',
      });
    }
  }
  flush();

  if (b.plan.items.length === 0) throw new NoStructureError('aucune action reconnue');
  b.summarise();
  b.plan.statements = documentStatements(paragraphs.map((p) => ({ text: p.text, place: paragraphPlace(p) })));
  for (const st of b.plan.statements)
    b.decide(st.place, `${st.path === 'dates.inForce' ? 'date d’entrée en vigueur' : 'date de signature'} lue : ${st.value}`);
  settleLevels(b, words);
  settleTitle(source, b.plan);
  checkStatuses(b.plan);
  checkDuplicates(b.plan);
  // In the document's order (the letters found to be text were set aside after the text below them).
  b.plan.leftOut.sort((x, y) => (x.place.paragraph ?? Infinity) - (y.place.paragraph ?? Infinity));
  return b.plan;
}

/** A first number: 1, a, A, i, I. */
const FIRST = /^(1|a|i)$/i;

/**
 * How item numbers run: restarting in each objective when each objective's items start again at
 * 1 (or a), in each axis likewise, else through the whole document.
 */
function numberingScope(items: PlanItem[]): Plan['levels']['numbering'] {
  const numbered = items.filter((i) => i.number !== undefined);
  const restarts = (key: (i: PlanItem) => string) => {
    const groups = new Map<string, PlanItem[]>();
    for (const i of numbered) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
    return groups.size >= 2 && [...groups.values()].every((g) => FIRST.test(g[0]!.number!));
  };
  if (numbered.every((i) => i.objective !== undefined) && restarts((i) => `${i.axis}\u0000${i.objective!}`)) return 'objective';
  if (restarts((i) => i.axis)) return 'axis';
  return 'document';
}

/** The level words as the site will show them, and how item numbers run (whole document, per axis, per objective). */
function settleLevels(b: Builder, words: ParagraphWords): void {
  const plan = b.plan;
  const axis = b.words.axis ?? words.axis;
  const objective = b.words.objective ?? words.objective;
  plan.levels.axis = displayWord(axis ?? 'Axe');
  plan.levels.objective = displayWord(objective ?? 'Objectif');
  plan.levels.action = displayWord(b.words.action ?? (words.letters && !words.item ? 'Engagement' : 'Action'));
  if (!axis || words.headings)
    b.decide(
      { excerpt: '' },
      `aucun mot de niveau pour les parties du plan : « ${plan.levels.axis} » par défaut, à changer dans la feuille Document`,
      true,
    );
  plan.levels.numbering = numberingScope(plan.items);
  if (plan.levels.numbering !== 'document') {
    b.decide(
      { excerpt: '' },
      `les numéros des ${plan.levels.action.toLowerCase()}s repartent à chaque ${plan.levels.numbering === 'axis' ? plan.levels.axis.toLowerCase() : plan.levels.objective.toLowerCase()}`,
    );
  }
}

function settleTitle(source: SourceDocument, plan: Plan): void {
  if (source.title) {
    plan.title = normaliseSpace(source.title);
    return;
  }
  const first = plan.presentation[0];
  if (first) {
    plan.title = first;
    plan.presentation.shift();
    plan.decisions.push({
      place: { paragraph: 1, excerpt: excerpt(first) },
      what: 'titre du document pris au premier paragraphe',
      uncertain: true,
    });
  }
}

function checkStatuses(plan: Plan): void {
  const codes = new Set(plan.scale.map((s) => s.code));
  for (const item of plan.items) {
    if (item.status === undefined) continue;
    if (codes.size > 0 && !codes.has(item.status)) {
      const found = plan.scale.find((s) => fold(s.code) === fold(item.status!));
      if (found) item.status = found.code;
      else {
        const why = `statut « ${item.status} » absent de la légende du document : laissé vide`;
        item.uncertain.push(why);
        plan.decisions.push({ place: item.place, what: why, uncertain: true });
        delete item.status;
      }
    } else if (codes.size === 0) {
      // Without a legend the statuses are codes of an unknown scale: kept for the référent to map.
      plan.scale.push({ code: item.status, legend: item.status, status: statusOfLegend(item.status) });
      codes.add(item.status);
      plan.decisions.push({
        place: item.place,
        what: `statut « ${item.status} » sans légende dans le document : ajouté à l’échelle, à compléter`,
        uncertain: true,
      });
    }
  }
}

function checkDuplicates(plan: Plan): void {
  const seen = new Map<string, PlanItem>();
  for (const item of plan.items) {
    if (item.number === undefined) continue;
    const key = [
      plan.levels.numbering !== 'document' ? item.axis : '',
      plan.levels.numbering === 'objective' ? (item.objective ?? '') : '',
      item.number,
    ].join('\u0000');
    const first = seen.get(key);
    if (first) {
      const why = `numéro ${item.number} déjà donné à « ${excerpt(first.wording)} »`;
      item.uncertain.push(why);
      plan.decisions.push({ place: item.place, what: why, uncertain: true });
    } else seen.set(key, item);
  }
}
