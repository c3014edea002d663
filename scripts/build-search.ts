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
 * Pagefind reads every page of the folder it is given, even those it will not index, and the
 * pages that are lists of other pages are the largest (a third of dist/ at 5,000 actions). So it
 * is given a folder of its own holding only the pages to index, as hard links to dist/ (same
 * paths, hence same URLs and the same index byte for byte): at 5,000 actions, 2 to 3 s less.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listContent } from '../src/model/read.ts';

const root = process.cwd();
const dist = join(root, 'dist');
// The build that wrote dist/ has validated every content file (src/lib/content-loader.ts): the
// entries are the files of the collections. Objectives have no page of their own.
const expected = listContent(root).filter((f) => f.collection && f.collection !== 'objectives').length;

/** The pages of dist/ (paths relative to it) that Pagefind indexes: those marked `data-pagefind-body`. */
function searchPages(): string[] {
  const mark = Buffer.from('data-pagefind-body');
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const e of readdirSync(join(dist, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.html') && readFileSync(join(dist, path)).includes(mark)) found.push(path);
    }
  };
  walk('');
  return found;
}

/** A folder beside dist/ (hard links need the same file system) holding only `pages`. */
function linkPages(pages: string[]): string {
  const folder = mkdtempSync(join(root, '.pagefind-pages-'));
  const made = new Set<string>();
  for (const page of pages) {
    const target = join(folder, page);
    const parent = dirname(target);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    try {
      linkSync(join(dist, page), target);
    } catch {
      // A file system without hard links: a copy does the same.
      copyFileSync(join(dist, page), target);
    }
  }
  return folder;
}

const pages = searchPages();
const counts = (indexed: number, what: string) =>
  `${expected} entrées (documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles), ${indexed} ${what}`;
const incomplete = (message: string) => {
  console.error(`Index de recherche incomplet : ${message}. Chaque entrée doit avoir sa page et son enregistrement de recherche.`);
  process.exit(1);
};
if (pages.length !== expected) incomplete(counts(pages.length, 'pages à indexer dans dist/'));

const folder = linkPages(pages);
const pagefind = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'pagefind.cmd' : 'pagefind');
const args = ['--site', folder, '--output-path', join(dist, 'pagefind'), '--force-language', 'fr'];
const run = spawnSync(pagefind, args, { cwd: root, encoding: 'utf8' });
rmSync(folder, { recursive: true, force: true });
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
if (indexed !== expected) incomplete(counts(indexed, 'pages indexées'));
console.log(`Index de recherche : ${counts(indexed, 'pages indexées')}.`);
