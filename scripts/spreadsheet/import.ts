/**
 * Reads a follow-up workbook (see workbook.ts) or its CSV files back, checks every row, and writes
 * the changed statuses, comments, titles and wordings into the actions' MDX files, and the new
 * round's indicator values (indicator-sheet.ts) into the files that declare the indicators. Nothing is written while anything is
 * wrong: every problem is reported at once, with its sheet, row, column, value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { formatProblem, type Problem } from '../../src/model/problems.ts';
import { countOf } from '../../src/lib/french.ts';
import {
  GUIDE_SHEET,
  HEAD_COLUMNS,
  TAIL_COLUMNS,
  NEW_ROUND_HEADER,
  NEW_ROUND_COMMENT_HEADER,
  commentHeader,
  prefilledStatus,
  documentSheets,
  loadContent,
  scaleCodes,
  sheetHeaders,
  type Action,
  type Convention,
} from './workbook.ts';
import { applyToData, editFrontmatter, type FrontmatterEdit, type NewRound } from './frontmatter.ts';
import { CsvError, CsvTooLarge, readCsv } from '../../src/open-data/csv.ts';
import { writeContent, type WriteOptions } from './journal.ts';
import {
  documentIndicators,
  figureWords,
  indicatorHeaders,
  indicatorName,
  INDICATORS_CSV_SUFFIX,
  readIndicatorRows,
  type NewValue,
} from './indicator-sheet.ts';
import {
  cellProblem,
  columnLetter,
  csvTooLong,
  LIMITS,
  readHeaders,
  readInputFile,
  ReadError,
  placeOf,
  readWorkbook,
  rowList,
  filledCells,
  headerProblem,
  sheetTable,
  unknownColumnWarning,
  visible,
  type SheetProblem,
  type Table,
  type UnknownColumn,
} from './reading.ts';

export type { SheetProblem, Table } from './reading.ts';

export interface Change {
  action: string;
  file: string;
  kind: 'statut' | 'commentaire' | 'titre' | 'libellé' | 'indicateur';
  /** For an indicator: how the summary names it (« Taux d’emploi (action 1) »). */
  subject?: string;
  /** Round label, for a status or a comment. */
  round?: string;
  /** true for a status of the new round: `from` is then the status of the latest round ('(aucun)' when none). */
  newRound?: boolean;
  from: string;
  to: string;
}

/** An action left without a status in a new round, published as not reviewed because the référent said so (--non-evalues). */
export interface NotReviewed {
  action: string;
  sheet: string;
  row: number;
  round: string;
}

export interface ImportResult {
  problems: (SheetProblem | Problem)[];
  /** What the import left aside without it being an error (an unknown column): the command repeats it after its summary. */
  warnings: SheetProblem[];
  changes: Change[];
  /** Actions of a new round left without a status (only with `allowNotReviewed`). */
  notReviewed: NotReviewed[];
  /** Sheets (or CSV files) whose new-round column was left as exported: no new round for their document. */
  leftOut: string[];
  /** Files written (paths relative to the root); empty on a trial run or when anything is wrong. */
  written: string[];
}

/** Reads and checks the workbook (a file, or one already read), then (unless `dryRun`) writes the changed files under `root`. */
export async function importWorkbook(source: string | ExcelJS.Workbook, options: ImportOptions): Promise<ImportResult> {
  const workbook = typeof source === 'string' ? await readWorkbook(source) : source;
  // The guide sheet is the workbook's own instructions: left out on purpose.
  return importTables(workbook.worksheets.filter((s) => s.name !== GUIDE_SHEET).map(sheetTable), options);
}

/** Reads and checks CSV files (one document each), then (unless `dryRun`) writes the changed files. */
export function importCsv(files: string[], options: ImportOptions): ImportResult {
  const tables: Table[] = [];
  const problems: SheetProblem[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readInputFile(file, 'fichier CSV');
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      unreadable.push(error.message);
      continue;
    }
    try {
      // The reader stops at the rows and columns of a sheet (LIMITS): a larger file is refused below.
      tables.push({ name: basename(file), csv: true, rows: readCsv(bytes, LIMITS) });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const message = error instanceof CsvTooLarge ? csvTooLong(error.what, error.line) : error.message;
      problems.push({ sheet: basename(file), csv: true, row: error.line, message });
    }
  }
  // A missing file, a folder, an empty or oversized one: one French message naming each, for the command to print.
  if (unreadable.length > 0) throw new ReadError(unreadable.join('\n'));
  if (problems.length > 0) return { problems, warnings: [], changes: [], notReviewed: [], leftOut: [], written: [] };
  return importTables(tables, options);
}

export interface ImportOptions extends WriteOptions {
  root: string;
  contentDir?: string;
  dryRun?: boolean;
  newRound?: NewRound;
  /** Publish the actions whose new-round cell is empty as not reviewed (--non-evalues), instead of refusing the import. */
  allowNotReviewed?: boolean;
  /** The note of the document's update entry for the new round (--note); a default one names the round. */
  note?: string;
  /** The date of that update entry, AAAA-MM-JJ (today in Paris by default; tests give theirs). */
  today?: string;
}

