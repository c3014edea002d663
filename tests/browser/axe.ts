/**
 * axe-core loaded straight into the page: about five times faster than @axe-core/playwright,
 * which matters when every page is checked. One page per worker is reused from test to test
 * (a new browser context per page costs more than the check itself).
 *
 * axe is 650 KB of script. Sent with each page (evaluate or init script), it was compiled anew
 * on every page. It is served instead over HTTP by the test worker itself, on 127.0.0.1 and
 * cacheable for good, and loaded with a <script src>: Chromium compiles it once and reuses the
 * compiled code (V8's code cache) on the following pages. Measured on 63 pages, the browser's
 * CPU time per page fell by about a sixth.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { test as base, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));

/** WCAG 2.1 levels A and AA; no rule is disabled. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

declare global {
  interface Window {
    axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
  }
}

/** The URL axe is served at, by a server of this worker started on first use. */
let served: Promise<string> | undefined;
function axeUrl(): Promise<string> {
  served ??= new Promise((resolve) => {
    const server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=31536000, immutable' });
      response.end(axeSource);
    });
    // The worker may end while it listens.
    server.unref();
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`));
  });
  return served;
}

/** Runs axe on the page as it is; returns one line per violation (empty when none). */
export async function axeViolations(page: Page, tags = WCAG_TAGS): Promise<string[]> {
  // Loaded once per document: the renderings of one page reuse it.
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ url: await axeUrl() });
  const violations = await page.evaluate(async (values) => {
    const result = await window.axe!.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'], iframes: false });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, tags);
  return violations.map((v) => `${v.id} (${v.help}) : ${v.targets.join(', ')}`);
}

/** `test` with a `reusedPage` fixture: one browser page per worker. */
export const test = base.extend<object, { reusedPage: Page }>({
  reusedPage: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PREVIEW_PORT ?? 4322}` });
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});
