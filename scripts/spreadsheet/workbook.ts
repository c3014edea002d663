/**
 * The follow-up workbook (classeur .xlsx) that référents handicap fill in after each review round:
 * what its sheets and columns are, and how it is written from the content. The importer
 * (import.ts) reads the same layout back.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SPREADSHEET_CSV, writeCsv } from '../../src/open-data/csv.ts';
import type { Entries, Entry } from '../../src/model/collections.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { ContentError } from '../../src/model/problems.ts';
import {
  cellText,
  documentIndicators,
  INDICATORS_CSV_SUFFIX,
  figureFormat,
  indicatorColumnWidth,
  indicatorCells,
  indicatorHeaders,
  INDICATOR_COLUMNS,
  isEditableIndicatorColumn,
  NEW_INDICATOR_PROMPT,
} from './indicator-sheet.ts';

export const GUIDE_SHEET = "Mode d'emploi";
export const NEW_ROUND_HEADER = 'Nouveau bilan (à renseigner)';
/** The editable comment column beside a round's status column (`statuses[].comment` of that round). */
export const commentHeader = (roundLabel: string) => `Commentaire (${roundLabel})`;
export const NEW_ROUND_COMMENT_HEADER = commentHeader('nouveau bilan');

/**
 * Fixed columns before the round columns, and after them. The number and title come first, frozen
 * with the header row (issue 20): the référent who types statuses far to the right still reads
 * which action each row is, instead of a truncated identifier. The importer finds every column by
 * its header, so a workbook exported with the former order still imports.
 */
export const HEAD_COLUMNS = {
  number: 'numéro',
  title: 'titre',
  id: 'identifiant',
  axis: 'axe',
  objective: 'objectif',
  wording: 'libellé',
} as const;

/** How many columns stay in view when scrolling right: the number and the title. */
export const FROZEN_COLUMNS = 2;
export const TAIL_COLUMNS = { responsible: 'responsables', themes: 'thèmes', audience: 'publics' } as const;

/** Columns the référent may not change (greyed and locked). */
const LOCKED = new Set<string>([
  HEAD_COLUMNS.id,
  HEAD_COLUMNS.number,
  HEAD_COLUMNS.axis,
  HEAD_COLUMNS.objective,
  ...Object.values(TAIL_COLUMNS),
]);

export type Convention = Entry<'conventions'>;
export type Action = Entry<'actions'>;

/** Reads and validates the content; throws the French report when it is invalid. */
export function loadContent(root: string, contentDir = 'content') {
  const { files, problems: readProblems } = readContent(root, contentDir);
  const { entries, problems } = validateAll(files);
  if (readProblems.length + problems.length > 0) throw new ContentError([...readProblems, ...problems]);
  return { files, entries };
}

