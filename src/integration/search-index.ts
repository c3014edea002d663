/**
 * The Pagefind index of the built site, made at the end of `astro build` (./site-build.ts, hook
 * `astro:build:done`), and the check that nothing was dropped: one search record per entry of the
 * content (objectives excepted: they are parts of their axis page). A build whose index lacks a
 * record fails, naming the entries concerned.
 *
 * Only the pages whose `<main>` carries `data-pagefind-body` are indexed, and only that `<main>`:
 * the menu and footer are left out, and lists of other pages carry no such mark. Pagefind weighs
 * headings itself (h1 most) and takes a result's title from the page's h1.
 *
 * Pagefind reads every page its glob matches, even those it will not index, and the pages that are
 * lists of other pages are the largest (a third of dist/ at 5,000 actions). So its glob names the
 * folders of the pages that are search records, from the paths of src/lib/paths.ts with a wildcard
 * for the file name (`{doc-a,doc-b}/actions/*` + `/index.html`…): at 5,000 actions, about 1.5 s
 * less, and the same index byte for byte.
 *
 * Pagefind's command line does the indexing (its Rust binary, both cores); its Node API, which
 * drives the same binary, was measured against it (see `indexWithPagefind`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listContent, type ContentFile } from '../model/read.ts';
import { entryId, paths } from '../lib/paths.ts';

/** What the index holds, named for the French summary. */
export const SEARCH_KINDS = 'documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles';

/** The content files that must each have a search record: every entry that has a page of its own. */
export function searchEntries(root: string, files: readonly ContentFile[] = listContent(root)): ContentFile[] {
  return files.filter((f) => f.collection !== undefined && f.collection !== 'objectives');
}

/** The base-relative path of an entry's page (src/lib/paths.ts), for the entries of `searchEntries`. */
export function entryPage(file: ContentFile): string {
  const id = entryId(file.pathInCollection);
  switch (file.collection) {
    case 'conventions':
      return paths.convention(id);
    case 'axes':
      return paths.axis(id);
    case 'sections':
      return paths.section(id);
    case 'actions':
      return paths.action(id);
    case 'procedures':
      return paths.procedure(id);
    case 'glossary':
      return paths.glossaryTerm(id);
    case 'organisations':
      return paths.organisation(id);
    default:
      throw new Error(`${file.file} : cette entrée n’a pas de page de recherche`);
  }
}

/**
 * The Pagefind glob of the pages that may be search records: each kind of entry page, the file
 * name left as a wildcard. It also matches a few pages beside them (a document's print page), which
 * Pagefind reads and leaves out (no `data-pagefind-body`).
 */
export function searchGlob(entries: readonly ContentFile[]): string {
  const documents = entries.filter((f) => f.collection === 'conventions').map((f) => entryId(f.pathInCollection));
  const patterns = [paths.glossaryTerm('*'), paths.organisation('*')];
  if (documents.length > 0) {
    const document = `{${documents.join(',')}}`;
    const entry = `${document}/*`;
    patterns.push(paths.convention(document), paths.axis(entry), paths.section(entry), paths.action(entry), paths.procedure(entry));
  }
  return `{${[...new Set(patterns)].map((p) => `${p}index.html`).join(',')}}`;
}

/** Runs Pagefind on `dist` and returns the number of pages it indexed. Throws, in French, if it fails. */
function indexWithPagefind(root: string, dist: string, glob: string): number {
  const pagefind = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'pagefind.cmd' : 'pagefind');
  const run = spawnSync(pagefind, ['--site', dist, '--glob', glob, '--force-language', 'fr'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
    throw new SearchIndexError(
      `Pagefind n’a pas pu construire l’index de recherche (${run.error?.message ?? `code de sortie ${run.status}`}) :\n${output}`,
    );
  }
  // Pagefind's entry file gives the number of pages indexed per language.
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/**
 * The entries whose page is missing from `dist` or is not marked as a search record: read only
 * when the counts differ, to name them.
 */
export function entriesWithoutRecord(dist: string, entries: readonly ContentFile[]): string[] {
  return entries
    .filter((f) => {
      const page = join(dist, entryPage(f), 'index.html');
      return !existsSync(page) || !readFileSync(page, 'utf8').includes('data-pagefind-body');
    })
    .map((f) => f.file);
}

/** How many entries are named in the message before "et N autres". */
const NAMED = 10;

/** The French report of an index that lacks records. */
export function incompleteIndex(facts: { expected: number; indexed: number; missing: readonly string[] }): string {
  const { expected, indexed, missing } = facts;
  const head = `Index de recherche incomplet : ${expected} entrées (${SEARCH_KINDS}), ${indexed} pages indexées. Chaque entrée doit avoir sa page et son enregistrement de recherche.`;
  if (missing.length === 0) return head;
  const more = missing.length > NAMED ? `\n  … et ${missing.length - NAMED} autres` : '';
  const what = missing.length === 1 ? 'Entrée sans enregistrement' : 'Entrées sans enregistrement';
  return `${head}\n${what} (page absente de dist/ ou sans data-pagefind-body) :\n${missing
    .slice(0, NAMED)
    .map((f) => `  - ${f}`)
    .join('\n')}${more}`;
}

/**
 * The French report that stops the build, printed by Astro as it is: no stack trace under it (the
 * report names each entry, a stack would only bury it), and no hint of Astro's, which adds one
 * about browser APIs to any error whose text holds the word "document" (its `toString()`).
 */
export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexError';
    this.stack = '';
  }
  override toString(): string {
    return this.name;
  }
}

/**
 * Indexes the built site in `dist` (for the content of `root`, or its `files` already listed) and
 * checks one record per entry.
 * Returns the number of pages indexed; throws a SearchIndexError, the French report, otherwise.
 */
export function buildSearchIndex(root: string, dist: string, files?: readonly ContentFile[]): number {
  const entries = searchEntries(root, files);
  const indexed = indexWithPagefind(root, dist, searchGlob(entries));
  if (indexed !== entries.length) {
    throw new SearchIndexError(incompleteIndex({ expected: entries.length, indexed, missing: entriesWithoutRecord(dist, entries) }));
  }
  return indexed;
}
