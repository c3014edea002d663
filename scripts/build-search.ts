/**
 * Builds the Pagefind index of the built site (dist/) and checks that nothing was dropped: the
 * number of pages indexed equals the number of built pages marked for the index, which equals
 * the number of entries in content/ (objectives excepted: they are parts of their axis page).
 *
 * Each page is read once, and only its `<main data-pagefind-body>` goes to Pagefind: the rest of
 * the page (menu, footer) would be parsed for nothing. Pagefind weighs headings itself (h1 most),
 * and takes a result's title from the page's h1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { listContent } from '../src/model/read.ts';

const root = process.cwd();
const dist = join(root, 'dist');
// The build that wrote dist/ has validated every content file (src/lib/content-loader.ts): the
// entries are the files of the collections. Objectives have no page of their own.
const expected = listContent(root).filter((f) => f.collection && f.collection !== 'objectives').length;

/** The page's `<main>` when it is marked for the index, else undefined. */
function indexedMain(html: string): string | undefined {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return undefined;
  const tag = html.slice(start, html.indexOf('>', start));
  return tag.includes('data-pagefind-body') ? html.slice(start, end + '</main>'.length) : undefined;
}

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
if (!index) throw new Error(`Pagefind n'a pas démarré : ${errors.join(' ; ')}`);
const htmlFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
let marked = 0;
const urls = new Set<string>();
// Several pages in flight keep Pagefind busy while the next ones are read, within bounded memory.
const inFlight = new Set<Promise<void>>();
for (const file of htmlFiles) {
  const main = indexedMain(readFileSync(join(dist, file), 'utf8'));
  if (main === undefined) continue;
  marked++;
  const url = `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;
  const adding = index.addHTMLFile({ url, content: `<!doctype html><html lang="fr"><body>${main}</body></html>` }).then((added) => {
    if (added.errors.length > 0) throw new Error(`Pagefind, ${file} : ${added.errors.join(' ; ')}`);
    urls.add(added.file.url);
    inFlight.delete(adding);
  });
  inFlight.add(adding);
  if (inFlight.size >= 32) await Promise.race(inFlight);
}
await Promise.all(inFlight);
await index.writeFiles({ outputPath: join(dist, 'pagefind') });
await pagefind.close();

const counts = `${expected} entrées (documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles), ${marked} pages à indexer, ${urls.size} pages indexées`;
if (urls.size !== marked || marked !== expected) {
  console.error(`Index de recherche incomplet : ${counts}. Chaque entrée doit avoir sa page et son enregistrement de recherche.`);
  process.exit(1);
}
console.log(`Index de recherche : ${counts}.`);
