/**
 * The blank-site starter (npm run site:vierge) on a temporary project made of the fixture site's
 * content (tests/fixtures/site/), src/ and a tests/content/ with one fidelity test per document, so
 * that it holds whatever content/ holds (a starter site included): the documents and everything under them go, the glossary and the organisations
 * stay or go as asked, the settings become placeholders that still pass src/model/site.ts, the
 * fidelity tests of the removed documents go, and the example document passes the same check as
 * `npm run check:content`. The command refuses to run without confirmation. It stays inside its
 * fence (issue 19): stray names (`.mdx`, `...mdx`) and symbolic links in content/conventions/, a
 * link inside a document's folder or in place of a collection folder, remove nothing outside the
 * documents it lists, and the report names each of them with the reason it was left.
 */
import { test } from 'node:test';
import * as prettier from 'prettier';
import assert from 'node:assert/strict';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readContentFile } from '../frontmatter.ts';
import { FIXTURE_SOURCES } from '../fixture-site.ts';
import { EXAMPLE_ID, checkBlankSite, formatBlankReport, makeBlankSite, scanDocuments } from '../../scripts/starter/blank-site.ts';
import { tempDir } from '../temp-dir.ts';

/** The documents a project publishes: the ids of the regular files content/conventions/<id>.mdx. */
const documentsOf = (root: string): string[] => scanDocuments(root).documents;

const root = process.cwd();
const TODAY = '2026-11-23';

