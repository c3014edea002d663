/**
 * The word-processing fixtures of issue 22 (tests/fixtures/documents/) are what their make script
 * says: every file it lists is in the folder and nothing else, each is a zip holding the part its
 * format requires, and the "-libreoffice" files were indeed saved by LibreOffice (their reason to
 * exist: LibreOffice writes its own numbering, merged cells and styles), the others not.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeLongPlan } from '../fixtures/documents/long-plan.ts';
import { fixtureFiles } from '../fixtures/documents/make.ts';
import { tempDir } from '../temp-dir.ts';
import { readZip } from '../../scripts/office/zip.ts';

const FOLDER = join(import.meta.dirname, '../fixtures/documents');
const LIMITS = { maxSize: 10_000_000, maxEntries: 100 };

const parts = (file: string) => readZip(readFileSync(join(FOLDER, file)), LIMITS);

/** The application that saved the file, as its properties name it (docProps/app.xml, meta.xml). */
function savedBy(file: string): string {
  const zip = parts(file);
  const xml = (zip.get('docProps/app.xml') ?? zip.get('meta.xml'))?.toString('utf8') ?? '';
  return /<Application>([^<]*)<\/Application>|<meta:generator>([^<]*)<\/meta:generator>/.exec(xml)?.slice(1).find(Boolean) ?? '';
}
const byLibreOffice = (file: string) => savedBy(file).startsWith('LibreOffice');

test('the folder holds exactly the files its make script writes', () => {
  const inFolder = readdirSync(FOLDER).filter((f) => /\.(docx|odt)$/.test(f));
  assert.deepEqual(inFolder.sort(), fixtureFiles().sort());
});

test('each fixture is a zip holding its format’s main part', () => {
  for (const file of fixtureFiles()) {
    const zip = parts(file);
    if (file.endsWith('.odt')) {
      assert.equal(zip.get('mimetype')?.toString(), 'application/vnd.oasis.opendocument.text', file);
      assert.ok(zip.has('content.xml'), file);
    } else {
      assert.ok(zip.has('[Content_Types].xml') && zip.has('word/document.xml'), file);
    }
  }
});

test('the "-libreoffice" files were saved by LibreOffice, the library’s not', () => {
  const [resaved, library] = [
    fixtureFiles().filter((f) => f.includes('-libreoffice.')),
    fixtureFiles().filter((f) => !f.includes('-libreoffice.')),
  ];
  assert.ok(resaved.length > 0 && library.length > 0);
  for (const file of resaved) assert.ok(byLibreOffice(file), `${file} : ${savedBy(file)}`);
  // The check can fail: the library's files name no LibreOffice.
  for (const file of library) assert.ok(!byLibreOffice(file), `${file} : ${savedBy(file)}`);
});

test('the long plan of the timing measurement is written, its size following `pages`', async () => {
  const dir = tempDir('plan-long-');
  const [short, longer] = [join(dir, 'court.docx'), join(dir, 'moins-court.docx')];
  await writeLongPlan(short, 10);
  await writeLongPlan(longer, 25);
  const documentXml = (file: string) => readZip(readFileSync(file), LIMITS).get('word/document.xml')!.toString('utf8');
  const items = (file: string) => documentXml(file).match(/<w:numPr>/g)?.length ?? 0;
  assert.ok(items(short) > 0);
  assert.ok(items(longer) > items(short));
});
