/**
 * `npm run document:importer` as a référent runs it (issue 22): the workbook and the report
 * written beside the document, nothing written with --essai, a reviewed workbook never replaced
 * unasked, --direct refused while decisions are to check, and every file that is not a plan
 * refused in French with nothing written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.ts';
import { writeZip } from '../../scripts/office/zip.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');
const COMMAND = join(process.cwd(), 'scripts', 'document-import', 'command.ts');

function run(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [COMMAND, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** A folder holding one copy of a fixture. */
function withFixture(name: string): string {
  const dir = tempDir('import-document-');
  copyFileSync(join(FIXTURES, name), join(dir, name));
  return dir;
}

test('the workbook and its report are written beside the document; the report places each decision to check', () => {
  const dir = withFixture('inserm-tableau-libreoffice.docx');
  const r = run(dir, 'inserm-tableau-libreoffice.docx');
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(readdirSync(dir).sort(), [
    'inserm-tableau-libreoffice-import-rapport.txt',
    'inserm-tableau-libreoffice-import.xlsx',
    'inserm-tableau-libreoffice.docx',
  ]);
  const report = readFileSync(join(dir, 'inserm-tableau-libreoffice-import-rapport.txt'), 'utf8');
  assert.match(report, /^Reconnu : \d+ axes, \d+ objectifs, \d+ actions, 2 mesures sans numéro\.$/m);
  assert.match(report, /^À vérifier \(\d+\) :$/m);
  assert.match(report, /^ {2}- tableau \d+, ligne \d+, colonne \d+ « [^»]+ » : sans numéro imprimé : repris comme mesure sans numéro$/m);
  assert.match(report, /^À remplir dans le classeur \(\d+\) :$/m);
  assert.match(r.out, /npm run tableur:importer -- inserm-tableau-libreoffice-import\.xlsx --essai/);

  // Run again: the workbook, maybe under review, is not replaced.
  const before = statSync(join(dir, 'inserm-tableau-libreoffice-import.xlsx')).mtimeMs;
  const again = run(dir, 'inserm-tableau-libreoffice.docx');
  assert.equal(again.status, 1);
  assert.match(again.err, /existe déjà : il peut contenir une relecture en cours, il n’a pas été remplacé/);
  assert.equal(statSync(join(dir, 'inserm-tableau-libreoffice-import.xlsx')).mtimeMs, before);
});

test('--essai prints the report and writes nothing; --direct is refused while decisions are to check', () => {
  const dir = withFixture('inserm-tableau-libreoffice.odt');
  const essai = run(dir, 'inserm-tableau-libreoffice.odt', '--essai');
  assert.equal(essai.status, 0, essai.err);
  assert.match(essai.out, /^Rapport d’import de « inserm-tableau-libreoffice\.odt » \(LibreOffice \.odt\)$/m);
  assert.match(essai.out, /Essai : aucun fichier n’a été écrit\.$/m);
  const direct = run(dir, 'inserm-tableau-libreoffice.odt', '--direct');
  assert.equal(direct.status, 1);
  assert.match(
    direct.err,
    /Import direct refusé : \d+ décisions sont à vérifier et \d+ renseignements restent à remplir dans le classeur \(ci-dessus\)\. Aucun fichier n’a été écrit\./,
  );
  assert.deepEqual(readdirSync(dir), ['inserm-tableau-libreoffice.odt']);
});

/**
 * A small zip whose one entry declares it expands to 4 Go: what a bomb says of itself. It is
 * refused on that declaration, before anything is inflated.
 */
function bomb(): Buffer {
  const zip = writeZip([{ name: 'word/document.xml', data: '<w:document/>'.repeat(1000) }]);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(0xfffffff0, central + 24);
  zip.writeUInt32LE(0xfffffff0, 22);
  return zip;
}

const REFUSED: [string, (dir: string) => string, RegExp][] = [
  ['a PDF', (dir) => (writeFileSync(join(dir, 'plan.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'plan.pdf'), /PDF/],
  ['a PDF named .docx', (dir) => (writeFileSync(join(dir, 'plan.docx'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'plan.docx'), /PDF/],
  [
    'a damaged .docx (cut short)',
    (dir) => {
      const whole = readFileSync(join(FIXTURES, 'inserm-tableau.docx'));
      writeFileSync(join(dir, 'plan.docx'), whole.subarray(0, Math.floor(whole.length / 2)));
      return 'plan.docx';
    },
    /endommagé|abîmé|incomplet|tronqué/,
  ],
  ['an expanded-size bomb', (dir) => (writeFileSync(join(dir, 'plan.docx'), bomb()), 'plan.docx'), /Go|Mo/],
  [
    'a document with no plan in it',
    (dir) => (copyFileSync(join(FIXTURES, 'sans-structure.docx'), join(dir, 'plan.docx')), 'plan.docx'),
    /Aucun plan reconnu/,
  ],
];

for (const [what, make, message] of REFUSED) {
  test(`${what} is refused in French, nothing written`, () => {
    const dir = tempDir('import-refus-');
    const file = make(dir);
    const before = readdirSync(dir).sort();
    const r = run(dir, file);
    assert.equal(r.status, 1, r.out + r.err);
    assert.match(r.err, message);
    assert.match(r.err, /Aucun fichier n’a été écrit/);
    assert.doesNotMatch(r.err, /\bat [\w.]+ \(|Error:|undefined/);
    assert.deepEqual(readdirSync(dir).sort(), before);
  });
}
