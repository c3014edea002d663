/**
 * axe-core injected straight into the page: about five times faster than @axe-core/playwright,
 * which matters when every page is checked. One page per worker is reused from test to test
 * (a new browser context per page costs more than the check itself).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 levels A and AA; no rule is disabled. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

declare global {
  interface Window {
    axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
  }
}

/** Runs axe on the page as it is; returns one line per violation (empty when none). */
export async function axeViolations(page: Page, tags = WCAG_TAGS): Promise<string[]> {
  // Injected once per loaded document: the renderings of one page reuse it.
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
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
      // axe is compiled with each document the context loads, not sent through the protocol for each check.
      await context.addInitScript({ content: axeSource });
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});
