/**
 * The strongest oracle of the document import (issue 22): the Inserm plan, written as the table
 * its PDF has (tests/fixtures/documents/), read from Word's and LibreOffice's files, turned into
 * the template workbook, completed as a référent would (the blanks the report lists: publication
 * date, a party, the review, a theme and a public per row), imported by the template import
 * (`npm run tableur:importer`'s code) into a scratch copy of a site: the 72 items it writes equal
 * the transcribed plan's, number, axis, objective, wording, kind and status.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readContent } from '../../src/model/read.ts';
import { readSource } from '../../scripts/document-import/source.ts';
import { recognisePlan } from '../../scripts/document-import/structure.ts';
import { planWorkbook } from '../../scripts/document-import/workbook.ts';
import { importTemplate } from '../../scripts/spreadsheet/template.ts';
import { completeWorkbook } from '../document-import-workbook.ts';
import { copyContent } from '../content-copy.ts';
import { tempDir } from '../temp-dir.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');
const DOCUMENT = 'inserm-fiphfp-2023-2026';

type Item = Record<string, unknown>;
const transcribed = readContent(process.cwd())
  .files.filter((f) => f.collection === 'actions' && (f.frontmatter as Item).convention === DOCUMENT)
  .map((f) => f.frontmatter as Item)
  .sort((a, b) => (a.order as number) - (b.order as number));

/** What the oracle compares of an item. */
const facts = (a: Item) => ({
  axis: a.axis,
  objective: a.objective,
  number: a.number,
  kind: a.kind,
  wording: a.wording,
  status: (a.statuses as { status: string }[] | undefined)?.[0]?.status,
});

for (const file of ['inserm-tableau-libreoffice.docx', 'inserm-tableau-libreoffice.odt', 'inserm-tableau.docx']) {
  test(`${file}: the 72 items of the transcribed plan, through the workbook and the template import`, async () => {
    assert.equal(transcribed.length, 72);
    const plan = recognisePlan(readSource(join(FIXTURES, file)));
    const written = await planWorkbook(plan, 'inserm-import', file);
    completeWorkbook(written, {
      published: '2026-12-07',
      shortTitle: 'Plan handicap Inserm importé',
      issuer: 'Inserm',
      'rounds.0.id': 'bilans-2023-2025',
      'rounds.0.label': 'Bilans 2023, 2024 et 2025 de la convention',
      'rounds.0.period': '2023-2025',
    });
    // Saved and read back, as the référent's file would be.
    const dir = copyContent('import-inserm-');
    const path = join(tempDir('classeur-inserm-'), 'inserm-import.xlsx');
    await written.xlsx.writeFile(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const result = await importTemplate(workbook, { root: dir, contentDir: 'content' });
    assert.deepEqual(result.problems, []);
    const imported = readContent(dir)
      .files.filter((f) => f.collection === 'actions' && (f.frontmatter as Item).convention === 'inserm-import')
      .map((f) => f.frontmatter as Item)
      .sort((a, b) => (a.order as number) - (b.order as number));
    assert.deepEqual(imported.map(facts), transcribed.map(facts));
    // The axes and objectives, by number, are the transcribed plan's.
    const numbers = (root: string, collection: 'axes' | 'objectives', id: string) =>
      readContent(root)
        .files.filter((f) => f.collection === collection && (f.frontmatter as Item).convention === id)
        .map((f) => `${(f.frontmatter as { axis?: string }).axis ?? ''}/${String((f.frontmatter as Item).number)}`)
        .sort();
    assert.deepEqual(numbers(dir, 'objectives', 'inserm-import'), numbers(process.cwd(), 'objectives', DOCUMENT));
    assert.deepEqual(numbers(dir, 'axes', 'inserm-import'), numbers(process.cwd(), 'axes', DOCUMENT));
  });
}
