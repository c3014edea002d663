/**
 * The new-document template (modèle): a blank workbook a référent fills in to publish a new
 * convention or plan, and its import. Sheets: "Mode d'emploi", "Document" (one row per field of
 * the convention, then a small table for its parties and one for its status scale), "Actions"
 * (one row per action, with its axis and objective), "Listes" (the closed lists behind the
 * drop-downs, with their meaning). The import checks every cell, builds the document with
 * document.ts (the same writer as `npm run nouveau:document`) and writes all its files or none.
 */
import ExcelJS from 'exceljs';
import type { z } from 'astro/zod';
import {
  CONVENTION_KINDS,
  GENERIC_LEVELS,
  NUMBERING_LABELS,
  NUMBERING_SCOPES,
  PARTY_ROLES,
  conventionSchema,
} from '../../src/model/convention.ts';
import { describedField, jsonSchemaOf, type JsonSchema } from '../../src/model/fields.ts';
import { textPatternMultiline } from '../../src/model/characters.ts';
import { STATUSES, STATUS_KEYS } from '../../src/model/statuses.ts';
import { THEMES, THEME_KEYS } from '../../src/model/themes.ts';
import { AUDIENCES, AUDIENCE_KEYS } from '../../src/model/audiences.ts';
import { SLUG_PATTERN } from '../../src/model/ids.ts';
import type { Problem } from '../../src/model/problems.ts';
import { checkNewDocument, writeNewDocument, type NewDocument } from './document.ts';
import type { WriteOptions } from './journal.ts';
import {
  cellProblem,
  cellValue,
  columnLetter,
  readHeaders,
  readWorkbook,
  sheetTable,
  unknownColumnWarning,
  type SheetProblem,
  type Table,
} from './reading.ts';
import { GUIDE_SHEET } from './workbook.ts';

export const DOCUMENT_SHEET = 'Document';
export const ACTIONS_SHEET = 'Actions';
export const LISTS_SHEET = 'Listes';

/** How many parties and status codes the template has room for. */
export const PARTY_ROWS = 4;
export const SCALE_ROWS = 6;
/** Rows of the Actions sheet prepared with drop-downs and text format. */
const ACTION_ROWS = 500;

/** One field of the Document sheet: its label (column A), its path in the convention, its help (column C). */
export interface Field {
  label: string;
  path: string;
  help: string;
  /** A text that may span lines (the summary). */
  multiline?: boolean;
  list?: 'kinds' | 'numbering';
  value?: string;
}

/**
 * Where a field of the convention schema sits on the Document sheet. Its label and help are the
 * schema's (`.meta()`, src/model/convention.ts, issue 21); the sheet only adds what is its own:
 * the level's word before the three levels' fields, which share their labels ("Axe : nom au
 * singulier"), the drop-down, the prefilled value, and a note that ties a field to another sheet.
 */
interface FieldRow {
  /** The path the import gives the value ("rounds.0.id": the template has room for one round). */
  path: string;
  /** Written before the field's label: the level the field belongs to. */
  prefix?: string;
  /** The label of the group before the field's ("Bilan : identifiant"). */
  qualified?: boolean;
  note?: string;
  list?: Field['list'];
  value?: string;
}

const levelRows = (key: keyof typeof GENERIC_LEVELS): FieldRow[] => {
  const prefix = GENERIC_LEVELS[key].singular;
  return [
    { path: `levels.${key}.singular`, prefix, value: GENERIC_LEVELS[key].singular },
    { path: `levels.${key}.plural`, prefix, value: GENERIC_LEVELS[key].plural },
    { path: `levels.${key}.label`, prefix, value: `${GENERIC_LEVELS[key].singular} {n}` },
  ];
};

/** The single-value fields of the Document sheet, in order, after the file name. */
const FIELD_ROWS: FieldRow[] = [
  { path: 'title' },
  { path: 'shortTitle' },
  { path: 'kind', list: 'kinds' },
  { path: 'issuer' },
  { path: 'reference' },
  { path: 'dates.signed' },
  { path: 'dates.inForce' },
  { path: 'dates.end' },
  { path: 'summary' },
  { path: 'published' },
  { path: 'source.file' },
  ...levelRows('axis'),
  ...levelRows('objective'),
  ...levelRows('action'),
  { path: 'levels.action.numbering', prefix: GENERIC_LEVELS.action.singular, list: 'numbering', value: NUMBERING_LABELS.document },
  {
    path: 'rounds.0.id',
    qualified: true,
    note: 'Seulement si la feuille Actions donne des statuts : le bilan qui les a établis.',
  },
  { path: 'rounds.0.label', qualified: true },
  { path: 'rounds.0.date', qualified: true },
  { path: 'rounds.0.period', qualified: true },
];

