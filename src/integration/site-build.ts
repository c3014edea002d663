/**
 * The one Astro integration of the site (issue 21, point 4): `astro build` alone makes the whole
 * site, search index included, as Starlight's integration does. It sets up
 * - the page pass's worker (src/page-pass/page-pass.ts): during a build the pass runs in a worker
 *   thread, whose module Node loads as it is (TypeScript, types stripped), outside the bundle; in
 *   development it runs in place, so that editing it takes effect at once;
 * - the one front-matter reader for MDX bodies (./mdx-frontmatter.ts);
 * - the French content report in place of the pages in development (./dev-content-errors.ts);
 * - the feed, published only when the site's public address is known (issue 20, point 8);
 * - at the end of the build, the Pagefind index and its check, one record per entry
 *   (./search-index.ts), then the French summary in place of Astro's route list (./terminal.ts).
 *
 * The feed: RSS 2.0 wants each link as a full address, and a feed reader cannot resolve a path
 * from the host's root (`/intranet/handicap/…`) since it reads the feed apart from the site. The
 * public origin comes from SITE_URL alone (a build cannot guess an intranet's name). Without it,
 * the feed is left out, its links with it (src/layouts/Base.astro), and the summary says how to
 * publish it; requiring SITE_URL instead would stop every build of a site that has no use for a
 * feed, for a file nobody asked for.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listContent } from '../model/read.ts';
import { paths } from '../lib/paths.ts';
import { contentErrorMiddleware } from './dev-content-errors.ts';
import { oneFrontmatterReader } from './mdx-frontmatter.ts';
import { SEARCH_KINDS, buildSearchIndex } from './search-index.ts';
import { SITE_BUILD, feedLeftOut, searchSummary, siteSummary } from './terminal.ts';

/** The page pass's worker module, handed to src/page-pass/page-pass.ts at build time. */
const PAGE_PASS_WORKER = fileURLToPath(new URL('../page-pass/worker.ts', import.meta.url));

export function siteBuild(): AstroIntegration {
  let feed = false;
  let root = process.cwd();
  return {
    name: SITE_BUILD,
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute, updateConfig }) => {
        root = fileURLToPath(config.root);
        const vite = { plugins: [oneFrontmatterReader(fileURLToPath(new URL('content/', config.root)))] };
        updateConfig({
          vite: command === 'build' ? { ...vite, define: { __PAGE_PASS_WORKER__: JSON.stringify(PAGE_PASS_WORKER) } } : vite,
        });
        feed = config.site !== undefined;
        if (feed)
          injectRoute({ pattern: `/${paths.feed()}`, entrypoint: new URL('../catalogue/feed-route.ts', import.meta.url), prerender: true });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(contentErrorMiddleware);
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const start = performance.now();
        // The content folder listed once, for the index's check and the summary's count.
        const files = listContent(root);
        const indexed = buildSearchIndex(root, fileURLToPath(dir), files);
        const documents = files.filter((f) => f.collection === 'conventions').length;
        // The time since the command started: what the person waited, Astro's set-up included.
        logger.info(siteSummary({ pages: pages.length, documents, milliseconds: performance.now() }));
        if (!feed) logger.info(feedLeftOut());
        // Last, as before the index was made here: scripts/tooling/test.sh prints this line.
        logger.info(searchSummary({ indexed, kinds: SEARCH_KINDS, milliseconds: performance.now() - start }));
      },
    },
  };
}
