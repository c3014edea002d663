/**
 * The new-document template (modèle): a blank workbook a référent fills in to publish a new
 * convention or plan, and its import. Sheets: "Mode d'emploi", "Document" (one row per field of
 * the convention, then a small table for its parties and one for its status scale), "Actions"
 * (one row per action, measure or commitment, with its axis and objective and its notes; under it,
 * one row per lettered sub-item), "Listes" (the closed lists behind the drop-downs, with their
 * meaning). The import checks every cell, builds the document with document.ts (the same writer
 * as `npm run nouveau:document`) and writes all its files or none.
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
import { ACTION_KINDS } from '../../src/model/action.ts';
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
import { GREY, GUIDE_SHEET } from './workbook.ts';
import {
  addIndicatorTemplateSheet,
  INDICATOR_TEMPLATE_GUIDE,
  INDICATORS_TEMPLATE_SHEET,
  readTemplateIndicators,
  type TemplateIndicators,
} from './template-indicators.ts';

export const DOCUMENT_SHEET = 'Document';
export const ACTIONS_SHEET = 'Actions';
export const LISTS_SHEET = 'Listes';

/** The headings of the Document sheet's two small tables, in column A. */
export const PARTIES_HEADING = 'Parties';
export const SCALE_HEADING = 'Échelle de statuts';

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
  /** The schema requires it. */
  required?: boolean;
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
    ...(required ? { required: true } : {}),
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
  axisNote: 'note de l’axe',
  objective: 'numéro d’objectif',
  objectiveTitle: 'titre de l’objectif',
  kind: 'nature',
  number: 'numéro d’action',
  subItem: 'sous-élément',
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
  note: 'note',
} as const;
const ACTION_HEADERS = Object.values(ACTION_COLUMNS);
/** Columns of the template's Actions sheet whose text may span lines (in a note's, each line is one note). */
const MULTILINE_ACTION_COLUMNS = new Set<string>([
  ACTION_COLUMNS.wording,
  ACTION_COLUMNS.comment,
  ACTION_COLUMNS.note,
  ACTION_COLUMNS.axisNote,
]);

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
  itemKinds: { column: 'I', header: 'Natures des éléments', labels: Object.values(ACTION_KINDS), keys: Object.keys(ACTION_KINDS) },
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
  '• Un axe (ou un objectif) sans action se déclare sur une ligne qui ne donne que son numéro et son titre.',
  '• Laissez les colonnes d’objectif vides pour une action rangée directement sous son axe.',
  '• Numéros tels qu’imprimés (1, 2, 1.3) ; statut choisi dans l’échelle de la feuille Document ; un à trois thèmes et publics choisis dans les listes.',
  '• Responsables : séparés par des points-virgules (RH ; DISC). Échéance : telle qu’imprimée (« 2nd sem. 2027 »).',
  `• « ${ACTION_COLUMNS.kind} » : ${allowedOf('itemKinds')}, choisie dans la liste ; vide, c’est une action. Seule une mesure peut n’avoir pas de numéro (laissez « ${ACTION_COLUMNS.number} » vide) : son fichier se nomme alors par son rang dans son axe (axe-8-mesure-1 pour la première de l’axe 8).`,
  `• Points lettrés (a., b., c.) imprimés sous une action : une ligne chacun, juste sous leur action, la lettre dans « ${ACTION_COLUMNS.subItem} » (a, b, c), le texte dans « ${ACTION_COLUMNS.wording} », et s’il y a lieu son statut et son échéance ; ses autres colonnes restent vides (numéros d’axe et d’objectif : vides ou ceux de l’action).`,
  `• Remarques du document : « ${ACTION_COLUMNS.note} » sur l’élément de la ligne, « ${ACTION_COLUMNS.axisNote} » sur l’axe (donnée une fois, comme son titre) ; plusieurs remarques : une par ligne dans la cellule (Alt+Entrée dans Excel, Ctrl+Entrée dans LibreOffice).`,
  '',
  ...INDICATOR_TEMPLATE_GUIDE,
  '',
  `Feuille « ${LISTS_SHEET} » : les listes fermées des menus déroulants et ce que veut dire chaque thème et chaque public.`,
  'Ne renommez pas les feuilles et ne déplacez pas les lignes de la feuille Document.',
];

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
  head(PARTIES_HEAD, [PARTIES_HEADING, 'nom', 'rôle']);
  for (let i = 0; i < PARTY_ROWS; i++) {
    const row = doc.getRow(PARTY_ROW(i));
    row.getCell(1).value = `Partie ${i + 1}`;
    row.getCell(1).fill = GREY;
    value(row.getCell(2));
    value(row.getCell(3));
    row.getCell(3).dataValidation = listValidation(listRange('roles'), 'Rôle');
  }
  head(SCALE_HEAD, [SCALE_HEADING, 'code', 'légende', 'statut commun']);
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
    column.width = header === ACTION_COLUMNS.wording ? 70 : header.startsWith('titre') || MULTILINE_ACTION_COLUMNS.has(header) ? 40 : 16;
    column.numFmt = '@';
    const list =
      header === ACTION_COLUMNS.status
        ? listValidation(scaleCodes, 'Statut')
        : header === ACTION_COLUMNS.kind
          ? listValidation(listRange('itemKinds'), 'Nature')
          : header.startsWith('thème')
            ? listValidation(listRange('themes'), 'Thème')
            : header.startsWith('public')
              ? listValidation(listRange('audiences'), 'Public')
              : undefined;
    if (list) for (let r = 2; r <= ACTION_ROWS + 1; r++) actions.getCell(r, i + 1).dataValidation = list;
  });

  addIndicatorTemplateSheet(workbook);

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
const TEMPLATE_SHEETS = [GUIDE_SHEET, DOCUMENT_SHEET, ACTIONS_SHEET, INDICATORS_TEMPLATE_SHEET, LISTS_SHEET];

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
  // The Indicateurs sheet is optional: a template made before issue 24 has none.
  const indicatorSheet = workbook.getWorksheet(INDICATORS_TEMPLATE_SHEET);
  const indicators = indicatorSheet && sheetTable(indicatorSheet);
  return { ...createFromTables(doc, actions, options, indicators), warnings: templateWarnings(workbook, doc, actions) };
}

