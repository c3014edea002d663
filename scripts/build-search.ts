/**
 * Builds the Pagefind index of the built site (dist/) and checks that nothing was dropped: the
 * number of pages indexed equals the number of built pages marked for the index, which equals
 * the number of entries in content/ (objectives excepted: they are parts of their axis page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readContent } from '../src/model/read.ts';
import { validateAll } from '../src/model/validate.ts';

const dist = join(process.cwd(), 'dist');
const htmlFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
const marked = htmlFiles.filter((f) => readFileSync(join(dist, f), 'utf8').includes('data-pagefind-body'));
const { entries } = validateAll(readContent(process.cwd()).files);
// Objectives have no page of their own: they are parts of their axis page.
const { conventions, sections, axes, actions, procedures, glossary, organisations } = entries;
const expected = conventions.length + sections.length + axes.length + actions.length + procedures.length + glossary.length + organisations.length;

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
if (!index) throw new Error(`Pagefind n'a pas démarré : ${errors.join(' ; ')}`);
// Pages are added one by one, so that only those marked data-pagefind-body enter the index.
const urls = new Set<string>();
for (const file of marked) {
  const url = `/${file.replace(/\\/g, '/').replace(/index\.html$/, '')}`;
  const added = await index.addHTMLFile({ url, content: readFileSync(join(dist, file), 'utf8') });
  if (added.errors.length > 0) throw new Error(`Pagefind, ${file} : ${added.errors.join(' ; ')}`);
  urls.add(added.file.url);
}
await index.writeFiles({ outputPath: join(dist, 'pagefind') });
await pagefind.close();

const counts = `${expected} entrées (documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles), ${marked.length} pages à indexer, ${urls.size} pages indexées`;
if (urls.size !== marked.length || marked.length !== expected) {
  console.error(`Index de recherche incomplet : ${counts}. Chaque entrée doit avoir sa page et son enregistrement de recherche.`);
  process.exit(1);
}
console.log(`Index de recherche : ${counts}.`);