/** The fixture's documents, each with a fidelity test that names it, and the sources they read. */
function copy(): string {
  const dir = tempDir('site-vierge-');
  cpSync(join(FIXTURE_SOURCES, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'tests/content/seeds'), { recursive: true });
  writeFileSync(join(dir, 'tests/content/seeds/source.txt'), 'Le texte d’une source.\n');
  for (const document of documentsOf(dir)) {
    writeFileSync(join(dir, `tests/content/${document}-fidelity.test.ts`), `const document = '${document}';\n`);
  }
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
    // The settings: placeholders that the site's own schema accepts in a draft.
    const config = readFileSync(join(dir, 'src/config.ts'), 'utf8');
    assert.match(config, /à renseigner/);
    assert.doesNotMatch(config, /PDF|Inserm/);
    // Written as the project's formatter writes it: the starter site's own `npm test` checks it.
    assert.ok(
      await prettier.check(config, { ...(await prettier.resolveConfig('src/config.ts')), filepath: 'src/config.ts' }),
      'src/config.ts mis en forme',
    );
    const { site } = (await import(pathToFileURL(join(dir, 'src/config.ts')).href)) as {
      site: { name: string; draft: boolean; accessibility: { declarationDate: string } };
    };
    assert.match(site.name, /à renseigner/);
    // Placeholders are accepted only in a draft, which every page then announces (issue 20).
    assert.equal(site.draft, true);
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
    spawnSync(process.execPath, ['scripts/starter/blank-site.ts', '--dossier', dir, ...args], {
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
    assert.equal(both.status, 2);
    assert.match(both.stderr, /pas les deux/);
    const typo = run('--oui', '--garder-glosaire');
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /^option inconnue : --garder-glosaire\n\nUsage : npm run site:vierge/);
    assert.doesNotMatch(typo.stderr, /ERR_PARSE_ARGS|\bat \w+ \(/);
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

/** Every file under `dir`, links not followed, with its bytes: to compare a folder byte for byte. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort()
      .map((f) => [f.slice(dir.length + 1), readFileSync(f).toString('base64')]),
  );
}

/**
 * A copy holding what once made the command empty content/: a stray `.mdx` (id "") and `...mdx`
 * (id ".."), links in content/conventions/ named like documents (to a folder and to a file
 * outside the project), a link inside a document's folder, content/sections/ replaced by a link
 * to a folder outside holding a folder named after a document, and content/objectives/ by a link
 * to an empty folder outside, where the example would be written. Returns the outside folder.
 */
function hostile(dir: string, document: string): string {
  const outside = tempDir('site-vierge-dehors-');
  mkdirSync(join(outside, 'dossier'));
  writeFileSync(join(outside, 'dossier', 'a-garder.mdx'), '---\ntitle: "À garder"\n---\n');
  writeFileSync(join(outside, 'fichier.mdx'), '---\ntitle: "À garder aussi"\n---\n');
  mkdirSync(join(outside, 'sections', document), { recursive: true });
  writeFileSync(join(outside, 'sections', document, 'section-1.mdx'), 'à garder');
  const conventions = join(dir, 'content/conventions');
  writeFileSync(join(conventions, '.mdx'), '');
  writeFileSync(join(conventions, '...mdx'), '');
  symlinkSync(join(outside, 'dossier'), join(conventions, 'lien-dossier.mdx'));
  symlinkSync(join(outside, 'fichier.mdx'), join(conventions, 'lien-fichier.mdx'));
  symlinkSync(join(outside, 'dossier'), join(dir, 'content/actions', document, 'lien-dehors'));
  rmSync(join(dir, 'content/sections'), { recursive: true });
  symlinkSync(join(outside, 'sections'), join(dir, 'content/sections'));
  mkdirSync(join(outside, 'objectives'));
  rmSync(join(dir, 'content/objectives'), { recursive: true });
  symlinkSync(join(outside, 'objectives'), join(dir, 'content/objectives'));
  return outside;
}

test('stray names and links: nothing outside the documents it lists is removed, and the report says what was left and why', () => {
  const dir = copy();
  const documents = documentsOf(dir);
  const outside = hostile(dir, documents[0]!);
  try {
    const before = {
      glossary: snapshot(join(dir, 'content/glossaire')),
      organisations: snapshot(join(dir, 'content/organisations')),
      outside: snapshot(outside),
    };
    assert.ok(before.glossary.size > 0 && before.organisations.size > 0 && before.outside.size === 3);
    // Only the names that are ids, and no link, are documents.
    assert.deepEqual(documentsOf(dir), documents);

    const report = makeBlankSite(dir, { keepGlossary: true, keepOrganisations: true, today: TODAY });
    assert.deepEqual(snapshot(join(dir, 'content/glossaire')), before.glossary);
    assert.deepEqual(snapshot(join(dir, 'content/organisations')), before.organisations);
    assert.deepEqual(snapshot(outside), before.outside);
    // What it removed is each listed document's own file and folders, nothing else.
    const own = (p: string) => documents.some((d) => p === `content/conventions/${d}.mdx` || p.endsWith(`/${d}/`));
    assert.deepEqual(
      report.removed.filter((p) => !own(p) && !p.startsWith('tests/content/')),
      [],
    );
    assert.ok(report.removed.includes(`content/actions/${documents[0]}/`));
    // The stray names and links are still there, and reported with their reason.
    for (const name of ['.mdx', '...mdx', 'lien-dossier.mdx', 'lien-fichier.mdx'])
      assert.ok(lstatSync(join(dir, 'content/conventions', name)), name);
    assert.ok(lstatSync(join(dir, 'content/sections')).isSymbolicLink());
    const reasons = new Map(report.skipped.map((s) => [s.path, s.reason]));
    assert.match(reasons.get('content/conventions/.mdx') ?? '', /nom qui n’est pas un identifiant/);
    assert.match(reasons.get('content/conventions/...mdx') ?? '', /nom qui n’est pas un identifiant/);
    assert.match(reasons.get('content/conventions/lien-dossier.mdx') ?? '', /lien symbolique/);
    assert.match(reasons.get('content/conventions/lien-fichier.mdx') ?? '', /lien symbolique/);
    assert.match(
      reasons.get(`content/sections/${documents[0]}`) ?? '',
      /hors du dossier content\/sections\/ une fois les liens symboliques résolus/,
    );
    // Nor is the example written through a link.
    assert.deepEqual(readdirSync(join(outside, 'objectives')), []);
    assert.match(
      reasons.get(`content/objectives/${EXAMPLE_ID}/axe-1-objectif-1.mdx`) ?? '',
      /hors du dossier content\/objectives\/ une fois les liens symboliques résolus/,
    );
    assert.ok(!report.written.some((p) => p.startsWith('content/objectives/')));
    assert.deepEqual(report.kept, ['content/glossaire/', 'content/organisations/']);

    const text = formatBlankReport(dir, report);
    assert.match(text, /Glossaire : gardé ; organismes et rôles : gardés\./);
    assert.match(text, /mais 6 chemins laissés en place : voyez la fin de ce rapport/);
    assert.match(text, /- content\/conventions\/\.mdx : nom qui n’est pas un identifiant .*, renommez-le ou supprimez-le vous-même\./);
    assert.match(text, /- content\/conventions\/lien-fichier\.mdx : lien symbolique : la commande ne suit ni ne supprime aucun lien/);
    assert.doesNotMatch(text, /Site vierge prêt/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('stray names and links in the glossary it is asked to remove: only its terms go', () => {
  const dir = copy();
  const outside = tempDir('site-vierge-dehors-');
  try {
    writeFileSync(join(outside, 'terme.mdx'), 'à garder');
    const glossary = join(dir, 'content/glossaire');
    writeFileSync(join(glossary, '.mdx'), 'reste');
    symlinkSync(join(outside, 'terme.mdx'), join(glossary, 'lien.mdx'));
    const before = snapshot(outside);
    const report = makeBlankSite(dir, { keepGlossary: false, keepOrganisations: true, today: TODAY });
    assert.deepEqual(snapshot(outside), before);
    assert.deepEqual(readdirSync(glossary).sort(), ['.mdx', 'lien.mdx']);
    assert.deepEqual(
      report.skipped.map((s) => s.path),
      ['content/glossaire/.mdx', 'content/glossaire/lien.mdx'],
    );
    assert.match(formatBlankReport(dir, report), /Glossaire : supprimé \(\d+ fichiers \.mdx\) ; organismes et rôles : gardés\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('the command with stray names and a link keeps what it was told to keep, says what it left, and fails', () => {
  const dir = copy();
  const outside = tempDir('site-vierge-dehors-');
  try {
    const conventions = join(dir, 'content/conventions');
    writeFileSync(join(conventions, '.mdx'), '');
    writeFileSync(join(conventions, '...mdx'), '');
    symlinkSync(outside, join(conventions, 'lien-dossier.mdx'));
    const glossary = snapshot(join(dir, 'content/glossaire'));
    const organisations = snapshot(join(dir, 'content/organisations'));
    const done = spawnSync(
      process.execPath,
      ['scripts/starter/blank-site.ts', '--dossier', dir, '--oui', '--garder-glossaire', '--garder-organisations'],
      { encoding: 'utf8' },
    );
    assert.equal(done.status, 1, done.stdout + done.stderr);
    assert.deepEqual(snapshot(join(dir, 'content/glossaire')), glossary);
    assert.deepEqual(snapshot(join(dir, 'content/organisations')), organisations);
    assert.match(done.stdout, /Glossaire : gardé ; organismes et rôles : gardés/);
    assert.match(done.stdout, /- content\/conventions\/\.mdx : nom qui n’est pas un identifiant/);
    assert.match(done.stdout, /- content\/conventions\/\.\.\.mdx : nom qui n’est pas un identifiant/);
    assert.match(done.stdout, /- content\/conventions\/lien-dossier\.mdx : lien symbolique/);
    // The check that follows names the link it cannot read, in French.
    assert.match(done.stderr, /content\/conventions\/lien-dossier\.mdx\n  champ « \(emplacement\) » : lien symbolique ou fichier spécial/);
    assert.doesNotMatch(done.stdout + done.stderr, /\bat \w+ \(|Error|EISDIR/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a test of another document stays, even when its name contains a removed identifier', () => {
  const dir = copy();
  try {
    const [first] = documentsOf(dir);
    assert.ok(first);
    // An identifier that only begins like a removed one is another document: its test is not the removed one's.
    const other = join(dir, 'tests/content/autre-organisme.test.ts');
    writeFileSync(other, `const document = '${first}-bis';\n`);
    const report = makeBlankSite(dir, { keepGlossary: true, keepOrganisations: true, today: TODAY });
    assert.ok(existsSync(other), report.removed.join(', '));
    // Not every test went, so the sources they read stay too.
    assert.ok(existsSync(join(dir, 'tests/content/seeds')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a browser fidelity spec goes with its document; the site-wide specs beside it stay', () => {
  const dir = copy();
  try {
    const [first] = documentsOf(dir);
    assert.ok(first);
    // One spec bound to a removed document, one site-wide spec that happens to name it too.
    mkdirSync(join(dir, 'tests/browser/site'), { recursive: true });
    const bound = join(dir, 'tests/browser/site/essai-fidelity.spec.ts');
    const siteWide = join(dir, 'tests/browser/site/accessibility.spec.ts');
    writeFileSync(bound, `const page = '${first}/';\n`);
    writeFileSync(siteWide, `// Not bound to ${first}: checks every page.\n`);
    const report = makeBlankSite(dir, { keepGlossary: true, keepOrganisations: true, today: TODAY });
    assert.ok(!existsSync(bound), 'la spécification de fidélité est supprimée');
    assert.ok(report.removed.includes('tests/browser/site/essai-fidelity.spec.ts'), report.removed.join(', '));
    assert.ok(existsSync(siteWide), 'la spécification du site entier reste');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