/**
 * A header that names a review round (« Bilan 2030 », « Commentaire (…) ») the document does not
 * have: statuses typed there would be lost, so such a column, once filled, is an error; any other
 * unknown column is the référent's own (notes, a working column) and only a warning.
 */
const ROUND_LIKE = /^(bilans?|commentaires?|nouveau bilan)\b/i;

/** The problem of a filled column named like a round (or its comment) the document does not have. */
function unknownRound(table: Table, u: UnknownColumn, rounds: { label: string }[], codes: string[]): SheetProblem {
  const where =
    codes.length > 0
      ? `les statuts et commentaires se saisissent dans les colonnes des bilans du document, ceux d’un nouveau bilan dans « ${NEW_ROUND_HEADER} » et son commentaire, qu’on nomme à l’import (--bilan, --libelle, --date ou --periode)`
      : 'ce document ne suit pas de statut';
  return headerProblem(
    table,
    u,
    `colonne de bilan que ce document n’a pas, ${filledCells(u.filled)} : rien n’en serait importé ; ${where} ; sinon supprimez la colonne`,
    rounds.flatMap((r) => [r.label, commentHeader(r.label)]).join(', ') || '(aucun bilan)',
  );
}

/**
 * Why columns are missing. When they are exactly those of rounds the document gained (an import
 * added « Bilan 2026 » after this workbook was exported), the cause is the workbook's age, not a
 * renamed column (issue 20): say so, and to export a new one.
 */
export function missingMessage(missing: string[], rounds: { label: string }[]): string {
  const roundHeaders = new Set(rounds.flatMap((r) => [r.label, commentHeader(r.label)]));
  const list = missing.join(', ');
  if (!missing.every((h) => roundHeaders.has(h))) return `colonne(s) manquante(s) ou renommée(s) : ${list}`;
  const added = rounds.filter((r) => missing.includes(r.label)).map((r) => `« ${r.label} »`);
  const since = added.length > 1 ? `bilans ${added.join(', ')} ajoutés` : added.length === 1 ? `bilan ${added[0]} ajouté` : 'bilan ajouté';
  return (
    `colonne(s) manquante(s) : ${list} ; ce classeur est antérieur au dernier import (${since} depuis son export) : ` +
    'exportez-en un nouveau (npm run tableur:exporter) et reportez-y vos saisies'
  );
}

/** A decimal number both ways: « 1.1 » read where « 1.10 » was (or « 2 » for « 2.0 »). */
const DECIMAL = /^\d+(?:[.,]\d+)?$/;

/** Whether `found` is `expected` turned into a number by the spreadsheet (a numbering like « 1.10 » read as 1.1). */
export function readAsNumber(found: string, expected: string): boolean {
  if (found === expected || !DECIMAL.test(found) || !DECIMAL.test(expected)) return false;
  return Number(found.replace(',', '.')) === Number(expected.replace(',', '.'));
}

/**
 * The cause of such a change (issue 20): the spreadsheet's automatic number recognition, set for
 * a language where the point is the decimal separator (LibreOffice in English), and how to avoid it.
 */
const numberMessage = (found: string, expected: string) =>
  `colonne verrouillée modifiée : le tableur a lu « ${expected} » comme un nombre et l’a réécrit « ${found} » ` +
  '(reconnaissance automatique des nombres, réglée pour une langue où le point sépare les décimales, comme l’anglais). ' +
  'Pour l’éviter : exportez un nouveau classeur et ne retapez pas les cellules grises ; pour un fichier CSV ouvert dans LibreOffice, ' +
  'choisissez dans la fenêtre « Import de texte » la langue « Français (France) » et le type « Texte » pour cette colonne ; ' +
  'ou réglez la langue du tableur sur le français (Outils › Options › Paramètres linguistiques › Langues › Paramètre local)';

/** One row's new-round cells, read with the row and judged once the whole sheet is read (`addNewRound`). */
interface NewRoundRow {
  at: { sheet: string; csv?: boolean; row: number };
  action: Action;
  value: string;
  comment: string;
  /** What the export wrote in the cell (`prefilledStatus`). */
  prefill: string;
}

/** Today in Paris, AAAA-MM-JJ: the date of the update entry a new round adds. */
const todayInParis = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/** The default note of that entry, when the référent gives none with --note. */
export const defaultUpdateNote = (label: string) => `${label} : statuts des actions mis à jour.`;

/**
 * What the import gathers, table after table, before anything is written: every problem at once,
 * the changes for the summary, and the edits of each file (applied only when there is no problem).
 */
interface Outcome {
  problems: (SheetProblem | Problem)[];
  warnings: SheetProblem[];
  changes: Change[];
  edits: Map<string, FrontmatterEdit[]>;
  notReviewed: NotReviewed[];
  leftOut: string[];
}

type DocumentSheet = ReturnType<typeof documentSheets>[number];

