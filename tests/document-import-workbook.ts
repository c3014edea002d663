/**
 * What a référent does with the workbook `npm run document:importer` writes, before importing it
 * (issue 22): fill in what the document does not say and the report lists (a short title, the
 * issuer, the publication date, a party, a theme and a public per row, and the review the statuses
 * come from, when there are statuses). Shared by the tests of the import's whole way.
 */
import type ExcelJS from 'exceljs';
import { ACTIONS_SHEET, ACTION_COLUMNS, DOCUMENT_SHEET, FIELDS, PARTIES_HEADING } from '../scripts/spreadsheet/template.ts';

/** Fills the blanks of a written workbook; `fields` (by path) are set only where the import left the cell empty. */
export function completeWorkbook(workbook: ExcelJS.Workbook, fields: Record<string, string>): void {
  const doc = workbook.getWorksheet(DOCUMENT_SHEET)!;
  const rowOf = (label: string) => {
    for (let r = 1; r <= doc.rowCount; r++) if (doc.getCell(r, 1).value === label) return r;
    throw new Error(`ligne « ${label} » introuvable`);
  };
  for (const [path, value] of Object.entries(fields)) {
    const cell = doc.getCell(rowOf(FIELDS.find((f) => f.path === path)!.label), 2);
    if (!cell.value) cell.value = value;
  }
  const party = rowOf(PARTIES_HEADING) + 1;
  doc.getCell(party, 2).value = 'Organisme d’essai';
  doc.getCell(party, 3).value = 'Employeur';
  const actions = workbook.getWorksheet(ACTIONS_SHEET)!;
  const headers = (actions.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  for (let r = 2; r <= actions.rowCount; r++) {
    const wording = actions.getCell(r, headers.indexOf(ACTION_COLUMNS.wording)).value;
    const subItem = actions.getCell(r, headers.indexOf(ACTION_COLUMNS.subItem)).value;
    if (!wording || subItem) continue;
    actions.getCell(r, headers.indexOf(ACTION_COLUMNS.theme1)).value = 'Formation';
    actions.getCell(r, headers.indexOf(ACTION_COLUMNS.audience1)).value = 'Ensemble du personnel';
  }
}
