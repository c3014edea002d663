/**
 * The yearly review through the spreadsheet (issue 20): a référent changes what moved, and no
 * path from the workbook to the site lets most statuses vanish without the référent saying so.
 * On a fixture plan of 12 actions (tests/spreadsheet-fixture.ts), never on the demo documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import ExcelJS from 'exceljs';
import { buildWorkbook, FROZEN_COLUMNS, loadContent, NEW_ROUND_HEADER, NEW_ROUND_PROMPT } from '../../scripts/spreadsheet/workbook.ts';
import {
  defaultUpdateNote,
  formatImportProblem,
  formatSummary,
  importTables,
  missingMessage,
  readAsNumber,
  type ImportOptions,
  type SheetProblem,
} from '../../scripts/spreadsheet/import.ts';
import { fixtureContent, fixtureSheet } from '../spreadsheet-fixture.ts';

const ROUND = { id: 'bilan-2025', label: 'Bilan 2025', date: '2025-12' };
const TODAY = '2026-12-07';
const ACTIONS = 12;

/** The fixture's folder, its sheet as exported (new-round column pre-filled), and the column of a header. */
function setUp() {
  const dir = fixtureContent({ actions: ACTIONS });
  const sheet = fixtureSheet(dir);
  const column = (header: string) => sheet.rows[0]!.indexOf(header);
  return { dir, sheet, column };
}

/** The front matter of a content file of `dir`. */
const data = (dir: string, file: string) => parse(readFileSync(join(dir, file), 'utf8').split('---\n')[1]!) as Record<string, unknown>;

/** Where the review moves an action (row index = action number): 5 of the 12, three R → NR and two NR → R. */
const MOVES: [row: number, to: string][] = [
  [1, 'NR'],
  [2, 'NR'],
  [4, 'NR'],
  [3, 'R'],
  [5, 'R'],
];

const importSheet = (dir: string, rows: string[][], name: string, options: Partial<ImportOptions> = {}) =>
  importTables([{ name, rows }], { root: dir, newRound: ROUND, today: TODAY, ...options });

test('only the 5 changed rows of a new round filled (the column emptied elsewhere): refused, every empty row listed, nothing written', () => {
  const { dir, sheet, column } = setUp();
  const next = column(NEW_ROUND_HEADER);
  const rows = sheet.rows.map((r, i) => (i === 0 ? r : r.with(next, '')));
  for (const [row, to] of MOVES) rows[row]![next] = to;
  const before = readFileSync(join(dir, 'content/conventions/essai.mdx'), 'utf8');
  const result = importSheet(dir, rows, sheet.name);
  assert.equal(result.problems.length, 1);
  assert.deepEqual(result.written, []);
  assert.equal(readFileSync(join(dir, 'content/conventions/essai.mdx'), 'utf8'), before);
  const empty = [6, 7, 8, 9, 10, 11, 12];
  assert.equal(
    formatImportProblem(result.problems[0]!),
    [
      `✗ feuille « Essai », colonne I (${NEW_ROUND_HEADER}) : nouveau bilan « Bilan 2025 » : 7 actions n’ont pas de statut ` +
        `(lignes ${empty.map((n) => n + 1).join(', ')} : ${empty.map((n) => `essai/action-${n}`).join(', ')}) ; ` +
        'publiées ainsi, elles apparaîtraient « sans statut » sur le site. Donnez à chacune son statut (celui du dernier bilan ' +
        's’il n’a pas changé : exportez un nouveau classeur, la colonne y est pré-remplie), ou, si elles n’ont vraiment pas été ' +
        'évaluées, relancez l’import avec --non-evalues',
      '  valeur trouvée : « (vide) »',
      '  valeurs permises : R, NR',
    ].join('\n'),
  );

  // Said in words (--non-evalues): published as not reviewed, and the summary says which.
  const allowed = importSheet(dir, rows, sheet.name, { allowNotReviewed: true, dryRun: true });
  assert.deepEqual(allowed.problems, []);
  assert.deepEqual(
    allowed.notReviewed.map((n) => n.action),
    empty.map((n) => `essai/action-${n}`),
  );
  assert.match(
    formatSummary(allowed.changes, allowed),
    /\n {2}7 actions non évaluées \(publiées sans statut à ce bilan, --non-evalues\) : essai\/action-6, /,
  );
});

