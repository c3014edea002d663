/**
 * The « Indicateurs » sheet of a document in the follow-up workbook (issue 24): one row per
 * indicator of the document and of its actions, its past values one column per review round, and
 * a column where the référent types the value of the new round. Its headers are the model's
 * labels (src/model/indicator.ts `.meta()`), so that renaming a field there renames the column.
 * The importer (import.ts) reads it back with `readIndicatorRows`.
 */
import { describedField, jsonSchemaOf } from '../../src/model/fields.ts';
import { indicatorSchema, type Indicator } from '../../src/model/indicator.ts';
import { thousands } from '../../src/lib/format.ts';
import { columnLetter, cellProblem, type SheetProblem, type Table } from './reading.ts';
import { NEW_ROUND_HEADER, columnWidth, type Action, type Convention } from './workbook.ts';

const FIELDS = jsonSchemaOf(indicatorSchema);
const titleOf = (path: string) => describedField(FIELDS, path).title;

/** The CSV file of a document's indicators: <document>.indicateurs.csv (an identifier has no dot: no document's own file). */
export const INDICATORS_CSV_SUFFIX = '.indicateurs.csv';

/** The columns before the rounds: where the indicator is, then what it is (the model's words). */
export const INDICATOR_COLUMNS = {
  document: 'document',
  action: 'numéro d’action',
  id: titleOf('id'),
  label: titleOf('label'),
  unit: titleOf('unit'),
  baseline: titleOf('baseline'),
  target: titleOf('target'),
} as const;

/** The source of the value typed for the new round (`values[].source`), beside it. */
export const NEW_VALUE_SOURCE_HEADER = `${titleOf('values.source')} (nouveau bilan)`;

/** What the new round's value cells say when selected. */
export const NEW_INDICATOR_PROMPT = 'Valeur de l’indicateur au nouveau bilan : un nombre, sans unité. Une cellule vide = pas de valeur.';

/** What a value cell may hold, as the errors say it. */
export const FIGURE_ALLOWED =
  'un nombre, avec une virgule ou un point pour les décimales (6,4 ou 6.4), sans unité ni signe % ni formule ; une cellule vide = pas de valeur à ce bilan';

/**
 * Whether the référent types in a column: the new round's value and its source; every other is
 * locked. A function, not a set built on loading: workbook.ts, whose header it reads, imports this
 * module too.
 */
export const isEditableIndicatorColumn = (header: string): boolean => header === NEW_ROUND_HEADER || header === NEW_VALUE_SOURCE_HEADER;

/** One indicator of a document, with the action that declares it (none for the document's own) and its place there. */
export interface IndicatorRow {
  indicator: Indicator;
  /** Its index in the `indicators` of the file that declares it. */
  index: number;
  action?: Action;
  /** The file that declares it (the document's or the action's). */
  file: string;
}

/** The indicators of a document, its own first, then its actions' in their order. */
export function documentIndicators(convention: Convention, actions: Action[]): IndicatorRow[] {
  return [
    ...(convention.data.indicators ?? []).map((indicator, index) => ({ indicator, index, file: convention.file })),
    ...actions.flatMap((action) =>
      (action.data.indicators ?? []).map((indicator, index) => ({ indicator, index, action, file: action.file })),
    ),
  ];
}

/** The headers of a document's Indicateurs sheet, in order: one column per round, then the new round's. */
export function indicatorHeaders(convention: Convention): string[] {
  const rounds = (convention.data.rounds ?? []).map((r) => r.label);
  return [...Object.values(INDICATOR_COLUMNS), ...rounds, NEW_ROUND_HEADER, NEW_VALUE_SOURCE_HEADER];
}

/** The width of a column, in characters, in both workbooks: the label wide enough to read, wrapped. */
export const indicatorColumnWidth = (header: string): number => columnWidth(header, header === INDICATOR_COLUMNS.label);

/** A cell of the sheet: a text, or a number the spreadsheet shows in its reader's language (6,4 in French). */
export type IndicatorCell = string | number;