/** The file name, which no schema field holds: the first row of the sheet. */
const ID_FIELD: Field = {
  label: 'Identifiant (nom du fichier)',
  path: 'id',
  help: 'Minuscules sans accent, chiffres et tirets : il devient l’adresse du document (par exemple cnrs-fiphfp-2027-2029). Doit être nouveau.',
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** A row of the sheet from its schema field: the label, then the help ("Facultatif : …" for an optional field). */
function fieldOf(root: JsonSchema, row: FieldRow): Field {
  const schemaPath = row.path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .join('.');
  const { title, description, required, schema } = describedField(root, schemaPath, { qualified: row.qualified });
  // Without a help of its own, a format (dates) says what to type; the free-text pattern is no format.
  const format = schema.pattern !== undefined && textPatternMultiline(schema.pattern) === undefined ? schema.patternMessage : undefined;
  const base = description ?? format;
  const help = [
    row.note,
    base && sentence(required ? base.charAt(0).toUpperCase() + base.slice(1) : `Facultatif : ${lowerFirst(base)}`),
    row.list && 'Choisissez dans la liste.',
  ].filter(Boolean);
  return {
    label: row.prefix ? `${row.prefix} : ${lowerFirst(title)}` : title,
    path: row.path,
    help: help.join(' '),
    ...(schema.multiline ? { multiline: true } : {}),
    ...(row.list ? { list: row.list } : {}),
    ...(row.value ? { value: row.value } : {}),
  };
}

/** The fields of the Document sheet, labels and help taken from `schema` (the model's, or a test's). */
export function templateFields(schema: z.ZodType = conventionSchema): Field[] {
  const root = jsonSchemaOf(schema);
  return [ID_FIELD, ...FIELD_ROWS.map((row) => fieldOf(root, row))];
}

/** The single-value fields of the Document sheet, in order. */
export const FIELDS: Field[] = templateFields();

/** Rows of the Document sheet: the fields from row 2, then the parties' table, then the scale's. */
const FIELD_ROW = (i: number) => i + 2;
const PARTIES_HEAD = FIELDS.length + 3;
const PARTY_ROW = (i: number) => PARTIES_HEAD + 1 + i;
const SCALE_HEAD = PARTY_ROW(PARTY_ROWS) + 1;
const SCALE_ROW = (i: number) => SCALE_HEAD + 1 + i;

/** Columns of the Actions sheet. */
export const ACTION_COLUMNS = {
  axis: 'numéro d’axe',
  axisTitle: 'titre de l’axe',
  objective: 'numéro d’objectif',
  objectiveTitle: 'titre de l’objectif',
  number: 'numéro d’action',
  title: 'titre',
  wording: 'libellé',
  status: 'statut',
  comment: 'commentaire',
  theme1: 'thème 1',
  theme2: 'thème 2',
  theme3: 'thème 3',
  audience1: 'public 1',
  audience2: 'public 2',
  audience3: 'public 3',
  responsible: 'responsables',
  due: 'échéance',
} as const;
const ACTION_HEADERS = Object.values(ACTION_COLUMNS);

/** Closed lists of the Listes sheet: column, header, labels (shown in drop-downs), keys (in the content). */
const LISTS = {
  kinds: { column: 'A', header: 'Types de document', labels: Object.values(CONVENTION_KINDS), keys: Object.keys(CONVENTION_KINDS) },
  roles: { column: 'B', header: 'Rôles des parties', labels: Object.values(PARTY_ROLES), keys: Object.keys(PARTY_ROLES) },
  statuses: { column: 'C', header: 'Statuts communs', labels: STATUS_KEYS.map((k) => STATUSES[k].label), keys: [...STATUS_KEYS] },
  numbering: {
    column: 'D',
    header: 'Numérotation des actions',
    labels: Object.values(NUMBERING_LABELS),
    keys: [...NUMBERING_SCOPES] as string[],
  },
  themes: { column: 'E', header: 'Thèmes', labels: THEME_KEYS.map((k) => THEMES[k].label), keys: [...THEME_KEYS] as string[] },
  audiences: {
    column: 'G',
    header: 'Publics',
    labels: AUDIENCE_KEYS.map((k) => AUDIENCES[k].label),
    keys: [...AUDIENCE_KEYS] as string[],
  },
} as const;
type ListName = keyof typeof LISTS;
const listRange = (name: ListName) => {
  const l = LISTS[name];
  return `${LISTS_SHEET}!$${l.column}$2:$${l.column}$${l.labels.length + 1}`;
};
/** A label or a key of the list → its key; undefined when it is neither. */
const keyOf = (name: ListName, value: string): string | undefined => {
  const l = LISTS[name];
  // Spreadsheets turn ' into ’ as one types: both read the same, and so does the case.
  const norm = (s: string) => s.replace(/[’ʼ‘`]/g, "'").toLowerCase();
  const i = l.labels.findIndex((x) => norm(x) === norm(value));
  return i >= 0 ? l.keys[i] : l.keys.find((k) => k === value);
};
const allowedOf = (name: ListName) => (LISTS[name].labels as readonly string[]).join(', ');

const GUIDE = [
  'Modèle de nouveau document (convention, plan d’actions, circulaire)',
  '',
  'Remplissez ce classeur pour publier un nouveau document sur le site, puis importez-le :',
  '1. vérifiez sans rien écrire : npm run tableur:importer -- modele-rempli.xlsx --essai',
  '2. puis créez les fichiers : npm run tableur:importer -- modele-rempli.xlsx',
  'L’import signale toutes les erreurs à la fois (feuille, ligne, colonne, valeur trouvée, valeurs permises) et n’écrit rien tant qu’il en reste une.',
  'Il crée content/conventions/<identifiant>.mdx et les axes, objectifs et actions dans content/axes/<identifiant>/, content/objectives/<identifiant>/ et content/actions/<identifiant>/.',
  '',
  `Feuille « ${DOCUMENT_SHEET} » : une ligne par renseignement, à saisir dans la colonne B (cellules blanches) ; l’aide est en colonne C.`,
  '• Les mots des niveaux (Axe, Objectif, Action) sont pré-remplis : remplacez-les par ceux du document s’il en emploie d’autres (Thème, Section, Article, Engagement).',
  '• Parties : une ligne par signataire ou partie (nom, rôle choisi dans la liste) ; au moins une.',
  '• Échelle de statuts : un code par ligne (tel qu’imprimé : R, EC…), sa légende et le statut commun qu’il veut dire (liste). Laissez vide si le document ne suit pas de statut.',
  '• Bilan : si vous donnez des statuts aux actions, nommez le bilan qui les a établis (identifiant, libellé, date ou période).',
  '',
  `Feuille « ${ACTIONS_SHEET} » : une ligne par action, dans l’ordre du document.`,
  '• Le titre d’un axe (et d’un objectif) se donne sur sa première ligne ; les lignes suivantes peuvent ne donner que son numéro.',
  '• Laissez les colonnes d’objectif vides pour une action rangée directement sous son axe.',
  '• Numéros tels qu’imprimés (1, 2, 1.3) ; statut choisi dans l’échelle de la feuille Document ; un à trois thèmes et publics choisis dans les listes.',
  '• Responsables : séparés par des points-virgules (RH ; DISC). Échéance : telle qu’imprimée (« 2nd sem. 2027 »).',
  '',
  `Feuille « ${LISTS_SHEET} » : les listes fermées des menus déroulants et ce que veut dire chaque thème et chaque public.`,
  'Ne renommez pas les feuilles et ne déplacez pas les lignes de la feuille Document.',
];

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const listValidation = (formula: string, title: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [formula],
  showErrorMessage: true,
  errorTitle: title,
  error: 'Choisissez une valeur de la liste.',
});

/** The blank template workbook. */
export async function buildTemplate(fields: Field[] = FIELDS): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'conventions-handicap';
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 140;
  GUIDE.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const doc = workbook.addWorksheet(DOCUMENT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  doc.getColumn(1).width = 36;
  doc.getColumn(2).width = 60;
  doc.getColumn(3).width = 60;
  doc.getColumn(4).width = 28;
  doc.addRow(['Champ', 'Valeur', 'Aide']).font = { bold: true };
  const value = (cell: ExcelJS.Cell) => {
    cell.protection = { locked: false };
    cell.numFmt = '@';
    cell.alignment = { wrapText: true, vertical: 'top' };
  };
  fields.forEach((f, i) => {
    const row = doc.getRow(FIELD_ROW(i));
    row.getCell(1).value = f.label;
    row.getCell(3).value = f.help;
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).fill = GREY;
    row.getCell(3).fill = GREY;
    const cell = row.getCell(2);
    value(cell);
    if (f.value) cell.value = f.value;
    if (f.list) cell.dataValidation = listValidation(listRange(f.list === 'kinds' ? 'kinds' : 'numbering'), f.label);
  });
  const head = (r: number, cells: string[]) => {
    const row = doc.getRow(r);
    cells.forEach((c, i) => {
      row.getCell(i + 1).value = c;
      row.getCell(i + 1).fill = GREY;
    });
    row.font = { bold: true };
  };
  head(PARTIES_HEAD, ['Parties', 'nom', 'rôle']);
  for (let i = 0; i < PARTY_ROWS; i++) {
    const row = doc.getRow(PARTY_ROW(i));
    row.getCell(1).value = `Partie ${i + 1}`;
    row.getCell(1).fill = GREY;
    value(row.getCell(2));
    value(row.getCell(3));
    row.getCell(3).dataValidation = listValidation(listRange('roles'), 'Rôle');
  }
  head(SCALE_HEAD, ['Échelle de statuts', 'code', 'légende', 'statut commun']);
  for (let i = 0; i < SCALE_ROWS; i++) {
    const row = doc.getRow(SCALE_ROW(i));
    row.getCell(1).value = `Statut ${i + 1}`;
    row.getCell(1).fill = GREY;
    for (const c of [2, 3, 4]) value(row.getCell(c));
    row.getCell(4).dataValidation = listValidation(listRange('statuses'), 'Statut commun');
  }
  await doc.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const actions = workbook.addWorksheet(ACTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  actions.addRow(ACTION_HEADERS).font = { bold: true };
  const scaleCodes = `${DOCUMENT_SHEET}!$B$${SCALE_ROW(0)}:$B$${SCALE_ROW(SCALE_ROWS - 1)}`;
  ACTION_HEADERS.forEach((header, i) => {
    const column = actions.getColumn(i + 1);
    column.width = header === ACTION_COLUMNS.wording ? 70 : header.startsWith('titre') || header === ACTION_COLUMNS.comment ? 40 : 16;
    column.numFmt = '@';
    const list =
      header === ACTION_COLUMNS.status
        ? listValidation(scaleCodes, 'Statut')
        : header.startsWith('thème')
          ? listValidation(listRange('themes'), 'Thème')
          : header.startsWith('public')
            ? listValidation(listRange('audiences'), 'Public')
            : undefined;
    if (list) for (let r = 2; r <= ACTION_ROWS + 1; r++) actions.getCell(r, i + 1).dataValidation = list;
  });

  const lists = workbook.addWorksheet(LISTS_SHEET);
  for (const [name, l] of Object.entries(LISTS) as [ListName, (typeof LISTS)[ListName]][]) {
    const c = lists.getColumn(l.column);
    c.width = 34;
    lists.getCell(`${l.column}1`).value = l.header;
    lists.getCell(`${l.column}1`).font = { bold: true };
    l.labels.forEach((label, i) => (lists.getCell(`${l.column}${i + 2}`).value = label));
    if (name === 'themes' || name === 'audiences') {
      const next = String.fromCharCode(l.column.charCodeAt(0) + 1);
      lists.getColumn(next).width = 80;
      lists.getCell(`${next}1`).value = 'Ce que cela recouvre';
      lists.getCell(`${next}1`).font = { bold: true };
      l.keys.forEach((k, i) => {
        const description =
          name === 'themes' ? THEMES[k as keyof typeof THEMES].description : AUDIENCES[k as keyof typeof AUDIENCES].description;
        lists.getCell(`${next}${i + 2}`).value = description;
      });
    }
  }
  await lists.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return workbook;
}

/** A workbook made from the template (it has the Document and Actions sheets as the template lays them out). */
export function isTemplate(workbook: ExcelJS.Workbook): boolean {
  const doc = workbook.getWorksheet(DOCUMENT_SHEET);
  const a1 = doc === undefined ? undefined : cellValue(doc.getCell('A1'));
  return workbook.getWorksheet(ACTIONS_SHEET) !== undefined && typeof a1 === 'string' && a1.trim() === 'Champ';
}

export interface TemplateResult {
  problems: (SheetProblem | Problem)[];
  /** What the import left aside without it being an error (an unknown column or sheet): the command repeats it. */
  warnings: SheetProblem[];
  id: string;
  /** Files of the new document (relative to the root), planned or written. */
  files: string[];
  /** Files written; empty on a trial run or when anything is wrong. */
  written: string[];
}

type Place = { sheet: string; row: number; column: string };

/** Sheets of the template; any other one is reported as left aside. */
const TEMPLATE_SHEETS = [GUIDE_SHEET, DOCUMENT_SHEET, ACTIONS_SHEET, LISTS_SHEET];
/** Columns of the template's Actions sheet whose text may span lines. */
const MULTILINE_ACTION_COLUMNS = new Set<string>([ACTION_COLUMNS.wording, ACTION_COLUMNS.comment]);

/** How many columns (A, B…) row `row` of the Document sheet uses; 0 for the blank rows between its tables. */
function documentColumns(row: number): number {
  if (row === 1 || (row >= FIELD_ROW(0) && row <= FIELD_ROW(FIELDS.length - 1))) return 3;
  if (row >= PARTIES_HEAD && row <= PARTY_ROW(PARTY_ROWS - 1)) return 3;
  if (row >= SCALE_HEAD && row <= SCALE_ROW(SCALE_ROWS - 1)) return 4;
  return 0;
}

/**
 * The cells of the Document sheet that the import reads (column B of each field; the parties'
 * name and role; the scale's code, legend and common status), each checked by `cellProblem`.
 */
function documentCellProblems(doc: Table): SheetProblem[] {
  const cell = (row: number, column: number, label: string, multiline = false) => ({ row, column, label, multiline });
  const cells = [
    ...FIELDS.map((f, i) => cell(FIELD_ROW(i), 2, `B (${f.label})`, f.multiline)),
    ...Array.from({ length: PARTY_ROWS }, (_, i) => [cell(PARTY_ROW(i), 2, 'B (nom)'), cell(PARTY_ROW(i), 3, 'C (rôle)')]).flat(),
    ...Array.from({ length: SCALE_ROWS }, (_, i) => [
      cell(SCALE_ROW(i), 2, 'B (code)'),
      cell(SCALE_ROW(i), 3, 'C (légende)'),
      cell(SCALE_ROW(i), 4, 'D (statut commun)'),
    ]).flat(),
  ];
  return cells.flatMap(({ row, column, label, multiline }) => {
    const problem = cellProblem(doc, row - 1, column - 1, multiline);
    return problem ? [{ sheet: DOCUMENT_SHEET, row, column: label, ...problem }] : [];
  });
}

/** The cells of the Actions sheet that the import reads, each checked by `cellProblem`. */
function actionCellProblems(actions: Table, col: Map<string, number>): SheetProblem[] {
  return actions.rows.slice(1).flatMap((_, i) =>
    ACTION_HEADERS.flatMap((h) => {
      const problem = cellProblem(actions, i + 1, col.get(h)!, MULTILINE_ACTION_COLUMNS.has(h));
      return problem ? [{ sheet: ACTIONS_SHEET, row: i + 2, column: `${columnLetter(col.get(h)! + 1)} (${h})`, ...problem }] : [];
    }),
  );
}

/**
 * What the template import leaves aside: sheets the template does not have, columns of the
 * Actions sheet it does not know, cells of the Document sheet outside its tables.
 */
function templateWarnings(workbook: ExcelJS.Workbook, doc: Table, actions: Table): SheetProblem[] {
  const headers = readHeaders(actions, ACTION_HEADERS);
  const warnings: SheetProblem[] = workbook.worksheets
    .filter((s) => !TEMPLATE_SHEETS.includes(s.name))
    .map((s) => ({
      sheet: s.name,
      message: 'feuille que le modèle n’a pas : son contenu n’est pas importé (les actions se saisissent dans la feuille Actions)',
      allowed: TEMPLATE_SHEETS.join(', '),
    }));
  const outside = doc.rows.flatMap((cells, r) =>
    cells.flatMap((v, c) =>
      c + 1 > documentColumns(r + 1) && (v.trim() !== '' || doc.unreadable?.has(`${r}:${c}`)) ? [`${columnLetter(c + 1)}${r + 1}`] : [],
    ),
  );
  warnings.push(...headers.unknown.map((u) => unknownColumnWarning(actions, u, ACTION_HEADERS)), ...headers.warnings);
  if (outside.length > 0) {
    warnings.push({
      sheet: DOCUMENT_SHEET,
      message: `${outside.length === 1 ? 'cellule remplie' : `${outside.length} cellules remplies`} hors des tableaux du modèle, non importée${outside.length === 1 ? '' : 's'} : ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? '…' : ''} ; une valeur se saisit en colonne B, en face de son champ`,
    });
  }
  return warnings;
}

/** Reads a filled-in template and creates the new document's files (unless `dryRun`). */
export async function importTemplate(
  source: string | ExcelJS.Workbook,
  options: { root: string; contentDir?: string; dryRun?: boolean } & WriteOptions,
): Promise<TemplateResult> {
  const workbook = typeof source === 'string' ? await readWorkbook(source) : source;
  const doc = sheetTable(workbook.getWorksheet(DOCUMENT_SHEET)!);
  const actions = sheetTable(workbook.getWorksheet(ACTIONS_SHEET)!);
  return { ...createFromTables(doc, actions, options), warnings: templateWarnings(workbook, doc, actions) };
}

/** The template's Document and Actions sheets checked, then the document's files created. */
function createFromTables(
  docTable: Table,
  actTable: Table,
  options: { root: string; contentDir?: string; dryRun?: boolean } & WriteOptions,
): Omit<TemplateResult, 'warnings'> {
  const { root, contentDir = 'content', dryRun = false } = options;
  const problems: (SheetProblem | Problem)[] = [];
  const text = (table: Table, row: number, col: number) => (table.rows[row - 1]?.[col - 1] ?? '').trim();
  const at = (sheet: string, row: number, column: string): Place => ({ sheet, row, column });
  const fail = (place: Place, message: string, value?: string, allowed?: string) =>
    problems.push({ ...place, message, ...(value !== undefined ? { value: value || '(vide)' } : {}), ...(allowed ? { allowed } : {}) });

  // --- Document sheet: each field found by its label, so that a moved row is caught, not misread.
  const where = new Map<string, Place>();
  const values = new Map<string, string>();
  FIELDS.forEach((f, i) => {
    const row = FIELD_ROW(i);
    const label = text(docTable, row, 1);
    if (label !== f.label) {
      fail(
        at(DOCUMENT_SHEET, row, 'A (Champ)'),
        'ligne déplacée ou renommée : les lignes de la feuille Document ne se déplacent pas',
        label,
        f.label,
      );
      return;
    }
    where.set(f.path, at(DOCUMENT_SHEET, row, `B (${f.label})`));
    values.set(f.path, text(docTable, row, 2));
  });
  // Every cell read, in both sheets, is checked before anything is built from it (a value that
  // could not be read, an invisible character): each reported once, all at once.
  const actionHeaders = readHeaders(actTable, ACTION_HEADERS);
  const { col, missing, problems: duplicates } = actionHeaders;
  if (problems.length === 0) {
    problems.push(...documentCellProblems(docTable));
    if (missing.length === 0 && duplicates.length === 0) problems.push(...actionCellProblems(actTable, col));
  }
  if (problems.length > 0) return { problems, id: '', files: [], written: [] };
  const get = (path: string) => values.get(path) || undefined;

  const id = get('id') ?? '';
  if (!SLUG_PATTERN.test(id)) {
    fail(
      where.get('id')!,
      'identifiant inutilisable dans une adresse web',
      id,
      'minuscules sans accent, chiffres et tirets (par exemple cnrs-fiphfp-2027-2029)',
    );
  }
  const kind = get('kind');
  const kindKey = kind === undefined ? undefined : keyOf('kinds', kind);
  if (kind !== undefined && kindKey === undefined) fail(where.get('kind')!, 'type de document inconnu', kind, allowedOf('kinds'));
  const numbering = get('levels.action.numbering');
  const numberingKey = numbering === undefined ? undefined : keyOf('numbering', numbering);
  if (numbering !== undefined && numberingKey === undefined) {
    fail(where.get('levels.action.numbering')!, 'numérotation inconnue', numbering, allowedOf('numbering'));
  }

  const parties: Record<string, string>[] = [];
  for (let i = 0; i < PARTY_ROWS; i++) {
    const row = PARTY_ROW(i);
    const [name, role] = [text(docTable, row, 2), text(docTable, row, 3)];
    if (!name && !role) continue;
    const roleKey = keyOf('roles', role);
    if (!name) fail(at(DOCUMENT_SHEET, row, 'B (nom)'), 'partie sans nom', '', 'le nom de la partie');
    if (!roleKey) fail(at(DOCUMENT_SHEET, row, 'C (rôle)'), 'rôle inconnu', role, allowedOf('roles'));
    where.set(`parties.${parties.length}.name`, at(DOCUMENT_SHEET, row, 'B (nom)'));
    where.set(`parties.${parties.length}.role`, at(DOCUMENT_SHEET, row, 'C (rôle)'));
    parties.push({ name, role: roleKey ?? role });
  }
  where.set('parties', at(DOCUMENT_SHEET, PARTY_ROW(0), 'B (nom)'));

  const scale: Record<string, string>[] = [];
  for (let i = 0; i < SCALE_ROWS; i++) {
    const row = SCALE_ROW(i);
    const [code, legend, status] = [text(docTable, row, 2), text(docTable, row, 3), text(docTable, row, 4)];
    if (!code && !legend && !status) continue;
    const statusKey = keyOf('statuses', status);
    if (!code) fail(at(DOCUMENT_SHEET, row, 'B (code)'), 'statut sans code', '', 'le code tel qu’imprimé (R, EC…)');
    if (!legend) fail(at(DOCUMENT_SHEET, row, 'C (légende)'), 'statut sans légende', '', 'la légende telle qu’imprimée');
    if (!statusKey) fail(at(DOCUMENT_SHEET, row, 'D (statut commun)'), 'statut commun inconnu', status, allowedOf('statuses'));
    where.set(`statusScale.${scale.length}.code`, at(DOCUMENT_SHEET, row, 'B (code)'));
    where.set(`statusScale.${scale.length}.legend`, at(DOCUMENT_SHEET, row, 'C (légende)'));
    where.set(`statusScale.${scale.length}.status`, at(DOCUMENT_SHEET, row, 'D (statut commun)'));
    where.set(`statusScale.${scale.length}`, at(DOCUMENT_SHEET, row, 'B (code)'));
    scale.push({ code, legend, status: statusKey ?? status });
  }
  if (scale.length > 0) where.set('statusScale', where.get('statusScale.0')!);
  where.set('rounds', where.get('rounds.0.id')!);
  const codes = scale.map((s) => s.code);
  const round = get('rounds.0.id');

  // --- Actions sheet: headers by name; an axis (objective) is named on one of its rows at least.
  if (missing.length > 0) {
    problems.push({
      sheet: ACTIONS_SHEET,
      row: 1,
      message: `colonne(s) manquante(s) ou renommée(s) : ${missing.join(', ')}`,
      allowed: ACTION_HEADERS.join(', '),
    });
  }
  problems.push(...duplicates);
  if (missing.length + duplicates.length > 0) return { problems, id, files: [], written: [] };
  const cellAt = (row: number, h: string): Place => at(ACTIONS_SHEET, row, `${columnLetter(col.get(h)! + 1)} (${h})`);
  const axes = new Map<string, { title: string; row: number }>();
  const objectives = new Map<string, { axis: string; number: string; title: string; row: number }>();
  const rows: { row: number; get: (h: string) => string }[] = [];
  for (let r = 2; r <= actTable.rows.length; r++) {
    const get = (h: string) => text(actTable, r, col.get(h)! + 1);
    if (ACTION_HEADERS.every((h) => get(h) === '')) continue;
    rows.push({ row: r, get });
    const axis = get(ACTION_COLUMNS.axis);
    const name = (map: Map<string, { title: string; row: number }>, k: string, h: string, extra: Record<string, string>, what: string) => {
      const title = get(h);
      if (!title) return;
      const known = map.get(k);
      if (known && known.title !== title) {
        fail(cellAt(r, h), `titre différent de celui donné ligne ${known.row} pour ${what}`, title, known.title);
      } else if (!known) map.set(k, { title, row: r, ...extra });
    };
    if (axis) name(axes, axis, ACTION_COLUMNS.axisTitle, {}, `l’axe ${axis}`);
    const objective = get(ACTION_COLUMNS.objective);
    if (axis && objective) {
      name(
        objectives,
        `${axis}\u0000${objective}`,
        ACTION_COLUMNS.objectiveTitle,
        { axis, number: objective },
        `l’objectif ${objective} de l’axe ${axis}`,
      );
    } else if (!objective && get(ACTION_COLUMNS.objectiveTitle)) {
      fail(cellAt(r, ACTION_COLUMNS.objective), 'titre d’objectif sans numéro', '', 'le numéro de l’objectif, ou aucun titre');
    }
  }

  const actions: Record<string, unknown>[] = [];
  const actionWhere = new Map<number, (field: string) => Place>();
  const numbered = new Map<string, number>();
  /** Rows that give a status while the Document sheet names no round. */
  const unnamed: number[] = [];
  const axisList = () => [...axes.keys()].join(', ') || '(aucun axe titré)';
  for (const { row, get } of rows) {
    const axis = get(ACTION_COLUMNS.axis);
    const objective = get(ACTION_COLUMNS.objective) || undefined;
    if (!axis) fail(cellAt(row, ACTION_COLUMNS.axis), 'numéro d’axe manquant', '', axisList());
    else if (!axes.has(axis)) {
      fail(
        cellAt(row, ACTION_COLUMNS.axis),
        'axe inconnu : aucune ligne ne donne le titre de cet axe',
        axis,
        `${axisList()}, ou le titre de l’axe dans la colonne « ${ACTION_COLUMNS.axisTitle} »`,
      );
    } else if (objective && !objectives.has(`${axis}\u0000${objective}`)) {
      const known = [...objectives.values()].filter((o) => o.axis === axis).map((o) => o.number);
      fail(
        cellAt(row, ACTION_COLUMNS.objective),
        `objectif inconnu dans l’axe ${axis} : aucune ligne ne donne son titre`,
        objective,
        `${known.join(', ') || '(aucun objectif titré dans cet axe)'}, ou le titre de l’objectif dans la colonne « ${ACTION_COLUMNS.objectiveTitle} »`,
      );
    }
    // Numbers are unique where the document restarts them: the file names depend on it.
    const number = get(ACTION_COLUMNS.number);
    if (!number) fail(cellAt(row, ACTION_COLUMNS.number), 'numéro d’action manquant', '', 'le numéro tel qu’imprimé (1, 12, 1.3)');
    else {
      const scope = (numberingKey ?? 'document') as keyof typeof NUMBERING_LABELS;
      const k = [scope === 'document' ? '' : axis, scope === 'objective' ? (objective ?? '') : '', number].join('\u0000');
      const other = numbered.get(k);
      if (other !== undefined) {
        fail(
          cellAt(row, ACTION_COLUMNS.number),
          `numéro déjà donné ligne ${other}, ${NUMBERING_LABELS[scope].toLowerCase()}`,
          number,
          'un numéro unique',
        );
      } else numbered.set(k, row);
    }
    const status = get(ACTION_COLUMNS.status);
    const comment = get(ACTION_COLUMNS.comment);
    if (status && !codes.includes(status)) {
      fail(
        cellAt(row, ACTION_COLUMNS.status),
        'statut inconnu de l’échelle du document (feuille Document)',
        status,
        codes.join(', ') || '(aucun : la feuille Document ne donne pas d’échelle de statuts)',
      );
    }
    if (status && !round) unnamed.push(row);
    if (comment && !status)
      fail(cellAt(row, ACTION_COLUMNS.comment), 'commentaire sans statut', comment, 'un statut dans la colonne « statut »');
    const pick = (list: 'themes' | 'audiences', headers: string[], what: string) => {
      const keys: string[] = [];
      for (const h of headers) {
        const v = get(h);
        if (!v) continue;
        const k = keyOf(list, v);
        if (k === undefined) fail(cellAt(row, h), `${what} inconnu`, v, allowedOf(list));
        else if (!keys.includes(k)) keys.push(k);
      }
      if (keys.length === 0 && headers.every((h) => !get(h)))
        fail(cellAt(row, headers[0]!), `au moins un ${what} est attendu`, '', allowedOf(list));
      return keys;
    };
    const themes = pick('themes', [ACTION_COLUMNS.theme1, ACTION_COLUMNS.theme2, ACTION_COLUMNS.theme3], 'thème');
    const audience = pick('audiences', [ACTION_COLUMNS.audience1, ACTION_COLUMNS.audience2, ACTION_COLUMNS.audience3], 'public');
    const responsible = get(ACTION_COLUMNS.responsible)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    const due = get(ACTION_COLUMNS.due);
    actions.push({
      axis,
      objective,
      number: get(ACTION_COLUMNS.number) || undefined,
      title: get(ACTION_COLUMNS.title) || undefined,
      wording: get(ACTION_COLUMNS.wording) || undefined,
      statuses: status && round ? [{ round, status, ...(comment ? { comment } : {}) }] : undefined,
      responsible: responsible.length > 0 ? responsible : undefined,
      dates: due ? { due } : undefined,
      themes,
      audience,
    });
    const fieldColumn: Record<string, string> = {
      axis: ACTION_COLUMNS.axis,
      objective: ACTION_COLUMNS.objective,
      number: ACTION_COLUMNS.number,
      title: ACTION_COLUMNS.title,
      wording: ACTION_COLUMNS.wording,
      statuses: ACTION_COLUMNS.status,
      'statuses.0.comment': ACTION_COLUMNS.comment,
      responsible: ACTION_COLUMNS.responsible,
      dates: ACTION_COLUMNS.due,
      themes: ACTION_COLUMNS.theme1,
      audience: ACTION_COLUMNS.audience1,
    };
    actionWhere.set(actions.length - 1, (field) => {
      const key = Object.keys(fieldColumn)
        .filter((k) => field === k || field.startsWith(`${k}.`))
        .sort((a, b) => b.length - a.length)[0];
      return cellAt(row, fieldColumn[key ?? 'number']!);
    });
  }
  if (unnamed.length > 0) {
    fail(
      where.get('rounds.0.id')!,
      `statuts donnés dans la feuille Actions (ligne${unnamed.length > 1 ? 's' : ''} ${unnamed.slice(0, 5).join(', ')}${unnamed.length > 5 ? '…' : ''}) sans bilan : nommez le bilan qui les a établis`,
      '',
      'un identifiant de bilan (bilan-2027)',
    );
  }
  if (!round && (['label', 'date', 'period'] as const).some((k) => get(`rounds.0.${k}`))) {
    fail(
      where.get('rounds.0.id')!,
      'bilan sans identifiant : son libellé, sa date ou sa période sont donnés',
      '',
      'un identifiant de bilan (bilan-2027)',
    );
  }
  if (problems.length > 0) return { problems, id, files: [], written: [] };

  const levelsOf = (key: 'axis' | 'objective' | 'action') => ({
    singular: get(`levels.${key}.singular`),
    plural: get(`levels.${key}.plural`),
    label: get(`levels.${key}.label`),
    ...(key === 'action' && numberingKey ? { numbering: numberingKey } : {}),
  });
  const dates = Object.fromEntries(
    (['signed', 'inForce', 'end'] as const).filter((k) => get(`dates.${k}`)).map((k) => [k, get(`dates.${k}`)]),
  );
  const doc: NewDocument = {
    id,
    convention: {
      title: get('title'),
      shortTitle: get('shortTitle'),
      kind: kindKey,
      issuer: get('issuer'),
      reference: get('reference'),
      parties,
      dates,
      summary: get('summary'),
      levels: { axis: levelsOf('axis'), objective: levelsOf('objective'), action: levelsOf('action') },
      statusScale: scale.length > 0 ? scale : undefined,
      rounds: round ? [{ id: round, label: get('rounds.0.label'), date: get('rounds.0.date'), period: get('rounds.0.period') }] : undefined,
      published: get('published'),
      source: { file: get('source.file') },
    },
    axes: [...axes].map(([number, a]) => ({ number, title: a.title })),
    objectives: [...objectives.values()].map(({ axis, number, title }) => ({ axis, number, title })),
    actions,
  };
  // Undefined values inside nested objects are left out, as the file will not hold them.
  const prune = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(prune)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .map(([k, x]) => [k, prune(x)]),
          )
        : v;
  doc.convention = prune(doc.convention) as Record<string, unknown>;
  doc.actions = doc.actions.map((a) => prune(a) as Record<string, unknown>);

  const { planned, problems: found } = checkNewDocument(root, contentDir, doc);
  const conventionFile = planned[0]!.file;
  // A problem in a new file is put back where the référent typed the value.
  const axisRow = new Map([...axes].map(([n, a]) => [n, a.row]));
  const objectiveRow = new Map([...objectives.values()].map((o) => [`${o.axis}\u0000${o.number}`, o.row]));
  for (const p of found) {
    const file = planned.find((f) => f.file === p.file);
    if (!file) {
      problems.push(p);
      continue;
    }
    let place: Place | undefined;
    if (file.file === conventionFile) {
      const field = p.field === '(nom du fichier)' ? 'id' : p.field;
      const key = [...where.keys()].filter((k) => field === k || field.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
      place = key ? where.get(key) : undefined;
    } else if (file.collection === 'actions') {
      place = actionWhere.get((file.data.order as number) - 1)?.(p.field);
    } else if (file.collection === 'axes') {
      const row = axisRow.get(file.data.number as string)!;
      place = cellAt(row, p.field === 'number' ? ACTION_COLUMNS.axis : ACTION_COLUMNS.axisTitle);
    } else if (file.collection === 'objectives') {
      const row = objectiveRow.get(`${file.data.axis as string}\u0000${file.data.number as string}`)!;
      place = cellAt(row, p.field === 'number' ? ACTION_COLUMNS.objective : ACTION_COLUMNS.objectiveTitle);
    }
    if (!place) {
      problems.push(p);
      continue;
    }
    const value = p.value === undefined ? undefined : typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
    problems.push({
      ...place,
      message: `${p.message} (${p.file}, champ « ${p.field} »)`,
      ...(value !== undefined ? { value } : {}),
      ...(p.allowed ? { allowed: p.allowed } : {}),
    });
  }
  if (problems.length === 0 && !dryRun) writeNewDocument(root, planned, { contentDir, origin: options.origin, onStep: options.onStep });
  return { problems, id, files: planned.map((p) => p.file), written: problems.length === 0 && !dryRun ? planned.map((p) => p.file) : [] };
}
