/**
 * Reading a référent's file, bounded and in French (issue 19): a sheet past the limits (one cell
 * at XFD1048576, 100,000 blank rows) is refused before exceljs parses it, naming its last used
 * cell; 4 sheets of 5,000 rows are read; files that are no workbook are refused in French without
 * a word of the library's; every cell read is checked (a formula without its value, invisible
 * characters, as Excel writes them: `_x000B_`); unknown columns are reported. Workbooks are built
 * byte by byte (tests/xlsx-fixtures.ts) and imported into a small content folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatImportProblem, formatWarnings, importCsv, importWorkbook, type SheetProblem } from '../../scripts/spreadsheet/import.ts';
import { dateText, LIMITS, ReadError, readWorkbook, scanSheet, sheetTable, visible } from '../../scripts/spreadsheet/reading.ts';
import { readZip, ZipError } from '../../scripts/office/zip.ts';
import { SPREADSHEET_CSV, writeCsv } from '../../src/open-data/csv.ts';
import { ENGLISH, rawWorkbook, refusedInFrench, writeZip, type RawCell, type RawSheet } from '../xlsx-fixtures.ts';
import { fixtureContent, fixtureSheet } from '../spreadsheet-fixture.ts';

const dir = fixtureContent();
const sheet = fixtureSheet(dir);
const TITLE = sheet.rows[0]!.indexOf('titre');
const STATUS = sheet.rows[0]!.indexOf('Bilan 2024');
const COMMENT = sheet.rows[0]!.indexOf('Commentaire (Bilan 2024)');

/** The « Essai » sheet with `edit` applied to its rows (headers first), written as an .xlsx under `name`. */
function edited(name: string, edit: (rows: RawCell[][]) => void, extraSheets: { name: string; rows: RawCell[][] }[] = []): string {
  const rows: RawCell[][] = sheet.rows.map((r) => [...r]);
  edit(rows);
  const file = join(dir, name);
  writeFileSync(file, rawWorkbook([{ name: "Mode d'emploi", rows: [['Classeur de suivi']] }, { name: sheet.name, rows }, ...extraSheets]));
  return file;
}

/** What the library or the system says, that must never reach a référent. */

/** Rejects with a French ReadError matching `expected`, naming the file, with no English words. */
const refused = (file: string, expected: RegExp): Promise<string> =>
  refusedInFrench(importWorkbook(file, { root: dir, dryRun: true }), file, expected);

/**
 * The hostile workbooks below took minutes and gigabytes before issue 19 (120 s and 2.9 GB for one
 * cell at XFD1048576); refused, they take well under a second (measured, not asserted: times are
 * not tested here). The timeout only turns a return of that hang into a failure instead of a suite
 * that never ends, with room for a loaded machine.
 */
const HANG = { timeout: 30_000 };

test('one cell at XFD1048576 is refused before exceljs reads the sheet, naming the cell and the limits', HANG, async () => {
  const workbook = new ExcelJS.Workbook();
  const big = workbook.addWorksheet('Essai');
  sheet.rows.forEach((r) => big.addRow(r));
  big.getCell('XFD1048576').value = 'x';
  const file = join(dir, 'xfd.xlsx');
  await workbook.xlsx.writeFile(file);
  await refused(
    file,
    /^« .+xfd\.xlsx » a une feuille trop grande :\n✗ feuille « Essai » : dernière cellule utilisée XFD1048576, au-delà de la limite de 200 colonnes \(GR\) et 10 000 lignes d’une feuille ; supprimez les lignes et colonnes en trop/,
  );
  // The same sheet in memory is read in one pass over its 4 rows, and refused the same way.
  assert.throws(
    () => sheetTable(big),
    (error) => error instanceof ReadError && /^feuille « Essai » : dernière cellule utilisée XFD1048576, au-delà/.test(error.message),
  );
});

test('100,000 blank rows below the actions are refused, naming the last one', HANG, async () => {
  const header = sheet.rows.map(
    (r, i) =>
      `<row r="${i + 1}">${r.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
  );
  const blank = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 4}" ht="20" customHeight="1"/>`);
  const file = join(dir, 'lignes-vides.xlsx');
  writeFileSync(file, rawWorkbook([{ name: 'Essai', sheetData: header.join('') + blank.join('') }]));
  await refused(file, /feuille « Essai » : dernière cellule utilisée M100003, au-delà de la limite/);
});

