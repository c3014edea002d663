/**
 * The follow-up workbook on a plan of twelve actions (tests/spreadsheet-fixture.ts), so that the
 * tests hold whatever content/ holds: export then import changes nothing; ten statuses changed in
 * the workbook reach exactly ten files; a wrong status and a changed locked column are both
 * reported with their place, and nothing is written. Each test works on a fresh copy of the plan,
 * compared with an untouched one.
 */
import { test } from 'node:test';
import { changedFiles as changedFrom } from '../content-copy.ts';
import { fixtureContent, followUpHeaders } from '../spreadsheet-fixture.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportWorkbook, HEAD_COLUMNS, NEW_ROUND_COMMENT_HEADER, NEW_ROUND_HEADER } from '../../scripts/spreadsheet/workbook.ts';
import { formatImportProblem, formatSummary, importWorkbook, type SheetProblem } from '../../scripts/spreadsheet/import.ts';
import { editFrontmatter } from '../../scripts/spreadsheet/frontmatter.ts';

const PLAN = 'essai';
const SHEET = 'Essai';
const ROUND = 'Bilan 2024';
const ACTIONS = 12;
/** A fresh copy of the plan, and the untouched one it is compared with. */
const copyContent = (_prefix: string) => fixtureContent({ actions: ACTIONS });
const pristine = copyContent('tableur-');
const changedFiles = (dir: string) => changedFrom(dir, pristine);

/** The identifier's column (from 1): the number and title come first (issue 20). */
const ID_COLUMN = Object.values(HEAD_COLUMNS).indexOf(HEAD_COLUMNS.id) + 1;
const isPlan = (s: ExcelJS.Worksheet) => s.getCell(2, ID_COLUMN).text.startsWith(`${PLAN}/`);

// One export, shared: each test reads it and saves its own edited copy.
const exportDir = copyContent('tableur-');
const exported = join(exportDir, 'suivi.xlsx');
const exportDone = exportWorkbook(exported, exportDir);

