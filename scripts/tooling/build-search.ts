/**
 * Builds the Pagefind index of the built site (dist/) and checks that nothing was dropped: the
 * number of pages indexed equals the number of entries in content/ (objectives excepted: they are
 * parts of their axis page).
 *
 * Pagefind's own command does the indexing (its Rust binary, both cores). Only the pages whose
 * `<main>` carries `data-pagefind-body` are indexed, and only that `<main>`: the menu and footer
 * are left out, and lists of other pages carry no such mark. Pagefind weighs headings itself (h1
 * most) and takes a result's title from the page's h1. Measured at 5,000 actions, the command takes
 * about a second less than feeding the same `<main>` parts through Pagefind's Node API.
 *
 * Pagefind reads every page its glob matches, even those it will not index, and the pages that are
 * lists of other pages are the largest (a third of dist/ at 5,000 actions). So its glob names the
 * folders of the pages that are search records, from the paths of src/lib/paths.ts with a wildcard
 * for the file name (`{doc-a,doc-b}/actions/*` + `/index.html`…): at 5,000 actions, about 1.5 s
 * less, and the same index byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listContent } from '../../src/model/read.ts';
import { entryId, paths } from '../../src/lib/paths.ts';
import { searchSummary } from '../../src/integration/terminal.ts';

const root = process.cwd();
const dist = join(root, 'dist');
// The build that wrote dist/ has validated every content file (src/integration/content-loader.ts): the
// entries are the files of the collections. Objectives have no page of their own.
const entries = listContent(root).filter((f) => f.collection && f.collection !== 'objectives');
const expected = entries.length;

/**
 * The Pagefind glob of the pages that may be search records: each kind of entry page, the file
 * name left as a wildcard. It also matches a few pages beside them (a document's print page), which
 * Pagefind reads and leaves out (no `data-pagefind-body`).
 */
function searchGlob(): string {
  const documents = entries.filter((f) => f.collection === 'conventions').map((f) => entryId(f.pathInCollection));
  const patterns = [paths.glossaryTerm('*'), paths.organisation('*')];
  if (documents.length > 0) {
    const document = `{${documents.join(',')}}`;
    const entry = `${document}/*`;
    patterns.push(paths.convention(document), paths.axis(entry), paths.section(entry), paths.action(entry), paths.procedure(entry));
  }
  return `{${[...new Set(patterns)].map((p) => `${p}index.html`).join(',')}}`;
}

const pagefind = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'pagefind.cmd' : 'pagefind');
const run = spawnSync(pagefind, ['--site', dist, '--glob', searchGlob(), '--force-language', 'fr'], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`Pagefind n'a pas pu construire l'index de recherche (${run.error?.message ?? `code de sortie ${run.status}`}) :`);
  console.error(`${run.stdout ?? ''}${run.stderr ?? ''}`.trim());
  process.exit(1);
}

// Pagefind's entry file gives the number of pages indexed per language.
const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { page_count: number }>;
};
const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);

const kinds = 'documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles';
if (indexed !== expected) {
  console.error(
    `Index de recherche incomplet : ${expected} entrées (${kinds}), ${indexed} pages indexées. Chaque entrée doit avoir sa page et son enregistrement de recherche.`,
  );
  process.exit(1);
}
// The last line of the build's French summary (the first ones: src/integration/site-build.ts).
console.log(searchSummary({ indexed, kinds, milliseconds: performance.now() }));