/** The problems of an import, gathered as the sheets are read, each at its cell. */
interface Report {
  problems: (SheetProblem | Problem)[];
  fail: (place: Place, message: string, value?: string, allowed?: string) => void;
}

function newReport(): Report {
  const problems: Report['problems'] = [];
  const fail: Report['fail'] = (place, message, value, allowed) =>
    problems.push({ ...place, message, ...(value !== undefined ? { value: value || '(vide)' } : {}), ...(allowed ? { allowed } : {}) });
  return { problems, fail };
}

/** The trimmed text of a cell, rows and columns counted from 1. */
const cellText = (table: Table, row: number, col: number) => (table.rows[row - 1]?.[col - 1] ?? '').trim();
const at = (sheet: string, row: number, column: string): Place => ({ sheet, row, column });

/** Where each value of the Document sheet was typed, by its path in the convention ("parties.0.role"). */
type Places = Map<string, Place>;

/**
 * Step 1, the Document sheet's column A: each field found by its label, so that a moved row is
 * caught, not misread. Gives each field's value and the cell it comes from.
 */
function readFieldRows(doc: Table, report: Report): { values: Map<string, string>; where: Places } {
  const where: Places = new Map();
  const values = new Map<string, string>();
  FIELDS.forEach((f, i) => {
    const row = FIELD_ROW(i);
    const label = cellText(doc, row, 1);
    if (label !== f.label) {
      report.fail(
        at(DOCUMENT_SHEET, row, 'A (Champ)'),
        'ligne déplacée ou renommée : les lignes de la feuille Document ne se déplacent pas',
        label,
        f.label,
      );
      return;
    }
    where.set(f.path, at(DOCUMENT_SHEET, row, `B (${f.label})`));
    values.set(f.path, cellText(doc, row, 2));
  });
  return { values, where };
}

/** What the Document sheet says, its values checked against the closed lists. */
interface DocumentSheet {
  get: (path: string) => string | undefined;
  where: Places;
  id: string;
  kindKey?: string;
  numberingKey?: string;
  parties: Record<string, string>[];
  scale: Record<string, string>[];
  /** The identifier of the round the Actions sheet's statuses come from. */
  round?: string;
}

/** Step 2, the Document sheet: the identifier, the drop-downs, then its two tables. */
function readDocumentSheet(doc: Table, values: Map<string, string>, where: Places, report: Report): DocumentSheet {
  const get = (path: string) => values.get(path) || undefined;
  const id = get('id') ?? '';
  if (!SLUG_PATTERN.test(id)) {
    report.fail(
      where.get('id')!,
      'identifiant inutilisable dans une adresse web',
      id,
      'minuscules sans accent, chiffres et tirets (par exemple cnrs-fiphfp-2027-2029)',
    );
  }
  const kind = get('kind');
  const kindKey = kind === undefined ? undefined : keyOf('kinds', kind);
  if (kind !== undefined && kindKey === undefined) report.fail(where.get('kind')!, 'type de document inconnu', kind, allowedOf('kinds'));
  const numbering = get('levels.action.numbering');
  const numberingKey = numbering === undefined ? undefined : keyOf('numbering', numbering);
  if (numbering !== undefined && numberingKey === undefined) {
    report.fail(where.get('levels.action.numbering')!, 'numérotation inconnue', numbering, allowedOf('numbering'));
  }
  const parties = readParties(doc, where, report);
  const scale = readScale(doc, where, report);
  where.set('rounds', where.get('rounds.0.id')!);
  return { get, where, id, kindKey, numberingKey, parties, scale, round: get('rounds.0.id') };
}