/** The exported workbook with `edit` applied to the plan's sheet, saved under a new name. */
async function edited(name: string, edit: (sheet: ExcelJS.Worksheet, column: (header: string) => number) => void): Promise<string> {
  await exportDone;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  const sheet = workbook.worksheets.find(isPlan)!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  edit(sheet, (header) => headers.indexOf(header));
  const file = join(exportDir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

test('the export has a guide first, then one sheet per document with actions, drop-downs and locked identifiers', async () => {
  await exportDone;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  assert.equal(workbook.worksheets[0]!.name, "Mode d'emploi");
  assert.equal(workbook.worksheets.length, 2);
  const sheet = workbook.worksheets.find(isPlan)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  assert.deepEqual(headers, followUpHeaders(ROUND));
  assert.equal(sheet.rowCount, 1 + ACTIONS);
  let row12 = sheet.getRow(2);
  sheet.eachRow((row) => {
    if (row.getCell(ID_COLUMN).value === `${PLAN}/action-3`) row12 = row;
  });
  assert.equal(row12.getCell(1).value, '1.3');
  assert.equal(row12.getCell(7).value, 'NR');
  assert.deepEqual(row12.getCell(7).dataValidation.formulae, ['"R,NR"']);
  assert.deepEqual(row12.getCell(9).dataValidation.formulae, ['"R,NR"']);
  // The comment columns are editable text, without a drop-down.
  assert.equal(row12.getCell(8).protection?.locked, false);
  assert.equal(row12.getCell(8).dataValidation, undefined);
  // Locked is Excel's default: the file says only which cells are not.
  assert.notEqual(row12.getCell(1).protection?.locked, false);
  assert.deepEqual(row12.getCell(1).fill, { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
  assert.equal(row12.getCell(7).protection?.locked, false);
  assert.equal(row12.getCell(6).protection?.locked, false);
  // exceljs reads the protection back but does not declare it in its types.
  const { sheetProtection } = sheet as ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean; sort?: boolean } };
  assert.equal(sheetProtection?.sheet, true, 'la feuille est protégée');
});

test('export then import of the unchanged workbook changes no byte of the content', async () => {
  await exportDone;
  const dir = copyContent('tableur-');
  const result = await importWorkbook(exported, { root: dir });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.deepEqual(result.warnings, [], 'le classeur tel qu’il est exporté ne laisse rien de côté');
  assert.deepEqual(result.changes, []);
  assert.deepEqual(result.written, []);
  assert.deepEqual(changedFiles(dir), []);
});

test('ten statuses changed in the workbook: a trial run lists them, the import writes exactly those', async () => {
  const expected: { id: string; from: string; to: string }[] = [];
  const file = await edited('dix-statuts.xlsx', (sheet, column) => {
    for (let row = 2; row <= 11; row++) {
      const cell = sheet.getCell(row, column(ROUND));
      const from = cell.text;
      const to = from === 'R' ? 'NR' : 'R';
      cell.value = to;
      expected.push({ id: sheet.getCell(row, column(HEAD_COLUMNS.id)).text, from, to });
    }
  });
  const dir = copyContent('tableur-');
  const trial = await importWorkbook(file, { root: dir, dryRun: true });
  assert.deepEqual(trial.problems, []);
  assert.deepEqual(
    trial.changes.map((c) => ({ id: c.action, from: c.from, to: c.to })),
    expected,
  );
  assert.match(
    formatSummary(trial.changes),
    /^10 statuts modifiés, 0 commentaire modifié, 0 texte modifié\.\n {2}essai\/action-1 — Bilan 2024 : \w+ → \w+$/m,
  );
  assert.deepEqual(changedFiles(dir), [], 'un essai n’écrit rien');

  const result = await importWorkbook(file, { root: dir });
  assert.deepEqual(result.problems, []);
  const files = expected.map((e) => `content/actions/${e.id}.mdx`);
  assert.deepEqual(result.written.sort(), [...files].sort());
  assert.deepEqual(changedFiles(dir).sort(), [...files].sort());
  // Only the status changes: every other byte of each file stays as it was.
  for (const [i, e] of expected.entries()) {
    const before = readFileSync(join(pristine, files[i]!), 'utf8');
    assert.equal(readFileSync(join(dir, files[i]!), 'utf8'), before.replace(`status: ${e.from} }`, `status: ${e.to} }`));
  }
  // Importing the same workbook again finds nothing left to change.
  assert.deepEqual((await importWorkbook(file, { root: dir })).changes, []);
});

test('a wrong status and a changed axis are both reported with sheet, row and column, and nothing is written', async () => {
  let themes = '';
  const file = await edited('erreurs.xlsx', (sheet, column) => {
    sheet.getCell(3, column(ROUND)).value = 'FINI';
    sheet.getCell(5, column(HEAD_COLUMNS.axis)).value = '99';
    sheet.getCell(6, column(HEAD_COLUMNS.id)).value = `${PLAN}/action-999`;
    sheet.getCell(7, column(HEAD_COLUMNS.title)).value = 'Titre corrigé';
    themes = sheet.getCell(8, column('thèmes')).text;
    sheet.getCell(8, column('thèmes')).value = 'formation, carriere';
  });
  const dir = copyContent('tableur-');
  const result = await importWorkbook(file, { root: dir });
  assert.deepEqual(result.written, []);
  assert.deepEqual(changedFiles(dir), []);
  const problems = result.problems as SheetProblem[];
  assert.deepEqual(
    problems.map((p) => [p.row, p.column, p.value, p.allowed]),
    [
      [3, `G (${ROUND})`, 'FINI', 'R, NR'],
      [5, 'D (axe)', '99', '1'],
      [6, 'C (identifiant)', `${PLAN}/action-999`, `l’identifiant exporté (colonne verrouillée), par exemple ${PLAN}/action-1`],
      [8, 'L (thèmes)', 'formation, carriere', themes],
    ],
  );
  assert.ok(problems.every((p) => p.sheet === SHEET));
  assert.equal(
    formatImportProblem(problems[0]!),
    `✗ feuille « ${SHEET} », ligne 3, colonne G (${ROUND}) : statut inconnu pour ce document\n  valeur trouvée : « FINI »\n  valeurs permises : R, NR`,
  );
});

test('the build’s own checks run on the changed content: a status given to a withdrawn action is refused', async () => {
  const dir = copyContent('tableur-');
  const file = `content/actions/${PLAN}/action-3.mdx`;
  const source = readFileSync(join(dir, file), 'utf8');
  writeFileSync(
    join(dir, file),
    source.replace('statuses:\n  - { round: bilan-2024, status: NR }\n', 'withdrawn: { round: bilan-2024 }\n'),
  );
  const workbookFile = join(dir, 'retiree.xlsx');
  await exportWorkbook(workbookFile, dir);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookFile);
  const sheet = workbook.getWorksheet(SHEET)!;
  sheet.eachRow((row) => {
    if (row.getCell(ID_COLUMN).text === `${PLAN}/action-3`) row.getCell(7).value = 'R';
  });
  await workbook.xlsx.writeFile(workbookFile);
  const before = readFileSync(join(dir, file), 'utf8');
  const result = await importWorkbook(workbookFile, { root: dir });
  assert.deepEqual(
    result.problems.map((p) => ('file' in p ? [p.file, p.field] : p)),
    [[file, 'withdrawn.round']],
  );
  assert.deepEqual(result.written, []);
  assert.equal(readFileSync(join(dir, file), 'utf8'), before);
});

test('a corrected title is written in place, every other byte kept', async () => {
  let id = '';
  let title = '';
  const file = await edited('titre.xlsx', (sheet, column) => {
    id = sheet.getCell(2, column(HEAD_COLUMNS.id)).text;
    title = sheet.getCell(2, column(HEAD_COLUMNS.title)).text;
    sheet.getCell(2, column(HEAD_COLUMNS.title)).value = `${title} « corrigé »`;
  });
  const dir = copyContent('tableur-');
  const result = await importWorkbook(file, { root: dir });
  assert.deepEqual(result.problems, []);
  assert.match(
    formatSummary(result.changes),
    /^0 statut modifié, 0 commentaire modifié, 1 texte modifié\.\n {2}.+ — titre : « .+ » → « .+ « corrigé » »$/,
  );
  const path = `content/actions/${id}.mdx`;
  const before = readFileSync(join(pristine, path), 'utf8');
  assert.equal(readFileSync(join(dir, path), 'utf8'), before.replace(`title: ${title}\n`, `title: "${title} « corrigé »"\n`));
});

test('a filled-in new round needs its name; given one, it is added to the document with the statuses', async () => {
  // An old-style workbook (issue 20): the column typed in for two actions only, the others left
  // empty, published as not reviewed because the référent said so (--non-evalues). The
  // partly-filled case without it, and the pre-filled column, are tested on a fixture (tableur-bilan).
  const file = await edited('nouveau-bilan.xlsx', (sheet, column) => {
    sheet.eachRow((row, r) => {
      if (r > 1) row.getCell(column(NEW_ROUND_HEADER)).value = '';
    });
    sheet.getCell(2, column(NEW_ROUND_HEADER)).value = 'R';
    sheet.getCell(3, column(NEW_ROUND_HEADER)).value = 'NR';
  });
  const dir = copyContent('tableur-');
  const round = { id: 'bilan-2026', label: 'Bilan 2026', date: '2026-12' };
  const result = await importWorkbook(file, { root: dir, newRound: round, allowNotReviewed: true, today: '2026-12-07' });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.changes.map((c) => [c.action, c.round, c.to]),
    [
      [`${PLAN}/action-1`, 'Bilan 2026', 'R'],
      [`${PLAN}/action-2`, 'Bilan 2026', 'NR'],
    ],
  );
  const conv = `content/conventions/${PLAN}.mdx`;
  assert.deepEqual(changedFiles(dir).sort(), [`content/actions/${PLAN}/action-1.mdx`, `content/actions/${PLAN}/action-2.mdx`, conv]);
  const before = readFileSync(join(pristine, conv), 'utf8');
  assert.equal(
    readFileSync(join(dir, conv), 'utf8'),
    before
      .replace('\nsource:\n', '\n  - id: bilan-2026\n    label: "Bilan 2026"\n    date: "2026-12"\nsource:\n')
      // The plan had no update: the list is created, before `order`.
      .replace('\norder:', '\nupdates:\n  - date: "2026-12-07"\n    note: "Bilan 2026 : statuts des actions mis à jour."\norder:'),
  );
  const action = `content/actions/${PLAN}/action-1.mdx`;
  const a = readFileSync(join(pristine, action), 'utf8');
  assert.equal(
    readFileSync(join(dir, action), 'utf8'),
    a.replace(/(  - \{ round: bilan-2024, status: \w+ \}\n)/, '$1  - { round: bilan-2026, status: R }\n'),
  );
  // The workbook is now out of date (no column for the new round): it is refused, export again.
  const again = await importWorkbook(file, { root: dir, newRound: round, dryRun: true });
  assert.match(
    formatImportProblem(again.problems[0]!),
    /ligne 1 : colonne\(s\) manquante\(s\) : Bilan 2026, Commentaire \(Bilan 2026\) ; ce classeur est antérieur au dernier import/,
  );
  // Exported again, the new round has its own column, with the statuses just imported.
  await exportWorkbook(join(dir, 'apres.xlsx'), dir);
  assert.deepEqual((await importWorkbook(join(dir, 'apres.xlsx'), { root: dir, dryRun: true })).changes, []);
});

