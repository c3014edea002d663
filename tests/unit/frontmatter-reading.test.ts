/**
 * One reading of front matter (issue 12): the content check, the build's loader and the dev server
 * read each file through src/model/read.ts, so what one accepts the other accepts. Each bad file
 * below goes through that reading (readContent + validateAll, as `npm run check:content` does) and
 * must be refused in French with its file, line (and column for YAML syntax), value and what is
 * allowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { readContent } from '../../src/model/read.ts';
import { readFrontmatter } from '../../src/model/frontmatter.ts';
import { validateAll } from '../../src/model/validate.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { contentLoader } from '../../src/integration/content-loader.ts';
import { emptyFrontmatter } from '../../src/integration/mdx-frontmatter.ts';
import { lastContentError } from '../../src/integration/content-error-state.ts';
import { siteBuild } from '../../src/integration/site-build.ts';
import { validFiles } from './fixtures.ts';
import { tempDir } from '../temp-dir.ts';

const ACTION = 'content/actions/essai/action-1.mdx';

/** The valid fixture written as block YAML files; `change` edits one file's text, `extra` adds files. */
function project(change?: (text: string) => string, extra: Record<string, string> = {}): string {
  const root = tempDir('entete-');
  const files: Record<string, string> = {};
  for (const f of validFiles()) files[f.file] = `---\n${stringify(f.frontmatter)}---\nUn texte.\n`;
  if (change) files[ACTION] = change(files[ACTION]!);
  for (const [file, text] of Object.entries({ ...files, ...extra })) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** The check's report for a project, one string per problem. */
function check(root: string): string[] {
  const { files, problems } = readContent(root);
  return [...problems, ...validateAll(files).problems].map(formatProblem);
}

test('the fixture written as YAML passes, with its body and the line where the body starts', () => {
  const root = project();
  assert.deepEqual(check(root), []);
  const action = readContent(root).files.find((f) => f.file === ACTION)!;
  assert.equal(action.body, 'Un texte.\n');
  const lines = stringify(validFiles().find((f) => f.file === ACTION)!.frontmatter).split('\n').length;
  assert.equal(action.bodyLine, lines + 2);
});

test('a YAML syntax error is reported in French with its line and column in the file', () => {
  const report = check(project((t) => t.replace('title: Action 1', 'title: "Action 1')));
  assert.equal(report.length, 1, report.join('\n'));
  const line = `---\n${stringify(validFiles().find((f) => f.file === ACTION)!.frontmatter)}`.split('\n').indexOf('title: Action 1') + 1;
  assert.match(
    report[0]!,
    new RegExp(`^✗ ${ACTION}, ligne ${line}, colonne 8\\n  champ « \\(en-tête\\) » : guillemet double \\("\\) ouvert mais jamais refermé`),
  );
  assert.doesNotMatch(report[0]!, /Missing|quote/, 'no English left');
});

test('a tab used to indent is refused, at its line', () => {
  const report = check(project((t) => t.replace('\n  - round: bilan-2024', '\n\t- round: bilan-2024')));
  assert.match(report.join('\n'), /, ligne \d+, colonne \d+\n  champ « \(en-tête\) » : tabulation utilisée pour décaler la ligne/);
  assert.match(report.join('\n'), /valeurs permises : des espaces \(deux par niveau\)/);
});

test('a key written twice is refused, naming the key and its second line', () => {
  const text = project((t) => t.replace('title: Action 1\n', 'title: Action 1\ntitle: Action un\n'));
  const report = check(text);
  assert.equal(report.length, 1, report.join('\n'));
  const lines = validFiles().find((f) => f.file === ACTION)!;
  const secondLine = `---\n${stringify(lines.frontmatter)}`.split('\n').indexOf('title: Action 1') + 2;
  assert.equal(
    report[0],
    [
      `✗ ${ACTION}, ligne ${secondLine}, colonne 1`,
      '  champ « title » : champ écrit deux fois : un seul des deux serait lu',
      '  valeur trouvée : « title: Action un »',
      '  valeurs permises : chaque champ une seule fois : supprimez ou fusionnez l’un des deux',
    ].join('\n'),
  );
});

test('a front matter never closed is refused instead of swallowing the body', () => {
  const report = check(project((t) => t.replace('\n---\nUn texte.', '\nUn texte.')));
  assert.deepEqual(report, [
    [
      `✗ ${ACTION}, ligne 1`,
      '  champ « (en-tête) » : en-tête non fermé : la ligne --- qui doit le terminer est introuvable',
      '  valeurs permises : une ligne --- seule après le dernier champ de l’en-tête, avant le texte',
    ].join('\n'),
  ]);
});

test('blank lines before the opening --- are refused (one reader would see no front matter, another would)', () => {
  const report = check(project((t) => `\n\n${t}`));
  assert.equal(report.length, 1, report.join('\n'));
  assert.match(
    report[0]!,
    /ligne 1\n  champ « \(en-tête\) » : 2 lignes vides avant l’en-tête : la ligne --- doit être la toute première du fichier/,
  );
});

test('a file without front matter, or with another opening, gets one clear message, not a list of missing fields', () => {
  assert.deepEqual(check(project(() => 'Un texte sans en-tête.\n')), [
    [
      `✗ ${ACTION}, ligne 1`,
      '  champ « (en-tête) » : en-tête absent : le fichier doit commencer par une ligne ---',
      '  valeur trouvée : « Un texte sans en-tête. »',
      '  valeurs permises : un en-tête YAML entre deux lignes --- : la première ligne du fichier est ---, puis les champs « nom: valeur », puis une ligne ---',
    ].join('\n'),
  ]);
  // gray-matter ran `---js` front matter through eval: the opening is refused before any reading.
  for (const opening of ['---js', '---json', '+++']) {
    const report = check(project((t) => t.replace(/^---\n/, `${opening}\n`)));
    assert.match(report.join('\n'), /champ « \(en-tête\) » : ouverture de l’en-tête non reconnue/, opening);
  }
  assert.match(
    check(project((t) => t.replace('\n---\nUn texte.', '\n----\nUn texte.'))).join('\n'),
    /champ « \(en-tête\) » : ligne de fermeture de l’en-tête mal écrite : elle ne doit contenir que ---\n  valeur trouvée : « ---- »/,
  );
});

test('a body that opens with --- is refused: Astro’s Markdown renderer would take it for a front matter and drop it', () => {
  const report = check(project((t) => t.replace('\n---\nUn texte.', '\n---\n\n---\nnote: x\n---\nUn texte.')));
  assert.equal(report.length, 1, report.join('\n'));
  assert.match(
    report[0]!,
    /, ligne \d+\n  champ « \(corps du texte\) » : le texte commence par une ligne --- .*\n  valeur trouvée : « --- »\n  valeurs permises : du texte avant le trait, ou \*\*\* pour tracer un trait/,
  );
});

test('a number written with leading zeros is refused: YAML versions read 012 as 12 or as 10', () => {
  const report = check(project((t) => t.replace('order: 1\n', 'order: 012\n')));
  assert.equal(report.length, 1, report.join('\n'));
  assert.match(
    report[0]!,
    /, ligne \d+, colonne 8\n  champ « order » : nombre écrit avec un zéro en tête.*\n  valeur trouvée : « 012 »\n  valeurs permises : le nombre sans zéro en tête \(12\), ou entre guillemets \("012"\)/,
  );
  // Quoted, a printed number keeps its zero; a plain 0 or 0.5 is no leading zero.
  assert.deepEqual(check(project((t) => t.replace('number: "1"', 'number: "01"'))), []);
  assert.equal(readFrontmatter('---\na: 0\nb: 0.5\n---\n').ok, true);
});

test('an unquoted date is read as text, as the CMS and the spreadsheet import write it', () => {
  const read = readFrontmatter('---\npublished: 2026-11-23\n---\n');
  assert.deepEqual(read.ok && read.data, { published: '2026-11-23' });
});

test('bounds are said in French: order starts at 1, completion is a percentage', () => {
  const report = check(project((t) => t.replace('order: 1\n', 'order: 0\n')));
  assert.deepEqual(report, [
    [
      `✗ ${ACTION}, ligne 7`,
      '  champ « order » : nombre trop petit',
      '  valeur trouvée : 0',
      '  valeurs permises : un nombre entier à partir de 1',
    ].join('\n'),
  ]);
  const decimal = check(project((t) => t.replace('order: 1\n', 'order: 1.5\n')));
  assert.match(
    decimal.join('\n'),
    /champ « order » : type de valeur incorrect\n  valeur trouvée : 1.5\n  valeurs permises : un nombre entier/,
  );
});

test('zod messages with no message of their own come out in French', () => {
  // A field given a list where a text is expected, a map where a list is: no English word from zod.
  const report = check(project((t) => t.replace('title: Action 1\n', 'title:\n  - Action 1\n')));
  assert.match(
    report.join('\n'),
    /champ « title » : type de valeur incorrect\n  valeur trouvée : \["Action 1"\]\n  valeurs permises : un texte/,
  );
  const all = check(
    project((t) =>
      t
        .replace('kind: action\n', 'kind: [action]\n')
        .replace('themes:\n  - formation\n', 'themes: []\n')
        .replace('audience:\n  - tous-agents\n', 'audience:\n'),
    ),
  ).join('\n');
  assert.doesNotMatch(all, /Invalid|Too small|Too big|expected|received/);
});

test('a field with a closed list of values lists them, whatever went wrong with it', () => {
  const report = check(
    project((t) =>
      t
        .replace('themes:\n  - formation\n', 'themes: []\n')
        .replace('audience:\n  - tous-agents\n', 'audience:\n')
        .replace('kind: action\n', 'kind: [action]\n'),
    ),
  ).join('\n');
  assert.match(
    report,
    /champ « themes » : liste vide : au moins un élément est attendu\n  valeur trouvée : \[\]\n  valeurs permises : une liste de valeurs parmi : [a-z-]+(, [a-z-]+){5,}/,
  );
  assert.match(
    report,
    /champ « audience » : champ vide : une valeur est attendue après « : »\n  valeurs permises : une liste de valeurs parmi : personnes-handicapees, tous-agents/,
  );
  assert.match(
    report,
    /champ « kind » : valeur non autorisée\n  valeur trouvée : \["action"\]\n  valeurs permises : action, mesure, engagement/,
  );
  assert.match(
    check(project((t) => t.replace('audience:\n  - tous-agents\n', 'audience:\n  - tous\n'))).join('\n'),
    /champ « audience.0 » : valeur non autorisée\n  valeur trouvée : « tous »\n  valeurs permises : personnes-handicapees, tous-agents/,
  );
});

test('a date that is not in the calendar is refused', () => {
  const root = project();
  const convention = 'content/conventions/essai.mdx';
  const data = validFiles().find((f) => f.file === convention)!.frontmatter as Record<string, unknown>;
  writeFileSync(
    join(root, convention),
    `---\n${stringify({ ...data, published: '2026-02-30', dates: { inForce: '2023-02-29', end: '2024-02-29' } })}---\n`,
  );
  const report = check(root).join('\n');
  assert.match(report, /champ « published » : cette date n'existe pas dans le calendrier\n  valeur trouvée : « 2026-02-30 »/);
  // A date printed at the day's precision is checked too; 2024 is a leap year.
  assert.match(report, /champ « dates.inForce » : cette date n'existe pas dans le calendrier\n  valeur trouvée : « 2023-02-29 »/);
  assert.doesNotMatch(report, /dates\.end/);
});

test('a file in a sub-folder is refused with the place it belongs, for every collection', () => {
  const data = validFiles().find((f) => f.collection === 'conventions')!.frontmatter;
  const root = project(undefined, { 'content/conventions/anciennes/autre.mdx': `---\n${stringify(data)}---\n` });
  const report = check(root);
  assert.deepEqual(report, [
    [
      '✗ content/conventions/anciennes/autre.mdx',
      '  champ « (emplacement) » : fichier rangé dans un sous-dossier : les fichiers de ce type se placent directement dans le dossier « conventions/ »',
      '  valeur trouvée : « anciennes/autre.mdx »',
      '  valeurs permises : content/conventions/autre.mdx',
    ].join('\n'),
  ]);
  // Per-document collections: a sub-folder of the document's folder is refused too (src/model/integrity.ts).
  const nested = project(undefined, {});
  const action = readContent(nested).files.find((f) => f.file === ACTION)!;
  mkdirSync(join(nested, 'content/actions/essai/axe-1'));
  writeFileSync(
    join(nested, 'content/actions/essai/axe-1/action-3.mdx'),
    `---\n${stringify({ ...(action.frontmatter as object), number: '3', order: 3 })}---\n`,
  );
  assert.match(
    check(nested).join('\n'),
    /actions\/essai\/axe-1\/action-3\.mdx\n  champ « \(nom du fichier\) » : fichier rangé dans un sous-dossier/,
  );
});

/** Runs the actions' loader on a project, as the build and the dev server do. */
function load(root: string) {
  const context = {
    collection: 'actions',
    store: { keys: () => [], get: () => undefined, set: () => true, delete: () => true, addModuleImport: () => {} },
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info() {}, error() {} },
    generateDigest: (s: string) => s,
    renderMarkdown: (body: string) => Promise.resolve({ html: body }),
  };
  return contentLoader('actions').load(context as never);
}

/** The dev server's middleware answering one request. */
function devAnswer(accept: string): { status?: number; body?: string; next: boolean } {
  let use: ((req: unknown, res: unknown, next: () => void) => void) | undefined;
  const hook = siteBuild().hooks['astro:server:setup'] as (o: unknown) => void;
  hook({ server: { middlewares: { use: (f: typeof use) => (use = f) } } });
  const answer: { status?: number; body?: string; next: boolean } = { next: false };
  const res = { statusCode: 200, setHeader() {}, end: (body: string) => ((answer.body = body), (answer.status = res.statusCode)) };
  use!({ method: 'GET', headers: { accept } }, res, () => (answer.next = true));
  return answer;
}

test('the build’s loader stops on the same French report as the check; the dev server shows it in place of pages', async () => {
  const root = project((t) => t.replace('title: Action 1\n', 'title: Action 1\ntitle: Action <b>un</b>\n'));
  await assert.rejects(load(root), (error: Error) => {
    assert.equal(error.message, `Le contenu comporte 1 erreur. Corrigez-la puis relancez la construction.\n\n${check(root)[0]}`);
    assert.equal(lastContentError(), error);
    return true;
  });
  const page = devAnswer('text/html,application/xhtml+xml');
  assert.equal(page.status, 500);
  assert.match(page.body!, /<html lang="fr">[\s\S]*<h1>Erreur dans le contenu<\/h1>[\s\S]*champ « title » : champ écrit deux fois/);
  assert.match(page.body!, /Action &lt;b&gt;un&lt;\/b&gt;/, 'the report is escaped');
  assert.equal(devAnswer('*/*').next, true, 'modules and styles still load');
  // Once the content is valid again, pages are served as usual.
  await load(project());
  assert.equal(lastContentError(), undefined);
  assert.equal(devAnswer('text/html').next, true);
});

test('npm run check:content prints the YAML error in French and exits 1', () => {
  const root = project((t) => t.replace('\n  - round: bilan-2024', '\n\t- round: bilan-2024'));
  const result = spawnSync(process.execPath, [join(process.cwd(), 'scripts/tooling/check-content.ts')], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^Le contenu comporte \d+ erreurs?\./);
  assert.match(result.stderr, /action-1\.mdx, ligne \d+, colonne 1\n  champ « \(en-tête\) » : tabulation utilisée pour décaler la ligne/);
});

test('MDX bodies reach the MDX plugin with an empty front matter of the same length, so only this reader reads it', () => {
  const source = '---\ntitle: "Titre"\norder: 2\n---\n\nTexte du corps\n';
  const emptied = emptyFrontmatter(source);
  assert.equal(emptied, '---\n\n\n---\n\nTexte du corps\n');
  assert.equal(emptied.split('\n').length, source.split('\n').length);
  // A file this reader refuses is left as it is: the content check reports it before any compilation.
  assert.equal(emptyFrontmatter('\n---\ntitle: x\n---\n'), '\n---\ntitle: x\n---\n');
});

test('an invisible character read from the file is refused, whether written raw or as a YAML escape, and in the body', () => {
  // YAML lets them all through (a raw control character, or "\v", "\0", "\u202E" between double
  // quotes): the model refuses them after reading, as the build would read them.
  const cases: [string, string, RegExp][] = [
    [
      'title: Action 1',
      'title: Action\u000B1',
      /champ « title » : caractère invisible interdit \(U\+000B, tabulation verticale\) après « Action »/,
    ],
    ['title: Action 1', 'title: "Action\\v1"', /champ « title » : caractère invisible interdit \(U\+000B/],
    ['title: Action 1', 'title: "Action\\0 1"', /\(U\+0000, caractère nul\)/],
    ['title: Action 1', 'title: "Action\\N1"', /\(U\+0085, /],
    ['title: Action 1', 'title: "\\u202EAction 1"', /\(U\+202E, contrôle bidirectionnel : forçage droite-gauche\) au début du texte/],
    ['title: Action 1', 'title: "Action \\ud83d1"', /\(U\+D83D, moitié de caractère isolée/],
    ['Un texte.', 'Un\u2066 texte.', /ligne \d+\n  champ « \(corps du texte\) » : caractère invisible interdit \(U\+2066, /],
  ];
  for (const [from, to, message] of cases) {
    const report = check(project((t) => t.replace(from, to)));
    assert.equal(report.length, 1, `${to}\n${report.join('\n')}`);
    assert.match(report[0]!, new RegExp(`^✗ ${ACTION}`));
    assert.match(report[0]!, message, to);
    assert.match(report[0]!, /valeur trouvée : « [^\n]*\[U\+[0-9A-F]{4}\]/);
  }
  // The same texts with non-breaking spaces and an emoji instead pass.
  assert.deepEqual(check(project((t) => t.replace('title: Action 1', 'title: "Action\u00A0n°\u202F1 😀"'))), []);
});

test('the build’s loader and the dev server give a schema problem its line, as the check does', async () => {
  const root = project((t) => t.replace('order: 1\n', 'order: 0\n'));
  await assert.rejects(load(root), (error: Error) => {
    assert.match(error.message, new RegExp(`✗ ${ACTION}, ligne 7\\n  champ « order » : nombre trop petit`));
    return true;
  });
  assert.match(devAnswer('text/html').body!, new RegExp(`<pre>[^<]*✗ ${ACTION}, ligne 7\\n  champ « order » : nombre trop petit`));
  await load(project());
  assert.equal(lastContentError(), undefined);
});