/** The parties' table of the Document sheet: one party per row with a name or a role. */
function readParties(doc: Table, where: Places, report: Report): Record<string, string>[] {
  const parties: Record<string, string>[] = [];
  for (let i = 0; i < PARTY_ROWS; i++) {
    const row = PARTY_ROW(i);
    const [name, role] = [cellText(doc, row, 2), cellText(doc, row, 3)];
    if (!name && !role) continue;
    const roleKey = keyOf('roles', role);
    if (!name) report.fail(at(DOCUMENT_SHEET, row, 'B (nom)'), 'partie sans nom', '', 'le nom de la partie');
    if (!roleKey) report.fail(at(DOCUMENT_SHEET, row, 'C (rôle)'), 'rôle inconnu', role, allowedOf('roles'));
    where.set(`parties.${parties.length}.name`, at(DOCUMENT_SHEET, row, 'B (nom)'));
    where.set(`parties.${parties.length}.role`, at(DOCUMENT_SHEET, row, 'C (rôle)'));
    parties.push({ name, role: roleKey ?? role });
  }
  where.set('parties', at(DOCUMENT_SHEET, PARTY_ROW(0), 'B (nom)'));
  return parties;
}

/** The status scale's table of the Document sheet: one code per row with a code, a legend or a status. */
function readScale(doc: Table, where: Places, report: Report): Record<string, string>[] {
  const scale: Record<string, string>[] = [];
  for (let i = 0; i < SCALE_ROWS; i++) {
    const row = SCALE_ROW(i);
    const [code, legend, status] = [cellText(doc, row, 2), cellText(doc, row, 3), cellText(doc, row, 4)];
    if (!code && !legend && !status) continue;
    const statusKey = keyOf('statuses', status);
    if (!code) report.fail(at(DOCUMENT_SHEET, row, 'B (code)'), 'statut sans code', '', 'le code tel qu’imprimé (R, EC…)');
    if (!legend) report.fail(at(DOCUMENT_SHEET, row, 'C (légende)'), 'statut sans légende', '', 'la légende telle qu’imprimée');
    if (!statusKey) report.fail(at(DOCUMENT_SHEET, row, 'D (statut commun)'), 'statut commun inconnu', status, allowedOf('statuses'));
    where.set(`statusScale.${scale.length}.code`, at(DOCUMENT_SHEET, row, 'B (code)'));
    where.set(`statusScale.${scale.length}.legend`, at(DOCUMENT_SHEET, row, 'C (légende)'));
    where.set(`statusScale.${scale.length}.status`, at(DOCUMENT_SHEET, row, 'D (statut commun)'));
    where.set(`statusScale.${scale.length}`, at(DOCUMENT_SHEET, row, 'B (code)'));
    scale.push({ code, legend, status: statusKey ?? status });
  }
  if (scale.length > 0) where.set('statusScale', where.get('statusScale.0')!);
  return scale;
}

/** A non-blank row of the Actions sheet: its number and its cells by header. */
interface ActionRow {
  row: number;
  get: (header: string) => string;
}
/** The Actions sheet's cell of a row under a header, as a problem names it: "E (numéro d’action)". */
type CellAt = (row: number, header: string) => Place;

/** The axes and objectives the Actions sheet names, each with the first row that gives its title. */
interface Structure {
  axes: Map<string, { title: string; row: number }>;
  objectives: Map<string, { axis: string; number: string; title: string; row: number }>;
  /** The « note de l’axe » cell of each axis that has one (its text in `title`), with its row. */
  axisNotes: Map<string, { title: string; row: number }>;
}
const objectiveKey = (axis: string, number: string) => `${axis}\u0000${number}`;

/** The Actions sheet's non-blank rows. */
function actionRows(actions: Table, col: Map<string, number>): ActionRow[] {
  const rows: ActionRow[] = [];
  for (let r = 2; r <= actions.rows.length; r++) {
    const get = (h: string) => cellText(actions, r, col.get(h)! + 1);
    if (ACTION_HEADERS.every((h) => get(h) === '')) continue;
    rows.push({ row: r, get });
  }
  return rows;
}

/** The columns that name an axis or an objective, not an item. */
const STRUCTURE_COLUMNS = new Set<string>([
  ACTION_COLUMNS.axis,
  ACTION_COLUMNS.axisTitle,
  ACTION_COLUMNS.axisNote,
  ACTION_COLUMNS.objective,
  ACTION_COLUMNS.objectiveTitle,
]);