/** The content the tables are checked against, read and indexed once. */
interface ContentIndex {
  files: RawFile[];
  actionsById: Map<string, Action>;
  /** Documents by sheet name (workbooks). */
  byName: Map<string, DocumentSheet>;
  /** Documents by identifier (CSV files). */
  byId: Map<string, DocumentSheet>;
  /** Documents by the name of their Indicateurs sheet, or of its CSV file (<document>.indicateurs.csv). */
  byIndicators: Map<string, DocumentSheet>;
  /** Documents already given by a table, and actions already read from a row: each may come once. */
  used: Set<string>;
  seen: Set<string>;
}

/** One table whose headers are right: its document and where each column is. */
interface Sheet {
  table: Table;
  place: { sheet: string; csv?: boolean };
  doc: DocumentSheet;
  convention: Convention;
  /** The document's status codes: empty for a document that follows no status. */
  codes: string[];
  rounds: NonNullable<Convention['data']['rounds']>;
  expected: string[];
  col: Map<string, number>;
  /** Columns whose cells may span lines. */
  multiline: Set<string>;
}

/** One row of a known action, its cells read. */
interface Row {
  at: { sheet: string; csv?: boolean; row: number };
  action: Action;
  /** The trimmed cell of a column. */
  get: (header: string) => string;
}

/** "G (Bilan 2025)": a column as a problem names it. */
const whereColumn = (sheet: Sheet, header: string) => `${columnLetter(sheet.col.get(header)! + 1)} (${header})`;

/** Checks the tables (sheets or CSV files) against the content, then writes the changes. */
export function importTables(tables: Table[], options: ImportOptions): ImportResult {
  const content = indexContent(options.root, options.contentDir);
  const outcome: Outcome = { problems: [], warnings: [], changes: [], edits: new Map(), notReviewed: [], leftOut: [] };
  // The indicators' values first: they join their document's new round, read with its status sheet.
  const isIndicators = (t: Table) => content.byIndicators.has(t.name);
  const values = readIndicatorTables(tables.filter(isIndicators), content, outcome);
  for (const table of tables.filter((t) => !isIndicators(t))) {
    const doc = tableDocument(table, content, outcome);
    const sheet = doc && checkHeaders(table, doc, outcome);
    if (!sheet) continue;
    const newRows = readRows(sheet, content, outcome);
    if (sheet.codes.length > 0) addNewRound(sheet, newRows, options, outcome, values.get(doc.convention.id) ?? []);
    values.delete(doc.convention.id);
  }
  outcome.problems.push(...[...values.values()].flatMap((list) => list.map(valueWithoutRound)));
  const written = outcome.problems.length > 0 ? [] : writeChanges(content.files, outcome, options);
  const { problems, warnings, changes, notReviewed, leftOut } = outcome;
  return { problems, warnings, changes, notReviewed, leftOut, written };
}

function indexContent(root: string, contentDir = 'content'): ContentIndex {
  const { files, entries } = loadContent(root, contentDir);
  const sheets = documentSheets(entries);
  return {
    files,
    actionsById: new Map(entries.actions.map((a) => [a.id, a])),
    byName: new Map(sheets.map((d) => [d.name, d])),
    byId: new Map(sheets.map((d) => [d.convention.id, d])),
    byIndicators: new Map(
      sheets.flatMap((d) =>
        d.indicatorsName ? [[d.indicatorsName, d] as const, [`${d.convention.id}${INDICATORS_CSV_SUFFIX}`, d] as const] : [],
      ),
    ),
    used: new Set(),
    seen: new Set(),
  };
}

/**
 * The document of a table: a sheet is known by its name; a CSV file by its name (<document>.csv)
 * or else by its first identifier. Each document may be given once.
 */
function tableDocument(table: Table, content: ContentIndex, outcome: Outcome): DocumentSheet | undefined {
  const { byId, byName, used } = content;
  const place = placeOf(table);
  const firstId = table.rows[1]?.[table.rows[0]?.findIndex((h) => h.trim() === HEAD_COLUMNS.id) ?? -1]?.trim() ?? '';
  const doc = table.csv ? (byId.get(table.name.replace(/\.csv$/i, '')) ?? byId.get(firstId.split('/')[0]!)) : byName.get(table.name);
  if (!doc) {
    outcome.problems.push({
      ...place,
      message: table.csv
        ? 'document introuvable : nommez le fichier d’après le document (<document>.csv), comme à l’export'
        : 'feuille inconnue (renommée ou ajoutée ?)',
      allowed: table.csv ? [...byId.keys()].map((id) => `${id}.csv`).join(', ') : [...byName.keys()].join(', '),
    });
    return undefined;
  }
  if (used.has(doc.convention.id)) {
    outcome.problems.push({ ...place, message: `document « ${doc.convention.id} » donné deux fois`, allowed: 'un fichier par document' });
    return undefined;
  }
  used.add(doc.convention.id);
  return doc;
}

/**
 * The header check: every expected column found once, an unknown column that looks like a round
 * refused once filled, any other unknown column a warning. The rows are read only when it passes.
 */