test('ranges exceljs would expand cell by cell are refused before it reads them: merges, drop-downs, styled columns', HANG, async () => {
  const cases: [string, Partial<RawSheet>, RegExp][] = [
    [
      'fusion-geante.xlsx',
      { after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' },
      /1 fusion de cellules \(17 179 869 184 cellules, la plus grande A1:XFD1048576\), au-delà de la limite de 1 000 fusions et 100 000 cellules fusionnées ; annulez les fusions/,
    ],
    [
      'fusion-dans-les-limites.xlsx',
      { after: '<mergeCells count="1"><mergeCell ref="A1:GR10000"/></mergeCells>' },
      /la plus grande A1:GR10000\)/,
    ],
    [
      'fusions-nombreuses.xlsx',
      {
        after: `<mergeCells>${Array.from({ length: 1_500 }, (_, i) => `<mergeCell ref="P${i * 2 + 1}:P${i * 2 + 2}"/>`).join('')}</mergeCells>`,
      },
      /1 500 fusions de cellules/,
    ],
    [
      'validation-geante.xlsx',
      {
        after:
          '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576 B2"><formula1>"R,NR"</formula1></dataValidation></dataValidations>',
      },
      /listes déroulantes \(validation des données\) sur 17 179 869 185 cellules \(la plus grande plage : A1:XFD1048576\), au-delà de la limite de 2 000 000 ; réduisez leurs plages/,
    ],
    [
      'colonnes.xlsx',
      { before: '<cols><col min="1" max="200000000" width="10"/></cols>' },
      /mise en forme de colonnes jusqu’à la colonne n° 200 000 000, au-delà de la dernière colonne d’un tableur \(XFD, n° 16 384\)/,
    ],
  ];
  for (const [name, extra, expected] of cases) {
    const file = join(dir, name);
    writeFileSync(file, rawWorkbook([{ name: 'Essai', rows: sheet.rows.map((r) => [...r]), ...extra }]));
    await refused(file, expected);
  }
  // What LibreOffice and the exports write stays accepted: the rest of the columns styled up to
  // 1,025, drop-downs over a few hundred rows (self-test: the check does not refuse everything).
  const file = join(dir, 'comme-libreoffice.xlsx');
  writeFileSync(
    file,
    rawWorkbook([
      {
        name: sheet.name,
        rows: sheet.rows.map((r) => [...r]),
        before: '<cols><col min="1" max="13" width="12"/><col min="14" max="1025" width="11.52"/></cols>',
        after:
          '<dataValidations count="1"><dataValidation type="list" sqref="G2:G501"><formula1>"R,NR"</formula1></dataValidation></dataValidations>',
      },
    ]),
  );
  const { problems } = await importWorkbook(file, { root: dir, dryRun: true });
  assert.deepEqual(problems, []);
});

test('the sheet scan never finds less than the sheet holds: rows and cells without references, cell references past their row', () => {
  const cells = (xml: string) => {
    const { lastRow, lastColumn } = scanSheet(xml);
    return { lastRow, lastColumn };
  };
  assert.deepEqual(cells('<sheetData><row><c/><c><v>1</v></c></row><row r="7"><c r="C7"/><c/></row></sheetData>'), {
    lastRow: 7,
    lastColumn: 4,
  });
  assert.deepEqual(cells('<row r="2"><c r="B90000"/></row>'), { lastRow: 90_000, lastColumn: 2 });
  // Neither <cols>, <col> nor <rowBreaks> is a row or a cell (a styled column is counted apart).
  assert.deepEqual(cells('<cols><col min="1" max="16384"/></cols><rowBreaks count="1"/>'), { lastRow: 0, lastColumn: 0 });
  assert.equal(scanSheet('<cols><col min="14" max="1025"/><col min="1" max="3"/></cols>').lastStyledColumn, 1025);
});