/** Step 3, the Actions sheet's first pass: an axis (objective) is named on one of its rows at least, the same on every row. */
function readStructure(rows: ActionRow[], cellAt: CellAt, report: Report): Structure {
  const axes: Structure['axes'] = new Map();
  const objectives: Structure['objectives'] = new Map();
  const axisNotes: Structure['axisNotes'] = new Map();
  // A sub-item's row names nothing: it belongs to the action above it (readActions).
  for (const { row: r, get } of rows.filter(({ get }) => !get(ACTION_COLUMNS.subItem))) {
    const axis = get(ACTION_COLUMNS.axis);
    const name = (map: Map<string, { title: string; row: number }>, k: string, h: string, extra: Record<string, string>, what: string) => {
      const title = get(h);
      if (!title) return;
      const known = map.get(k);
      if (known && known.title !== title) {
        const differs = h === ACTION_COLUMNS.axisNote ? 'note différente de celle donnée' : 'titre différent de celui donné';
        report.fail(cellAt(r, h), `${differs} ligne ${known.row} pour ${what}`, title, known.title);
      } else if (!known) map.set(k, { title, row: r, ...extra });
    };
    if (axis) {
      name(axes, axis, ACTION_COLUMNS.axisTitle, {}, `l’axe ${axis}`);
      name(axisNotes, axis, ACTION_COLUMNS.axisNote, {}, `l’axe ${axis}`);
    }
    const objective = get(ACTION_COLUMNS.objective);
    if (axis && objective) {
      name(
        objectives,
        objectiveKey(axis, objective),
        ACTION_COLUMNS.objectiveTitle,
        { axis, number: objective },
        `l’objectif ${objective} de l’axe ${axis}`,
      );
    } else if (!objective && get(ACTION_COLUMNS.objectiveTitle)) {
      report.fail(cellAt(r, ACTION_COLUMNS.objective), 'titre d’objectif sans numéro', '', 'le numéro de l’objectif, ou aucun titre');
    }
  }
  return { axes, objectives, axisNotes };
}

/** The notes of a cell: one per line, blank lines left out; undefined when there is none. */
const notesOf = (cell: string): string[] | undefined => {
  const notes = cell
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return notes.length > 0 ? notes : undefined;
};

/** The action fields each Actions column gives, to put a problem of the new file back in its cell. */
const FIELD_COLUMN: Record<string, string> = {
  axis: ACTION_COLUMNS.axis,
  objective: ACTION_COLUMNS.objective,
  kind: ACTION_COLUMNS.kind,
  number: ACTION_COLUMNS.number,
  title: ACTION_COLUMNS.title,
  wording: ACTION_COLUMNS.wording,
  statuses: ACTION_COLUMNS.status,
  'statuses.0.comment': ACTION_COLUMNS.comment,
  responsible: ACTION_COLUMNS.responsible,
  dates: ACTION_COLUMNS.due,
  themes: ACTION_COLUMNS.theme1,
  audience: ACTION_COLUMNS.audience1,
  notes: ACTION_COLUMNS.note,
};

/** The sub-item fields each Actions column gives, on the sub-item's own row. */
const SUB_ITEM_COLUMN: Record<string, string> = {
  letter: ACTION_COLUMNS.subItem,
  text: ACTION_COLUMNS.wording,
  status: ACTION_COLUMNS.status,
  dates: ACTION_COLUMNS.due,
};

/** What a sub-item's row may give: its letter, text, status and due date, and its action's axis and objective. */
const SUB_ITEM_HEADERS = new Set<string>([ACTION_COLUMNS.axis, ACTION_COLUMNS.objective, ...Object.values(SUB_ITEM_COLUMN)]);

/** The key of the most specific field of `fields` that `field` ("statuses.0.comment") is, or is inside. */
const fieldKey = (fields: Record<string, string>, field: string) =>
  Object.keys(fields)
    .filter((k) => field === k || field.startsWith(`${k}.`))
    .sort((a, b) => b.length - a.length)[0];

/** The actions read, in order, with the cell of each of their fields. */
interface ActionsRead {
  actions: Record<string, unknown>[];
  /** By the action's index: the cell a field of it ("statuses.0.comment", "subItems.1.text") was typed in. */
  actionWhere: Map<number, (field: string) => Place>;
}

/** One action being read: its data, its row, and the rows of its sub-items. */
interface ActionRead {
  data: Record<string, unknown>;
  row: number;
  subRows: number[];
}