/** A sheet name Excel accepts (31 characters, no []:*?/\\), made unique among `used` (and added to it). */
export function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 28)} ${n}`;
  used.add(name);
  return name;
}

/** What an indicators sheet's name says before the document's short title (issue 24). */
export const INDICATORS_SHEET_PREFIX = 'Indicateurs – ';

/**
 * The wanted name of a document's Indicateurs sheet: the prefix leaves 17 characters of the 31 to
 * the short title, so a longer one ends with « … » (a cut word shown as cut, not as a name).
 */
const indicatorsSheetTitle = (shortTitle: string) => {
  const full = `${INDICATORS_SHEET_PREFIX}${shortTitle}`;
  return full.length <= 31 ? full : `${full.slice(0, 30).trimEnd()}…`;
};

const hasIndicators = (convention: Convention, actions: Action[]) =>
  (convention.data.indicators ?? []).length > 0 || actions.some((a) => (a.data.indicators ?? []).length > 0);

/**
 * One sheet per document that has actions, named after its short title; and, for a document that
 * follows indicators (its own or its actions'), the name of its « Indicateurs – … » sheet. The
 * status sheets are named first, so that adding indicators never renames one.
 */
export function documentSheets(entries: Entries): { name: string; indicatorsName?: string; convention: Convention; actions: Action[] }[] {
  const used = new Set<string>([GUIDE_SHEET]);
  return [...entries.conventions]
    .sort((a, b) => a.data.order - b.data.order)
    .map((convention) => ({
      convention,
      actions: entries.actions.filter((a) => a.data.convention === convention.id).sort((a, b) => a.data.order - b.data.order),
    }))
    .filter((d) => d.actions.length > 0)
    .map((d) => ({ name: sheetName(d.convention.data.shortTitle, used), ...d }))
    .map((d) =>
      hasIndicators(d.convention, d.actions)
        ? { ...d, indicatorsName: sheetName(indicatorsSheetTitle(d.convention.data.shortTitle), used) }
        : d,
    );
}

/** The document's status codes (the drop-down list), empty when it follows no status. */
export const scaleCodes = (c: Convention) => (c.data.statusScale ?? []).map((s) => s.code);

/** Headers of one document's sheet, in order. */
export function sheetHeaders(c: Convention): string[] {
  const rounds = (c.data.rounds ?? []).flatMap((r) => [r.label, commentHeader(r.label)]);
  const next = scaleCodes(c).length > 0 ? [NEW_ROUND_HEADER, NEW_ROUND_COMMENT_HEADER] : [];
  return [...Object.values(HEAD_COLUMNS), ...rounds, ...next, ...Object.values(TAIL_COLUMNS)];
}

/**
 * The status an action has at the document's latest round where it has one ('' when none, or when
 * the action was withdrawn): what the new-round column is pre-filled with, for the référent to
 * confirm or change (issue 20: a référent changes what moved; every action left as exported keeps
 * a status the référent saw, instead of vanishing from the published plan).
 */
export function prefilledStatus(c: Convention, action: Action): string {
  if (action.data.withdrawn) return '';
  const statuses = action.data.statuses ?? [];
  for (const round of [...(c.data.rounds ?? [])].reverse()) {
    const found = statuses.find((s) => s.round === round.id);
    if (found) return found.status;
  }
  return '';
}

/** What the new-round cells say when selected (the pre-fill must be seen as such, not taken for a review). */
export const NEW_ROUND_PROMPT = 'Statut du dernier bilan, à confirmer ou changer. Une cellule vidée = action non évaluée.';

/** One document's rows as text, in the order of `sheetHeaders`: the workbook sheet and the CSV file hold the same. */
export function documentRows(c: Convention, actions: Action[]): string[][] {
  const rounds = c.data.rounds ?? [];
  const followed = scaleCodes(c).length > 0;
  return actions.map((action) => {
    const { id, data: d } = action;
    const status = (round: string) => d.statuses?.find((s) => s.round === round);
    const next = followed ? [prefilledStatus(c, action), ''] : [];
    const head: Record<string, string> = {
      [HEAD_COLUMNS.number]: d.number ?? '',
      [HEAD_COLUMNS.title]: d.title,
      [HEAD_COLUMNS.id]: id,
      [HEAD_COLUMNS.axis]: d.axis,
      [HEAD_COLUMNS.objective]: d.objective ?? '',
      [HEAD_COLUMNS.wording]: d.wording,
    };
    return [
      ...Object.values(HEAD_COLUMNS).map((h) => head[h]!),
      ...rounds.flatMap((r) => [status(r.id)?.status ?? '', status(r.id)?.comment ?? '']),
      ...next,
      (d.responsible ?? []).join(', '),
      d.themes.join(', '),
      d.audience.join(', '),
    ];
  });
}

/** The guide sheet's lines, for the .xlsx (buildWorkbook) and the .ods (ods-ecriture.ts) writers. */
export const GUIDE = [
  'Classeur de suivi des plans et conventions handicap',
  '',
  'Ce classeur sert à mettre à jour les statuts des actions après chaque bilan annuel.',
  'Chaque feuille suivante correspond à un document ; chaque ligne, à une action.',
  '',
  'Ce que vous pouvez modifier (cellules blanches) :',
  '• les colonnes de bilan (une par bilan déjà publié) : choisissez le statut dans la liste déroulante ;',
  '• la colonne « Commentaire (…) » à droite de chaque bilan : le commentaire de ce bilan sur l’action ;',
  '• le titre et le libellé d’une action, pour corriger une faute de transcription.',
  '',
  'Ce qui est verrouillé (cellules grises) : numéro, identifiant, axe, objectif, responsables, thèmes, publics.',
  'Le numéro et le titre de chaque action restent visibles quand vous faites défiler vers la droite.',
  'Ne modifiez pas ces colonnes, n’ajoutez ni ne supprimez de ligne, ne renommez pas les feuilles.',
  '',
  `La colonne « ${NEW_ROUND_HEADER} » (et son commentaire) sert au bilan suivant. Elle est pré-remplie avec le statut`,
  'du dernier bilan de chaque action, à confirmer ou changer : changez seulement ce qui a bougé, laissez le reste tel quel',
  '(ce statut sera confirmé au nouveau bilan). Une cellule vidée signifie « action non évaluée » : l’import la refuse,',
  'sauf si vous ajoutez --non-evalues pour publier ces actions sans statut à ce bilan.',
  'Un document dont la colonne est laissée telle qu’exportée (ni statut changé, ni commentaire) ne reçoit pas de nouveau bilan.',
  'Nommez le bilan à l’import, avec une note pour la date de mise à jour du document (--note, facultative) :',
  '  npm run tableur:importer -- classeur.xlsx --bilan bilan-2026 --libelle "Bilan 2026" --date 2026-12 --note "Bilan 2026 présenté en CSA"',
  '(ou --periode "2026" au lieu de --date). Le bilan est ajouté au document ; exportez ensuite un nouveau classeur.',
  '',
  `Les feuilles « ${INDICATORS_SHEET_PREFIX}… » donnent les chiffres suivis par un document et ses actions : une ligne par indicateur,`,
  'avec sa valeur de départ, sa cible et sa valeur à chaque bilan. Au nouveau bilan, tapez la valeur de chaque indicateur',
  `dans la colonne « ${NEW_ROUND_HEADER} » : un nombre, sans unité ni signe % (6,4 ou 6.4) ; laissez la cellule vide`,
  'si le chiffre n’est pas connu (vide ne veut pas dire zéro). Sa source (« Rapport social unique 2026 ») va dans la colonne voisine.',
  'Ces valeurs sont importées avec les statuts, au même bilan (--bilan) ; le reste de la feuille est verrouillé.',
  '',
  'Pour enregistrer vos modifications sur le site :',
  '1. vérifiez sans rien écrire : npm run tableur:importer -- classeur.xlsx --essai',
  '2. puis importez : npm run tableur:importer -- classeur.xlsx',
  'L’import signale toutes les erreurs à la fois (feuille, ligne, colonne, valeur trouvée, valeurs permises)',
  'et n’écrit rien tant qu’il en reste une.',
];

/** Column widths, in characters: the frozen number and title narrow enough to leave room for the statuses. */
const WIDTHS: Record<string, number> = {
  [HEAD_COLUMNS.number]: 10,
  [HEAD_COLUMNS.title]: 40,
  [HEAD_COLUMNS.id]: 34,
  [HEAD_COLUMNS.wording]: 80,
};

/** A column's width in characters: a wide text column, a long header, or a short one. */
export const columnWidth = (header: string, wide: boolean): number => (wide ? 50 : header.length > 12 ? 24 : 14);

/**
 * How a column of a document's sheet is laid out, by its header: width (characters), whether its
 * text wraps, whether it is locked (grey) and whether it takes a status (drop-down). One answer
 * for both workbooks, the .xlsx here and the .ods (ods-ecriture.ts).
 */
export function columnLayout(convention: Convention, header: string): { width: number; wide: boolean; locked: boolean; isStatus: boolean } {
  const rounds = convention.data.rounds ?? [];
  const isComment = rounds.some((r) => commentHeader(r.label) === header) || header === NEW_ROUND_COMMENT_HEADER;
  const wide = header === HEAD_COLUMNS.wording || header === HEAD_COLUMNS.title || isComment;
  return {
    width: WIDTHS[header] ?? columnWidth(header, wide),
    wide,
    locked: LOCKED.has(header),
    isStatus: rounds.some((r) => r.label === header) || header === NEW_ROUND_HEADER,
  };
}

/** The fill of the cells a référent does not type in: grey, as the guide says. */
export const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

/** A data cell of a follow-up sheet: locked and grey unless the référent types in it; a wide column wraps. */
function layCell(cell: ExcelJS.Cell, { locked, wide }: { locked: boolean; wide: boolean }): void {
  cell.protection = { locked };
  if (locked) cell.fill = GREY;
  if (wide) cell.alignment = { wrapText: true, vertical: 'top' };
}

/** Builds the workbook from validated entries. */
export async function buildWorkbook(entries: Entries): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'conventions-handicap';
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 120;
  GUIDE.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  for (const { name, indicatorsName, convention, actions } of documentSheets(entries)) {
    await addStatusSheet(workbook, name, convention, actions);
    if (indicatorsName) await addIndicatorSheet(workbook, indicatorsName, convention, actions);
  }
  return workbook;
}

/**
 * The protection of a document's sheets: locked cells stay selectable (to copy them); the other
 * cells can be edited.
 */
const protectSheet = (sheet: ExcelJS.Worksheet) =>
  sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });

/** A document's status sheet: one row per action. */
async function addStatusSheet(workbook: ExcelJS.Workbook, name: string, convention: Convention, actions: Action[]): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: FROZEN_COLUMNS, ySplit: 1 }] });
  const headers = sheetHeaders(convention);
  const codes = scaleCodes(convention);
  sheet.addRow(headers).font = { bold: true };
  for (const row of documentRows(convention, actions)) sheet.addRow(row);
  // Excel's inline list: codes separated by commas, 255 characters at most. A scale that does
  // not fit gets no drop-down; the importer checks the codes all the same.
  const inline = `"${codes.join(',')}"`;
  const list = codes.length > 0 && !codes.some((c) => /[,"]/.test(c)) && inline.length <= 257 ? inline : undefined;
  headers.forEach((header, i) => {
    const { width, wide, locked, isStatus } = columnLayout(convention, header);
    sheet.getColumn(i + 1).width = width;
    if (header === NEW_ROUND_HEADER) sheet.getCell(1, i + 1).note = NEW_ROUND_PROMPT;
    for (let row = 2; row <= actions.length + 1; row++) {
      const cell = sheet.getCell(row, i + 1);
      layCell(cell, { locked, wide });
      if (isStatus && list) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: 'Statut inconnu',
          error: `Choisissez un statut de la liste : ${codes.join(', ')}.`,
          ...(header === NEW_ROUND_HEADER ? { showInputMessage: true, promptTitle: 'Nouveau bilan', prompt: NEW_ROUND_PROMPT } : {}),
        };
      }
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  await protectSheet(sheet);
}

/**
 * A document's Indicateurs sheet (issue 24): one row per indicator, figures as numbers shown in
 * the reader's language (6,4 in French), everything locked but the new round's value and source.
 */
async function addIndicatorSheet(workbook: ExcelJS.Workbook, name: string, convention: Convention, actions: Action[]): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = indicatorHeaders(convention);
  sheet.addRow(headers).font = { bold: true };
  const rows = documentIndicators(convention, actions);
  for (const row of rows) sheet.addRow(indicatorCells(convention, row));
  headers.forEach((header, i) => {
    const locked = !isEditableIndicatorColumn(header);
    const wide = header === INDICATOR_COLUMNS.label;
    sheet.getColumn(i + 1).width = indicatorColumnWidth(header);
    if (header === NEW_ROUND_HEADER) sheet.getCell(1, i + 1).note = NEW_INDICATOR_PROMPT;
    for (let r = 2; r <= rows.length + 1; r++) {
      const cell = sheet.getCell(r, i + 1);
      layCell(cell, { locked, wide });
      if (typeof cell.value === 'number') cell.numFmt = figureFormat(cell.value);
      if (header === NEW_ROUND_HEADER) {
        cell.dataValidation = {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [-1e15, 1e15],
          showErrorMessage: true,
          errorTitle: 'Valeur illisible',
          error: 'Tapez un nombre, sans unité ni signe %.',
          showInputMessage: true,
          promptTitle: 'Nouveau bilan',
          prompt: NEW_INDICATOR_PROMPT,
        };
      }
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  await protectSheet(sheet);
}

/** Writes the workbook of the content under `root/contentDir` to `file`. */
export async function exportWorkbook(file: string, root: string, contentDir = 'content'): Promise<{ sheets: number; rows: number }> {
  const { entries } = loadContent(root, contentDir);
  const workbook = await buildWorkbook(entries);
  await workbook.xlsx.writeFile(file);
  const sheets = documentSheets(entries);
  return { sheets: sheets.length, rows: sheets.reduce((n, s) => n + s.actions.length, 0) };
}

/**
 * Writes one CSV file per document that has actions (a CSV holds one table), `<document>.csv` in
 * `dir`, and `<document>.indicateurs.csv` for one that follows indicators; or only the document `only`. Same columns and rows as the workbook's sheets; a cell that
 * starts like a formula is written after an apostrophe, which `readCsv` removes (issue 19). The
 * workbook needs none: exceljs stores every text as a shared string, never as a formula (tested).
 */
export function exportCsv(dir: string, root: string, contentDir = 'content', only?: string): { files: string[]; rows: number } {
  const { entries } = loadContent(root, contentDir);
  const all = documentSheets(entries);
  const sheets = only === undefined ? all : all.filter((d) => d.convention.id === only);
  if (sheets.length === 0) {
    throw new Error(
      `aucun document « ${only} » avec des actions ; documents permis : ${all.map((d) => d.convention.id).join(', ') || '(aucun)'}`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (file: string, rows: string[][]) => {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, writeCsv(rows, SPREADSHEET_CSV));
    renameSync(temp, file);
    files.push(file);
  };
  for (const { convention, actions, indicatorsName } of sheets) {
    write(join(dir, `${convention.id}.csv`), [sheetHeaders(convention), ...documentRows(convention, actions)]);
    // The Indicateurs sheet as a file of its own (issue 24), figures written the French way (6,4).
    if (indicatorsName) {
      const rows = documentIndicators(convention, actions).map((row) => indicatorCells(convention, row).map(cellText));
      write(join(dir, `${convention.id}${INDICATORS_CSV_SUFFIX}`), [indicatorHeaders(convention), ...rows]);
    }
  }
  return { files, rows: sheets.reduce((n, s) => n + s.actions.length, 0) };
}