test('the pre-filled export with 5 statuses changed: the others are confirmed, the moves told apart, the update dated', () => {
  const { dir, sheet, column } = setUp();
  const next = column(NEW_ROUND_HEADER);
  const rows = sheet.rows.map((r) => [...r]);
  for (const [row, to] of MOVES) rows[row]![next] = to;
  const result = importSheet(dir, rows, sheet.name, { note: 'Bilan 2025 présenté en CSA' });
  assert.deepEqual(result.problems, []);
  // Every action has a status at the new round: the 5 moved, the 7 others as they were.
  for (let n = 1; n <= ACTIONS; n++) {
    const statuses = data(dir, `content/actions/essai/action-${n}.mdx`).statuses as { round: string; status: string }[];
    const moved = MOVES.find(([row]) => row === n);
    assert.deepEqual(statuses.at(-1), { round: ROUND.id, status: moved ? moved[1] : statuses[0]!.status });
  }
  const convention = data(dir, 'content/conventions/essai.mdx');
  assert.deepEqual((convention.rounds as unknown[]).at(-1), ROUND);
  assert.deepEqual(convention.updates, [{ date: TODAY, note: 'Bilan 2025 présenté en CSA' }]);
  assert.equal(
    formatSummary(result.changes, result),
    [
      '0 statut modifié, 0 commentaire modifié, 0 texte modifié.',
      'Nouveau bilan « Bilan 2025 » :',
      '  5 statuts changés :',
      '    R → NR : 3 actions (essai/action-1, essai/action-2, essai/action-4)',
      '    NR → R : 2 actions (essai/action-3, essai/action-5)',
      '  7 statuts confirmés sans changement.',
      '  0 action non évaluée.',
    ].join('\n'),
  );
});

test('a second update is added after the first, with the default note naming the round', () => {
  const { dir, sheet, column } = setUp();
  const rows = sheet.rows.map((r) => [...r]);
  rows[1]![column(NEW_ROUND_HEADER)] = 'NR';
  assert.deepEqual(importSheet(dir, rows, sheet.name, { today: '2026-01-02' }).problems, []);
  const again = fixtureSheet(dir);
  const next = again.rows[0]!.indexOf(NEW_ROUND_HEADER);
  const rows2 = again.rows.map((r) => [...r]);
  rows2[1]![next] = 'R';
  const round2 = { id: 'bilan-2026', label: 'Bilan 2026', period: '2026' };
  assert.deepEqual(importSheet(dir, rows2, again.name, { newRound: round2 }).problems, []);
  assert.deepEqual(data(dir, 'content/conventions/essai.mdx').updates, [
    { date: '2026-01-02', note: defaultUpdateNote('Bilan 2025') },
    { date: TODAY, note: 'Bilan 2026 : statuts des actions mis à jour.' },
  ]);
});

test('the export left as it is changes nothing; with --bilan, its document is left out of the round and said so', () => {
  const { dir, sheet } = setUp();
  const none = importTables([{ name: sheet.name, rows: sheet.rows }], { root: dir, dryRun: true });
  assert.deepEqual([none.problems, none.changes], [[], []]);
  const round = importSheet(dir, sheet.rows, sheet.name, { dryRun: true });
  assert.deepEqual([round.problems, round.changes, round.leftOut], [[], [], ['Essai']]);
  assert.match(
    formatSummary(round.changes, round),
    /\nSans nouveau bilan \(colonne « Nouveau bilan \(à renseigner\) » laissée telle qu’exportée\) : « Essai »\.$/,
  );
  // A changed status without --bilan is still asked its round.
  const rows = sheet.rows.map((r) => [...r]);
  rows[1]![sheet.rows[0]!.indexOf(NEW_ROUND_HEADER)] = 'NR';
  const unnamed = importTables([{ name: sheet.name, rows }], { root: dir, dryRun: true });
  assert.deepEqual(
    (unnamed.problems as SheetProblem[]).map((p) => [p.row, p.value]),
    [[2, 'NR']],
  );
});