/** One indicator's cells as the export writes them, in the order of `indicatorHeaders` (the new round's empty). */
export function indicatorCells(convention: Convention, row: IndicatorRow): IndicatorCell[] {
  const { indicator: ind, action } = row;
  const value = (round: string) => ind.values?.find((v) => v.round === round)?.value ?? '';
  return [
    convention.id,
    action ? (action.data.number ?? action.id) : '',
    ind.id,
    ind.label,
    ind.unit,
    ind.baseline?.value ?? '',
    ind.target?.value ?? '',
    ...(convention.data.rounds ?? []).map((r) => value(r.id)),
    '',
    '',
  ];
}

/** A cell as text, as a CSV file writes it: numbers the French way (6,4), without thousands separators. */
export const cellText = (cell: IndicatorCell): string => (typeof cell === 'number' ? String(cell).replace('.', ',') : cell);

/**
 * The number format of a figure cell: as many decimals as the figure has, shown with the
 * separators of the reader's language (Excel and LibreOffice in French show 1 200,5).
 */
export const figureFormat = (value: number): string => {
  const decimals = String(value).split('.')[1]?.length ?? 0;
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
};

/** Spaces a French spreadsheet or person puts between thousands: space, no-break space, narrow no-break space. */
const GROUPED = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^-?\d+(?:[.,]\d+)?$/;

/**
 * The number a cell says, read as a référent writes it (« 6,4 », « 6.4 », « 1 200 », a number
 * cell read as « 6.4 »); undefined for an empty cell (no value, not zero); 'refusé' for anything
 * else (« 6,4 % », « n.c. », a text).
 */
