/**
 * The « Indicateurs » sheet of the new-document template (issue 24): one row per indicator the
 * new document or one of its actions follows, with its baseline, its target and, when the
 * Document sheet names a round, its value at that round. Headers and their help are the model's
 * (src/model/indicator.ts `.meta()`); the import (template.ts) puts each row in the front matter
 * of the document (no action number) or of the action it names.
 */
import ExcelJS from 'exceljs';
import { describedField, jsonSchemaOf } from '../../src/model/fields.ts';
import { indicatorSchema, INDICATOR_DIRECTIONS } from '../../src/model/indicator.ts';
import { columnLetter, cellProblem, readHeaders, type Table } from './reading.ts';
import { FIGURE_ALLOWED, readFigure } from './indicator-sheet.ts';

export const INDICATORS_TEMPLATE_SHEET = 'Indicateurs';

const FIELDS = jsonSchemaOf(indicatorSchema);

/** The template's columns: the action they belong to, then the indicator's fields by their path in the model. */
const ACTION_NUMBER = 'numéro d’action';
const FIELD_PATHS = [
  'id',
  'label',
  'unit',
  'direction',
  'baseline.value',
  'baseline.date',
  'target.value',
  'target.date',
  'target.note',
  'values.value',
  'values.source',
] as const;
type FieldPath = (typeof FIELD_PATHS)[number];

/** A column's header: the model's label, qualified outside its group (« Cible : échéance »). */
const headerOf = (path: FieldPath) => describedField(FIELDS, path, { qualified: path.includes('.') }).title;

/** The headers, in order, and the help each one's note gives (the model's description). */
export const INDICATOR_TEMPLATE_HEADERS: string[] = [ACTION_NUMBER, ...FIELD_PATHS.map(headerOf)];
const HELP: Record<string, string> = {
  [ACTION_NUMBER]: 'Le numéro de l’action (feuille Actions) qui suit cet indicateur ; vide pour un indicateur du document entier.',
  ...Object.fromEntries(
    FIELD_PATHS.map((p) => {
      const { description, required } = describedField(FIELDS, p);
      // A field required inside an optional group (the baseline's value) is optional on the sheet.
      const needed = required && (!p.includes('.') || describedField(FIELDS, p.split('.')[0]!).required);
      const round = p.startsWith('values.') ? 'Au bilan nommé dans la feuille Document. ' : '';
      const figure = p.endsWith('.value') ? ' Un nombre : 6,4 ou 6.4, sans unité ni signe %.' : '';
      return [headerOf(p), `${needed ? '' : 'Facultatif. '}${round}${description ?? ''}${figure}`.trim()];
    }),
  ),
};
const HEADER_OF = Object.fromEntries(FIELD_PATHS.map((p) => [p, headerOf(p)])) as Record<FieldPath, string>;

const ROWS = 100;

/** Adds the empty Indicateurs sheet to the template: headers with their help, text cells (a figure may be typed as a number). */
export function addIndicatorTemplateSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(INDICATORS_TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(INDICATOR_TEMPLATE_HEADERS).font = { bold: true };
  const directions = `"${Object.keys(INDICATOR_DIRECTIONS).join(',')}"`;
  INDICATOR_TEMPLATE_HEADERS.forEach((header, i) => {
    sheet.getCell(1, i + 1).note = HELP[header]!;
    sheet.getColumn(i + 1).width = header === HEADER_OF.label ? 50 : 22;
    if (header === HEADER_OF.direction) {
      for (let r = 2; r <= ROWS + 1; r++) {
        sheet.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [directions],
          showErrorMessage: true,
          errorTitle: 'Sens du progrès',
          error: 'Choisissez une valeur de la liste.',
        };
      }
    }
  });
}

/** The guide's lines about this sheet. */
export const INDICATOR_TEMPLATE_GUIDE = [
  `Feuille « ${INDICATORS_TEMPLATE_SHEET} » (facultative) : une ligne par chiffre suivi, avec sa valeur de départ et sa cible s’il y en a.`,
  `• « ${ACTION_NUMBER} » : celui d’une action de la feuille Actions, ou vide pour un indicateur du document entier.`,
  `• « ${HEADER_OF.direction} » : ${Object.keys(INDICATOR_DIRECTIONS).join(' ou ')}, dans la liste. Les chiffres : 6,4 ou 6.4, sans unité ni signe % (l’unité a sa colonne).`,
  `• « ${HEADER_OF['values.value']} » : la valeur au bilan nommé dans la feuille Document, s’il y en a un ; vide sinon.`,
];

/** Where a problem is, as the template's report places it. */
type Place = { sheet: string; row: number; column: string };

/** The indicators read: the document's, each action's by its number, and where each field was typed. */
export interface TemplateIndicators {
  document: Record<string, unknown>[];
  byAction: Map<string, Record<string, unknown>[]>;
  /** The cell of `indicators.<i>.<field>` of the document (action '') or of an action, by its number. */
  where: (action: string, index: number, field: string) => Place | undefined;
}

