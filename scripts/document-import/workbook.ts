/**
 * The recognised plan (./structure.ts) written into the new-document template workbook
 * (scripts/spreadsheet/template.ts, `npm run tableur:modele`), so that `npm run tableur:importer`
 * checks and writes it as it does any filled template: one pipeline, one set of checks. Only what
 * the document states is filled in; the rest (parties, publication date, the review the statuses
 * come from) is left for the référent, and listed by the report. The rows to check carry a note
 * saying why, and a coloured background (the note says it in words).
 */
import ExcelJS from 'exceljs';
import { CONVENTION_KINDS, NUMBERING_LABELS } from '../../src/model/convention.ts';
import { STATUSES } from '../../src/model/statuses.ts';
import { ACTION_KINDS } from '../../src/model/action.ts';
import {
  ACTIONS_SHEET,
  ACTION_COLUMNS,
  DOCUMENT_SHEET,
  FIELDS,
  SCALE_HEADING,
  SCALE_ROWS,
  buildTemplate,
} from '../spreadsheet/template.ts';
import { pluralWord } from './levels.ts';
import type { Plan } from './structure.ts';

const ITEM_KIND_LABELS = ACTION_KINDS;
const TO_CHECK: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** The kind of document its title names, if it names one. */
function kindOf(title: string | undefined): string | undefined {
  const t = (title ?? '').toLowerCase();
  if (/\bplan\b/.test(t)) return CONVENTION_KINDS['plan-actions'];
  if (/\bconvention\b/.test(t)) return CONVENTION_KINDS.convention;
  if (/\bcirculaire\b/.test(t)) return CONVENTION_KINDS.circulaire;
  return undefined;
}

/** The Document sheet's fields this import fills, by path, from the plan. */
export function documentValues(plan: Plan, id: string, sourceFile: string): Map<string, string> {
  const { levels } = plan;
  const label = (word: string) => (word === 'Engagement' ? '{n})' : `${word} {n}`);
  const values: [string, string | undefined][] = [
    ['id', id],
    ['title', plan.title],
    ['kind', kindOf(plan.title)],
    ['source.file', sourceFile],
    ...plan.statements.map((st): [string, string] => [st.path, st.value]),
    // The document's own opening words, for the summary the référent may shorten.
    ['summary', plan.presentation.join('\n\n')],
    ['levels.axis.singular', levels.axis],
    ['levels.axis.plural', pluralWord(levels.axis)],
    ['levels.axis.label', label(levels.axis)],
    ['levels.objective.singular', levels.objective],
    ['levels.objective.plural', pluralWord(levels.objective)],
    ['levels.objective.label', label(levels.objective)],
    ['levels.action.singular', levels.action],
    ['levels.action.plural', pluralWord(levels.action)],
    ['levels.action.label', label(levels.action)],
    ['levels.action.numbering', NUMBERING_LABELS[levels.numbering]],
  ];
  return new Map(values.filter((v): v is [string, string] => v[1] !== undefined && v[1] !== ''));
}

/** The labels of the Document sheet's fields the référent still has to fill in. */
export function fieldsToFill(values: Map<string, string>, plan: Plan): string[] {
  const missing = FIELDS.filter((f) => f.required && !f.path.startsWith('rounds.') && !values.has(f.path) && !f.value).map((f) => f.label);
  missing.push('Parties : au moins une (nom et rôle)');
  missing.push(
    `Feuille Actions : au moins un thème et un public par ligne (colonnes « ${ACTION_COLUMNS.theme1} » et « ${ACTION_COLUMNS.audience1} ») : le document ne les donne pas`,
  );
  if (plan.items.some((i) => i.status !== undefined))
    missing.push('Bilan : identifiant, libellé, et date ou période du bilan dont viennent les statuts');
  if (plan.scale.length > SCALE_ROWS)
    missing.push(
      `Échelle de statuts : le modèle a place pour ${SCALE_ROWS} codes, la légende en a ${plan.scale.length} ; ajoutez les autres au fichier du document après l’import`,
    );
  if (plan.scale.some((s) => !s.status)) missing.push('Échelle de statuts : le statut commun des codes qui n’en nomment pas');
  return missing;
}

/** Row of a label in column A of a sheet (the template's own layout, read rather than recomputed). */
function rowOf(sheet: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
  throw new Error(`modèle : ligne « ${label} » introuvable dans la feuille ${sheet.name}`);
}