export function readFigure(text: string): number | undefined | 'refusé' {
  const t = text.trim();
  if (t === '') return undefined;
  if (!PLAIN.test(t) && !GROUPED.test(t)) return 'refusé';
  return Number(t.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
}

/** A figure as a French reader reads it, in the import's summary (« 6,4 »). */
export const figureWords = (value: number | undefined): string => (value === undefined ? '(aucune)' : thousands(value));

/** A value the import adds to an indicator at the new round. */
export interface NewValue {
  row: IndicatorRow;
  at: { sheet: string; csv?: boolean; row: number };
  /** The cell's column, as a problem names it, and its text. */
  column: string;
  text: string;
  value: number;
  source?: string;
  /** The value at the document's latest round that has one: the summary's « from ». */
  before?: number;
}

/** The latest value of an indicator before the new round, in the document's round order. */
export function latestValue(convention: Convention, indicator: Indicator): number | undefined {
  for (const round of [...(convention.data.rounds ?? [])].reverse()) {
    const found = indicator.values?.find((v) => v.round === round.id);
    if (found) return found.value;
  }
  return undefined;
}

/** How the summary names an indicator: « Taux d’emploi (action 1) », « … (document) ». */
export const indicatorName = (row: IndicatorRow): string =>
  `${row.indicator.label} (${row.action ? `action ${row.action.data.number ?? row.action.id}` : 'document'})`;

/**
 * The rows of an Indicateurs table whose headers were found (`col`: the column of each header):
 * the locked cells checked against the content, and the new round's values read. An unknown
 * indicator id, a value that is no number, a source without a value: problems, all at once.
 */
export function readIndicatorRows(
  table: Table,
  convention: Convention,
  rows: IndicatorRow[],
  col: Map<string, number>,
): { values: NewValue[]; problems: SheetProblem[] } {
  const place = { sheet: table.name, ...(table.csv ? { csv: true } : {}) };
  const where = (h: string) => `${columnLetter(col.get(h)! + 1)} (${h})`;
  const byId = new Map(rows.map((r) => [r.indicator.id, r]));
  const headers = indicatorHeaders(convention);
  const values: NewValue[] = [];
  const problems: SheetProblem[] = [];
  const seen = new Set<string>();
  table.rows.forEach((cells, index) => {
    if (index === 0) return;
    const at = { ...place, row: index + 1 };
    const unusable = headers.flatMap((h) => {
      const problem = cellProblem(table, index, col.get(h)!, false);
      return problem ? [{ ...at, column: where(h), ...problem }] : [];
    });
    if (unusable.length > 0) {
      problems.push(...unusable);
      return;
    }
    const get = (h: string) => (cells[col.get(h)!] ?? '').trim();
    if (headers.every((h) => get(h) === '')) return;
    const id = get(INDICATOR_COLUMNS.id);
    const row = byId.get(id);
    if (!row || seen.has(id)) {
      problems.push({
        ...at,
        column: where(INDICATOR_COLUMNS.id),
        value: id || '(vide)',
        message: row ? 'indicateur présent sur plusieurs lignes' : 'identifiant d’indicateur inconnu dans ce document',
        allowed: `les identifiants exportés (colonne verrouillée) : ${[...byId.keys()].join(', ')}`,
      });
      return;
    }
    seen.add(id);
    problems.push(...lockedProblems(convention, row, get, at, where));
    const figure = readFigure(get(NEW_ROUND_HEADER));
    const source = get(NEW_VALUE_SOURCE_HEADER);
    const formula = table.formulas?.has(`${index}:${col.get(NEW_ROUND_HEADER)!}`) === true;
    if (figure === 'refusé' || formula) {
      problems.push({
        ...at,
        column: where(NEW_ROUND_HEADER),
        value: get(NEW_ROUND_HEADER),
        message: formula
          ? `formule dans une valeur d’indicateur (${row.indicator.id}) : tapez le nombre lui-même`
          : `valeur d’indicateur illisible (${row.indicator.id}, en ${row.indicator.unit}) : ${unreadableHint(get(NEW_ROUND_HEADER))}`,
        allowed: FIGURE_ALLOWED,
      });
    } else if (figure === undefined) {
      if (source !== '') {
        problems.push({
          ...at,
          column: where(NEW_VALUE_SOURCE_HEADER),
          value: source,
          message: 'source sans valeur : une source accompagne la valeur du nouveau bilan',
          allowed: `une valeur dans la colonne « ${NEW_ROUND_HEADER} », ou la source effacée`,
        });
      }
    } else {
      values.push({
        row,
        at,
        column: where(NEW_ROUND_HEADER),
        text: get(NEW_ROUND_HEADER),
        value: figure,
        ...(source !== '' ? { source } : {}),
        before: latestValue(convention, row.indicator),
      });
    }
  });
  return { values, problems };
}

/**
 * Why a value is refused, by what it holds: a number with its unit or a sign (« 6,4 % »), or no
 * number at all (« n.c. », « non connu »), which is an empty cell.
 */
const unreadableHint = (text: string) =>
  /^\s*-?\d/.test(text)
    ? `tapez le nombre seul, l’unité est déjà dans la colonne « ${INDICATOR_COLUMNS.unit} »`
    : 'un chiffre que le bilan ne donne pas se laisse vide';

/** The locked cells of a row: what the export wrote (figures compared as numbers, « 5,2 » = 5.2). */
function lockedProblems(
  convention: Convention,
  row: IndicatorRow,
  get: (h: string) => string,
  at: { sheet: string; csv?: boolean; row: number },
  where: (h: string) => string,
): SheetProblem[] {
  const expected = indicatorCells(convention, row);
  return indicatorHeaders(convention).flatMap((h, i) => {
    if (isEditableIndicatorColumn(h)) return [];
    const want = expected[i]!;
    const found = get(h);
    const same = typeof want === 'number' ? readFigure(found) === want : found === want;
    if (same) return [];
    return [
      {
        ...at,
        column: where(h),
        value: found || '(vide)',
        message:
          'colonne verrouillée modifiée : seule la colonne du nouveau bilan (et sa source) se remplit ; ' +
          'une valeur publiée se corrige dans le fichier de l’action ou du document',
        allowed: want === '' ? '(vide)' : cellText(want),
      },
    ];
  });
}