/**
 * Reads the sheet (when the workbook has it): cells checked, figures read as the follow-up
 * workbook reads them, an action number that names no action and a value without a round
 * refused; the rest (identifiers, labels, dates, unique ids) is checked with the new document by
 * the model, and put back at its cell through `where`.
 */
export function readTemplateIndicators(
  table: Table | undefined,
  actionNumbers: Set<string>,
  round: string | undefined,
  fail: (place: Place, message: string, value?: string, allowed?: string) => void,
): TemplateIndicators {
  const read: TemplateIndicators = { document: [], byAction: new Map(), where: () => undefined };
  if (!table) return read;
  const { col, missing, problems } = readHeaders(table, INDICATOR_TEMPLATE_HEADERS);
  const cellAt = (row: number, h: string): Place => ({
    sheet: INDICATORS_TEMPLATE_SHEET,
    row,
    column: `${columnLetter(col.get(h)! + 1)} (${h})`,
  });
  if (missing.length > 0 || problems.length > 0) {
    fail(
      { sheet: INDICATORS_TEMPLATE_SHEET, row: 1, column: '' },
      `colonne(s) manquante(s), renommée(s) ou en double : ${[...missing, ...problems.map((p) => p.value ?? '')].filter(Boolean).join(', ')}`,
      undefined,
      INDICATOR_TEMPLATE_HEADERS.join(', '),
    );
    return read;
  }
  const rows = new Map<string, number[]>();
  table.rows.forEach((cells, index) => {
    if (index === 0) return;
    const row = index + 1;
    const unusable = INDICATOR_TEMPLATE_HEADERS.map((h) => [h, cellProblem(table, index, col.get(h)!, false)] as const).filter(
      ([, p]) => p,
    );
    for (const [h, p] of unusable) fail(cellAt(row, h), p!.message, p!.value);
    if (unusable.length > 0) return;
    const get = (h: string) => (cells[col.get(h)!] ?? '').trim();
    if (INDICATOR_TEMPLATE_HEADERS.every((h) => get(h) === '')) return;
    const action = get(ACTION_NUMBER);
    if (action !== '' && !actionNumbers.has(action)) {
      fail(cellAt(row, ACTION_NUMBER), 'aucune action de ce numéro dans la feuille Actions', action, [...actionNumbers].join(', '));
      return;
    }
    const figure = (path: FieldPath): number | undefined => {
      const text = get(HEADER_OF[path]);
      const value = readFigure(text);
      const formula = table.formulas?.has(`${index}:${col.get(HEADER_OF[path])!}`) === true;
      if (value !== 'refusé' && !formula) return value;
      fail(cellAt(row, HEADER_OF[path]), formula ? 'formule : tapez le nombre lui-même' : 'nombre illisible', text, FIGURE_ALLOWED);
      return undefined;
    };
    const text = (path: FieldPath) => get(HEADER_OF[path]) || undefined;
    const baseline = figure('baseline.value');
    const target = figure('target.value');
    const value = figure('values.value');
    if (value !== undefined && !round) {
      fail(
        cellAt(row, HEADER_OF['values.value']),
        'valeur sans bilan : nommez dans la feuille Document le bilan auquel elle a été relevée',
        String(value),
        'un identifiant de bilan (bilan-2027)',
      );
    }
    const indicator = {
      id: text('id'),
      label: text('label'),
      unit: text('unit'),
      direction: text('direction'),
      baseline: baseline === undefined ? undefined : { value: baseline, date: text('baseline.date') },
      target: target === undefined ? undefined : { value: target, date: text('target.date'), note: text('target.note') },
      values: value === undefined || !round ? undefined : [{ round, value, source: text('values.source') }],
    };
    // A date or a note given without its figure: the model refuses the group without its value, at this row.
    if (baseline === undefined && text('baseline.date')) Object.assign(indicator, { baseline: { date: text('baseline.date') } });
    if (target === undefined && (text('target.date') || text('target.note'))) {
      Object.assign(indicator, { target: { date: text('target.date'), note: text('target.note') } });
    }
    const list = action === '' ? read.document : (read.byAction.get(action) ?? read.byAction.set(action, []).get(action)!);
    list.push(indicator);
    rows.set(action, [...(rows.get(action) ?? []), row]);
  });
  read.where = (action, index, field) => {
    const row = rows.get(action)?.[index];
    if (row === undefined) return undefined;
    // « values.0.value » is the column « values.value »; a group (« target ») is its value's column.
    const path = field
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .join('.');
    const column = (FIELD_PATHS as readonly string[]).includes(path)
      ? (path as FieldPath)
      : FIELD_PATHS.find((p) => p.startsWith(`${path}.`));
    return cellAt(row, HEADER_OF[column ?? 'id']);
  };
  return read;
}
