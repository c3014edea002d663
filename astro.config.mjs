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
  build: { format: 'directory' },
  integrations: [mdx()],
  // No request ever leaves the host: no prefetch to third parties, no telemetry in the pages.
  devToolbar: { enabled: false },
  // The search page imports Pagefind at run time from the built site; Vite's preload helper
  // would otherwise wrap that import in code an inlined script cannot reach.
  vite: { build: { modulePreload: false, assetsInlineLimit: 0 } },
});
