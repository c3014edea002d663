// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * Publishers often serve the site under a sub-path of their intranet: set BASE_PATH when building
 * (`BASE_PATH=/intranet/handicap/ npm run build`). Every internal link goes through src/lib/url.ts,
 * which honours it. SITE_URL (optional) is the public origin, used for canonical URLs.
 */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  site: process.env.SITE_URL,
  trailingSlash: 'always',
  // Several pages in flight: while one page's files are written, the next ones render (one at a
  // time, Astro waits for each write: at 5,000 actions a fifth of the build was spent waiting).
  // Pages share nothing mutable while they render, so the output is the same (checked page by page).
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx()],
  // No request ever leaves the host: no prefetch to third parties, no telemetry in the pages.
  devToolbar: { enabled: false },
  // The search page imports Pagefind at run time from the built site; Vite's preload helper
  // would otherwise wrap that import in code an inlined script cannot reach.
  vite: { build: { modulePreload: false, assetsInlineLimit: 0 } },
});