test('the command line: an error exits 1 with the report', async () => {
  const script = join(process.cwd(), 'scripts/spreadsheet/import-command.ts');
  const file = await edited('cli.xlsx', (sheet, column) => {
    sheet.getCell(3, column(ROUND)).value = 'FINI';
  });
  const bad = spawnSync(process.execPath, [script, file], { cwd: exportDir, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^Le classeur comporte 1 erreur ; aucun fichier n’a été modifié\.\n\n✗ feuille « Essai », ligne 3, colonne G/);
});

test('front matter edits keep every other byte: a status added to a list, a list created, a text requoted', () => {
  const source = [
    '---',
    'convention: x # comment',
    'title: "Titre"',
    'wording: "Texte"',
    'statuses:',
    '  - { round: b, status: "En cours" }',
    'themes: [a, b]',
    'dates: {done: "2017"}',
    '---',
    '',
    'Corps.',
    '',
  ].join('\n');
  assert.equal(
    editFrontmatter(source, [
      { kind: 'add-status', round: 'a', status: 'Réalisé', before: 0 },
      { kind: 'set', path: ['wording'], value: 'Texte « corrigé »' },
    ]),
    source.replace('statuses:\n', 'statuses:\n  - { round: a, status: "Réalisé" }\n').replace('"Texte"', '"Texte « corrigé »"'),
  );
  const none = source.replace('statuses:\n  - { round: b, status: "En cours" }\n', '');
  assert.equal(
    editFrontmatter(none, [{ kind: 'add-status', round: 'a', status: 'NR' }]),
    none.replace('themes:', 'statuses:\n  - { round: a, status: NR }\nthemes:'),
  );
  // Two statuses for an action that had none (an older round and a new one): one list, in order.
  assert.equal(
    editFrontmatter(none, [
      { kind: 'add-status', round: 'a', status: 'NR' },
      { kind: 'add-status', round: 'b', status: 'R' },
    ]),
    none.replace('themes:', 'statuses:\n  - { round: a, status: NR }\n  - { round: b, status: R }\nthemes:'),
  );
  assert.throws(() => editFrontmatter('no front matter', []), /en-tête YAML introuvable/);
});

test('comment columns: a comment is added beside its status, or with a new status; one without a status, or erased, is refused', async () => {
  const COMMENT = `Commentaire (${ROUND})`;
  const ids: string[] = [];
  const file = await edited('commentaires.xlsx', (sheet, column) => {
    for (const row of [2, 3]) ids.push(sheet.getCell(row, column(HEAD_COLUMNS.id)).text);
    sheet.getCell(2, column(COMMENT)).value = 'Bilan présenté en CSA « 2025 »';
    sheet.eachRow((row, r) => {
      if (r > 1) row.getCell(column(NEW_ROUND_HEADER)).value = '';
    });
    sheet.getCell(3, column(NEW_ROUND_HEADER)).value = 'NR';
    sheet.getCell(3, column(NEW_ROUND_COMMENT_HEADER)).value = 'Reprise en 2026';
  });
  const dir = copyContent('tableur-');
  const round = { id: 'bilan-2026', label: 'Bilan 2026', date: '2026-12' };
  const result = await importWorkbook(file, { root: dir, newRound: round, allowNotReviewed: true });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.changes.map((c) => [c.action, c.kind, c.round, c.to]),
    [
      [ids[0], 'commentaire', ROUND, 'Bilan présenté en CSA « 2025 »'],
      [ids[1], 'commentaire', 'Bilan 2026', 'Reprise en 2026'],
      [ids[1], 'statut', 'Bilan 2026', 'NR'],
    ],
  );
  const first = `content/actions/${ids[0]}.mdx`;
  assert.equal(
    readFileSync(join(dir, first), 'utf8'),
    readFileSync(join(pristine, first), 'utf8').replace(
      /(\{ round: bilan-2024, status: \w+) \}/,
      '$1, comment: "Bilan présenté en CSA « 2025 »" }',
    ),
  );
  const second = `content/actions/${ids[1]}.mdx`;
  assert.equal(
    readFileSync(join(dir, second), 'utf8'),
    readFileSync(join(pristine, second), 'utf8').replace(
      /(  - \{ round: bilan-2024, status: \w+ \}\n)/,
      '$1  - { round: bilan-2026, status: NR, comment: "Reprise en 2026" }\n',
    ),
  );
  // Exported again, the comments are in their columns: the import finds nothing to change.
  await exportWorkbook(join(dir, 'apres.xlsx'), dir);
  assert.deepEqual((await importWorkbook(join(dir, 'apres.xlsx'), { root: dir, dryRun: true })).changes, []);

  // Erasing a published comment, or a comment with no status, is refused with its place.
  const erased = join(dir, 'efface.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, 'apres.xlsx'));
  const sheet = workbook.getWorksheet(SHEET)!;
  sheet.getCell(2, 8).value = '';
  sheet.getCell(4, 11).value = ''; // the pre-filled status of the new round, emptied
  sheet.getCell(4, 12).value = 'Sans statut';
  await workbook.xlsx.writeFile(erased);
  const refused = await importWorkbook(erased, { root: dir, dryRun: true });
  assert.deepEqual(
    (refused.problems as SheetProblem[]).map((p) => [p.row, p.column, p.message.split(' :')[0]]),
    [
      [2, `H (${COMMENT})`, 'commentaire effacé'],
      [4, 'L (Commentaire (nouveau bilan))', 'commentaire sans statut'],
    ],
  );
});

test('front matter: a key added to a one-line map keeps the rest of the line', () => {
  const source = '---\nstatuses:\n  - { round: a, status: R }\n  - {round: b, status: "En cours"}\n---\n';
  assert.equal(
    editFrontmatter(source, [
      { kind: 'add-key', path: ['statuses', 0], key: 'comment', value: 'Dit « oui », "deux"' },
      { kind: 'add-key', path: ['statuses', 1], key: 'comment', value: 'x' },
    ]),
    '---\nstatuses:\n  - { round: a, status: R, comment: "Dit « oui », \\"deux\\"" }\n  - {round: b, status: "En cours", comment: "x"}\n---\n',
  );
  assert.throws(
    () =>
      editFrontmatter('---\nstatuses:\n  - round: a\n    status: R\n---\n', [
        { kind: 'add-key', path: ['statuses', 0], key: 'comment', value: 'x' },
      ]),
    /seuls les éléments sur une ligne/,
  );
});