/** Step 4, the Actions sheet's second pass: one action per row, each cell checked against the document and the lists; sub-items under theirs. */
function readActions(rows: ActionRow[], structure: Structure, sheet: DocumentSheet, cellAt: CellAt, report: Report): ActionsRead {
  const codes = sheet.scale.map((s) => s.code);
  const read: ActionRead[] = [];
  const numbered = new Map<string, number>();
  /** Rows that give a status while the Document sheet names no round. */
  const unnamed: number[] = [];
  const checkStatus = (row: number, status: string) => {
    if (status && !codes.includes(status)) {
      report.fail(
        cellAt(row, ACTION_COLUMNS.status),
        'statut inconnu de l’échelle du document (feuille Document)',
        status,
        codes.join(', ') || '(aucun : la feuille Document ne donne pas d’échelle de statuts)',
      );
    }
  };
  for (const { row, get } of rows) {
    if (get(ACTION_COLUMNS.subItem)) {
      readSubItem(row, get, read.at(-1), checkStatus, cellAt, report);
      continue;
    }
    // A row that only names an axis (or objective) declares it without an item: an axis with no
    // action yet, as a plan may have (readStructure took its number and title).
    if (get(ACTION_COLUMNS.axis) && ACTION_HEADERS.every((h) => STRUCTURE_COLUMNS.has(h) || get(h) === '')) continue;
    const axis = get(ACTION_COLUMNS.axis);
    const objective = get(ACTION_COLUMNS.objective) || undefined;
    const kindCell = get(ACTION_COLUMNS.kind);
    const kind = kindCell ? keyOf('itemKinds', kindCell) : 'action';
    if (kind === undefined) report.fail(cellAt(row, ACTION_COLUMNS.kind), 'nature inconnue', kindCell, allowedOf('itemKinds'));
    checkPlace(row, get, structure, cellAt, report);
    checkNumber(row, get, kind, sheet, numbered, cellAt, report);
    const status = get(ACTION_COLUMNS.status);
    const comment = get(ACTION_COLUMNS.comment);
    checkStatus(row, status);
    if (status && !sheet.round) unnamed.push(row);
    if (comment && !status)
      report.fail(cellAt(row, ACTION_COLUMNS.comment), 'commentaire sans statut', comment, 'un statut dans la colonne « statut »');
    const pick = (list: 'themes' | 'audiences', headers: string[], what: string) => pickKeys(row, get, list, headers, what, cellAt, report);
    const themes = pick('themes', [ACTION_COLUMNS.theme1, ACTION_COLUMNS.theme2, ACTION_COLUMNS.theme3], 'thème');
    const audience = pick('audiences', [ACTION_COLUMNS.audience1, ACTION_COLUMNS.audience2, ACTION_COLUMNS.audience3], 'public');
    const responsible = get(ACTION_COLUMNS.responsible)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    const due = get(ACTION_COLUMNS.due);
    const round = sheet.round;
    // In the order of the content's files (src/model/action.ts, frontmatter.ts): sub-items after the statuses, notes last.
    read.push({
      row,
      subRows: [],
      data: {
        axis,
        objective,
        kind: kind ?? kindCell,
        number: get(ACTION_COLUMNS.number) || undefined,
        title: get(ACTION_COLUMNS.title) || undefined,
        wording: get(ACTION_COLUMNS.wording) || undefined,
        statuses: status && round ? [{ round, status, ...(comment ? { comment } : {}) }] : undefined,
        subItems: undefined,
        responsible: responsible.length > 0 ? responsible : undefined,
        dates: due ? { due } : undefined,
        themes,
        audience,
        notes: notesOf(get(ACTION_COLUMNS.note)),
      },
    });
  }
  checkRound(sheet, unnamed, report);
  const actionWhere = new Map<number, (field: string) => Place>();
  read.forEach(({ row, subRows }, i) => {
    actionWhere.set(i, (field) => {
      const sub = /^subItems\.(\d+)(?:\.(.*))?$/.exec(field);
      const subRow = sub ? subRows[Number(sub[1])] : undefined;
      if (sub && subRow !== undefined) return cellAt(subRow, SUB_ITEM_COLUMN[fieldKey(SUB_ITEM_COLUMN, sub[2] ?? '') ?? 'letter']!);
      return cellAt(row, FIELD_COLUMN[fieldKey(FIELD_COLUMN, field) ?? 'number']!);
    });
  });
  return { actions: read.map((a) => a.data), actionWhere };
}

/**
 * A sub-item's row (a letter in « sous-élément »): a point of the nearest action above it, which
 * gives its axis and objective; the row gives only its letter, text, status and due date.
 */
