/**
 * Indicators in the follow-up workbook (issue 24): the « Indicateurs – … » sheet of a document
 * exported, a value typed for the new round imported with the statuses, through the same checks
 * and the same journalled write. On a copy of the fixture site's content (tests/fixtures/site/:
 * the plan « plan-essai », three rounds, indicators of the document and of three actions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import ExcelJS from 'exceljs';
import { tempDir } from '../temp-dir.ts';
import { fixtureContent } from '../spreadsheet-fixture.ts';
import { buildWorkbook, documentSheets, exportCsv, loadContent, NEW_ROUND_HEADER } from '../../scripts/spreadsheet/workbook.ts';
import {
  formatImportProblem,
  formatSummary,
  importCsv,
  importWorkbook,
  type ImportOptions,
  type ImportResult,
} from '../../scripts/spreadsheet/import.ts';
import { FIGURE_ALLOWED, INDICATOR_COLUMNS, NEW_VALUE_SOURCE_HEADER, readFigure } from '../../scripts/spreadsheet/indicator-sheet.ts';
import { editFrontmatter } from '../../scripts/spreadsheet/frontmatter.ts';
import { buildOds } from '../../scripts/spreadsheet/ods-writing.ts';
import { readWorkbook, sheetTable } from '../../scripts/spreadsheet/reading.ts';

const SITE = join(process.cwd(), 'tests/fixtures/site');
const DOCUMENT = 'plan-essai';
const ROUND = { id: 'b2027', label: 'Bilan 2027', date: '2027-06' };

/** A copy of the fixture site's content, for an import to write into. */
function siteCopy(): string {
  const dir = tempDir('tableur-indicateurs-');
  cpSync(join(SITE, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** The plan's sheets' names, as the export gives them. */
function planSheets(dir: string) {
  const doc = documentSheets(loadContent(dir).entries).find((d) => d.convention.id === DOCUMENT)!;
  return { statuses: doc.name, indicators: doc.indicatorsName! };
}

/** The exported workbook of `dir`, its Indicateurs sheet, and the cell of an indicator (by id) under a header. */
async function exported(dir: string) {
  const workbook = await buildWorkbook(loadContent(dir).entries);
  const sheet = workbook.getWorksheet(planSheets(dir).indicators)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rowOf = (id: string) => {
    let found = 0;
    sheet.eachRow((row, r) => {
      if (row.getCell(headers.indexOf(INDICATOR_COLUMNS.id) + 1).value === id) found = r;
    });
    assert.ok(found > 0, `indicator ${id} exported`);
    return found;
  };
  const cell = (id: string, header: string) => sheet.getCell(rowOf(id), headers.indexOf(header) + 1);
  return { workbook, sheet, headers, cell, rowOf };
}

/** The plan's status sheet confirms every status (--non-evalues for an action the fixture leaves unreviewed). */
const options = (dir: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
  root: dir,
  newRound: ROUND,
  today: '2027-06-15',
  allowNotReviewed: true,
  ...more,
});

/** An indicator of a content file as written on disk. */
type OnDisk = { id: string; values?: { round: string; value: number; source?: string }[] };
function indicatorOnDisk(dir: string, file: string, id: string): OnDisk {
  const data = parse(readFileSync(join(dir, file), 'utf8').split('---\n')[1]!) as { indicators: OnDisk[] };
  return data.indicators.find((i) => i.id === id)!;
}

const problemsText = (result: ImportResult) => result.problems.map(formatImportProblem).join('\n');

test('export: one « Indicateurs » sheet per document that follows indicators, figures as numbers, locked but the new round', async () => {
  const dir = siteCopy();
  const { entries } = loadContent(dir);
  const workbook = await buildWorkbook(entries);
  const names = workbook.worksheets.map((s) => s.name);
  const sheets = documentSheets(entries);
  for (const d of sheets) {
    const follows = [d.convention, ...d.actions].some((e) => (e.data.indicators ?? []).length > 0);
    assert.equal(d.indicatorsName !== undefined, follows, d.convention.id);
    // Right after its document's status sheet, with a name Excel accepts.
    if (d.indicatorsName) {
      assert.equal(names.indexOf(d.indicatorsName), names.indexOf(d.name) + 1);
      assert.ok(d.indicatorsName.length <= 31 && d.indicatorsName.startsWith('Indicateurs – '));
      // A short title too long for the 31 characters is shown cut: « … ».
      const full = `Indicateurs – ${d.convention.data.shortTitle}`;
      assert.equal(d.indicatorsName, full.length <= 31 ? full : `${full.slice(0, 30).trimEnd()}…`);
    }
  }
  const { sheet, headers, cell, rowOf } = await exported(dir);
  // The headers, written out: the model's labels (src/model/indicator.ts) and the document's rounds.
  assert.deepEqual(headers, [
    'document',
    'numéro d’action',
    'Identifiant',
    'Libellé',
    'Unité',
    'Valeur de départ',
    'Cible',
    'Bilan 2024',
    'Bilan 2025',
    'Bilan 2026',
    NEW_ROUND_HEADER,
    'Source (nouveau bilan)',
  ]);
  const plan = entries.conventions.find((c) => c.id === DOCUMENT)!;
  const own = plan.data.indicators![0]!;
  // The document's own indicator first, without an action number; its figures are numbers.
  assert.equal(rowOf(own.id), 2);
  assert.equal(cell(own.id, 'numéro d’action').value, '');
  assert.equal(cell(own.id, 'Valeur de départ').value, own.baseline!.value);
  assert.equal(cell(own.id, 'Bilan 2026').value, own.values!.find((v) => v.round === 'b2026')!.value);
  assert.match(cell(own.id, 'Cible').numFmt, /^#,##0/);
  // One row per indicator of the document and of its actions.
  const actions = entries.actions.filter((a) => a.data.convention === DOCUMENT);
  const count = (plan.data.indicators ?? []).length + actions.reduce((n, a) => n + (a.data.indicators ?? []).length, 0);
  assert.equal(sheet.actualRowCount, count + 1);
  // Locked (grey) but the new round's value and source; the sheet protected as the status sheets are.
  for (const h of headers) {
    const editable = h === NEW_ROUND_HEADER || h === NEW_VALUE_SOURCE_HEADER;
    assert.equal(cell(own.id, h).protection?.locked, !editable, h);
  }
  const { sheetProtection } = sheet as ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } };
  assert.equal(sheetProtection?.sheet, true);
});

test('round trip: « 6,4 » typed for the new round lands in the document at that round, with its source; the summary says the move', async () => {
  const dir = siteCopy();
  const { workbook, cell } = await exported(dir);
  cell('taux-emploi', NEW_ROUND_HEADER).value = '6,4';
  cell('taux-emploi', NEW_VALUE_SOURCE_HEADER).value = 'Rapport social unique 2027';
  // A number cell, as Excel stores what is typed in French (13), and a point for decimals.
  cell('recrutements', NEW_ROUND_HEADER).value = 13;
  cell('job-coaching', NEW_ROUND_HEADER).value = '8.5';
  // Left empty: no value at this round (not zero).
  cell('delai-amenagement', NEW_ROUND_HEADER).value = '';
  const result = await importWorkbook(workbook, options(dir));
  assert.equal(problemsText(result), '');
  assert.deepEqual(indicatorOnDisk(dir, 'content/conventions/plan-essai.mdx', 'taux-emploi').values!.at(-1), {
    round: ROUND.id,
    value: 6.4,
    source: 'Rapport social unique 2027',
  });
  assert.deepEqual(indicatorOnDisk(dir, 'content/actions/plan-essai/action-1.mdx', 'recrutements').values!.at(-1), {
    round: ROUND.id,
    value: 13,
  });
  assert.equal(indicatorOnDisk(dir, 'content/actions/plan-essai/action-2.mdx', 'job-coaching').values!.at(-1)!.value, 8.5);
  assert.ok(
    !indicatorOnDisk(dir, 'content/actions/plan-essai/action-3.mdx', 'delai-amenagement').values!.some((v) => v.round === ROUND.id),
  );
  // One write for everything: the statuses of the round, its entry in the document, the values.
  assert.ok(result.written.includes('content/conventions/plan-essai.mdx'));
  assert.ok(result.written.includes('content/actions/plan-essai/action-1.mdx'));
  // The written content is valid as the build reads it, the round added to the document.
  const after = loadContent(dir).entries.conventions.find((c) => c.id === DOCUMENT)!;
  assert.equal(after.data.rounds!.at(-1)!.id, ROUND.id);
  const summary = formatSummary(result.changes, result);
  assert.match(summary, /\n {2}3 valeurs d’indicateurs :\n/);
  assert.match(summary, /\n {4}Taux d’emploi direct de personnes en situation de handicap \(document\) : 6,1 → 6,4\n/);
  assert.match(summary, /\n {4}Agents en situation de handicap recrutés depuis le début du plan \(action 1\) : 12 → 13\n/);
});

test('a value that is no number is refused with its sheet, row, column and what is allowed; nothing is written', async () => {
  const dir = siteCopy();
  const { workbook, cell, rowOf } = await exported(dir);
  cell('taux-emploi', NEW_ROUND_HEADER).value = '6,4 %';
  cell('recrutements', NEW_ROUND_HEADER).value = 'n.c.';
  // « 6,4 % » typed in Excel is stored 0.064, shown as a percentage: read as shown, and refused.
  cell('job-coaching', NEW_ROUND_HEADER).value = 0.064;
  cell('job-coaching', NEW_ROUND_HEADER).numFmt = '0.0%';
  cell('delai-amenagement', NEW_ROUND_HEADER).value = { formula: '20+7', result: 27 };
  const before = readFileSync(join(dir, 'content/conventions/plan-essai.mdx'), 'utf8');
  const result = await importWorkbook(workbook, options(dir));
  const sheet = planSheets(dir).indicators;
  assert.equal(
    formatImportProblem(result.problems[0]!),
    [
      `✗ feuille « ${sheet} », ligne ${rowOf('taux-emploi')}, colonne K (${NEW_ROUND_HEADER}) : valeur d’indicateur illisible ` +
        '(taux-emploi, en %) : tapez le nombre seul, l’unité est déjà dans la colonne « Unité »',
      '  valeur trouvée : « 6,4 % »',
      `  valeurs permises : ${FIGURE_ALLOWED}`,
    ].join('\n'),
  );
  assert.deepEqual(
    result.problems.map((p): unknown[] => ['row' in p ? p.row : undefined, p.value, p.message]),
    [
      [
        rowOf('taux-emploi'),
        '6,4 %',
        'valeur d’indicateur illisible (taux-emploi, en %) : tapez le nombre seul, l’unité est déjà dans la colonne « Unité »',
      ],
      [
        rowOf('recrutements'),
        'n.c.',
        'valeur d’indicateur illisible (recrutements, en agents) : un chiffre que le bilan ne donne pas se laisse vide',
      ],
      [
        rowOf('job-coaching'),
        '6.4 %',
        'valeur d’indicateur illisible (job-coaching, en agents) : tapez le nombre seul, l’unité est déjà dans la colonne « Unité »',
      ],
      [rowOf('delai-amenagement'), '27', 'formule dans une valeur d’indicateur (delai-amenagement) : tapez le nombre lui-même'],
    ],
  );
  assert.deepEqual(result.written, []);
  assert.equal(readFileSync(join(dir, 'content/conventions/plan-essai.mdx'), 'utf8'), before);
});

test('an unknown indicator id, a locked figure changed, a source without a value: refused, each where it is', async () => {
  const dir = siteCopy();
  const { workbook, cell, rowOf } = await exported(dir);
  const row = rowOf('job-coaching');
  cell('job-coaching', INDICATOR_COLUMNS.id).value = 'job-coach';
  cell('taux-emploi', 'Valeur de départ').value = 5.3;
  cell('recrutements', NEW_VALUE_SOURCE_HEADER).value = 'Bilan social 2027';
  const result = await importWorkbook(workbook, options(dir));
  const sheet = planSheets(dir).indicators;
  assert.deepEqual(result.problems.map(formatImportProblem), [
    [
      `✗ feuille « ${sheet} », ligne ${rowOf('taux-emploi')}, colonne F (Valeur de départ) : colonne verrouillée modifiée : ` +
        'seule la colonne du nouveau bilan (et sa source) se remplit ; une valeur publiée se corrige dans le fichier de l’action ou du document',
      '  valeur trouvée : « 5.3 »',
      '  valeurs permises : 5,2',
    ].join('\n'),
    [
      `✗ feuille « ${sheet} », ligne ${rowOf('recrutements')}, colonne L (Source (nouveau bilan)) : source sans valeur : ` +
        'une source accompagne la valeur du nouveau bilan',
      '  valeur trouvée : « Bilan social 2027 »',
      `  valeurs permises : une valeur dans la colonne « ${NEW_ROUND_HEADER} », ou la source effacée`,
    ].join('\n'),
    [
      `✗ feuille « ${sheet} », ligne ${row}, colonne C (Identifiant) : identifiant d’indicateur inconnu dans ce document`,
      '  valeur trouvée : « job-coach »',
      '  valeurs permises : les identifiants exportés (colonne verrouillée) : taux-emploi, recrutements, job-coaching, delai-amenagement',
    ].join('\n'),
  ]);
  assert.deepEqual(result.written, []);
});

test('values typed without naming the round (--bilan) are refused, as new statuses are', async () => {
  const dir = siteCopy();
  const { workbook, cell, rowOf } = await exported(dir);
  cell('taux-emploi', NEW_ROUND_HEADER).value = '6,4';
  const result = await importWorkbook(workbook, { root: dir });
  assert.deepEqual(
    result.problems.map((p) => ({ ...p })),
    [
      {
        sheet: planSheets(dir).indicators,
        row: rowOf('taux-emploi'),
        column: `K (${NEW_ROUND_HEADER})`,
        value: '6,4',
        message:
          'nouveau bilan : dites lequel en relançant avec --bilan <identifiant> --libelle "<libellé>" et --date AAAA-MM ou --periode "<période>"',
      },
    ],
  );
});

test('readFigure: the ways a French spreadsheet writes a number, an empty cell as no value, anything else refused', () => {
  assert.equal(readFigure('6,4'), 6.4);
  assert.equal(readFigure(' 6.4 '), 6.4);
  assert.equal(readFigure('13'), 13);
  assert.equal(readFigure('-2,5'), -2.5);
  assert.equal(readFigure('1 200,5'), 1200.5);
  assert.equal(readFigure('1\u202f200'), 1200);
  assert.equal(readFigure(''), undefined);
  for (const refused of ['6,4 %', 'n.c.', '6,4,1', '1 20', 'six', '6 400 €', '=A1']) assert.equal(readFigure(refused), 'refusé', refused);
});

test('front matter: a value added to an indicator without values creates its list, every other byte kept', () => {
  const source = [
    '---',
    'title: "Action"',
    'indicators:',
    '  - id: taux',
    '    label: "Taux"',
    '    unit: "%"',
    '    direction: hausse',
    '    target: { value: 6 }',
    '# fin',
    'order: 1',
    '---',
    '',
    'Texte.',
    '',
  ].join('\n');
  const edited = editFrontmatter(source, [{ kind: 'add-value', indicator: 0, round: 'b2027', value: 6.4, source: 'RSU 2027' }]);
  assert.equal(
    edited,
    source.replace(
      '    target: { value: 6 }\n',
      '    target: { value: 6 }\n    values:\n      - { round: b2027, value: 6.4, source: "RSU 2027" }\n',
    ),
  );
});

test('CSV: the indicators file of a document (<document>.indicateurs.csv) is written French (6,1) and read back', () => {
  const dir = siteCopy();
  const out = join(dir, 'csv');
  const { files } = exportCsv(out, dir);
  const file = join(out, `${DOCUMENT}.indicateurs.csv`);
  assert.ok(files.includes(file));
  const text = readFileSync(file, 'utf8');
  assert.match(text, /taux-emploi;.*;5,2;6;5,4;5,8;6,1;;/);
  writeFileSync(file, text.replace(/(taux-emploi;.*;6,1;);/, '$1"6,4";'));
  // Alone, without the document's status file that carries its new round: refused, nothing written.
  const alone = importCsv([file], options(dir));
  assert.deepEqual(
    alone.problems.map((p) => p.message),
    [
      'valeur d’indicateur sans nouveau bilan : le nouveau bilan d’un document se lit avec ses statuts (sa feuille, ou son fichier CSV), ' +
        'absents de cet import (ou ce document ne suit pas de statut) ; importez-les ensemble, ou ajoutez la valeur dans le fichier de l’action ou du document',
    ],
  );
  assert.deepEqual(alone.written, []);
  const result = importCsv([join(out, `${DOCUMENT}.csv`), file], options(dir));
  assert.equal(problemsText(result), '');
  assert.equal(indicatorOnDisk(dir, 'content/conventions/plan-essai.mdx', 'taux-emploi').values!.at(-1)!.value, 6.4);
});

test('ODS: the Indicateurs sheet is written with figures as numbers, read back as the .xlsx is', async () => {
  const dir = siteCopy();
  const file = join(dir, 'suivi.ods');
  writeFileSync(file, buildOds(loadContent(dir).entries));
  const workbook = await readWorkbook(file);
  const table = sheetTable(workbook.worksheets.find((s) => s.name === planSheets(dir).indicators)!);
  // A float cell reads as JavaScript writes the number (a text cell would read « 5,2 »).
  const own = table.rows.find((r) => r.includes('taux-emploi'))!;
  assert.equal(own[table.rows[0]!.indexOf('Valeur de départ')], '5.2');
  const result = await importWorkbook(workbook, options(dir, { dryRun: true }));
  assert.equal(problemsText(result), '');
});

test('LibreOffice: the Indicateurs sheet saved by Calc (.ods, and .xlsx again) still reads, « 6,4 » and 13 imported', async () => {
  // tests/fixtures/libreoffice/indicateurs-essai.*: the export of the small content with indicators,
  // values typed, converted by soffice itself (tests/fixtures/libreoffice/make.ts).
  const dir = fixtureContent({ indicators: true });
  const fixtures = join(process.cwd(), 'tests/fixtures/libreoffice');
  const run = (file: string) =>
    importWorkbook(join(fixtures, file), { root: dir, dryRun: true, newRound: { id: 'bilan-2025', label: 'Bilan 2025', date: '2025-12' } });
  const ods = await run('indicateurs-essai.ods');
  const xlsx = await run('indicateurs-essai.xlsx');
  assert.equal(problemsText(ods), '');
  assert.deepEqual(ods, xlsx);
  assert.deepEqual(
    ods.changes.filter((c) => c.kind === 'indicateur').map((c) => [c.subject, c.from, c.to]),
    [
      ['Taux d’emploi (document)', '6,1', '6,4'],
      ['Agents recrutés (action 1)', '4', '13'],
    ],
  );
});
