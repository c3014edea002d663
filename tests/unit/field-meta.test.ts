/**
 * Each field described once (issue 21): a field's French label and help live on its zod schema
 * (`.meta()`), and the form editor, the template workbook's Document sheet and the open-data Table
 * Schema are all made from it. A label changed in one schema, in memory, shows in all three; the
 * same three outputs made from the model's schemas show the model's label (so the change is the
 * cause, not a coincidence).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type ExcelJS from 'exceljs';
import { z } from 'astro/zod';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { conventionSchema } from '../../src/model/convention.ts';
import { actionSchema } from '../../src/model/action.ts';
import { indicatorSchema, indicators } from '../../src/model/indicator.ts';
import { buildCollections } from '../../scripts/editor/config.ts';
import { buildTemplate, templateFields } from '../../scripts/spreadsheet/template.ts';
import { actionsTable, exportColumns, followUpTable, indicatorsTable } from '../../src/open-data/export.ts';
import { tableSchema } from '../../src/open-data/open-data.ts';

const options = { licence: 'etalab-2.0', siteName: 'Essai', organisation: 'Organisme d’essai' } as const;
const context = { indicators: [] };

/** The three outputs, made from the given convention and action schemas. */
async function outputs(convention: z.ZodType, action: z.ZodType) {
  const collections = {
    ...COLLECTIONS,
    conventions: { ...COLLECTIONS.conventions, schema: convention },
    actions: { ...COLLECTIONS.actions, schema: action },
  } as typeof COLLECTIONS;
  const editor = buildCollections(collections);
  const field = (collection: string, name: string) =>
    editor.collections.find((c) => c.name === collection)!.fields.find((f) => f.name === name)!;
  const workbook = await buildTemplate(templateFields(convention));
  const columns = exportColumns({ convention, action });
  const schemaField = (key: 'actions' | 'suivi' | 'indicateurs', name: string) => {
    const table =
      key === 'actions'
        ? actionsTable([], columns.actions)
        : key === 'suivi'
          ? followUpTable([], columns.followUp)
          : indicatorsTable([], columns.indicators);
    return tableSchema(key, table, context, options).fields.find((f) => f.name === name)!;
  };
  return { problems: editor.problems, field, sheet: workbook.getWorksheet('Document')!, schemaField };
}

/** Column A and C of the Document sheet's row whose label is `label`; undefined when no row has it. */
function templateRow(sheet: ExcelJS.Worksheet, label: string): { label: string; help: string } | undefined {
  let found: { label: string; help: string } | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).text === label) found = { label, help: row.getCell(3).text };
  });
  return found;
}

const shortTitle = conventionSchema.shape.shortTitle;
// `extend` makes a new schema: it is given the model's own title ("Document") back, which names
// the document's fields in a table of actions ("Document : titre court").
const changedConvention = conventionSchema
  .extend({ shortTitle: shortTitle.meta({ title: 'Intitulé abrégé', description: 'Aide changée pour l’essai.' }) })
  .meta(conventionSchema.meta()!);
const changedAction = actionSchema.extend({
  title: actionSchema.shape.title.meta({ title: 'Intitulé', description: 'Autre aide pour l’essai.' }),
});

test('the model’s label of a field is the one the editor, the template and the Table Schema show', async () => {
  const model = await outputs(conventionSchema, actionSchema);
  const { title, description } = shortTitle.meta()!;
  assert.deepEqual(model.problems, []);
  assert.deepEqual([model.field('conventions', 'shortTitle').label, model.field('conventions', 'shortTitle').hint], [title, description]);
  assert.equal(templateRow(model.sheet, title as string)?.help, description);
  assert.equal(model.schemaField('suivi', 'conventionShortTitle').title, `Document : ${(title as string).toLowerCase()}`);
  assert.equal(model.schemaField('actions', 'title').title, actionSchema.shape.title.meta()!.title);
});

test('a label and a help changed in one zod schema change the editor, the template workbook and the Table Schema', async () => {
  const changed = await outputs(changedConvention, changedAction);
  assert.deepEqual(changed.problems, []);
  // The form editor.
  assert.equal(changed.field('conventions', 'shortTitle').label, 'Intitulé abrégé');
  assert.equal(changed.field('conventions', 'shortTitle').hint, 'Aide changée pour l’essai.');
  assert.equal(changed.field('actions', 'title').label, 'Intitulé');
  // The template workbook's Document sheet: the row, its help, and no row left with the old label.
  assert.deepEqual(templateRow(changed.sheet, 'Intitulé abrégé'), { label: 'Intitulé abrégé', help: 'Aide changée pour l’essai.' });
  assert.equal(templateRow(changed.sheet, shortTitle.meta()!.title as string), undefined);
  // The Table Schema of the follow-up (the document's short title) and of the actions (their title).
  assert.equal(changed.schemaField('suivi', 'conventionShortTitle').title, 'Document : intitulé abrégé');
  assert.match(changed.schemaField('suivi', 'conventionShortTitle').description, /^Aide changée pour l’essai\./);
  assert.equal(changed.schemaField('actions', 'title').title, 'Intitulé');
  assert.match(changed.schemaField('actions', 'title').description, /^Autre aide pour l’essai\./);
  assert.equal(changed.schemaField('suivi', 'title').title, 'Intitulé');
});

test('self-test: a field whose schema loses its label is reported by the editor and refused by the template and the export', () => {
  const unlabelled = conventionSchema.extend({ shortTitle: conventionSchema.shape.shortTitle.meta({ title: undefined }) });
  const collections = { ...COLLECTIONS, conventions: { ...COLLECTIONS.conventions, schema: unlabelled } } as typeof COLLECTIONS;
  assert.match(buildCollections(collections).problems.join('\n'), /conventions : champ « shortTitle » sans libellé français/);
  assert.throws(() => templateFields(unlabelled), /field "shortTitle" has no title/);
  assert.throws(() => exportColumns({ convention: unlabelled, action: actionSchema }), /field "shortTitle" has no title/);
});

test('an indicator’s label changed in its zod schema changes the form and the Table Schema of indicateurs.csv', async () => {
  const label = indicatorSchema.shape.label;
  const model = await outputs(conventionSchema, actionSchema);
  const indicatorField = (o: typeof model, collection: string, name: string) =>
    o.field(collection, 'indicators').fields!.find((f) => f.name === name)!;
  assert.equal(indicatorField(model, 'actions', 'label').label, label.meta()!.title);
  assert.equal(model.schemaField('indicateurs', 'label').title, `Indicateur : ${(label.meta()!.title as string).toLowerCase()}`);
  // The same indicator schema, one label changed, in both the document and the action.
  const changedIndicators = z
    .array(
      indicatorSchema
        .extend({ label: label.meta({ title: 'Intitulé de l’indicateur', description: 'Aide changée.' }) })
        .meta(indicatorSchema.meta()!),
    )
    .optional()
    .meta(indicators.meta()!);
  const changed = await outputs(
    conventionSchema.extend({ indicators: changedIndicators }).meta(conventionSchema.meta()!),
    actionSchema.extend({ indicators: changedIndicators }),
  );
  assert.deepEqual(changed.problems, []);
  for (const collection of ['conventions', 'actions']) {
    assert.equal(indicatorField(changed, collection, 'label').label, 'Intitulé de l’indicateur', collection);
    assert.equal(indicatorField(changed, collection, 'label').hint, 'Aide changée.', collection);
  }
  assert.equal(changed.schemaField('indicateurs', 'label').title, 'Indicateur : intitulé de l’indicateur');
  assert.match(changed.schemaField('indicateurs', 'label').description, /^Aide changée\./);
});