function readSubItem(
  row: number,
  get: ActionRow['get'],
  parent: ActionRead | undefined,
  checkStatus: (row: number, status: string) => void,
  cellAt: CellAt,
  report: Report,
): void {
  const given = get(ACTION_COLUMNS.subItem);
  if (!parent) {
    report.fail(
      cellAt(row, ACTION_COLUMNS.subItem),
      'sous-élément sans action au-dessus : un point lettré se place juste sous la ligne de son action',
      given,
      'une ligne d’action au-dessus, ou aucune lettre dans cette colonne',
    );
    return;
  }
  const number = parent.data.number as string | undefined;
  const which = number ? `l’action ${number} (ligne ${parent.row})` : `l’élément de la ligne ${parent.row}`;
  for (const [h, level] of [
    [ACTION_COLUMNS.axis, 'axe'],
    [ACTION_COLUMNS.objective, 'objectif'],
  ] as const) {
    const own = (h === ACTION_COLUMNS.axis ? parent.data.axis : parent.data.objective) as string | undefined;
    if (get(h) && get(h) !== own) {
      report.fail(
        cellAt(row, h),
        `sous-élément rangé ailleurs que son action : ${which} ${own ? `est dans l’${level} ${own}` : `n’a pas d’${level}`}`,
        get(h),
        own ? `${own}, ou rien (le sous-élément suit son action)` : '(vide)',
      );
    }
  }
  for (const h of ACTION_HEADERS.filter((h) => !SUB_ITEM_HEADERS.has(h) && get(h))) {
    report.fail(
      cellAt(row, h),
      'colonne sans objet pour un sous-élément (une lettre est donnée dans « sous-élément ») : elle se remplit sur la ligne de l’action',
      get(h),
      `(vide) ; un sous-élément donne ${[...SUB_ITEM_HEADERS].map((x) => `« ${x} »`).join(', ')}`,
    );
  }
  // "a." and "a)" as printed: the letter alone, as the content writes it (and the page's anchor).
  const letter = given.replace(/[.)]+$/, '').trim() || given;
  const items = (parent.data.subItems ??= []) as Record<string, unknown>[];
  const twin = items.findIndex((s) => s.letter === letter);
  if (twin >= 0) {
    report.fail(
      cellAt(row, ACTION_COLUMNS.subItem),
      `lettre déjà donnée ligne ${parent.subRows[twin]} pour un sous-élément de ${which}`,
      given,
      'une lettre par sous-élément de l’action',
    );
  }
  const status = get(ACTION_COLUMNS.status);
  checkStatus(row, status);
  const due = get(ACTION_COLUMNS.due);
  items.push({ letter, text: get(ACTION_COLUMNS.wording) || undefined, status: status || undefined, dates: due ? { due } : undefined });
  parent.subRows.push(row);
}

/** An action's axis and objective: given, and named (titled) on a row of the sheet. */
function checkPlace(row: number, get: ActionRow['get'], { axes, objectives }: Structure, cellAt: CellAt, report: Report): void {
  const axis = get(ACTION_COLUMNS.axis);
  const objective = get(ACTION_COLUMNS.objective);
  const axisList = () => [...axes.keys()].join(', ') || '(aucun axe titré)';
  if (!axis) report.fail(cellAt(row, ACTION_COLUMNS.axis), 'numéro d’axe manquant', '', axisList());
  else if (!axes.has(axis)) {
    report.fail(
      cellAt(row, ACTION_COLUMNS.axis),
      'axe inconnu : aucune ligne ne donne le titre de cet axe',
      axis,
      `${axisList()}, ou le titre de l’axe dans la colonne « ${ACTION_COLUMNS.axisTitle} »`,
    );
  } else if (objective && !objectives.has(objectiveKey(axis, objective))) {
    const known = [...objectives.values()].filter((o) => o.axis === axis).map((o) => o.number);
    report.fail(
      cellAt(row, ACTION_COLUMNS.objective),
      `objectif inconnu dans l’axe ${axis} : aucune ligne ne donne son titre`,
      objective,
      `${known.join(', ') || '(aucun objectif titré dans cet axe)'}, ou le titre de l’objectif dans la colonne « ${ACTION_COLUMNS.objectiveTitle} »`,
    );
  }
}

/** The keys of a row's themes (or audiences), one to three columns, each from the list; at least one. */
function pickKeys(
  row: number,
  get: ActionRow['get'],
  list: 'themes' | 'audiences',
  headers: string[],
  what: string,
  cellAt: CellAt,
  report: Report,
): string[] {
  const keys: string[] = [];
  for (const h of headers) {
    const v = get(h);
    if (!v) continue;
    const k = keyOf(list, v);
    if (k === undefined) report.fail(cellAt(row, h), `${what} inconnu`, v, allowedOf(list));
    else if (!keys.includes(k)) keys.push(k);
  }
  if (keys.length === 0 && headers.every((h) => !get(h)))
    report.fail(cellAt(row, headers[0]!), `au moins un ${what} est attendu`, '', allowedOf(list));
  return keys;
}

/** An action's number: given (a measure may have none), and unique where the document restarts numbers (the file names depend on it). */
function checkNumber(
  row: number,
  get: ActionRow['get'],
  kind: string | undefined,
  sheet: DocumentSheet,
  numbered: Map<string, number>,
  cellAt: CellAt,
  report: Report,
): void {
  const number = get(ACTION_COLUMNS.number);
  // An unnumbered measure is what some plans print (src/model/integrity.ts allows it): its file is
  // named by its place in its axis. An unknown nature is reported on its own: it may be a measure.
  if (!number && (kind === 'mesure' || kind === undefined)) return;
  if (!number) {
    report.fail(
      cellAt(row, ACTION_COLUMNS.number),
      'numéro d’action manquant',
      '',
      `le numéro tel qu’imprimé (1, 12, 1.3), ou la nature « ${ACTION_KINDS.mesure} » pour une mesure que le document ne numérote pas`,
    );
    return;
  }
  const scope = (sheet.numberingKey ?? 'document') as keyof typeof NUMBERING_LABELS;
  const axis = get(ACTION_COLUMNS.axis);
  const objective = get(ACTION_COLUMNS.objective);
  const k = [scope === 'document' ? '' : axis, scope === 'objective' ? objective : '', number].join('\u0000');
  const other = numbered.get(k);
  if (other !== undefined) {
    report.fail(
      cellAt(row, ACTION_COLUMNS.number),
      `numéro déjà donné ligne ${other}, ${NUMBERING_LABELS[scope].toLowerCase()}`,
      number,
      'un numéro unique',
    );
  } else numbered.set(k, row);
}