function checkHeaders(table: Table, doc: DocumentSheet, outcome: Outcome): Sheet | undefined {
  const { convention } = doc;
  const place = placeOf(table);
  const codes = scaleCodes(convention);
  const rounds = convention.data.rounds ?? [];
  const expected = sheetHeaders(convention);
  const headers = readHeaders(table, expected);
  outcome.problems.push(...headers.problems);
  for (const u of headers.unknown) {
    if (ROUND_LIKE.test(u.header) && u.filled.length > 0) outcome.problems.push(unknownRound(table, u, rounds, codes));
    else outcome.warnings.push(unknownColumnWarning(table, u, expected));
  }
  outcome.warnings.push(...headers.warnings);
  if (headers.missing.length > 0) {
    outcome.problems.push({ ...place, row: 1, message: missingMessage(headers.missing, rounds), allowed: expected.join(', ') });
    return undefined;
  }
  if (headers.problems.length > 0) return undefined;
  // Wordings and comments may span lines; identifiers, numbers, titles, statuses and lists may not.
  const multiline = new Set([HEAD_COLUMNS.wording, NEW_ROUND_COMMENT_HEADER, ...rounds.map((r) => commentHeader(r.label))]);
  return { table, place, doc, convention, codes, rounds, expected, col: headers.col, multiline };
}

/**
 * The row reader: each row of an action goes through one handler per column group (locked
 * columns, review rounds, texts); the new-round cells are kept for `addNewRound`, which judges
 * them once the whole table is read.
 */
function readRows(sheet: Sheet, content: ContentIndex, outcome: Outcome): NewRoundRow[] {
  const newRows: NewRoundRow[] = [];
  sheet.table.rows.forEach((cells, index) => {
    if (index === 0) return;
    const row = readRow(sheet, cells, index, content, outcome);
    if (!row) return;
    const fileEdits: FrontmatterEdit[] = [];
    checkLocked(sheet, row, outcome);
    readRounds(sheet, row, fileEdits, outcome);
    if (sheet.codes.length > 0) newRows.push(newRoundCells(sheet, row));
    readTexts(sheet, row, fileEdits, outcome);
    if (fileEdits.length > 0) outcome.edits.set(row.action.file, fileEdits);
  });
  return newRows;
}

/** A row's action, once every cell could be read; undefined for an empty row or a refused one. */
function readRow(sheet: Sheet, cells: string[], index: number, content: ContentIndex, outcome: Outcome): Row | undefined {
  const { table, col, expected, convention } = sheet;
  const at = { ...sheet.place, row: index + 1 };
  // Every cell read is checked first: a value that could not be read, or an invisible character.
  const unusable = expected.flatMap((h) => {
    const problem = cellProblem(table, index, col.get(h)!, sheet.multiline.has(h));
    return problem ? [{ ...at, column: whereColumn(sheet, h), ...problem }] : [];
  });
  if (unusable.length > 0) {
    outcome.problems.push(...unusable);
    return undefined;
  }
  const get = (h: string) => (cells[col.get(h)!] ?? '').trim();
  const id = get(HEAD_COLUMNS.id);
  if (!id && expected.every((h) => get(h) === '')) return undefined;
  const action = content.actionsById.get(id);
  if (!action || action.data.convention !== convention.id) {
    outcome.problems.push({
      ...at,
      column: whereColumn(sheet, HEAD_COLUMNS.id),
      value: id,
      message: 'identifiant d’action inconnu dans ce document',
      allowed: 'l’identifiant exporté (colonne verrouillée), par exemple ' + sheet.doc.actions[0]!.id,
    });
    return undefined;
  }
  if (content.seen.has(id)) {
    outcome.problems.push({
      ...at,
      column: whereColumn(sheet, HEAD_COLUMNS.id),
      value: id,
      message: 'action présente sur plusieurs lignes',
    });
    return undefined;
  }
  content.seen.add(id);
  return { at, action, get };
}

/** Locked columns must read as the content does (someone may have lifted the protection). */
function checkLocked(sheet: Sheet, { at, action, get }: Row, outcome: Outcome): void {
  const d = action.data;
  const lockedValues: Record<string, string> = {
    [HEAD_COLUMNS.number]: d.number ?? '',
    [HEAD_COLUMNS.axis]: d.axis,
    [HEAD_COLUMNS.objective]: d.objective ?? '',
    [TAIL_COLUMNS.responsible]: (d.responsible ?? []).join(', '),
    [TAIL_COLUMNS.themes]: d.themes.join(', '),
    [TAIL_COLUMNS.audience]: d.audience.join(', '),
  };
  for (const [h, value] of Object.entries(lockedValues)) {
    if (get(h) !== value) {
      outcome.problems.push({
        ...at,
        column: whereColumn(sheet, h),
        value: get(h),
        message: readAsNumber(get(h), value)
          ? numberMessage(get(h), value)
          : 'colonne verrouillée modifiée : elle ne peut pas l’être depuis le classeur',
        allowed: value === '' ? '(vide)' : value,
      });
    }
  }
}