test('a workbook whose parts would make exceljs build millions of objects is refused, whatever their names', async () => {
  const runs = '<r><t>x</t></r>'.repeat(1_000_000);
  const file = join(dir, 'texte-enrichi.xlsx');
  writeFileSync(file, rawWorkbook([{ name: 'Essai', sheetData: `<row r="1"><c r="A1" t="inlineStr"><is>${runs}</is></c></row>` }]));
  await refused(
    file,
    /contient plus de 2 000 000 éléments dans ses feuilles et leurs textes, bien au-delà de ce que tient un classeur de suivi/,
  );
  // exceljs parses xl/drawings/x.xml.bak as a drawing: it is counted like any other part.
  const parts = readZip(rawWorkbook([{ name: 'Essai', rows: sheet.rows }]), { maxSize: LIMITS.bytes, maxEntries: 100 });
  const drawing = [...parts]
    .map(([name, data]) => ({ name, data }))
    .concat({ name: 'xl/drawings/x.xml.bak', data: Buffer.from('<a/>'.repeat(100_001)) });
  writeFileSync(join(dir, 'dessin.xlsx'), writeZip(drawing));
  await refused(join(dir, 'dessin.xlsx'), /contient plus de 100 000 éléments de mise en forme/);
  // Two entries of one name could be read one way here and another by jszip.
  writeFileSync(
    join(dir, 'double.xlsx'),
    writeZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: '/xl/workbook.xml', data: '<workbook/>' },
    ]),
  );
  await refused(join(dir, 'double.xlsx'), /est un classeur abîmé/);
});

test('four documents of 5,000 actions each are read whole', async () => {
  const headers = sheet.rows[0]!;
  const sheets = [1, 2, 3, 4].map((d) => ({
    name: `Plan ${d}`,
    rows: [
      headers,
      ...Array.from({ length: 5000 }, (_, a) => [
        `plan-${d}/action-${a + 1}`,
        String(a + 1),
        '1',
        '',
        `Action ${a + 1}`,
        `Texte de l’action ${a + 1}.`,
        'R',
        '',
        '',
        '',
        'RH',
        'formation',
        'tous-agents',
      ]),
    ],
  }));
  const file = join(dir, 'grand.xlsx');
  writeFileSync(file, rawWorkbook(sheets));
  const workbook = await readWorkbook(file);
  const tables = workbook.worksheets.map(sheetTable);
  assert.deepEqual(
    tables.map((t) => [t.name, t.rows.length, t.rows[5000]![0]]),
    sheets.map((s, i) => [s.name, 5001, `plan-${i + 1}/action-5000`]),
  );
});

test('files that are no workbook are refused in French, saying what to do, without the library’s words', async () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const saveAs = /enregistrez-le au format « Classeur Excel \(\.xlsx\) »/;
  await refused(
    write('texte.xlsx', 'identifiant;titre\r\nessai/action-1;Titre\r\n'),
    /n’est pas un classeur Excel \(\.xlsx\) : .*un fichier CSV se nomme \.csv/,
  );
  await refused(
    write(
      'hasard.xlsx',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251),
    ),
    saveAs,
  );
  await refused(write('vide.xlsx', ''), /est vide \(0 octet\) : le classeur n’a pas été enregistré jusqu’au bout/);
  await refused(write('archive.xlsx', writeZip([{ name: 'lisez-moi.txt', data: 'bonjour' }])), /c’est une archive zip sans classeur/);
  await refused(
    write('calc.xlsx', writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }])),
    /c’est un classeur LibreOffice \(\.ods\)/,
  );
  // An encrypted workbook (and an Excel 97-2003 .xls) is an OLE compound file.
  await refused(
    write('protege.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4000)])),
    /est protégé par un mot de passe .*retirez le mot de passe/,
  );
  // A workbook cut short (an interrupted copy), one whose entry inflates past its declared size.
  const good = rawWorkbook([{ name: 'Essai', rows: sheet.rows }]);
  await refused(write('tronque.xlsx', good.subarray(0, good.length - 200)), saveAs);
  const lying = writeZip([{ name: 'xl/workbook.xml', data: '<workbook/>'.repeat(10_000), declaredSize: 100 }]);
  await refused(write('menteur.xlsx', lying), /est un classeur abîmé/);
  // A zip bomb: refused on the sizes it declares, before anything is inflated.
  const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: 'x', declaredSize: LIMITS.bytes + 1 }]);
  await refused(write('bombe.xlsx', bomb), /occuperait 51 Mo une fois décompressé, au-delà de la limite de 50 Mo/);
  await refused(join(dir, 'absent.xlsx'), /fichier ou dossier introuvable/);
  mkdirSync(join(dir, 'dossier.xlsx'), { recursive: true });
  await refused(join(dir, 'dossier.xlsx'), /est un dossier : donnez le chemin d’un classeur/);
});

