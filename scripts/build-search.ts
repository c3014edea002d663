/**
 * Builds the Pagefind index of the built site (dist/) and checks that nothing was dropped: the
 * number of pages indexed equals the number of entries in content/ (objectives excepted: they are
 * parts of their axis page).
 *
 * Pagefind's own command reads dist/ (its Rust binary, both cores). Only the pages whose `<main>`
 * carries `data-pagefind-body` are indexed, and only that `<main>`: the menu and footer are left
 * out, and lists of other pages carry no such mark. Pagefind weighs headings itself (h1 most) and
 * takes a result's title from the page's h1. Measured at 5,000 actions, the command takes about a
 * second less than feeding the same `<main>` parts through Pagefind's Node API, which read every
 * page in this process and sent it over a pipe.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listContent } from '../src/model/read.ts';

const root = process.cwd();
const dist = join(root, 'dist');
// The build that wrote dist/ has validated every content file (src/lib/content-loader.ts): the
// entries are the files of the collections. Objectives have no page of their own.
const expected = listContent(root).filter((f) => f.collection && f.collection !== 'objectives').length;

const pagefind = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'pagefind.cmd' : 'pagefind');
const run = spawnSync(pagefind, ['--site', dist, '--force-language', 'fr'], { cwd: root, encoding: 'utf8' });
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

const counts = `${expected} entrées (documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles), ${indexed} pages indexées`;
if (indexed !== expected) {
  console.error(`Index de recherche incomplet : ${counts}. Chaque entrée doit avoir sa page et son enregistrement de recherche.`);
  process.exit(1);
}
console.log(`Index de recherche : ${counts}.`);