/** The status and comment columns of the document's rounds: statuses set or added, comments set or added. */
function readRounds(sheet: Sheet, row: Row, fileEdits: FrontmatterEdit[], outcome: Outcome): void {
  const { rounds, codes } = sheet;
  const { at, action, get } = row;
  const statuses = action.data.statuses ?? [];
  rounds.forEach((round, index) => {
    const value = get(round.label);
    const i = statuses.findIndex((s) => s.round === round.id);
    const before = i >= 0 ? statuses[i]!.status : '';
    const note = roundComment(sheet, row, round.label, statuses[i]?.comment, value !== '', outcome);
    if (note !== undefined && i >= 0) {
      fileEdits.push(
        statuses[i]!.comment === undefined
          ? { kind: 'add-key', path: ['statuses', i], key: 'comment', value: note }
          : { kind: 'set', path: ['statuses', i, 'comment'], value: note },
      );
    }
    if (value === before) return;
    if (value === '') {
      outcome.problems.push({
        ...at,
        column: whereColumn(sheet, round.label),
        value: '(vide)',
        message: 'statut effacé : l’import ne supprime pas un statut publié',
        allowed: before,
      });
      return;
    }
    if (!codes.includes(value)) {
      outcome.problems.push({
        ...at,
        column: whereColumn(sheet, round.label),
        value,
        message: 'statut inconnu pour ce document',
        allowed: codes.join(', ') || '(aucun : ce document ne suit pas de statut)',
      });
      return;
    }
    if (i >= 0) fileEdits.push({ kind: 'set', path: ['statuses', i, 'status'], value });
    else {
      // Statuses go oldest round first: before the first one from a later round.
      const later = statuses.findIndex((s) => rounds.findIndex((x) => x.id === s.round) > index);
      fileEdits.push({ kind: 'add-status', round: round.id, status: value, comment: note, before: later >= 0 ? later : undefined });
    }
    outcome.changes.push({
      action: action.id,
      file: action.file,
      kind: 'statut',
      round: round.label,
      from: before || '(aucun)',
      to: value,
    });
  });
}

/** The comment cell of a round whose status is (or becomes) filled when `hasStatus`: the new comment, or undefined (unchanged or refused). */
function roundComment(
  sheet: Sheet,
  { at, action, get }: Row,
  roundLabel: string,
  before: string | undefined,
  hasStatus: boolean,
  outcome: Outcome,
): string | undefined {
  const header = commentHeader(roundLabel);
  const value = get(header);
  if (value === (before ?? '')) return undefined;
  if (value === '') {
    outcome.problems.push({
      ...at,
      column: whereColumn(sheet, header),
      value: '(vide)',
      message: 'commentaire effacé : l’import ne supprime pas un commentaire publié (retirez-le du fichier de l’action)',
      allowed: before,
    });
    return undefined;
  }
  if (!hasStatus) {
    outcome.problems.push({
      ...at,
      column: whereColumn(sheet, header),
      value,
      message: 'commentaire sans statut : un commentaire accompagne le statut de l’action à ce bilan',
      allowed: `un statut dans la colonne de gauche (${sheet.codes.join(', ') || 'aucun : ce document ne suit pas de statut'})`,
    });
    return undefined;
  }
  outcome.changes.push({
    action: action.id,
    file: action.file,
    kind: 'commentaire',
    round: roundLabel,
    from: before ?? '(aucun)',
    to: value,
  });
  return value;
}

/** The row's new-round cells, judged with the whole table's by `addNewRound`. */
function newRoundCells(sheet: Sheet, { at, action, get }: Row): NewRoundRow {
  return {
    at,
    action,
    value: get(NEW_ROUND_HEADER),
    comment: get(NEW_ROUND_COMMENT_HEADER),
    prefill: prefilledStatus(sheet.convention, action),
  };
}

/** The title and the wording: changed when the cell differs, refused when emptied. */
function readTexts(sheet: Sheet, { at, action, get }: Row, fileEdits: FrontmatterEdit[], outcome: Outcome): void {
  const d = action.data;
  for (const [h, field, kind] of [
    [HEAD_COLUMNS.title, 'title', 'titre'],
    [HEAD_COLUMNS.wording, 'wording', 'libellé'],
  ] as const) {
    const value = get(h);
    if (value === d[field]) continue;
    if (value === '') {
      outcome.problems.push({ ...at, column: whereColumn(sheet, h), value: '(vide)', message: `${kind} vide`, allowed: 'un texte' });
      continue;
    }
    fileEdits.push({ kind: 'set', path: [field], value });
    outcome.changes.push({ action: action.id, file: action.file, kind, from: d[field], to: value });
  }
}

/**
 * The new round of one sheet (issue 20). The column comes pre-filled with each action's latest
 * status; a document takes part in the round when its column says something the export did not
 * (a status changed or typed, a comment). Then every action must have a status: one left empty is
 * refused, all listed, unless the référent said in words that they go unreviewed
 * (--non-evalues) — never most statuses vanishing from the published plan unnoticed. Statuses
 * left as pre-filled are confirmed; the document gets the round and a dated `updates` entry.
 */