test('the zip reader itself: each fault it names, no entry inflated past its declared size', () => {
  const fault = (bytes: Buffer) => {
    try {
      readZip(bytes, { maxSize: 1000, maxEntries: 2 });
    } catch (error) {
      assert.ok(error instanceof ZipError);
      return error.fault.kind;
    }
    return 'lu';
  };
  const text = { name: 'a.xml', data: 'abc'.repeat(100) };
  assert.equal(fault(writeZip([text])), 'lu');
  assert.equal(
    readZip(writeZip([text]), { maxSize: 1000, maxEntries: 2 })
      .get('a.xml')!
      .toString(),
    text.data,
  );
  assert.equal(fault(writeZip([{ ...text, declaredSize: 10 }])), 'damaged');
  assert.equal(fault(writeZip([{ ...text, declaredSize: 2000 }])), 'too-large');
  assert.equal(fault(writeZip([text, { ...text, name: 'b' }, { ...text, name: 'c' }])), 'too-many-entries');
  assert.equal(fault(Buffer.from('PK')), 'not-zip');
  const encrypted = writeZip([text]);
  encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
  assert.equal(fault(encrypted), 'encrypted');
});

test('the command line says why a file cannot be read, in French; the library’s text only with --debug', () => {
  const script = join(process.cwd(), 'scripts/spreadsheet/import-command.ts');
  const file = join(dir, 'pas-un-classeur.xlsx');
  writeFileSync(file, 'bonjour');
  const plain = spawnSync(process.execPath, [script, file], { cwd: dir, encoding: 'utf8' });
  assert.equal(plain.status, 1);
  assert.match(
    plain.stderr,
    /^Import impossible ; aucun fichier n’a été modifié\.\n« .+pas-un-classeur\.xlsx » n’est pas un classeur Excel \(\.xlsx\)/,
  );
  assert.doesNotMatch(plain.stderr, ENGLISH);
  assert.doesNotMatch(plain.stderr, /^\s+at /m);
  const debug = spawnSync(process.execPath, [script, file, '--debug'], { cwd: dir, encoding: 'utf8' });
  assert.match(debug.stderr, /\n\nDétail technique \(--debug\) :\nshorter than an end of central directory record\n/);
});

test('Excel’s `_x000B_` reaches the reader as a vertical tab: refused in a title with its place; a line break only in a wording or a comment', async () => {
  const file = edited('invisibles.xlsx', (rows) => {
    rows[1]![TITLE] = 'Action\u000B1';
    rows[1]![COMMENT] = 'Fait\nen deux lignes';
    rows[2]![TITLE] = 'Action\n2';
    rows[2]![COMMENT] = 'Vu\u202Egnp.exe';
  });
  assert.match(readFileSync(file).toString('latin1'), /sharedStrings/);
  const workbook = await readWorkbook(file);
  assert.equal(sheetTable(workbook.getWorksheet('Essai')!).rows[1]![TITLE], 'Action\u000B1');
  const result = await importWorkbook(workbook, { root: dir, dryRun: true });
  const problems = result.problems as SheetProblem[];
  assert.deepEqual(
    problems.map((p) => [p.sheet, p.row, p.column, p.message.split(' après')[0]]),
    [
      ['Essai', 2, 'B (titre)', 'caractère invisible interdit (U+000B, tabulation verticale)'],
      ['Essai', 3, 'B (titre)', 'caractère invisible interdit (U+000A, saut de ligne)'],
      [
        'Essai',
        3,
        'H (Commentaire (Bilan 2024))',
        'caractère invisible interdit (U+202E, contrôle bidirectionnel : forçage droite-gauche)',
      ],
    ],
  );
  // The report shows the character by its code: nothing invisible reaches the terminal.
  assert.equal(
    formatImportProblem(problems[2]!),
    '✗ feuille « Essai », ligne 3, colonne H (Commentaire (Bilan 2024)) : caractère invisible interdit (U+202E, contrôle bidirectionnel : forçage droite-gauche) après « Vu » ; retapez ce passage (un copier-coller depuis un PDF, une page web ou un tableur en apporte souvent)\n  valeur trouvée : « Vu[U+202E]gnp.exe »',
  );
  assert.equal(visible('a\u001b[31mb\tc'), 'a[U+001B][31mb\tc');
});