/** The round of the Document sheet: named whenever the Actions sheet gives statuses, or any of its cells. */
function checkRound(sheet: DocumentSheet, unnamed: number[], report: Report): void {
  if (unnamed.length > 0) {
    report.fail(
      sheet.where.get('rounds.0.id')!,
      `statuts donnés dans la feuille Actions (ligne${unnamed.length > 1 ? 's' : ''} ${unnamed.slice(0, 5).join(', ')}${unnamed.length > 5 ? '…' : ''}) sans bilan : nommez le bilan qui les a établis`,
      '',
      'un identifiant de bilan (bilan-2027)',
    );
  }
  if (!sheet.round && (['label', 'date', 'period'] as const).some((k) => sheet.get(`rounds.0.${k}`))) {
    report.fail(
      sheet.where.get('rounds.0.id')!,
      'bilan sans identifiant : son libellé, sa date ou sa période sont donnés',
      '',
      'un identifiant de bilan (bilan-2027)',
    );
  }
}

/** Undefined values inside nested objects are left out, as the file will not hold them. */
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

/** Step 5: the new document, as `npm run nouveau:document` would be given it. */
function assembleDocument(sheet: DocumentSheet, structure: Structure, actions: Record<string, unknown>[]): NewDocument {
  const { get, round } = sheet;
  const levelsOf = (key: 'axis' | 'objective' | 'action') => ({
    singular: get(`levels.${key}.singular`),
    plural: get(`levels.${key}.plural`),
    label: get(`levels.${key}.label`),
    ...(key === 'action' && sheet.numberingKey ? { numbering: sheet.numberingKey } : {}),
  });
  const dates = Object.fromEntries(
    (['signed', 'inForce', 'end'] as const).filter((k) => get(`dates.${k}`)).map((k) => [k, get(`dates.${k}`)]),
  );
  const convention = {
    title: get('title'),
    shortTitle: get('shortTitle'),
    kind: sheet.kindKey,
    issuer: get('issuer'),
    reference: get('reference'),
    parties: sheet.parties,
    dates,
    summary: get('summary'),
    levels: { axis: levelsOf('axis'), objective: levelsOf('objective'), action: levelsOf('action') },
    statusScale: sheet.scale.length > 0 ? sheet.scale : undefined,
    rounds: round ? [{ id: round, label: get('rounds.0.label'), date: get('rounds.0.date'), period: get('rounds.0.period') }] : undefined,
    published: get('published'),
    source: { file: get('source.file') },
  };
  return {
    id: sheet.id,
    convention: prune(convention) as Record<string, unknown>,
    axes: [...structure.axes].map(([number, a]) => {
      const notes = notesOf(structure.axisNotes.get(number)?.title ?? '');
      return { number, title: a.title, ...(notes ? { notes } : {}) };
    }),
    objectives: [...structure.objectives.values()].map(({ axis, number, title }) => ({ axis, number, title })),
    actions: actions.map((a) => prune(a) as Record<string, unknown>),
  };
}

/** The indicators of the Indicateurs sheet (issue 24) in the front matter of the document and of its actions. */
function withIndicators(doc: NewDocument, indicators: TemplateIndicators): NewDocument {
  const list = (l: Record<string, unknown>[] | undefined) => (l && l.length > 0 ? { indicators: l.map((i) => prune(i)) } : {});
  return {
    ...doc,
    convention: { ...doc.convention, ...list(indicators.document) },
    actions: doc.actions.map((a) => ({ ...a, ...list(indicators.byAction.get(String(a.number))) })),
  };
}