function addNewRound(sheet: Sheet, rows: NewRoundRow[], options: ImportOptions, outcome: Outcome, values: NewValue[]): void {
  const said = rows.filter((r) => (r.value !== '' && r.value !== r.prefill) || r.comment !== '');
  // An indicator's value typed for the new round says the document takes part in it, as a changed status does (issue 24).
  if (said.length === 0 && values.length === 0) {
    if (options.newRound !== undefined && rows.length > 0) outcome.leftOut.push(sheet.doc.name);
    return;
  }
  const problems = newRoundProblems(sheet, rows, said, options);
  if (!options.newRound) problems.push(...values.map((v) => ({ ...v.at, column: v.column, value: v.text, message: NAME_THE_ROUND })));
  outcome.problems.push(...problems);
  if (problems.length === 0 && options.newRound) {
    writeNewRound(sheet, rows, options.newRound, options, outcome);
    writeNewValues(values, options.newRound, outcome);
  }
}

/** What a new round's cells lack when the import is not told which round they are. */
const NAME_THE_ROUND =
  'nouveau bilan : dites lequel en relançant avec --bilan <identifiant> --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>"';

/** A value of a document whose status sheet did not come with it, or that follows no status: no new round to put it in. */
const valueWithoutRound = (v: NewValue): SheetProblem => ({
  ...v.at,
  column: v.column,
  value: v.text,
  message:
    'valeur d’indicateur sans nouveau bilan : le nouveau bilan d’un document se lit avec ses statuts (sa feuille, ou son fichier CSV), ' +
    'absents de cet import (ou ce document ne suit pas de statut) ; importez-les ensemble, ou ajoutez la valeur dans le fichier de l’action ou du document',
});

/**
 * The Indicateurs tables (issue 24): headers checked as a status sheet's, rows read by
 * `readIndicatorRows`. Returns the values typed for the new round, by document.
 */
function readIndicatorTables(tables: Table[], content: ContentIndex, outcome: Outcome): Map<string, NewValue[]> {
  const values = new Map<string, NewValue[]>();
  for (const table of tables) {
    const doc = content.byIndicators.get(table.name)!;
    const { convention } = doc;
    const key = `${convention.id}${INDICATORS_CSV_SUFFIX}`;
    if (content.used.has(key)) {
      outcome.problems.push({
        ...placeOf(table),
        message: `indicateurs du document « ${convention.id} » donnés deux fois`,
        allowed: 'une feuille par document',
      });
      continue;
    }
    content.used.add(key);
    const expected = indicatorHeaders(convention);
    const headers = readHeaders(table, expected);
    outcome.problems.push(...headers.problems);
    outcome.warnings.push(...headers.unknown.map((u) => unknownColumnWarning(table, u, expected)), ...headers.warnings);
    if (headers.missing.length > 0) {
      const message = missingMessage(headers.missing, convention.data.rounds ?? []);
      outcome.problems.push({ ...placeOf(table), row: 1, message, allowed: expected.join(', ') });
      continue;
    }
    if (headers.problems.length > 0) continue;
    const read = readIndicatorRows(table, convention, documentIndicators(convention, doc.actions), headers.col);
    outcome.problems.push(...read.problems);
    if (read.values.length > 0) values.set(convention.id, read.values);
  }
  return values;
}

/** The new round's indicator values: one edit each, in the file that declares the indicator, and a line of the summary. */
function writeNewValues(values: NewValue[], newRound: NewRound, outcome: Outcome): void {
  for (const v of values) {
    const { row } = v;
    const edit: FrontmatterEdit = {
      kind: 'add-value',
      indicator: row.index,
      round: newRound.id,
      value: v.value,
      ...(v.source !== undefined ? { source: v.source } : {}),
    };
    outcome.edits.set(row.file, [...(outcome.edits.get(row.file) ?? []), edit]);
    outcome.changes.push({
      action: row.action?.id ?? row.indicator.id,
      file: row.file,
      kind: 'indicateur',
      subject: indicatorName(row),
      round: newRound.label,
      newRound: true,
      from: figureWords(v.before),
      to: figureWords(v.value),
    });
  }
}

