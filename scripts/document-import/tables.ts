/**
 * The tables of actions of a plan (issue 22): found by their header row (columns known by their
 * header words), continued tables joined, repeated headers skipped, merged cells carried down;
 * each row read into the plan's axes, objectives and items (./plan.ts).
 */
import type { Block, Cell, Row, Table } from './blocks.ts';
import { isItemWord, labelNumber, levelOpening, normaliseSpace, numberOpening, stripBullet } from './levels.ts';
import { excerpt, type Decision, type Place } from './places.ts';
import { cellPlace, fold, type Builder } from './plan.ts';

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

export function headerRoles(row: Row): (Role | undefined)[] | undefined {
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

export interface ActionTable {
  tables: Table[];
  roles: (Role | undefined)[];
  header: string[];
}

/** The tables of actions, continued tables joined to the one before them. */
export function actionTables(blocks: Block[], decisions: Decision[]): ActionTable[] {
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

export function readTable(table: ActionTable, b: Builder): void {
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
