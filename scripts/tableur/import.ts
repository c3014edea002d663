/**
 * Reads a follow-up workbook (see classeur.ts) or its CSV files back, checks every row, and writes
 * the changed statuses, comments, titles and wordings into the actions' MDX files. Nothing is written while anything is
 * wrong: every problem is reported at once, with its sheet, row, column, value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { formatProblem, type Problem } from '../../src/model/problems.ts';
import {
  GUIDE_SHEET,
  HEAD_COLUMNS,
  TAIL_COLUMNS,
  NEW_ROUND_HEADER,
  NEW_ROUND_COMMENT_HEADER,
  commentHeader,
  documentSheets,
  loadContent,
  scaleCodes,
  sheetHeaders,
  type Action,
} from './classeur.ts';
import { applyToData, editFrontmatter, type FrontmatterEdit, type NewRound } from './frontmatter.ts';
import { CsvError, CsvTooLarge, readCsv } from './csv.ts';
import { writeContent, type WriteOptions } from './journal.ts';
import {
  cellProblem,
  columnLetter,
  csvTooLarge,
  csvTooLong,
  LIMITS,
  readHeaders,
  readInputFile,
  ReadError,
  readWorkbook,
  filledCells,
  headerProblem,
  sheetTable,
  unknownColumnWarning,
  visible,
  type SheetProblem,
  type Table,
  type UnknownColumn,
} from './lecture.ts';

export type { SheetProblem, Table } from './lecture.ts';

export interface Change {
  action: string;
  file: string;
  kind: 'statut' | 'commentaire' | 'titre' | 'libellé';
  /** Round label, for a status or a comment. */
  round?: string;
  from: string;
  to: string;
}

export interface ImportResult {
  problems: (SheetProblem | Problem)[];
  /** What the import left aside without it being an error (an unknown column): the command repeats it after its summary. */
  warnings: SheetProblem[];
  changes: Change[];
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
      const table = { name: basename(file), csv: true, rows: readCsv(bytes, LIMITS) };
      const tooLarge = csvTooLarge(table);
      if (tooLarge) problems.push({ sheet: table.name, csv: true, message: tooLarge });
      else tables.push(table);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const message = error instanceof CsvTooLarge ? csvTooLong(error.what, error.line) : error.message;
      problems.push({ sheet: basename(file), csv: true, row: error.line, message });
    }
  }
  // A missing file, a folder, an empty or oversized one: one French message naming each, for the command to print.
  if (unreadable.length > 0) throw new ReadError(unreadable.join('\n'));
  if (problems.length > 0) return { problems, warnings: [], changes: [], written: [] };
  return importTables(tables, options);
}

export interface ImportOptions extends WriteOptions {
  root: string;
  contentDir?: string;
  dryRun?: boolean;
  newRound?: NewRound;
}