/** What keeps a sheet's new round from being imported: a comment alone, no round named, a round the document has, statuses unknown or missing. */
function newRoundProblems(sheet: Sheet, rows: NewRoundRow[], said: NewRoundRow[], options: ImportOptions): SheetProblem[] {
  const { table, convention, codes } = sheet;
  const { newRound } = options;
  const where = whereColumn(sheet, NEW_ROUND_HEADER);
  const problems: SheetProblem[] = [];
  const commentAlone = (r: NewRoundRow) => r.value === '' && r.comment !== '';
  for (const r of rows.filter(commentAlone)) {
    problems.push({
      ...r.at,
      column: whereColumn(sheet, NEW_ROUND_COMMENT_HEADER),
      value: r.comment,
      message: 'commentaire sans statut : un commentaire accompagne le statut de l’action à ce bilan',
      allowed: `un statut dans la colonne de gauche (${codes.join(', ')})`,
    });
  }
  if (!newRound) {
    for (const r of said.filter((r) => !commentAlone(r))) {
      problems.push({
        ...r.at,
        column: where,
        value: r.value || r.comment,
        message: NAME_THE_ROUND,
      });
    }
    return problems;
  }
  if ((convention.data.rounds ?? []).some((r) => r.id === newRound.id)) {
    problems.push({
      ...placeOf(table),
      column: where,
      value: newRound.id,
      message: 'ce bilan existe déjà dans le document : sa colonne est celle de son libellé',
      allowed: 'un identifiant de bilan nouveau',
    });
    return problems;
  }
  for (const r of rows) {
    if (r.value !== '' && !codes.includes(r.value)) {
      problems.push({ ...r.at, column: where, value: r.value, message: 'statut inconnu pour ce document', allowed: codes.join(', ') });
    }
  }
  const empty = rows.filter((r) => r.value === '' && !r.action.data.withdrawn);
  if (empty.length > 0 && !options.allowNotReviewed) {
    problems.push({
      ...placeOf(table),
      column: where,
      value: '(vide)',
      message:
        `nouveau bilan « ${newRound.label} » : ${empty.length === 1 ? '1 action n’a' : `${empty.length} actions n’ont`} pas de statut ` +
        `(${rowList(
          empty.map((r) => r.at.row),
          Infinity,
        )} : ${empty.map((r) => r.action.id).join(', ')}) ; publiées ainsi, elles apparaîtraient « sans statut » sur le site. ` +
        'Donnez à chacune son statut (celui du dernier bilan s’il n’a pas changé : exportez un nouveau classeur, la colonne y est pré-remplie), ' +
        'ou, si elles n’ont vraiment pas été évaluées, relancez l’import avec --non-evalues',
      allowed: codes.join(', '),
    });
  }
  return problems;
}

/** The new round's edits: a status (and its comment) added to each action, the round and a dated update entry to the document. */
function writeNewRound(sheet: Sheet, rows: NewRoundRow[], newRound: NewRound, options: ImportOptions, outcome: Outcome): void {
  const { table, convention } = sheet;
  const add = (file: string, edits: FrontmatterEdit[]) => outcome.edits.set(file, [...(outcome.edits.get(file) ?? []), ...edits]);
  for (const r of rows) {
    const { action } = r;
    if (r.value === '') {
      if (!action.data.withdrawn) outcome.notReviewed.push({ action: action.id, sheet: table.name, row: r.at.row, round: newRound.label });
      continue;
    }
    const comment = r.comment === '' ? undefined : r.comment;
    add(action.file, [{ kind: 'add-status', round: newRound.id, status: r.value, comment }]);
    const change = { action: action.id, file: action.file, round: newRound.label };
    if (comment !== undefined) outcome.changes.push({ ...change, kind: 'commentaire', from: '(aucun)', to: comment });
    outcome.changes.push({ ...change, kind: 'statut', newRound: true, from: r.prefill || '(aucun)', to: r.value });
  }
  const update = {
    kind: 'add-update',
    date: options.today ?? todayInParis(),
    note: options.note ?? defaultUpdateNote(newRound.label),
  } as const;
  add(convention.file, [{ kind: 'add-round', round: newRound }, update]);
}

/**
 * The write: the same checks as the build on the content with the changes made in memory, every
 * file edited in memory (one that cannot be means none is written), then (unless `dryRun`) all
 * written through the journal. Returns the files written; a problem goes to the outcome.
 */
function writeChanges(files: RawFile[], outcome: Outcome, options: ImportOptions): string[] {
  const { root, contentDir = 'content', dryRun = false } = options;
  const { edits, problems } = outcome;
  const changed: RawFile[] = files.map((f) => {
    const e = edits.get(f.file);
    return e ? { ...f, frontmatter: applyToData(f.frontmatter as Record<string, unknown>, e) } : f;
  });
  problems.push(...validateAll(changed).problems);
  if (problems.length > 0) return [];
  const texts: { file: string; text: string }[] = [];
  for (const [file, e] of edits) {
    try {
      texts.push({ file, text: editFrontmatter(readFileSync(join(root, file), 'utf8'), e) });
    } catch (error) {
      problems.push({ file, field: '(front matter)', message: (error as Error).message });
    }
  }
  if (problems.length > 0 || dryRun) return [];
  // Through the journal (journal.ts): stopped anywhere, the content is either untouched or refused
  // by every read until this import is finished or undone (issue 19).
  return writeContent(root, contentDir, texts, options);
}

/**
 * One problem as printed in the terminal (a warning with `⚠` instead of `✗`). What comes from the
 * file is printed with its invisible characters shown as codes (see `visible`).
 */
export function formatImportProblem(p: SheetProblem | Problem): string {
  return 'file' in p ? formatProblem(p) : formatSheetProblem(p, '✗');
}