/** The template workbook filled with `plan`. */
export async function planWorkbook(plan: Plan, id: string, sourceFile: string): Promise<ExcelJS.Workbook> {
  const workbook = await buildTemplate();
  const doc = workbook.getWorksheet(DOCUMENT_SHEET)!;
  const values = documentValues(plan, id, sourceFile);
  for (const field of FIELDS) {
    const value = values.get(field.path);
    if (value !== undefined) doc.getCell(rowOf(doc, field.label), 2).value = value;
  }
  const scaleHead = rowOf(doc, SCALE_HEADING);
  plan.scale.slice(0, SCALE_ROWS).forEach((entry, i) => {
    const row = doc.getRow(scaleHead + 1 + i);
    row.getCell(2).value = entry.code;
    row.getCell(3).value = entry.legend;
    if (entry.status) row.getCell(4).value = STATUSES[entry.status].label;
  });

  writeItems(workbook.getWorksheet(ACTIONS_SHEET)!, plan);
  return workbook;
}

/** The Actions sheet: a row per item in the document's order, its sub-items under it, and a row for each axis or objective without any item. */
function writeItems(sheet: ExcelJS.Worksheet, plan: Plan): void {
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  let r = 2;
  const named = new Set<string>();
  const line = (cells: Partial<Record<keyof typeof ACTION_COLUMNS, string | undefined>>) => {
    const row = sheet.getRow(r++);
    for (const [key, value] of Object.entries(cells)) {
      if (value !== undefined && value !== '')
        row.getCell(headers.indexOf(ACTION_COLUMNS[key as keyof typeof ACTION_COLUMNS])).value = value;
    }
    return row;
  };
  /** The axis's (objective's) title, on its first row only. */
  const titles = (axis: string, objective: string | undefined) => {
    const cells: Partial<Record<keyof typeof ACTION_COLUMNS, string>> = { axis };
    if (!named.has(axis)) {
      named.add(axis);
      cells.axisTitle = plan.axes.find((a) => a.number === axis)?.title;
    }
    if (objective !== undefined) {
      cells.objective = objective;
      const key = `${axis}\u0000${objective}`;
      if (!named.has(key)) {
        named.add(key);
        cells.objectiveTitle = plan.objectives.find((o) => o.axis === axis && o.number === objective)?.title;
      }
    }
    return cells;
  };
  // Axes and objectives with no item get a row of their own, where the document has them.
  const empty = [
    ...plan.axes.flatMap((a) => [
      ...(plan.items.some((i) => i.axis === a.number) ? [] : [{ axis: a.number, objective: undefined }]),
      ...plan.objectives
        .filter((o) => o.axis === a.number && !plan.items.some((i) => i.axis === a.number && i.objective === o.number))
        .map((o): { axis: string; objective: string | undefined } => ({ axis: a.number, objective: o.number })),
    ]),
  ];
  const order = (axis: string, objective: string | undefined) => {
    const a = plan.axes.findIndex((x) => x.number === axis);
    const o = objective === undefined ? -1 : plan.objectives.findIndex((x) => x.axis === axis && x.number === objective);
    return a * 100000 + o;
  };
  const emptyBefore = (axis: string, objective: string | undefined) => {
    while (empty.length > 0 && order(empty[0]!.axis, empty[0]!.objective) < order(axis, objective)) {
      const e = empty.shift()!;
      line(titles(e.axis, e.objective));
    }
  };
  for (const item of plan.items) {
    emptyBefore(item.axis, item.objective);
    const row = line({
      ...titles(item.axis, item.objective),
      kind: item.kind === 'action' ? undefined : ITEM_KIND_LABELS[item.kind],
      number: item.number,
      // The document gives no short title: its wording stands for it (the report says so).
      title: item.wording,
      wording: item.wording,
      status: item.status,
      comment: item.comment,
      responsible: item.responsible,
      due: item.due,
    });
    if (item.uncertain.length > 0) {
      row.getCell(headers.indexOf(ACTION_COLUMNS.wording)).note = `À vérifier : ${item.uncertain.join(' ; ')}.`;
      for (let c = 1; c < headers.length; c++) row.getCell(c).fill = TO_CHECK;
    }
    for (const sub of item.subItems) line({ subItem: sub.letter, wording: sub.text });
  }
  emptyBefore('', undefined);
  for (const e of empty) line(titles(e.axis, e.objective));
}