test('a formula without its computed value, an error value, or the hidden half of merged cells is refused where it is read', async () => {
  const file = edited('formules.xlsx', (rows) => {
    rows[1]![STATUS] = { xml: '<c><f>IF(1,"R","NR")</f></c>' };
    rows[2]![TITLE] = { xml: '<c t="e"><v>#REF!</v></c>' };
    // A formula with its value is read as its value.
    rows[2]![STATUS] = { xml: '<c t="str"><f>"R"</f><v>R</v></c>' };
  });
  const result = await importWorkbook(file, { root: dir, dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.row, p.column, p.value, p.message.split(' :')[0]]),
    [
      [2, 'G (Bilan 2024)', '(illisible)', 'formule sans valeur calculée (fichier écrit par un programme qui ne calcule pas)'],
      [3, 'B (titre)', '(illisible)', 'valeur d’erreur #REF!'],
    ],
  );
  const merged = new ExcelJS.Workbook();
  const essai = merged.addWorksheet('Essai');
  sheet.rows.forEach((r) => essai.addRow(r));
  essai.mergeCells('E2:F2');
  assert.deepEqual(
    ((await importWorkbook(merged, { root: dir, dryRun: true })).problems as SheetProblem[]).map((p) => [
      p.row,
      p.column,
      p.message.split(' :')[0],
    ]),
    [[2, 'F (libellé)', 'cellule fusionnée avec E2']],
  );
});

test('unknown columns and cells without a header are imported as nothing, with a warning the summary repeats; the guide sheet stays silent', async () => {
  const file = edited('colonnes.xlsx', (rows) => {
    rows[0]!.push('Notes', '');
    rows[1]!.push('à relancer', '');
    rows[2]!.push('', 'oublié');
    rows[1]![TITLE] = 'Action 1 corrigée';
  });
  const result = await importWorkbook(file, { root: dir, dryRun: true });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.changes.map((c) => [c.action, c.kind, c.to]),
    [['essai/action-1', 'titre', 'Action 1 corrigée']],
  );
  assert.equal(
    formatWarnings(result.warnings),
    [
      'Attention : 2 remarques, sur ce que l’import a laissé de côté :',
      '⚠ feuille « Essai », ligne 1, colonne N (Notes) : colonne inconnue, 1 cellule remplie (ligne 2) : son contenu n’est pas importé ; si elle doit l’être, donnez-lui l’en-tête exact d’une colonne attendue, sinon supprimez-la ou laissez-la\n  valeur trouvée : « Notes »\n  valeurs permises : ' +
        sheet.rows[0]!.join(', '),
      '⚠ feuille « Essai », colonne O : colonne sans en-tête : 1 cellule remplie ignorée (ligne 3) ; si elle doit être importée, elle doit porter l’en-tête d’une colonne attendue\n  valeurs permises : ' +
        sheet.rows[0]!.join(', '),
    ].join('\n\n'),
  );
  // The command prints them after its summary.
  const cli = spawnSync(process.execPath, [join(process.cwd(), 'scripts/spreadsheet/import-command.ts'), file, '--essai'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(
    cli.stdout,
    /^0 statut modifié, 0 commentaire modifié, 1 texte modifié\.\n.*\nEssai : aucun fichier n’a été modifié\.\n\nAttention : 2 remarques/,
  );
});

test('a filled column for a round the document does not have, and a column given twice, are errors', async () => {
  const round = edited('bilan-2030.xlsx', (rows) => {
    rows[0]!.push('Bilan 2030');
    rows[1]!.push('R');
  });
  assert.deepEqual(
    ((await importWorkbook(round, { root: dir, dryRun: true })).problems as SheetProblem[]).map((p) => [
      p.row,
      p.column,
      p.message,
      p.allowed,
    ]),
    [
      [
        1,
        'N (Bilan 2030)',
        'colonne de bilan que ce document n’a pas, 1 cellule remplie (ligne 2) : rien n’en serait importé ; les statuts et commentaires se saisissent dans les colonnes des bilans du document, ceux d’un nouveau bilan dans « Nouveau bilan (à renseigner) » et son commentaire, qu’on nomme à l’import (--bilan, --libelle, --date ou --periode) ; sinon supprimez la colonne',
        'Bilan 2024, Commentaire (Bilan 2024)',
      ],
    ],
  );
  const twice = edited('deux-titres.xlsx', (rows) => {
    rows.forEach((r) => r.push(r[TITLE]!));
  });
  assert.deepEqual(
    ((await importWorkbook(twice, { root: dir, dryRun: true })).problems as SheetProblem[]).map((p) => [p.row, p.column, p.message]),
    [[1, 'N (titre)', 'colonne en double, déjà en B : l’import ne sait pas laquelle lire ; supprimez l’une des deux']],
  );
  // A sheet the content does not have stays an error.
  const extra = edited('feuille-en-trop.xlsx', () => {}, [{ name: 'Brouillon', rows: [['x']] }]);
  assert.deepEqual(
    ((await importWorkbook(extra, { root: dir, dryRun: true })).problems as SheetProblem[]).map((p) => [p.sheet, p.message]),
    [['Brouillon', 'feuille inconnue (renommée ou ajoutée ?)']],
  );
});

test('CSV files: the same cell checks, and a missing file named in French', () => {
  const rows = sheet.rows.map((r) => [...r]);
  rows[1]![TITLE] = 'Action\u00001';
  const file = join(dir, 'essai.csv');
  writeFileSync(file, writeCsv(rows, SPREADSHEET_CSV));
  const result = importCsv([file], { root: dir, dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.csv, p.row, p.column, p.message.split(' après')[0]]),
    [['essai.csv', true, 2, 'B (titre)', 'caractère invisible interdit (U+0000, caractère nul)']],
  );
  assert.throws(
    () => importCsv([file, join(dir, 'absent.csv'), dir], { root: dir, dryRun: true }),
    (error) =>
      error instanceof ReadError &&
      /^« .+absent\.csv » : fichier ou dossier introuvable.*\n« .+ » est un dossier : donnez le chemin d’un fichier CSV/.test(
        error.message,
      ),
  );
});