test('an old workbook after a new round: the cause is said, and to export again', () => {
  const { dir, sheet, column } = setUp();
  const rows = sheet.rows.map((r) => [...r]);
  rows[1]![column(NEW_ROUND_HEADER)] = 'NR';
  assert.deepEqual(importSheet(dir, rows, sheet.name).problems, []);
  const old = importTables([{ name: sheet.name, rows }], { root: dir, dryRun: true });
  assert.match(
    formatImportProblem(old.problems[0]!),
    /^✗ feuille « Essai », ligne 1 : colonne\(s\) manquante\(s\) : Bilan 2025, Commentaire \(Bilan 2025\) ; ce classeur est antérieur au dernier import \(bilan « Bilan 2025 » ajouté depuis son export\) : exportez-en un nouveau \(npm run tableur:exporter\) et reportez-y vos saisies\n/,
  );
  // Self-test: a renamed column is not blamed on the workbook's age.
  assert.equal(missingMessage(['titre'], [{ label: 'Bilan 2025' }]), 'colonne(s) manquante(s) ou renommée(s) : titre');
});

test('a numbering read as a number by the spreadsheet (« 1.10 » → 1.1): the cause and how to avoid it', () => {
  const { dir, sheet, column } = setUp();
  const rows = sheet.rows.map((r) => [...r]);
  assert.equal(rows[10]![column('numéro')], '1.10');
  rows[10]![column('numéro')] = '1.1';
  const result = importTables([{ name: sheet.name, rows }], { root: dir, dryRun: true });
  const text = formatImportProblem(result.problems[0]!);
  assert.match(
    text,
    /^✗ feuille « Essai », ligne 11, colonne A \(numéro\) : colonne verrouillée modifiée : le tableur a lu « 1\.10 » comme un nombre et l’a réécrit « 1\.1 » \(reconnaissance automatique des nombres/,
  );
  assert.match(text, /la langue « Français \(France\) » et le type « Texte » pour cette colonne/);
  // Self-test: another change of a locked cell keeps the plain message.
  assert.equal(readAsNumber('1.2', '1.10'), false);
  assert.equal(readAsNumber('1.1', '1.10'), true);
  rows[10]![column('numéro')] = '7';
  const other = importTables([{ name: sheet.name, rows }], { root: dir, dryRun: true });
  assert.match(formatImportProblem(other.problems[0]!), /colonne verrouillée modifiée : elle ne peut pas l’être depuis le classeur\n/);
});

test('the exported workbook pre-fills the new round visibly (a prompt on each cell, a note on the header) and freezes number and title', async () => {
  const { dir } = setUp();
  const workbook = await buildWorkbook(loadContent(dir).entries);
  const sheet = workbook.getWorksheet('Essai')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const next = headers.indexOf(NEW_ROUND_HEADER) + 1;
  assert.equal(sheet.getCell(3, next).value, 'R');
  assert.equal(sheet.getCell(3, next).dataValidation.prompt, NEW_ROUND_PROMPT);
  assert.match(NEW_ROUND_PROMPT, /^Statut du dernier bilan, à confirmer ou changer\./);
  assert.equal(sheet.getCell(1, next).note, NEW_ROUND_PROMPT);
  // The frozen columns show which action a row is: its number and title, not a truncated identifier.
  assert.deepEqual(headers.slice(0, FROZEN_COLUMNS), ['numéro', 'titre']);
  assert.equal(sheet.views[0]!.state === 'frozen' && sheet.views[0]!.xSplit, FROZEN_COLUMNS);
  assert.ok(sheet.getColumn(2).width! >= 40, 'le titre se lit sans être coupé');
  const guide = workbook.getWorksheet("Mode d'emploi")!;
  const text = guide
    .getColumn(1)
    .values.map((v) => String(v as string))
    .join('\n');
  assert.match(text, /pré-remplie avec le statut\ndu dernier bilan de chaque action, à confirmer ou changer/);
});

test('the command line: a partly filled round exits 1 with the list, content untouched', async () => {
  const { dir, sheet, column } = setUp();
  const next = column(NEW_ROUND_HEADER);
  const rows = sheet.rows.map((r, i) => (i === 0 ? r : r.with(next, '')));
  for (const [row, to] of MOVES) rows[row]![next] = to;
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(sheet.name).addRows(rows);
  const file = join(dir, 'bilan.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  const script = join(process.cwd(), 'scripts/spreadsheet/import-command.ts');
  const args = [script, file, '--bilan', ROUND.id, '--libelle', ROUND.label, '--date', ROUND.date];
  const refused = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  assert.equal(refused.status, 1);
  assert.match(
    refused.stderr,
    /^Le classeur comporte 1 erreur ; aucun fichier n’a été modifié\.\n\n✗ feuille « Essai », colonne I .+ 7 actions n’ont pas de statut/,
  );
  assert.equal(data(dir, 'content/conventions/essai.mdx').updates, undefined);
});
