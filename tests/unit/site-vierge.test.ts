/**
 * The blank-site starter (npm run site:vierge) on a temporary copy of content/, src/ and
 * tests/content/: the documents and everything under them go, the glossary and the organisations
 * stay or go as asked, the settings become placeholders that still pass src/model/site.ts, the
 * fidelity tests of the removed documents go, and the example document passes the same check as
 * `npm run check:content`. The command refuses to run without confirmation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readContentFile } from '../frontmatter.ts';
import { EXAMPLE_ID, checkBlankSite, documentsOf, makeBlankSite } from '../../scripts/site-vierge.ts';

const root = process.cwd();
const TODAY = '2026-11-23';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-vierge-'));
  for (const part of ['content', 'src', 'tests/content']) cpSync(join(root, part), join(dir, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name))
    : [];
const count = (dir: string, folder: string) => files(join(dir, 'content', folder)).length;

test('keeps the glossary and the organisations, removes every document, writes a valid example', async () => {
  const dir = copy();
  try {
    const glossary = count(dir, 'glossaire');
    const organisations = count(dir, 'organisations');
    const documents = documentsOf(dir);
    assert.ok(documents.length > 0 && !documents.includes(EXAMPLE_ID));
    const report = makeBlankSite(dir, { keepGlossary: true, keepOrganisations: true, today: TODAY });
    assert.deepEqual(report.documents, documents);
    assert.equal(checkBlankSite(dir), undefined);
    assert.deepEqual(documentsOf(dir), [EXAMPLE_ID]);
    for (const folder of ['axes', 'objectives', 'actions', 'sections', 'procedures']) {
      const left = files(join(dir, 'content', folder)).map((f) => f.slice(dir.length + 1));
      assert.ok(
        left.every((f) => f.startsWith(`content/${folder}/${EXAMPLE_ID}/`)),
        left.join(', '),
      );
    }
    assert.equal(count(dir, 'glossaire'), glossary);
    assert.equal(count(dir, 'organisations'), organisations);
    // One axis, one objective, two actions, a status scale, each marked as an example.
    assert.deepEqual([count(dir, 'axes'), count(dir, 'objectives'), count(dir, 'actions')], [1, 1, 2]);
    const convention = readContentFile(join(dir, 'content/conventions', `${EXAMPLE_ID}.mdx`)).data as {
      title: string;
      summary: string;
      sourceNotes: string[];
      statusScale: unknown[];
    };
    assert.match(convention.title, /^Exemple — /);
    assert.match(convention.summary, /exemple/i);
    assert.match(convention.sourceNotes.join(' '), /exemple, pas un document réel/);
    assert.equal(convention.statusScale.length, 3);
    for (const f of files(join(dir, 'content')).filter((f) => f.includes(EXAMPLE_ID) && !f.includes('objectives'))) {
      assert.match((readContentFile(f).data as { title: string }).title, /^Exemple — /, f);
    }
    // Fidelity tests go with their documents.
    assert.deepEqual(files(join(dir, 'tests/content')), []);
    // The settings: placeholders that the site's own schema accepts.
    const config = readFileSync(join(dir, 'src/config.ts'), 'utf8');
    assert.match(config, /à renseigner/);
    assert.doesNotMatch(config, /PDF|Inserm/);
    const { site } = (await import(pathToFileURL(join(dir, 'src/config.ts')).href)) as {
      site: { name: string; accessibility: { declarationDate: string } };
    };
    assert.match(site.name, /à renseigner/);
    assert.equal(site.accessibility.declarationDate, TODAY);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('removes the glossary and the organisations when asked; run twice, gives the same site', () => {
  const dir = copy();
  try {
    makeBlankSite(dir, { keepGlossary: false, keepOrganisations: false, today: TODAY });
    const first = files(join(dir, 'content')).sort();
    assert.equal(count(dir, 'glossaire'), 0);
    assert.equal(count(dir, 'organisations'), 0);
    assert.equal(checkBlankSite(dir), undefined);
    const again = makeBlankSite(dir, { keepGlossary: false, keepOrganisations: false, today: TODAY });
    assert.deepEqual(again.documents, [EXAMPLE_ID]);
    assert.deepEqual(files(join(dir, 'content')).sort(), first);
    assert.equal(checkBlankSite(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('self-test: the check of the blank site fails on a broken example', () => {
  const dir = copy();
  try {
    makeBlankSite(dir, { keepGlossary: true, keepOrganisations: true, today: TODAY });
    const file = join(dir, 'content/actions', EXAMPLE_ID, 'action-2.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: EC', 'status: FINI'));
    assert.match(checkBlankSite(dir) ?? '', /action-2\.mdx[\s\S]*FINI/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the command needs --oui when it cannot ask, refuses contradictory choices, and reports in French', () => {
  const dir = copy();
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/site-vierge.ts', '--dossier', dir, ...args], {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  const documents = documentsOf(dir).length;
  try {
    const refused = run();
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /confirmez avec --oui/);
    assert.equal(documentsOf(dir).length, documents);
    const both = run('--oui', '--garder-glossaire', '--sans-glossaire');
    assert.equal(both.status, 1);
    assert.match(both.stderr, /pas les deux/);
    assert.equal(documentsOf(dir).length, documents);
    const done = run('--oui', '--sans-organisations');
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, /Site vierge prêt[\s\S]*organismes et rôles : supprimés[\s\S]*npm run nouveau:document/);
    assert.deepEqual(documentsOf(dir), [EXAMPLE_ID]);
    assert.equal(count(dir, 'organisations'), 0);
    assert.ok(count(dir, 'glossaire') > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