test('a control character typed in LibreOffice Calc (written _x000b_, in lower case) is read as itself; an escaped literal stays text', async () => {
  // Written by LibreOffice 7.4 itself (a CSV converted with soffice --convert-to xlsx), not by
  // exceljs: Calc escapes a vertical tab as `_x000b_`, which exceljs alone would leave as text.
  const workbook = await readWorkbook(join(process.cwd(), 'tests/fixtures/libreoffice/caracteres-de-controle.xlsx'));
  const { rows } = sheetTable(workbook.worksheets[0]!);
  assert.deepEqual(
    rows.map((r) => r[0]),
    ['texte', 'avant\u000baprès', 'sans rien', 'littéral _x000B_'],
  );
});

test('a CSV file past the rows or columns of a sheet is refused where it gets there, before it is held whole', HANG, () => {
  const wide = join(dir, 'separateurs.csv');
  // 5 Mo of separators: one record of five million cells, which took 6 s and 1 Go to hold whole.
  writeFileSync(
    wide,
    `${writeCsv(
      sheet.rows.map((r) => r.map(String)),
      SPREADSHEET_CSV,
    )}${';'.repeat(5_000_000)}\r\n`,
  );
  const long = join(dir, 'lignes.csv');
  writeFileSync(long, writeCsv([...sheet.rows.map((r) => r.map(String)), ...Array.from({ length: 20_000 }, () => ['x'])], SPREADSHEET_CSV));
  const result = importCsv([wide, long], { root: dir, dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.message.split(',')[0]]),
    [
      ['separateurs.csv', sheet.rows.length + 1, `plus de 200 colonnes à la ligne ${sheet.rows.length + 1}`],
      ['lignes.csv', 10_001, 'plus de 10 000 lignes'],
    ],
  );
  assert.match((result.problems[0] as SheetProblem).message, /ce fichier n’est pas un export de suivi/);
});

test('a date typed as a date cell keeps the precision its format shows: a month stays a month (issue 20)', async () => {
  const workbook = new ExcelJS.Workbook();
  const dates = workbook.addWorksheet('Dates');
  const formats = ['mmm yyyy', '[$-40C]mmm\\ yyyy;@', 'MMMM YYYY', 'yyyy', 'dd/mm/yyyy', 'd "de" mmm yyyy'];
  formats.forEach((numFmt, i) => {
    const cell = dates.getCell(i + 1, 1);
    cell.value = new Date(Date.UTC(2025, 11, 1));
    cell.numFmt = numFmt;
  });
  const file = join(dir, 'dates.xlsx');
  await workbook.xlsx.writeFile(file);
  const read = sheetTable((await readWorkbook(file)).getWorksheet('Dates')!);
  assert.deepEqual(
    read.rows.map((r) => r[0]),
    ['2025-12', '2025-12', '2025-12', '2025', '2025-12-01', '2025-12-01'],
  );
  // Self-test: a literal « d » or « y » (quoted, escaped, a locale code) is no date token.
  assert.equal(dateText(new Date(Date.UTC(2025, 11, 1)), '"day "mmm\\ yyyy'), '2025-12');
});