function formatSheetProblem(p: SheetProblem, mark: '✗' | '⚠'): string {
  const place = [
    `${p.csv ? 'fichier' : 'feuille'} « ${visible(p.sheet)} »`,
    p.row !== undefined ? `ligne ${p.row}` : '',
    p.column ? `colonne ${visible(p.column)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [`${mark} ${place} : ${p.message}`];
  if (p.value !== undefined) lines.push(`  valeur trouvée : « ${visible(p.value)} »`);
  if (p.allowed) lines.push(`  valeurs permises : ${p.allowed}`);
  return lines.join('\n');
}

/** The warnings, as the command prints them after its summary (empty when there are none). */
export function formatWarnings(warnings: SheetProblem[]): string {
  if (warnings.length === 0) return '';
  const head =
    warnings.length === 1
      ? 'Attention : 1 remarque, sur ce que l’import a laissé de côté :'
      : `Attention : ${warnings.length} remarques, sur ce que l’import a laissé de côté :`;
  return [head, ...warnings.map((w) => formatSheetProblem(w, '⚠'))].join('\n\n');
}

/**
 * « 1 action », « 3 statuts changés » (src/lib/french.ts), zero written « 0 » as a figure, as a
 * tally is: « 0 statut modifié, 2 commentaires modifiés ».
 */
const tally = (n: number, singular: string, plural = `${singular}s`) => countOf(n, { singular, plural });

/**
 * The summary of the changes, in French. A new round is told apart (issue 20): its real moves
 * (from → to, grouped, with counts), the statuses confirmed unchanged, the actions not reviewed,
 * and the documents left out of it — never 72 lines « (aucun) → R » hiding 5 moves.
 */
export function formatSummary(changes: Change[], round: { notReviewed?: NotReviewed[]; leftOut?: string[] } = {}): string {
  const statuses = changes.filter((c) => c.kind === 'statut' && !c.newRound);
  const comments = changes.filter((c) => c.kind === 'commentaire');
  const texts = changes.filter((c) => c.kind === 'titre' || c.kind === 'libellé');
  const modified = (n: number, word: string) => tally(n, `${word} modifié`, `${word}s modifiés`);
  const lines = [
    `${modified(statuses.length, 'statut')}, ${modified(comments.length, 'commentaire')}, ${modified(texts.length, 'texte')}.`,
  ];
  for (const c of statuses) lines.push(`  ${c.action} — ${c.round} : ${c.from} → ${c.to}`);
  for (const c of comments) lines.push(`  ${c.action} — commentaire (${c.round}) : « ${c.from} » → « ${c.to} »`);
  for (const c of texts) lines.push(`  ${c.action} — ${c.kind} : « ${c.from} » → « ${c.to} »`);
  lines.push(
    ...newRoundSummary(
      changes.filter((c) => c.newRound && c.kind === 'statut'),
      changes.filter((c) => c.kind === 'indicateur'),
      round.notReviewed ?? [],
      round.leftOut ?? [],
    ),
  );
  return lines.join('\n');
}

function newRoundSummary(statuses: Change[], values: Change[], notReviewed: NotReviewed[], leftOut: string[]): string[] {
  const labels = [...new Set([...statuses.map((c) => c.round!), ...notReviewed.map((n) => n.round), ...values.map((c) => c.round!)])];
  const lines: string[] = [];
  for (const label of labels) {
    const mine = statuses.filter((c) => c.round === label);
    const moves = mine.filter((c) => c.from !== c.to);
    const unreviewed = notReviewed.filter((n) => n.round === label);
    lines.push(`Nouveau bilan « ${label} » :`);
    lines.push(`  ${tally(moves.length, 'statut changé', 'statuts changés')}${moves.length > 0 ? ' :' : '.'}`);
    const groups = Map.groupBy(moves, (c) => `${c.from === '(aucun)' ? 'sans statut' : c.from} → ${c.to}`);
    for (const [move, list] of groups)
      lines.push(`    ${move} : ${tally(list.length, 'action')} (${list.map((c) => c.action).join(', ')})`);
    lines.push(`  ${tally(mine.length - moves.length, 'statut confirmé', 'statuts confirmés')} sans changement.`);
    lines.push(
      unreviewed.length === 0
        ? `  ${tally(0, 'action non évaluée')}.`
        : `  ${tally(unreviewed.length, 'action non évaluée', 'actions non évaluées')} (publiées sans statut à ce bilan, --non-evalues) : ${unreviewed.map((n) => n.action).join(', ')}`,
    );
    const mineValues = values.filter((c) => c.round === label);
    if (mineValues.length > 0) {
      lines.push(`  ${tally(mineValues.length, 'valeur d’indicateur', 'valeurs d’indicateurs')} :`);
      for (const c of mineValues) lines.push(`    ${c.subject} : ${c.from} → ${c.to}`);
    }
  }
  if (leftOut.length > 0) {
    lines.push(
      `Sans nouveau bilan (colonne « ${NEW_ROUND_HEADER} » laissée telle qu’exportée) : ${leftOut.map((s) => `« ${s} »`).join(', ')}.`,
    );
  }
  return lines;
}