/** Checks the tables (sheets or CSV files) against the content, then writes the changes. */
export function importTables(tables: Table[], options: ImportOptions): ImportResult {
  const warnings: SheetProblem[] = [];
  return { ...checkAndWrite(tables, options, warnings), warnings };
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

function checkAndWrite(tables: Table[], options: ImportOptions, warnings: SheetProblem[]): Omit<ImportResult, 'warnings'> {
  const { root, contentDir = 'content', dryRun = false, newRound } = options;
  const { files, entries } = loadContent(root, contentDir);
  const problems: (SheetProblem | Problem)[] = [];
  const changes: Change[] = [];
  const edits = new Map<string, FrontmatterEdit[]>();
  const actionsById = new Map(entries.actions.map((a) => [a.id, a]));
  const sheets = documentSheets(entries);
  const docs = new Map(sheets.map((d) => [d.name, d]));
  const byId = new Map(sheets.map((d) => [d.convention.id, d]));
  const seen = new Set<string>();
  const used = new Set<string>();

  for (const table of tables) {
    const place = { sheet: table.name, ...(table.csv ? { csv: true } : {}) };
    // A sheet is known by its name; a CSV file by its name (<document>.csv) or else by its first identifier.
    const firstId = table.rows[1]?.[0]?.trim() ?? '';
    const doc = table.csv ? (byId.get(table.name.replace(/\.csv$/i, '')) ?? byId.get(firstId.split('/')[0]!)) : docs.get(table.name);
    if (!doc) {
      problems.push({
        ...place,
        message: table.csv
          ? 'document introuvable : nommez le fichier d’après le document (<document>.csv), comme à l’export'
          : 'feuille inconnue (renommée ou ajoutée ?)',
        allowed: table.csv ? [...byId.keys()].map((id) => `${id}.csv`).join(', ') : [...docs.keys()].join(', '),
      });
      continue;
    }
    if (used.has(doc.convention.id)) {
      problems.push({ ...place, message: `document « ${doc.convention.id} » donné deux fois`, allowed: 'un fichier par document' });
      continue;
    }
    used.add(doc.convention.id);
    const { convention } = doc;
    const codes = scaleCodes(convention);
    const rounds = convention.data.rounds ?? [];
    const expected = sheetHeaders(convention);
    const headers = readHeaders(table, expected);
    const { col, missing } = headers;
    problems.push(...headers.problems);
    for (const u of headers.unknown) {
      if (ROUND_LIKE.test(u.header) && u.filled.length > 0) problems.push(unknownRound(table, u, rounds, codes));
      else warnings.push(unknownColumnWarning(table, u, expected));
    }
    warnings.push(...headers.warnings);
    if (missing.length > 0) {
      problems.push({
        ...place,
        row: 1,
        message: `colonne(s) manquante(s) ou renommée(s) : ${missing.join(', ')}`,
        allowed: expected.join(', '),
      });
      continue;
    }
    if (headers.problems.length > 0) continue;
    const where = (h: string) => `${columnLetter(col.get(h)! + 1)} (${h})`;
    // Wordings and comments may span lines; identifiers, numbers, titles, statuses and lists may not.
    const multiline = new Set([HEAD_COLUMNS.wording, NEW_ROUND_COMMENT_HEADER, ...rounds.map((r) => commentHeader(r.label))]);

    table.rows.forEach((row, index) => {
      if (index === 0) return;
      const at = { ...place, row: index + 1 };
      // Every cell read is checked first: a value that could not be read, or an invisible character.
      const unusable = expected.flatMap((h) => {
        const problem = cellProblem(table, index, col.get(h)!, multiline.has(h));
        return problem ? [{ ...at, column: where(h), ...problem }] : [];
      });
      if (unusable.length > 0) {
        problems.push(...unusable);
        return;
      }
      const get = (h: string) => (row[col.get(h)!] ?? '').trim();
      const id = get(HEAD_COLUMNS.id);
      if (!id && expected.every((h) => get(h) === '')) return;
      const action: Action | undefined = actionsById.get(id);
      if (!action || action.data.convention !== convention.id) {
        problems.push({
          ...at,
          column: where(HEAD_COLUMNS.id),
          value: id,
          message: 'identifiant d’action inconnu dans ce document',
          allowed: 'l’identifiant exporté (colonne verrouillée), par exemple ' + doc.actions[0]!.id,
        });
        return;
      }
      if (seen.has(id)) {
        problems.push({ ...at, column: where(HEAD_COLUMNS.id), value: id, message: 'action présente sur plusieurs lignes' });
        return;
      }
      seen.add(id);
      const d = action.data;
      // Locked columns must read as the content does (someone may have lifted the protection).
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
          problems.push({
            ...at,
            column: where(h),
            value: get(h),
            message: 'colonne verrouillée modifiée : elle ne peut pas l’être depuis le classeur',
            allowed: value === '' ? '(vide)' : value,
          });
        }
      }
      const fileEdits: FrontmatterEdit[] = [];
      const statuses = d.statuses ?? [];
      /** The comment cell of a round whose status is (or becomes) `status`: an edit, or a problem. */
      const comment = (header: string, roundLabel: string, before: string | undefined, hasStatus: boolean) => {
        const value = get(header);
        if (value === (before ?? '')) return undefined;
        if (value === '') {
          problems.push({
            ...at,
            column: where(header),
            value: '(vide)',
            message: 'commentaire effacé : l’import ne supprime pas un commentaire publié (retirez-le du fichier de l’action)',
            allowed: before,
          });
          return undefined;
        }
        if (!hasStatus) {
          problems.push({
            ...at,
            column: where(header),
            value,
            message: 'commentaire sans statut : un commentaire accompagne le statut de l’action à ce bilan',
            allowed: `un statut dans la colonne de gauche (${codes.join(', ') || 'aucun : ce document ne suit pas de statut'})`,
          });
          return undefined;
        }
        changes.push({ action: id, file: action.file, kind: 'commentaire', round: roundLabel, from: before ?? '(aucun)', to: value });
        return value;
      };
      rounds.forEach((round, index) => {
        const value = get(round.label);
        const i = statuses.findIndex((s) => s.round === round.id);
        const before = i >= 0 ? statuses[i]!.status : '';
        const note = comment(commentHeader(round.label), round.label, statuses[i]?.comment, value !== '');
        if (note !== undefined && i >= 0) {
          fileEdits.push(
            statuses[i]!.comment === undefined
              ? { kind: 'add-key', path: ['statuses', i], key: 'comment', value: note }
              : { kind: 'set', path: ['statuses', i, 'comment'], value: note },
          );
        }
        if (value === before) return;
        if (value === '') {
          problems.push({
            ...at,
            column: where(round.label),
            value: '(vide)',
            message: 'statut effacé : l’import ne supprime pas un statut publié',
            allowed: before,
          });
          return;
        }
        if (!codes.includes(value)) {
          problems.push({
            ...at,
            column: where(round.label),
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
          fileEdits.push({
            kind: 'add-status',
            round: round.id,
            status: value,
            comment: note,
            before: later >= 0 ? later : undefined,
          });
        }
        changes.push({ action: id, file: action.file, kind: 'statut', round: round.label, from: before || '(aucun)', to: value });
      });
      const next = codes.length > 0 ? get(NEW_ROUND_HEADER) : '';
      if (next !== '' && !newRound) {
        problems.push({
          ...at,
          column: where(NEW_ROUND_HEADER),
          value: next,
          message:
            'nouveau bilan : dites lequel en relançant avec --bilan <identifiant> --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>"',
        });
      } else if (codes.length > 0) {
        const nextComment = comment(NEW_ROUND_COMMENT_HEADER, newRound?.label ?? 'nouveau bilan', undefined, next !== '');
        if (next !== '' && newRound) {
          if (!codes.includes(next)) {
            problems.push({
              ...at,
              column: where(NEW_ROUND_HEADER),
              value: next,
              message: 'statut inconnu pour ce document',
              allowed: codes.join(', '),
            });
          } else if (rounds.some((r) => r.id === newRound.id)) {
            problems.push({
              ...at,
              column: where(NEW_ROUND_HEADER),
              value: newRound.id,
              message: 'ce bilan existe déjà dans le document : sa colonne est celle de son libellé',
              allowed: 'un identifiant de bilan nouveau',
            });
          } else {
            fileEdits.push({ kind: 'add-status', round: newRound.id, status: next, comment: nextComment });
            changes.push({ action: id, file: action.file, kind: 'statut', round: newRound.label, from: '(aucun)', to: next });
            edits.set(convention.file, [{ kind: 'add-round', round: newRound }]);
          }
        }
      }
      for (const [h, field, kind] of [
        [HEAD_COLUMNS.title, 'title', 'titre'],
        [HEAD_COLUMNS.wording, 'wording', 'libellé'],
      ] as const) {
        const value = get(h);
        if (value === d[field]) continue;
        if (value === '') {
          problems.push({ ...at, column: where(h), value: '(vide)', message: `${kind} vide`, allowed: 'un texte' });
          continue;
        }
        fileEdits.push({ kind: 'set', path: [field], value });
        changes.push({ action: id, file: action.file, kind, from: d[field], to: value });
      }
      if (fileEdits.length > 0) edits.set(action.file, fileEdits);
    });
  }
  if (problems.length > 0) return { problems, changes, written: [] };

  // The same checks as the build, on the content with the changes made in memory.
  const changed: RawFile[] = files.map((f) => {
    const e = edits.get(f.file);
    return e ? { ...f, frontmatter: applyToData(f.frontmatter as Record<string, unknown>, e) } : f;
  });
  problems.push(...validateAll(changed).problems);
  if (problems.length > 0) return { problems, changes, written: [] };

  // Every file is edited in memory first: one that cannot be means none is written.
  const texts: { file: string; text: string }[] = [];
  for (const [file, e] of edits) {
    try {
      texts.push({ file, text: editFrontmatter(readFileSync(join(root, file), 'utf8'), e) });
    } catch (error) {
      problems.push({ file, field: '(front matter)', message: (error as Error).message });
    }
  }
  if (problems.length > 0 || dryRun) return { problems, changes, written: [] };
  // Through the journal (journal.ts): stopped anywhere, the content is either untouched or refused
  // by every read until this import is finished or undone (issue 19).
  const written = writeContent(root, contentDir, texts, options);
  return { problems, changes, written };
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

/** The summary of the changes, in French. */
export function formatSummary(changes: Change[]): string {
  const statuses = changes.filter((c) => c.kind === 'statut');
  const comments = changes.filter((c) => c.kind === 'commentaire');
  const texts = changes.filter((c) => c.kind === 'titre' || c.kind === 'libellé');
  const count = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''} modifié${n > 1 ? 's' : ''}`;
  const lines = [`${count(statuses.length, 'statut')}, ${count(comments.length, 'commentaire')}, ${count(texts.length, 'texte')}.`];
  for (const c of statuses) lines.push(`  ${c.action} — ${c.round} : ${c.from} → ${c.to}`);
  for (const c of comments) lines.push(`  ${c.action} — commentaire (${c.round}) : « ${c.from} » → « ${c.to} »`);
  for (const c of texts) lines.push(`  ${c.action} — ${c.kind} : « ${c.from} » → « ${c.to} »`);
  return lines.join('\n');
}
