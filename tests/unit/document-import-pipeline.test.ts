/**
 * The whole way of a word-processing file into the content (issue 22): recognised, written into
 * the template workbook, completed as a référent would, saved, read back and imported by the
 * template import (`npm run tableur:importer`'s code) into a copy of the fixture site. A convention
 * by headings (axes and actions, numbered in each axis) and one by sections and articles
 * (lettered commitments, « Section liminaire ») both go through with no problem, their levels and
 * numbers kept.
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
type Data = Record<string, unknown>;

async function importFixture(name: string, id: string) {
  const plan = recognisePlan(readSource(join(FIXTURES, name)));
  const written = await planWorkbook(plan, id, name);
  completeWorkbook(written, { shortTitle: 'Document importé', issuer: 'Organisme d’essai', kind: 'Convention', published: '2026-12-07' });
  const path = join(tempDir('classeur-'), `${id}.xlsx`);
  await written.xlsx.writeFile(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const dir = copyContent('import-document-');
  const result = await importTemplate(workbook, { root: dir, contentDir: 'content' });
  const files = readContent(dir).files.filter((f) => (f.frontmatter as Data).convention === id || f.pathInCollection.startsWith(`${id}`));
  const of = (collection: string) => files.filter((f) => f.collection === collection).map((f) => f.frontmatter as Data);
  return { plan, result, convention: of('conventions')[0], axes: of('axes'), objectives: of('objectives'), actions: of('actions') };
}

test('a convention by headings goes into the content: its axes, its actions numbered in each axis', async () => {
  const { plan, result, convention, axes, actions } = await importFixture('ucanss-titres-libreoffice.docx', 'convention-par-titres');
  assert.deepEqual(result.problems, []);
  assert.deepEqual((convention?.levels as Data).action, { singular: 'Action', plural: 'Actions', label: 'Action {n}', numbering: 'axis' });
  assert.equal(axes.length, plan.axes.length);
  assert.deepEqual(
    actions.map((a) => [a.axis, a.number, a.wording]),
    plan.items.map((i) => [i.axis, i.number, i.wording]),
  );
});

test('a convention by sections and articles goes into the content: lettered commitments in each article, « Section liminaire » kept', async () => {
  const { plan, result, convention, axes, objectives, actions } = await importFixture(
    'multipartite-articles-libreoffice.odt',
    'convention-par-articles',
  );
  assert.deepEqual(result.problems, []);
  const levels = convention?.levels as Record<string, Data>;
  assert.deepEqual(
    [levels.axis!.singular, levels.objective!.singular, levels.action!.singular, levels.action!.numbering],
    ['Section', 'Article', 'Engagement', 'objective'],
  );
  assert.ok(axes.some((a) => a.number === 'liminaire'));
  assert.equal(objectives.length, plan.objectives.length);
  assert.deepEqual(
    actions.map((a) => [a.axis, a.objective, a.kind, a.number, a.wording]),
    plan.items.map((i) => [i.axis, i.objective, 'engagement', i.number, i.wording]),
  );
});
