/**
 * The Pagefind index, built while Astro builds the pages. Each page's `<main data-pagefind-body>`
 * goes to Pagefind as soon as the page is rendered (src/middleware.ts through
 * src/lib/search-index.ts): Pagefind indexes in its own process, on the machine's other core,
 * while Astro renders the next pages, and no page is read back from disk. Only `<main>` is indexed
 * (the menu and footer would be parsed for nothing); Pagefind weighs headings itself (h1 most) and
 * takes a result's title from the page's h1.
 *
 * When the build is done the index is written to dist/pagefind/ and nothing may have been dropped:
 * the pages indexed = the pages marked for the index = the entries of content/ (objectives
 * excepted: they are parts of their axis page). Otherwise the build fails, in French.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { listContent } from '../model/read.ts';
import { setPageIndexer } from '../lib/search-index.ts';

export default function searchIndex(): AstroIntegration {
  let adding: Promise<void>[] = [];
  const errors: string[] = [];
  const urls = new Set<string>();
  let marked = 0;
  let index: pagefind.PagefindIndex | undefined;

  return {
    name: 'index-de-recherche',
    hooks: {
      'astro:build:start': async () => {
        const created = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!created.index) throw new Error(`Pagefind n'a pas démarré : ${created.errors.join(' ; ')}`);
        index = created.index;
        const opened = index;
        setPageIndexer({
          add(path, main) {
            marked++;
            const url = `/${path}`;
            const page = `<!doctype html><html lang="fr"><body>${main}</body></html>`;
            adding.push(
              opened.addHTMLFile({ url, content: page }).then(
                (added) => {
                  if (added.errors.length > 0) errors.push(`${url} : ${added.errors.join(' ; ')}`);
                  else urls.add(added.file.url);
                },
                (error: unknown) => void errors.push(`${url} : ${String(error)}`),
              ),
            );
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        setPageIndexer(undefined);
        if (!index) return;
        await Promise.all(adding);
        adding = [];
        if (errors.length > 0) throw new Error(`Pagefind n'a pas pu indexer ${errors.length} page(s) :\n${errors.join('\n')}`);
        await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        await pagefind.close();
        const expected = listContent(process.cwd()).filter((f) => f.collection && f.collection !== 'objectives').length;
        const counts = `${expected} entrées (documents, sections, axes, actions, procédures, termes du glossaire, organismes et rôles), ${marked} pages à indexer, ${urls.size} pages indexées`;
        if (urls.size !== marked || marked !== expected)
          throw new Error(`Index de recherche incomplet : ${counts}. Chaque entrée doit avoir sa page et son enregistrement de recherche.`);
        logger.info(`Index de recherche : ${counts}.`);
      },
    },
  };
}
