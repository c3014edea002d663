// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { siteBuild } from './src/integration/site-build.ts';
import { isHarmlessBundlerWarning } from './src/integration/terminal.ts';
import { normaliseBase } from './src/lib/paths.ts';

/**
 * Publishers often serve the site under a sub-path of their intranet: set BASE_PATH when building
 * (`BASE_PATH=/intranet/handicap/ npm run build`). Every internal link goes through src/lib/url.ts,
 * which honours it. SITE_URL (optional) is the public origin, used for canonical URLs and the feed
 * (without it the site has no feed: src/integration/site-build.ts).
 */
const base = normaliseBase(process.env.BASE_PATH);

/**
 * `npm run dev` would ask npm's registry for a newer Astro and print an English invitation to
 * upgrade it (`npx @astrojs/upgrade`): the dependencies are upgraded by the project's maintainers,
 * not by a référent who previews content (issue 20, point 7: a quiet, French terminal).
 */
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';

export default defineConfig({
  base,
  site: process.env.SITE_URL,
  trailingSlash: 'always',
  // Several pages in flight: while one page's files are written, the next ones render (one at a
  // time, Astro waits for each write: at 5,000 actions a fifth of the build was spent waiting).
  // Pages share nothing mutable while they render, so the output is the same (checked page by page).
  build: { format: 'directory', concurrency: 4 },
  // The site's own integration sets up the page pass, the MDX front-matter reader, the development
  // error page, the feed and, after the build, the search index (src/integration/site-build.ts).
  integrations: [mdx(), siteBuild()],
  // A quiet, French terminal (issue 20): our summary in place of Astro's route list, every warning
  // and error in full, no colour codes in a file (src/integration/terminal.ts).
  logger: { entrypoint: fileURLToPath(new URL('./src/integration/terminal-logger.ts', import.meta.url)) },
  // No request ever leaves the host: no prefetch to third parties, no telemetry in the pages.
  devToolbar: { enabled: false },
  // The search page imports Pagefind at run time from the built site; Vite's preload helper
  // would otherwise wrap that import in code an inlined script cannot reach.
  vite: {
    build: {
      modulePreload: false,
      assetsInlineLimit: 0,
      // One bundler warning known to be harmless is dropped, and only that one (src/integration/terminal.ts).
      rolldownOptions: {
        onwarn: (warning, warn) => {
          if (!isHarmlessBundlerWarning(warning)) warn(warning);
        },
      },
    },
  },
});