/** Step 6: a problem of a new file put back where the référent typed the value; as it is when no cell gave it. */
function placeProblems(
  found: Problem[],
  planned: ReturnType<typeof checkNewDocument>['planned'],
  sheet: DocumentSheet,
  structure: Structure,
  read: ActionsRead,
  cellAt: CellAt,
  indicators: TemplateIndicators,
): (SheetProblem | Problem)[] {
  const conventionFile = planned[0]!.file;
  const axisRow = new Map([...structure.axes].map(([n, a]) => [n, a.row]));
  const objectiveRow = new Map([...structure.objectives.values()].map((o) => [objectiveKey(o.axis, o.number), o.row]));
  const placeOf = (p: Problem): Place | undefined => {
    const file = planned.find((f) => f.file === p.file);
    if (!file) return undefined;
    const indicator = /^indicators\.(\d+)\.?(.*)$/.exec(p.field);
    if (indicator && (file.file === conventionFile || file.collection === 'actions')) {
      const owner = file.file === conventionFile ? '' : String(file.data.number);
      return indicators.where(owner, Number(indicator[1]), indicator[2]!);
    }
    if (file.file === conventionFile) {
      const field = p.field === '(nom du fichier)' ? 'id' : p.field;
      const key = [...sheet.where.keys()].filter((k) => field === k || field.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
      return key ? sheet.where.get(key) : undefined;
    }
    if (file.collection === 'actions') return read.actionWhere.get((file.data.order as number) - 1)?.(p.field);
    if (file.collection === 'axes') {
      const number = file.data.number as string;
      if (p.field === 'notes' || p.field.startsWith('notes.')) return cellAt(structure.axisNotes.get(number)!.row, ACTION_COLUMNS.axisNote);
      return cellAt(axisRow.get(number)!, p.field === 'number' ? ACTION_COLUMNS.axis : ACTION_COLUMNS.axisTitle);
    }
    if (file.collection === 'objectives') {
      const row = objectiveRow.get(objectiveKey(file.data.axis as string, file.data.number as string))!;
      return cellAt(row, p.field === 'number' ? ACTION_COLUMNS.objective : ACTION_COLUMNS.objectiveTitle);
    }
    return undefined;
  };
  return found.map((p) => {
    const place = placeOf(p);
    if (!place) return p;
    const value = p.value === undefined ? undefined : typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
    return {
      ...place,
      message: `${p.message} (${p.file}, champ « ${p.field} »)`,
      ...(value !== undefined ? { value } : {}),
      ...(p.allowed ? { allowed: p.allowed } : {}),
    };
  });
}

/**
 * The template's Document and Actions sheets checked, then the document's files created: header
 * check (the Document sheet's labels, the Actions sheet's columns, every cell read), one reader per
 * sheet, the document assembled and checked as `nouveau:document` checks it, then written (all
 * files or none). Each step stops the import when it found a problem the next would misread.
 */
function createFromTables(
  docTable: Table,
  actTable: Table,
  options: { root: string; contentDir?: string; dryRun?: boolean } & WriteOptions,
  indicatorTable?: Table,
): Omit<TemplateResult, 'warnings'> {
  const { root, contentDir = 'content', dryRun = false } = options;
  const report = newReport();
  const { problems } = report;
  const refused = (id: string) => ({ problems, id, files: [], written: [] });

  const { values, where } = readFieldRows(docTable, report);
  // Every cell read, in both sheets, is checked before anything is built from it (a value that
  // could not be read, an invisible character): each reported once, all at once.
  const { col, missing, problems: duplicates } = readHeaders(actTable, ACTION_HEADERS);
  if (problems.length === 0) {
    problems.push(...documentCellProblems(docTable));
    if (missing.length === 0 && duplicates.length === 0) problems.push(...actionCellProblems(actTable, col));
  }
  if (problems.length > 0) return refused('');

  const sheet = readDocumentSheet(docTable, values, where, report);
  if (missing.length > 0) {
    problems.push({
      sheet: ACTIONS_SHEET,
      row: 1,
      message: `colonne(s) manquante(s) ou renommée(s) : ${missing.join(', ')}`,
      allowed: ACTION_HEADERS.join(', '),
    });
  }
  problems.push(...duplicates);
  if (missing.length + duplicates.length > 0) return refused(sheet.id);
  const cellAt: CellAt = (row, h) => at(ACTIONS_SHEET, row, `${columnLetter(col.get(h)! + 1)} (${h})`);
  const rows = actionRows(actTable, col);
  const structure = readStructure(rows, cellAt, report);
  const read = readActions(rows, structure, sheet, cellAt, report);
  const numbers = new Set(read.actions.flatMap((a) => (typeof a.number === 'string' ? [a.number] : [])));
  const indicators = readTemplateIndicators(indicatorTable, numbers, sheet.round, report.fail);
  if (problems.length > 0) return refused(sheet.id);

  const assembled = withIndicators(assembleDocument(sheet, structure, read.actions), indicators);
  const { planned, problems: found } = checkNewDocument(root, contentDir, assembled);
  problems.push(...placeProblems(found, planned, sheet, structure, read, cellAt, indicators));
  const write = problems.length === 0 && !dryRun;
  if (write) writeNewDocument(root, planned, { contentDir, origin: options.origin, onStep: options.onStep });
  return { problems, id: sheet.id, files: planned.map((p) => p.file), written: write ? planned.map((p) => p.file) : [] };
}
