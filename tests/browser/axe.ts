/**
 * axe-core loaded straight into the page: about five times faster than @axe-core/playwright,
 * which matters when every page is checked. One page per worker is reused from test to test
 * (a new browser context per page costs more than the check itself).
 *
 * axe is 650 KB of script. Sent with each page (evaluate or init script), it was compiled anew
 * on every page. It is served instead over HTTP, cacheable for good, and loaded with a
 * <script src>: Chromium compiles it once and reuses the compiled code (V8's code cache) on the
 * following pages. Measured on 63 pages, the browser's CPU time per page fell by about a sixth.
 */
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { BASE } from '../site.ts';

/** WCAG 2.1 levels A and AA; no rule is disabled. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

declare global {
  interface Window {
    axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
  }
}

/**
 * Where axe is served: by the site's own server, as the Content-Security-Policy lets a page load
 * scripts from its origin only (scripts/tooling/nginx-preview.ts --essais adds that one file,
 * cacheable for good). A path, so that it is the origin of the page checked, whichever site it is.
 */
const AXE_URL = `${BASE}__essais__/axe.min.js`;

/** Runs axe on the page as it is; returns one line per violation (empty when none). */
export async function axeViolations(page: Page, tags = WCAG_TAGS): Promise<string[]> {
  // Loaded once per document: the renderings of one page reuse it.
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ url: AXE_URL });
  const violations = await page.evaluate(async (values) => {
    const result = await window.axe!.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'], iframes: false });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, tags);
  return violations.map((v) => `${v.id} (${v.help}) : ${v.targets.join(', ')}`);
}
