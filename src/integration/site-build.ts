/**
 * The build's own integration: the French summary at the end of `astro build` (issue 20, point 7),
 * in place of Astro's route list (./terminal.ts filters it), and the feed, published only when
 * the site's public address is known (point 8).
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
import { SITE_BUILD, feedLeftOut, siteSummary } from './terminal.ts';

export function siteBuild(): AstroIntegration {
  let feed = false;
  let root = process.cwd();
  return {
    name: SITE_BUILD,
    hooks: {
      'astro:config:setup': ({ config, injectRoute }) => {
        root = fileURLToPath(config.root);
        feed = config.site !== undefined;
        if (feed)
          injectRoute({ pattern: `/${paths.feed()}`, entrypoint: new URL('../catalogue/feed-route.ts', import.meta.url), prerender: true });
      },
      'astro:build:done': ({ pages, logger }) => {
        const documents = listContent(root).filter((f) => f.collection === 'conventions').length;
        // The time since the command started: what the person waited, Astro's set-up included.
        logger.info(siteSummary({ pages: pages.length, documents, milliseconds: performance.now() }));
        if (!feed) logger.info(feedLeftOut());
      },
    },
  };
}
