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
import { ACTIONS_SHEET, ACTION_COLUMNS, DOCUMENT_SHEET, FIELDS, buildTemplate } from '../spreadsheet/template.ts';
import { pluralWord } from './levels.ts';
import type { Plan } from './structure.ts';

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
  const required = ['title', 'kind', 'published'];
  const missing = FIELDS.filter((f) => required.includes(f.path) && !values.has(f.path)).map((f) => f.label);
  missing.push('Parties : au moins une (nom et rôle)');
  missing.push(
    `Feuille Actions : au moins un thème et un public par ligne (colonnes « ${ACTION_COLUMNS.theme1} » et « ${ACTION_COLUMNS.audience1} ») : le document ne les donne pas`,
  );
  if (plan.items.some((i) => i.status !== undefined))
    missing.push('Bilan : identifiant, libellé, et date ou période du bilan dont viennent les statuts');
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
  const scaleHead = rowOf(doc, 'Échelle de statuts');
  plan.scale.forEach((entry, i) => {
    const row = doc.getRow(scaleHead + 1 + i);
    row.getCell(2).value = entry.code;
    row.getCell(3).value = entry.legend;
    if (entry.status) row.getCell(4).value = STATUSES[entry.status].label;
  });

  const sheet = workbook.getWorksheet(ACTIONS_SHEET)!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const columnOf = (header: string) => headers.indexOf(header);
  const optional = ACTION_COLUMNS as Record<string, string>;
  let r = 2;
  const named = new Set<string>();
  for (const item of plan.items) {
    const row = sheet.getRow(r++);
    const set = (header: string | undefined, value: string | undefined) => {
      const c = header === undefined ? -1 : columnOf(header);
      if (c > 0 && value !== undefined && value !== '') row.getCell(c).value = value;
    };
    set(ACTION_COLUMNS.axis, item.axis);
    if (!named.has(`a${item.axis}`)) {
      named.add(`a${item.axis}`);
      set(ACTION_COLUMNS.axisTitle, plan.axes.find((a) => a.number === item.axis)?.title);
    }
    if (item.objective !== undefined) {
      set(ACTION_COLUMNS.objective, item.objective);
      const key = `o${item.axis}\u0000${item.objective}`;
      if (!named.has(key)) {
        named.add(key);
        set(ACTION_COLUMNS.objectiveTitle, plan.objectives.find((o) => o.axis === item.axis && o.number === item.objective)?.title);
      }
    }
    set(ACTION_COLUMNS.number, item.number);
    set(ACTION_COLUMNS.wording, item.wording);
    set(ACTION_COLUMNS.status, item.status);
    set(ACTION_COLUMNS.comment, item.comment);
    set(ACTION_COLUMNS.responsible, item.responsible);
    set(ACTION_COLUMNS.due, item.due);
    if (item.kind !== 'action') set(optional.kind, item.kind);
    if (item.uncertain.length > 0) {
      const cell = row.getCell(columnOf(ACTION_COLUMNS.wording));
      cell.note = `À vérifier : ${item.uncertain.join(' ; ')}.`;
      for (let c = 1; c < headers.length; c++) row.getCell(c).fill = TO_CHECK;
    }
    for (const sub of item.subItems) {
      if (optional.subItem === undefined) break;
      const subRow = sheet.getRow(r++);
      subRow.getCell(columnOf(ACTION_COLUMNS.axis)).value = item.axis;
      if (item.objective !== undefined) subRow.getCell(columnOf(ACTION_COLUMNS.objective)).value = item.objective;
      subRow.getCell(columnOf(optional.subItem)).value = sub.letter;
      subRow.getCell(columnOf(ACTION_COLUMNS.wording)).value = sub.text;
    }
  }
  return workbook;
}
