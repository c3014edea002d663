/**
 * LibreOffice's own format, .ods, read and written (issue 20). The files under
 * tests/fixtures/libreoffice/ were saved by LibreOffice 7.4 itself, not by this code (soffice is
 * too slow to run in a unit test, about 5 s a file):
 * - bilan-essai.ods and bilan-essai.xlsx: the export of the small fixture content
 *   (tests/spreadsheet-fixture.ts) edited as a référent would (Bilan 2024 of action 1 set to NR with a
 *   two-line comment holding two spaces; action 2 given R in the new round, with a comment between
 *   spaces), converted with `soffice --headless --convert-to ods`, then that .ods converted back
 *   with `--convert-to xlsx`: the same review, saved by Calc in both formats;
 * - cas-particuliers.ods: a sheet with a merged cell, a formula in error, a number, a date, a
 *   value repeated over three cells, and the million empty rows Calc writes after the last one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook, loadContent } from '../../scripts/spreadsheet/workbook.ts';
import { importWorkbook } from '../../scripts/spreadsheet/import.ts';
import { LIMITS, readWorkbook, sheetTable } from '../../scripts/spreadsheet/reading.ts';
import { odsTables, ODS_MIMETYPE } from '../../scripts/spreadsheet/ods.ts';
import { buildOds, odsZip, paragraphs } from '../../scripts/spreadsheet/ods-writing.ts';
import { readZip } from '../../scripts/office/zip.ts';
import { fixtureContent } from '../spreadsheet-fixture.ts';
import { refusedInFrench } from '../xlsx-fixtures.ts';

const dir = fixtureContent();
const FIXTURES = join(process.cwd(), 'tests/fixtures/libreoffice');
const NEW_ROUND = { id: 'bilan-2025', label: 'Bilan 2025', date: '2025-12' };

/** The tables of a workbook file, as the importer reads them. */
const tablesOf = async (file: string) => (await readWorkbook(file)).worksheets.map(sheetTable);

/** An .ods file holding `content` as its content.xml (and what else `extra` gives), written in `dir`. */
function odsFile(name: string, content: string, extra: [string, string][] = []): string {
  const file = join(dir, name);
  writeFileSync(file, odsZip([['mimetype', ODS_MIMETYPE], ['content.xml', content], ...extra]));
  return file;
}

