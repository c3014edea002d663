/**
 * Filling in the new-document template (`npm run tableur:modele`) as a référent would, in tests:
 * the Document sheet has one row per field, its label in column A and the values from column B.
 */
import assert from 'node:assert/strict';
import type ExcelJS from 'exceljs';

/** Writes `values` from column B on the row of the Document sheet labelled `label` (the row must exist). */
export function setTemplateField(doc: ExcelJS.Worksheet, label: string, ...values: string[]): void {
  let found: ExcelJS.Row | undefined;
  doc.eachRow((row) => {
    if (row.getCell(1).text === label) found = row;
  });
  assert.ok(found, label);
  values.forEach((v, i) => (found!.getCell(2 + i).value = v));
}