/** A content.xml with one sheet made of `rows` (already XML). */
const contentXml = (rows: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>' +
  `<table:table table:name="Feuille">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`;

/** Rejects with a French ReadError matching `expected`, naming the file, with no English words. */
const refused = (file: string, expected: RegExp): Promise<string> => refusedInFrench(readWorkbook(file), file, expected);

test('a review saved by LibreOffice as .ods imports with the same result as the same review saved as .xlsx', async () => {
  const options = { root: dir, dryRun: true, newRound: NEW_ROUND };
  const ods = await importWorkbook(join(FIXTURES, 'bilan-essai.ods'), options);
  const xlsx = await importWorkbook(join(FIXTURES, 'bilan-essai.xlsx'), options);
  assert.deepEqual(ods, xlsx);
  assert.deepEqual(
    ods.changes.map((c) => [c.action, c.kind, c.round, c.from, c.to]),
    [
      ['essai/action-1', 'commentaire', 'Bilan 2024', '(aucun)', 'En retard :  deux espaces\net une ligne'],
      ['essai/action-1', 'statut', 'Bilan 2024', 'R', 'NR'],
      // The new round's column comes pre-filled with each action's latest status (issue 20): confirmed.
      ['essai/action-1', 'statut', 'Bilan 2025', 'R', 'R'],
      ['essai/action-2', 'commentaire', 'Bilan 2025', '(aucun)', 'Confirmé « 1.10 »'],
      ['essai/action-2', 'statut', 'Bilan 2025', 'R', 'R'],
    ],
  );
});

test('what Calc writes is read as the .xlsx reader reads it: numbers, dates, repeated cells, merged cells, errors, empty rows not expanded', async () => {
  // The 1,048,569 empty rows Calc writes come back as none: they are not expanded.
  const [sheet] = await tablesOf(join(FIXTURES, 'cas-particuliers.ods'));
  assert.deepEqual(sheet!.rows, [
    ['en-tête', 'deux', '', '', '', '', '', ''],
    ['fusion', '', '', '1.1', '2025-12-01', 'R', 'R', 'R'],
    ['', '', '', '', '', '', '', ''],
    ['', '', '1', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['après deux lignes vides', '', '', '', '', '', '', ''],
  ]);
  assert.deepEqual(
    [...sheet!.unreadable!].map(([at, why]) => `${at} ${why.split(' : ')[0]}`),
    ['1:1 cellule fusionnée avec A2', '1:2 formule en erreur (#DIV/0!)', '2:0 cellule fusionnée avec A2', '2:1 cellule fusionnée avec A2'],
  );
});

test('the .ods export, read back, gives the same tables as the .xlsx export, byte for byte', async () => {
  const { entries } = loadContent(dir);
  const ods = odsFile('export.ods', '');
  writeFileSync(ods, buildOds(entries));
  const xlsx = join(dir, 'export.xlsx');
  await (await buildWorkbook(entries)).xlsx.writeFile(xlsx);
  const fromOds = await tablesOf(ods);
  assert.deepEqual(fromOds, await tablesOf(xlsx));
  assert.deepEqual(
    fromOds.map((t) => t.name),
    ["Mode d'emploi", 'Essai'],
  );
  // The same content gives the same bytes (a fixed date in the zip): an export can be compared.
  assert.ok(buildOds(entries).equals(readFileSync(ods)));
});

test('the .ods export has the drop-downs, the locked columns, the frozen panes and mimetype stored first', () => {
  const bytes = buildOds(loadContent(dir).entries);
  assert.equal(bytes.toString('latin1', 30, 38), 'mimetype');
  assert.equal(bytes.readUInt16LE(8), 0, 'mimetype is stored, not deflated');
  const parts = readZip(bytes, { maxSize: LIMITS.bytes, maxEntries: LIMITS.entries });
  const content = parts.get('content.xml')!.toString('utf8');
  assert.match(content, /table:condition="of:cell-content-is-in-list\(&quot;R&quot;;&quot;NR&quot;\)"/);
  // Bilan 2024 (G) and the new round (I) of both rows use the drop-down; nothing else does.
  assert.equal(content.match(/table:content-validation-name="statut1"/g)?.length, 4);
  assert.match(content, /<table:table table:name="Essai" table:style-name="ta1" table:protected="true">/);
  assert.match(content, /style:cell-protect="protected" fo:background-color="#d9d9d9"/);
  assert.match(
    parts.get('settings.xml')!.toString('utf8'),
    /config:name="Essai"><config:config-item config:name="HorizontalSplitMode" config:type="short">2</,
  );
});

test('texts keep every space, tab and line break through the writer and the reader; the check can fail', () => {
  const texts = ['  deux au début', 'à la fin ', 'a  b   c', '\tonglet', 'ligne 1\nligne 2\n', ' ', '<&>"\'', 'é’«\u00a0»'];
  const rows = (encode: (t: string) => string) =>
    texts
      .map((t) => `<table:table-row><table:table-cell office:value-type="string">${encode(t)}</table:table-cell></table:table-row>`)
      .join('');
  const read = (encode: (t: string) => string) => odsTables('essai.ods', contentXml(rows(encode)))[0]!.rows.map((r) => r[0]);
  assert.deepEqual(read(paragraphs), texts);
  // Self-test: the spaces written as text:s are the ones a reader needs; without them the texts differ.
  assert.notDeepEqual(
    read((t) => paragraphs(t).replace(/<text:s[^>]*>/g, '')),
    texts,
  );
});

test('a comment on a cell (annotation) and a drawing in it are not its text', () => {
  const cell =
    '<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>note de relecture</text:p></office:annotation>' +
    '<text:p>R<text:span> et </text:span>NR</text:p><draw:frame><draw:text-box><text:p>image</text:p></draw:text-box></draw:frame></table:table-cell></table:table-row>';
  assert.deepEqual(odsTables('essai.ods', contentXml(cell))[0]!.rows, [['R et NR']]);
});

test('the rest of a sheet, repeated a million times, is not expanded; a repeated value past the limits is refused', async () => {
  const empty =
    '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row>' +
    '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
  const start = performance.now();
  assert.deepEqual((await tablesOf(odsFile('vide.ods', contentXml(empty))))[0]!.rows, [['a']]);
  assert.ok(performance.now() - start < 200);
  const wide =
    '<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>R</text:p></table:table-cell></table:table-row>';
  await refused(
    odsFile('large.ods', contentXml(wide)),
    /feuille « Feuille » : dernière cellule utilisée XFD1, au-delà de la limite de 200 colonnes/,
  );
  const tall =
    '<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="string"><text:p>R</text:p></table:table-cell></table:table-row>';
  await refused(
    odsFile('long.ods', contentXml(tall)),
    /dernière cellule utilisée A1048576, au-delà de la limite de 200 colonnes \(GR\) et 10 000 lignes/,
  );
  await refused(
    odsFile('elements.ods', `<x>${'<a/>'.repeat(LIMITS.elements)}</x>`),
    /contient plus de 2 000 000 éléments dans ses feuilles/,
  );
  const spaces = '<table:table-row><table:table-cell><text:p><text:s text:c="999999999"/></text:p></table:table-cell></table:table-row>';
  await refused(odsFile('espaces.ods', contentXml(spaces)), /est un classeur LibreOffice \(\.ods\) abîmé/);
});

test('a file that is not a spreadsheet, or not the one its name says, is refused in French', async () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  await refused(
    write('texte.ods', 'identifiant;titre\n'),
    /n’est pas un classeur LibreOffice \(\.ods\) : .*enregistrez-le au format « Classeur ODF \(\.ods\) »/,
  );
  await refused(write('texte.xlsx', 'identifiant;titre\n'), /n’est pas un classeur Excel \(\.xlsx\)/);
  await refused(
    write(
      'lettre.ods',
      odsZip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<a/>'],
      ]),
    ),
    /n’est pas un classeur LibreOffice \(\.ods\) : c’est un document texte \(\.odt\)/,
  );
  await refused(
    write('calc.xlsx', readFileSync(join(FIXTURES, 'bilan-essai.ods'))),
    /« .*calc\.xlsx » n’est pas un classeur Excel \(\.xlsx\) malgré son nom : c’est un classeur LibreOffice \(\.ods\) ; renommez-le « calc\.ods »/,
  );
  await refused(
    write('excel.ods', readFileSync(join(FIXTURES, 'bilan-essai.xlsx'))),
    /n’est pas un classeur LibreOffice \(\.ods\) malgré son nom : c’est un classeur Excel \(\.xlsx\) ; renommez-le « excel\.xlsx »/,
  );
  await refused(write('sans-contenu.ods', odsZip([['mimetype', ODS_MIMETYPE]])), /abîmé/);
  await refused(odsFile('vide.ods', ''), /abîmé/);
  await refused(odsFile('sans-feuille.ods', '<office:document-content/>'), /abîmé/);
  await refused(odsFile('mal-forme.ods', contentXml('<table:table-row><table:table-cell>')), /est un classeur LibreOffice \(\.ods\) abîmé/);
  await refused(odsFile('dtd.ods', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'), /abîmé/);
  await refused(
    odsFile('secret.ods', contentXml(''), [
      ['META-INF/manifest.xml', '<manifest:manifest><manifest:encryption-data/></manifest:manifest>'],
    ]),
    /est protégé par un mot de passe/,
  );
});

test('tableur:exporter --format ods writes the workbook and says so in French', () => {
  const script = join(process.cwd(), 'scripts/spreadsheet/export-command.ts');
  const run = spawnSync(process.execPath, [script, '--format', 'ods', '--sortie', 'suivi.ods'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, 'Classeur LibreOffice écrit : suivi.ods (1 documents, 2 actions).\n');
  assert.equal(run.status, 0);
  assert.ok(readFileSync(join(dir, 'suivi.ods')).equals(buildOds(loadContent(dir).entries)));
});
